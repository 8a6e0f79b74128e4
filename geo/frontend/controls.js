/*
 * What sits on the map besides layers: the legend control, the reset-view button, place labels and
 * fitting to results. `geo.addControls(map, options)` installs them once; a view of the claims then
 * only calls `geo.setLegend(html)`, `geo.setLabels(items)` and `geo.fit(target)` with data.
 *
 * options: {text: {legend, reset, lang, dir}, home: {center: [lat, lon], zoom}, labelPane, labelZ,
 * fitMaxZoom, legendOpenWidth}. Every text in it, and in the legend and labels, was escaped on the
 * server.
 */
(function (geo) {
  "use strict";

  var FONT = {major: "700 13px system-ui,sans-serif", minor: "600 12px system-ui,sans-serif"};
  var PADDING = 10;  // px of padding and border around a label's text
  // where the legend may sit, preferred first (top left holds zoom, home and Play; top right, the layers button)
  var CORNERS = ["bottomleft", "bottomright", "topright"];

  function addLegend(map, options) {
    // made once: Leaflet calls onAdd again each time the control moves to another corner
    var box = L.DomUtil.create("details", "geo-legend");
    box.open = map.getSize().x >= options.legendOpenWidth;  // open on wide screens, folded on phones
    box.lang = options.text.lang;
    box.dir = options.text.dir;
    var summary = L.DomUtil.create("summary", "", box), body = L.DomUtil.create("div", "", box);
    summary.textContent = options.text.legend;
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    var Legend = L.Control.extend({
      options: {position: CORNERS[0]},
      onAdd: function () { return box; }
    });
    var legend = new Legend().addTo(map), openBeforePopup = null;
    // "auto": open where it covers no ring, else folded; "open" or "folded": as the reader last chose
    var mode = box.open ? "auto" : "folded", avoid = [];
    map.on("popupopen", function () {  // a popup is read, not the legend: fold it out of the way meanwhile
      openBeforePopup = box.open;
      box.open = false;
    });
    map.on("popupclose", function () {
      if (openBeforePopup !== null) box.open = openBeforePopup;
      openBeforePopup = null;
    });
    summary.addEventListener("click", function (event) {  // the reader's choice, kept as the view changes
      event.preventDefault();
      mode = box.open ? "folded" : "open";
      if (geo.redrawLabels) geo.redrawLabels(); else place();
    });

    /** The legend's box in the map's container px, at `corner`, in `form` (moved there and so to measure). */
    function boxAt(corner, form) {
      if (legend.getPosition() !== corner) legend.setPosition(corner);
      box.open = form !== "folded";
      box.classList.toggle("compact", form === "compact");
      var m = map.getContainer().getBoundingClientRect(), r = box.getBoundingClientRect();
      return {x: r.left - m.left, y: r.top - m.top, w: r.width, h: r.height};
    }
    /**
     * Put the legend where it covers nothing (see geo.legendSpot): open, else open but shorter (it scrolls),
     * else folded, as `mode` allows; a reader who opened it keeps it open.
     */
    function place() {
      if (openBeforePopup !== null) return geo.legendBox;  // folded for a popup meanwhile
      // measured one by one, stopping at the first free spot (each measure lays the page out again)
      var spots = [], forms = {auto: ["open", "compact", "folded"], open: ["open", "compact"], folded: ["folded"]};
      forms[mode].some(function (form) {
        return CORNERS.some(function (corner) {
          var spot = {corner: corner, form: form, box: boxAt(corner, form)};
          spots.push(spot);
          return geo.covered(spot.box, avoid) === 0;
        });
      });
      var spot = geo.legendSpot(spots, avoid);
      geo.legendBox = boxAt(spot.corner, spot.form);
      return geo.legendBox;
    }
    /** Place the legend clear of `boxes` (rings and labels, container px); returns its box, which labels then avoid. */
    geo.placeLegend = function (boxes) {
      avoid = boxes;
      return place();
    };
    geo.setLegend = function (html) { body.innerHTML = html; };
    geo.legendElement = box;
  }

  function addHome(map, options) {
    var Home = L.Control.extend({
      options: {position: "topleft"},
      onAdd: function () {
        var bar = L.DomUtil.create("div", "leaflet-bar");
        var button = L.DomUtil.create("a", "geo-home", bar);
        button.href = "#";
        button.setAttribute("role", "button");
        button.setAttribute("aria-label", options.text.reset);
        button.title = options.text.reset;
        button.textContent = "\u2302";
        L.DomEvent.on(button, "click", function (e) {
          L.DomEvent.preventDefault(e);
          map.setView(options.home.center, options.home.zoom);
        });
        L.DomEvent.disableClickPropagation(bar);
        return bar;
      }
    });
    new Home().addTo(map);
  }

  function addLabels(map, options) {
    var pane = map.createPane(options.labelPane);
    pane.style.zIndex = options.labelZ;
    pane.style.pointerEvents = "none";
    var layer = L.layerGroup().addTo(map), items = [], canvas = document.createElement("canvas").getContext("2d");
    function measure(item) {
      if (!item.w) {
        canvas.font = item.major ? FONT.major : FONT.minor;
        item.w = canvas.measureText(geo.measuredText(item.text)).width + PADDING;
      }
      return item.w;
    }
    function draw() {
      layer.clearLayers();
      var project = function (at) { return map.latLngToContainerPoint(at); }, size = map.getSize();
      // The legend goes where it hides no ring and no label placed without it; then the labels go around it.
      var free = geo.placeLabels(items, project, size, measure).map(function (spot) { return spot.box; });
      var legend = geo.placeLegend ? [geo.placeLegend(geo.ringBoxes(items, project).concat(free))] : [];
      geo.placeLabels(items, project, size, measure, legend).forEach(function (spot) {
        var it = spot.item, classes = "geo-label" + (it.major ? " major" : "") + (it.r ? "" : " area");
        L.marker(spot.at, {pane: options.labelPane, interactive: false, keyboard: false,
          icon: L.divIcon({className: "", iconSize: null, iconAnchor: [-spot.d[0], -spot.d[1]],
            html: "<span class=\"" + classes + "\" dir=\"auto\" data-label=\"" + it.id + "\">" + it.text + "</span>"})})
          .addTo(layer);
      });
    }
    map.on("zoomend moveend resize", draw);
    // A draw in a frame still being laid out (a new page's first view) can measure the legend where it
    // is not: in the next frame, when it is not where it was placed, place both again (a few times at most).
    var checks = 0;
    function drawAndCheck() {
      draw();
      requestAnimationFrame(function () {
        var placed = geo.legendBox, now = geo.legendElement && geo.legendElement.getBoundingClientRect();
        if (!placed || !now || !now.width) return;
        var m = map.getContainer().getBoundingClientRect();
        var moved = Math.abs(now.left - m.left - placed.x) > 1 || Math.abs(now.top - m.top - placed.y) > 1;
        if (moved && checks < 3) { checks += 1; drawAndCheck(); } else checks = 0;
      });
    }
    // The frame sizes the map after it is made (and presenting resizes it), and the legend's text may
    // change its size after it was placed: place again at the new sizes.
    if (typeof ResizeObserver === "function") {
      var pending = 0, observer = new ResizeObserver(function () {
        cancelAnimationFrame(pending);
        pending = requestAnimationFrame(function () { map.invalidateSize(); drawAndCheck(); });  // the centre stays
      });
      observer.observe(map.getContainer());
      if (geo.legendElement) observer.observe(geo.legendElement);
    }
    geo.setLabels = function (labels) { items = labels; drawAndCheck(); };
    // Leaflet's stylesheet is a file: on a busy machine it applies after the first draws, and until then
    // the legend sits in the page's flow, far below where it will be. Place again once it (and the
    // fonts, which size the labels) have loaded.
    if (typeof document !== "undefined") {
      window.addEventListener("load", function () { drawAndCheck(); });
      document.addEventListener("load", function (event) {  // a stylesheet added after the page (load does not bubble)
        if (event.target && event.target.tagName === "LINK") drawAndCheck();
      }, true);
    }
    if (typeof document !== "undefined" && document.fonts) document.fonts.ready.then(function () { drawAndCheck(); });
    geo.redrawLabels = draw;
  }

  geo.addControls = function (map, options) {
    addLegend(map, options);
    addHome(map, options);
    addLabels(map, options);
    if (geo.addPlayControl) geo.addPlayControl(map, options);
    map.getContainer().lang = options.text.lang;
    geo.fit = function (target) {
      if (target === "home") {
        // already home (a first visit): no move, so the URL gains no view
        if (!geo.isHome(map.getCenter(), map.getZoom(), options.home)) map.setView(options.home.center, options.home.zoom);
      } else if (target) {
        map.fitBounds(target, {maxZoom: options.fitMaxZoom, padding: [40, 40]});
      }
    };
  };
})(globalThis.geo = globalThis.geo || {});
