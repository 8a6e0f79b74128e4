/*
 * The claims on the map: one model, drawn from data, and the views the page hands over.
 *
 * `geo.addClaimLayers(map, tiles, model, options)` lists one layer per source and one for the shaded
 * provinces in a layer control (with the optional web tiles), and `geo.applyView(message)` replaces
 * the rings, shapes, labels and legend with a view's and moves the map (see view.js). The map shows
 * the page's latest view if the page has run before it, else `options.initial` (the view it was
 * made with), so a first page draws without waiting. Every string in the model and the views was
 * escaped on the server; the style values (ring radius, step, weight, opacities) come in the model
 * from geo/rules/drawing.py.
 *
 * options: {initial, tilesName, shapesUrl, shadedPane, shadedZ}.
 */
(function (geo) {
  "use strict";

  /** The text of escaped HTML (a tooltip) for an attribute: parsed inertly, never inserted as HTML. */
  function textOf(html) {
    return new DOMParser().parseFromString(html, "text/html").body.textContent;
  }

  function join(ids, fragments) {
    return ids.map(function (c) { return fragments[c] || ""; }).join("");
  }

  geo.addClaimLayers = function (map, tiles, model, options) {
    var control = L.control.layers(null, null, {collapsed: true}).addTo(map);
    if (tiles) control.addOverlay(tiles, options.tilesName);
    if (!map.getPane(options.shadedPane)) map.createPane(options.shadedPane).style.zIndex = options.shadedZ;
    var ring = model.style.ring, shading = model.style.shading;
    var groups = {}, byId = {}, hidden = {}, listed = [], uploads = [], view = null, provinces = null, last = null;
    model.sources.forEach(function (s) { byId[s.id] = s; groups[s.id] = L.featureGroup(); });

    function keyOf(layer) {
      if (layer === provinces) return "provinces";
      if (layer === measureMarks) return "measures";
      return Object.keys(groups).filter(function (id) { return groups[id] === layer; })[0] || null;
    }
    map.on("overlayremove", function (e) { var k = keyOf(e.layer); if (k) hidden[k] = true; });
    map.on("overlayadd", function (e) { var k = keyOf(e.layer); if (k) delete hidden[k]; });

    function placePopup(pid) {
      var v = view.popups[pid], p = model.places[pid];
      if (!v || !p) return "";
      return p.start + v.count + v.groups.map(function (g) { return model.headings[g[0]] + join(g[1], model.claims); })
        .join("") + p.end;
    }
    function show(layer, key, name) {
      if (!hidden[key]) layer.addTo(map);
      control.addOverlay(layer, name);
      listed.push(layer);
    }

    var outline = {};  // province code -> geometry: in the model (standalone files) or fetched (the app)
    model.provinces.features.forEach(function (f) { if (f.geometry) outline[f.id] = f.geometry; });
    if (options.shapesUrl) {
      fetch(options.shapesUrl).then(function (r) { return r.json(); }).then(function (fc) {
        fc.features.forEach(function (f) { outline[f.id] = f.geometry; });
        if (view) drawProvinces();
      });
    }
    function drawProvinces() {
      var next = view;
      if (provinces) { control.removeLayer(provinces); map.removeLayer(provinces); }
      var shown = model.provinces.features
        .filter(function (f) { return next.provinces[f.id] && outline[f.id]; })
        .map(function (f) { return {type: "Feature", id: f.id, properties: f.properties, geometry: outline[f.id]}; });
      provinces = L.geoJson({type: "FeatureCollection", features: shown}, {
        pane: options.shadedPane,
        style: function (f) {
          var c = next.provinces[f.id].colour;
          return {fillColor: c, fillOpacity: shading.fillOpacity, color: c, weight: shading.weight};
        },
        onEachFeature: function (f, layer) {
          layer.bindTooltip(next.provinces[f.id].tooltip, {sticky: true});
          layer.bindPopup(function () {
            return f.properties.start + join(next.provinces[f.id].claims, model.provinceClaims) + f.properties.end;
          }, {maxWidth: 400});
        }
      });
      if (provinces.getLayers().length) {
        if (!hidden.provinces) provinces.addTo(map);
        control.addOverlay(provinces, model.text.provinces);
      }
    }
    // Government measures (model.measures): a square badge beside each place one binds, from the year it was first dated.
    var measureMarks = L.featureGroup(), mark = model.style.measure, measuresYear;
    function drawMeasures(year) {  // filters do not touch them: only a new year (Play) redraws them
      if (year === measuresYear) return;
      measuresYear = year;
      control.removeLayer(measureMarks);
      map.removeLayer(measureMarks);
      measureMarks.clearLayers();
      (model.measures || []).forEach(function (m) {
        var shown = m.measures.filter(function (x) { return year === null || x[0] <= year; });
        if (!shown.length) return;
        var icon = L.divIcon({className: "geo-measure", iconSize: [mark.side, mark.side],
          iconAnchor: [mark.side / 2 + mark.offset, mark.side / 2 + mark.offset]});
        L.marker([m.lat, m.lon], {icon: icon, keyboard: true, autoPanOnFocus: false, title: textOf(m.tooltip)})
          .bindPopup("<div class=\"measure-popup\">" + shown.map(function (x) { return x[1]; }).join("") + "</div>", {maxWidth: 440})
          .bindTooltip(m.tooltip)
          .addTo(measureMarks);
      });
      if (measureMarks.getLayers().length) {
        if (!hidden.measures) measureMarks.addTo(map);
        control.addOverlay(measureMarks, model.text.measures + " (" + measureMarks.getLayers().length + ")");
      }
    }
    function draw(next) {
      view = next;
      listed.forEach(function (layer) { control.removeLayer(layer); });  // first: no overlay events below
      listed = [];
      var counts = {};
      model.sources.forEach(function (s) { groups[s.id].clearLayers(); counts[s.id] = 0; map.removeLayer(groups[s.id]); });
      next.rings.forEach(function (r) {
        var p = model.places[r[0]], s = byId[r[1]];
        if (!p || !s) return;
        counts[s.id] += 1;
        L.circleMarker([p.lat, p.lon], {radius: ring.radius + ring.step * r[2], color: s.colour, weight: ring.weight,
          dashArray: p.dash, fill: r[2] === 0, fillColor: s.colour, fillOpacity: ring.fillOpacity})
          .bindPopup(function () { return placePopup(r[0]); }, {maxWidth: 440})
          .bindTooltip(r[3], {sticky: true})
          .addTo(groups[s.id]);
      });
      model.sources.forEach(function (s) { if (counts[s.id]) show(groups[s.id], s.id, s.name + " (" + counts[s.id] + ")"); });
      drawProvinces();
      drawMeasures(upTo);
      if (geo.setLegend) geo.setLegend(next.legend);  // first: the labels are placed around the legend
      if (geo.setLabels) geo.setLabels(next.labels);
    }

    // The visitor's own layers, listed with the others (each upload's group calls these).
    geo.resetUploads = function () { uploads.forEach(function (l) { control.removeLayer(l); }); uploads = []; };
    geo.listUpload = function (layer, name) { control.addOverlay(layer, name); uploads.push(layer); };

    // Play (timeline.js) shows the view up to one year at a time; null shows all of it.
    var upTo = null;
    geo.showUpTo = function (year) {
      upTo = year;
      if (last) draw(geo.viewUpTo(last.view, upTo));
      return last ? geo.viewUpTo(last.view, upTo).count : 0;
    };
    geo.shownView = function () { return last ? last.view : null; };

    geo.applyView = function (message) {  // the page calls this with each new view; so does a standalone file
      geo.handedMessage = message;  // the last message handed over (tests wait for the page's latest to arrive)
      var change = geo.viewChange(last, message);
      if (!change) return;
      if (change.redraw) draw(geo.viewUpTo(message.view, upTo));
      last = message;
      if (change.redraw && geo.onViewDrawn) geo.onViewDrawn();
      geo.viewKey = message.key;  // which view is shown (tests and tools wait for it)
      if (change.fit && geo.fit) geo.fit(change.fit);
    };
    geo.applyView(geo.handedView() || options.initial);  // the page's latest view, else the one the map was made with
  };

  /** The page's latest view, if the page has run before the map (null from another origin, or standalone). */
  geo.handedView = function () {
    try {
      if (window.parent !== window && window.parent.geo) return window.parent.geo.view || null;
    } catch {
      // another origin: the page hands the view over when it runs
    }
    return null;
  };
})(globalThis.geo = globalThis.geo || {});
