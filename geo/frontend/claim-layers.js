(function (map, model, initial, tiles, tilesName, shapesUrl) {
  var control = L.control.layers(null, null, {collapsed: true}).addTo(map);
  if (tiles) control.addOverlay(tiles, tilesName);
  if (!map.getPane("{{ this.shaded_pane }}")) map.createPane("{{ this.shaded_pane }}").style.zIndex = {{ this.shaded_z }};
  var groups = {}, byId = {}, hidden = {}, listed = [], view = null, provinces = null, last = null, ring = model.style.ring;
  model.sources.forEach(function (s) { byId[s.id] = s; groups[s.id] = L.featureGroup(); });
  function keyOf(layer) {
    if (layer === provinces) return "provinces";
    for (var id in groups) { if (groups[id] === layer) return id; }
    return null;
  }
  map.on("overlayremove", function (e) { var k = keyOf(e.layer); if (k) hidden[k] = true; });
  map.on("overlayadd", function (e) { var k = keyOf(e.layer); if (k) delete hidden[k]; });
  function join(ids, fragments) { return ids.map(function (c) { return fragments[c] || ""; }).join(""); }
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
  if (shapesUrl) {
    fetch(shapesUrl).then(function (r) { return r.json(); }).then(function (fc) {
      fc.features.forEach(function (f) { outline[f.id] = f.geometry; });
      if (view) drawProvinces();
    });
  }
  function drawProvinces() {
    var next = view;
    if (provinces) { control.removeLayer(provinces); map.removeLayer(provinces); }
    provinces = L.geoJson({type: "FeatureCollection", features: model.provinces.features
      .filter(function (f) { return next.provinces[f.id] && outline[f.id]; })
      .map(function (f) { return {type: "Feature", id: f.id, properties: f.properties, geometry: outline[f.id]}; })}, {
      pane: "{{ this.shaded_pane }}",
      style: function (f) { var c = next.provinces[f.id].colour; return {fillColor: c, fillOpacity: model.style.shading.fillOpacity, color: c, weight: model.style.shading.weight}; },
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
  function apply(next) {
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
    if (window.geoSetLabels) window.geoSetLabels(next.labels);
    if (window.geoSetLegend) window.geoSetLegend(next.legend);
  }
  var uploads = [];  // the visitor's layers, listed with the others (see UploadSlot)
  window.geoUploadsReset = function () { uploads.forEach(function (l) { control.removeLayer(l); }); uploads = []; };
  window.geoAddUpload = function (layer, name) { control.addOverlay(layer, name); uploads.push(layer); };
  window.geoApplyView = function (message) {  // the page calls this with each new view; so does a standalone file
    if (!message || message === last) return;
    if (!(last && message.key === last.key)) apply(message.view);  // the same view again: keep the rings
    last = message;
    window.geoViewKey = message.key;  // which view is shown (tests and tools wait for it)
    if (message.fit && window.geoFit) window.geoFit(message.fit);
  };
  var handed = null;  // the page's latest view, if the page has run before the map
  try { if (window.parent !== window) handed = window.parent.__geoView; }
  catch (e) { /* another origin: the page hands the view over when it runs */ }
  window.geoApplyView(handed || initial);  // else the view the map was made with: no wait for the page
})({{ this._parent.get_name() }}, JSON.parse({{ this.model_literal }}),
   {% if this.initial_literal %}JSON.parse({{ this.initial_literal }}){% else %}null{% endif %},
   {% if this.tiles %}{{ this.tiles.get_name() }}{% else %}null{% endif %}, {{ this.tiles_label|tojson }},
   {{ this.shapes_url|tojson }});
