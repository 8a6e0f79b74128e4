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

  function addLegend(map, options) {
    var Legend = L.Control.extend({
      options: {position: "bottomleft"},
      onAdd: function () {
        var box = L.DomUtil.create("details", "geo-legend");
        box.open = map.getSize().x >= options.legendOpenWidth;  // open on wide screens, folded on phones
        box.lang = options.text.lang;
        box.dir = options.text.dir;
        L.DomUtil.create("summary", "", box).textContent = options.text.legend;
        this.body = L.DomUtil.create("div", "", box);
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        return box;
      }
    });
    var legend = new Legend().addTo(map), openBeforePopup = null;
    map.on("popupopen", function () {  // a popup is read, not the legend: fold it out of the way meanwhile
      openBeforePopup = legend.getContainer().open;
      legend.getContainer().open = false;
    });
    map.on("popupclose", function () {
      if (openBeforePopup !== null) legend.getContainer().open = openBeforePopup;
      openBeforePopup = null;
    });
    geo.setLegend = function (html) { legend.body.innerHTML = html; };
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
      var project = function (at) { return map.latLngToContainerPoint(at); };
      geo.placeLabels(items, project, map.getSize(), measure).forEach(function (spot) {
        var it = spot.item, classes = "geo-label" + (it.major ? " major" : "") + (it.r ? "" : " area");
        L.marker(spot.at, {pane: options.labelPane, interactive: false, keyboard: false,
          icon: L.divIcon({className: "", iconSize: null, iconAnchor: [-spot.d[0], -spot.d[1]],
            html: "<span class=\"" + classes + "\" dir=\"auto\" data-label=\"" + it.id + "\">" + it.text + "</span>"})})
          .addTo(layer);
      });
    }
    map.on("zoomend moveend resize", draw);
    geo.setLabels = function (labels) { items = labels; draw(); };
  }

  geo.addControls = function (map, options) {
    addLegend(map, options);
    addHome(map, options);
    addLabels(map, options);
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
