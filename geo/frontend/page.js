/*
 * The app's page (not the map's frame): its language and direction, the view handed to the map
 * after every run, the URL's own parameters, and opening a place asked for by the map.
 *
 * Runs through st.html, whose sanitiser drops a script that seems to hold a tag: this file, like
 * url.js, holds no "less than" sign.
 */
(function (geo) {
  "use strict";

  var MAP_FRAME = "iframe[title=\"streamlit_folium.st_folium\"]";

  /** Say the page's language and direction (screen readers, fonts; the stylesheet lays out right to left). */
  geo.setPageLanguage = function (lang, dir) {
    document.documentElement.lang = lang;
    document.documentElement.dataset.geoDir = dir;
  };

  /**
   * Hand the map a view (see view.js) and make the URL's own parameters what this run says, whatever
   * wrote the URL last (the map writes its view there; Streamlit writes the query it knows).
   * message: {key, view, fit, params}; params: {place: id or null}.
   */
  geo.handView = function (message) {
    geo.view = message;
    if (message.params) {
      var wanted = geo.withParams(location.href, message.params);
      if (wanted !== location.href) history.replaceState(history.state, "", wanted);
    }
    document.querySelectorAll(MAP_FRAME).forEach(function (frame) {
      try {
        var map = frame.contentWindow && frame.contentWindow.geo;
        if (map && map.applyView) map.applyView(message);
        if (map && map.writeView) map.writeView(true);  // the map's own view, over the one Streamlit remembered
      } catch {
        // a map from another origin reads geo.view when it starts
      }
    });
  };

  /**
   * The briefing's button a key presses: arrows as a clicker's Previous and Next (PageUp, PageDown, Home
   * and End are the buttons' own shortcuts). None while typing, or with a modifier (the browser's keys).
   */
  geo.stepButtonFor = function (event, rtl) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target && event.target.tagName || "") ||
      Boolean(event.target && event.target.isContentEditable);
    if (typing || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
    // right to left (rtl true), the next step is to the left
    var keys = {ArrowLeft: rtl ? "next" : "previous", ArrowRight: rtl ? "previous" : "next",
      ArrowUp: "previous", ArrowDown: "next"};
    return keys[event.key] || null;
  };

  /** Full screen on the presenter's click (browsers allow it only from a click), nothing around the step. */
  geo.toggleFullscreen = function (button) {
    var root = document.documentElement, on = !document.fullscreenElement;
    var done = on ? root.requestFullscreen && root.requestFullscreen() : document.exitFullscreen();
    root.classList.toggle("geo-presenting", on);
    button.setAttribute("aria-pressed", String(on));
    if (done && done.catch) done.catch(function () {});  // refused (an embedding page's policy): still compact
    return done;
  };

  if (!geo.pageKeysInstalled && typeof document !== "undefined") {  // once per page, however many runs
    geo.pageKeysInstalled = true;
    document.addEventListener("keydown", function (event) {
      var name = geo.stepButtonFor(event, document.documentElement.dataset.geoDir === "rtl");
      var button = name && document.querySelector(".st-key-" + name + " button:not([disabled])");
      if (!button) return;
      event.preventDefault();
      button.click();
    });
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("[data-geo-fullscreen]");
      if (button) geo.toggleFullscreen(button);
    });
    document.addEventListener("fullscreenchange", function () {  // Esc leaves full screen: leave presenting too
      if (!document.fullscreenElement) document.documentElement.classList.remove("geo-presenting");
    });
  }

  /** Open a place's detail view (a link from the map's popup): a page of this app, in this tab. */
  geo.openPlace = function (href) {
    if (geo.isAppLink(href)) location.assign(href);
  };
})(globalThis.geo = globalThis.geo || {});
