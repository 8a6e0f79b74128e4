(function (map, text, home) {
  var pane = map.createPane("geoLabels");
  pane.style.zIndex = {{ this.label_z }};
  pane.style.pointerEvents = "none";
  var style = document.createElement("style");
  style.textContent = ".geo-label{position:absolute;white-space:nowrap;font:600 12px/1.2 system-ui,sans-serif;"
    + "color:#1f2328;background:rgba(255,255,255,.82);padding:1px 4px;border-radius:3px;}"
    + ".geo-label.major{font-size:13px;font-weight:700}.geo-label.area{color:#4a3a6b;font-weight:600;"
    + "background:rgba(255,255,255,.6)}"
    + ".geo-legend{background:#fff;padding:6px 8px;border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.3);"
    + "max-width:250px;max-height:46vh;overflow:auto;font:12px/1.3 system-ui,sans-serif;color:#1f2328}"
    + ".geo-legend summary{cursor:pointer;font-weight:700}.geo-legend details summary{font-weight:600}.geo-legend ul{list-style:none;margin:4px 0;padding:0}"
    + ".geo-legend li{margin:2px 0}.geo-home{font-size:16px;line-height:26px;text-align:center}";
  document.head.appendChild(style);

  var Legend = L.Control.extend({
    options: {position: "bottomleft"},
    onAdd: function () {
      var box = L.DomUtil.create("details", "geo-legend");
      box.open = map.getSize().x >= 700;  // open on wide screens, collapsed on phones
      box.lang = text.lang;
      box.dir = text.dir;
      var summary = L.DomUtil.create("summary", "", box);
      summary.textContent = text.legend;
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
  window.geoSetLegend = function (html) { legend.body.innerHTML = html; };

  var Home = L.Control.extend({
    options: {position: "topleft"},
    onAdd: function () {
      var bar = L.DomUtil.create("div", "leaflet-bar");
      var button = L.DomUtil.create("a", "geo-home", bar);
      button.href = "#";
      button.setAttribute("role", "button");
      button.setAttribute("aria-label", text.reset);
      button.title = text.reset;
      button.textContent = "\u2302";
      L.DomEvent.on(button, "click", function (e) { L.DomEvent.preventDefault(e); map.setView(home.center, home.zoom); });
      L.DomEvent.disableClickPropagation(bar);
      return bar;
    }
  });
  new Home().addTo(map);

  var layer = L.layerGroup().addTo(map), items = [], canvas = document.createElement("canvas").getContext("2d");
  function width(item) {
    canvas.font = (item.major ? "700 13px" : "600 12px") + " system-ui,sans-serif";
    return canvas.measureText(item.text.replace(/&[^;]+;/g, "x")).width + 10;
  }
  function overlaps(a, b) { return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h; }
  function place() {
    layer.clearLayers();
    var size = map.getSize(), taken = [], rings = [];
    items.forEach(function (it) {
      if (it.r) { var p = map.latLngToContainerPoint([it.lat, it.lon]);
        rings.push({x: p.x - it.r, y: p.y - it.r, w: 2 * it.r, h: 2 * it.r, id: it.id}); }
    });
    items.slice().sort(function (a, b) { return b.priority - a.priority; }).forEach(function (it) {
      var w = it.w || (it.w = width(it)), h = it.major ? 19 : 17, g = (it.r || 0) + 3, spots = [];
      if (it.r) {  // beside the ring: right, left, above, below, then the corners
        [[g, -h / 2], [-g - w, -h / 2], [-w / 2, -g - h], [-w / 2, g], [g, -g - h], [-g - w, -g - h], [g, g], [-g - w, g]]
          .forEach(function (s) { spots.push({at: [it.lat, it.lon], d: s}); });
      } else {  // an area's name: centred on its best point, else on other points inside it
        [[it.lat, it.lon]].concat(it.alts || []).forEach(function (a) { spots.push({at: a, d: [-w / 2, -h / 2]}); });
      }
      for (var i = 0; i < spots.length; i++) {
        var p = map.latLngToContainerPoint(spots[i].at), d = spots[i].d;
        var box = {x: p.x + d[0], y: p.y + d[1], w: w, h: h};
        if (box.x < 0 || box.y < 0 || box.x + w > size.x || box.y + h > size.y) continue;
        if (taken.some(function (t) { return overlaps(box, t); })) continue;
        if (rings.some(function (c) { return c.id !== it.id && overlaps(box, c); })) continue;
        taken.push(box);
        L.marker(spots[i].at, {pane: "geoLabels", interactive: false, keyboard: false,
          icon: L.divIcon({className: "", iconSize: null, iconAnchor: [-d[0], -d[1]],
            html: '<span class="geo-label' + (it.major ? " major" : "") + (it.r ? "" : " area")
              + '" dir="auto" data-label="' + it.id + '">' + it.text + "</span>"})}).addTo(layer);
        return;
      }
    });
  }
  map.on("zoomend moveend resize", place);
  window.geoSetLabels = function (labels) { items = labels; place(); };
  map.getContainer().lang = text.lang;
  window.geoFit = function (target) {
    if (target === "home") {
      var c = map.getCenter();  // already home (a first visit): no move, so the URL gains no view
      if (map.getZoom() !== home.zoom || Math.abs(c.lat - home.center[0]) > 1e-6 || Math.abs(c.lng - home.center[1]) > 1e-6) {
        map.setView(home.center, home.zoom);
      }
    }
    else if (target) { map.fitBounds(target, {maxZoom: {{ this.fit_max_zoom }}, padding: [40, 40]}); }
  };
})({{ this._parent.get_name() }}, {{ this.text|tojson }}, {{ this.home|tojson }});
