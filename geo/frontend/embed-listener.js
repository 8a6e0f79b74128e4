/*
 * For the page that embeds the map (a copy-paste snippet): size each of this map's iframes to the
 * height the map asks for (frame.js, geo.tellEmbedderHeight). Shipped inside the snippet, so it is
 * written to run anywhere: no dependencies, no globals, and no "less than" sign (it sits in HTML).
 */
(function () {
  "use strict";
  window.addEventListener("message", function (event) {
    var data = event.data || {};
    if (data.sender !== "hikvision-uyghur-map" || typeof data.height !== "number") return;
    Array.prototype.forEach.call(document.querySelectorAll("iframe"), function (frame) {
      if (frame.contentWindow === event.source) frame.style.height = Math.round(data.height) + "px";
    });
  });
})();
