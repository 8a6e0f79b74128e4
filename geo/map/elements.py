"""Leaflet elements that carry their data as JSON and render without folium's per-element cost.

folium renders each marker, popup and tooltip as its own element, and branca compiles every
rendered snippet again as a Jinja template; with a few hundred elements, or a large GeoJSON
string, a Streamlit rerun spent most of its time lexing its own output. These elements emit
one script each, added to the page as is.
"""

from __future__ import annotations

from branca.element import Element, MacroElement
from jinja2 import Template


class _RawScript(Element):
    """Already-rendered script text, returned as is (never parsed as a template)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: object) -> str:
        return self.text


class ScriptElement(MacroElement):
    """A MacroElement whose rendered ``header`` and ``script`` macros are added as raw text."""

    def render(self, **kwargs: object) -> None:
        """Add this element's header and script to the page, then render its children."""
        figure = self.get_root()
        module = self._template.module.__dict__
        for part in ("header", "script"):
            if part in module:
                getattr(figure, part).add_child(_RawScript(module[part](self, kwargs)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


#: Shaded provinces draw below the rings (Leaflet's overlay pane is 400), so a ring inside a shaded province is
#: still the thing a click reaches; above the basemap panes (390-392).
SHADED_PANE, SHADED_PANE_Z = "shaded", 395

_CLAIM_LAYERS_JS = """
(function (map, model, initial, tiles, tilesName, shapesUrl) {
  var control = L.control.layers(null, null, {collapsed: true}).addTo(map);
  if (tiles) control.addOverlay(tiles, tilesName);
  if (!map.getPane("{{ this.shaded_pane }}")) map.createPane("{{ this.shaded_pane }}").style.zIndex = {{ this.shaded_z }};
  var groups = {}, byId = {}, hidden = {}, listed = [], view = null, provinces = null, last = null;
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
      style: function (f) { var c = next.provinces[f.id].colour; return {fillColor: c, fillOpacity: 0.45, color: c, weight: 1}; },
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
      L.circleMarker([p.lat, p.lon], {radius: next.radius[0] + next.radius[1] * r[2], color: s.colour, weight: 3,
        dashArray: p.dash, fill: r[2] === 0, fillColor: s.colour, fillOpacity: 0.35})
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
"""


class ClaimLayers(ScriptElement):
    """Draws a claim model (:func:`geo.map.overlays.claim_model`) and applies views of it.

    One layer per source and one for the shaded provinces, listed in a layer control with
    the web tiles; ``window.geoApplyView(message)`` replaces the rings, shapes, labels and
    legend with a view's and moves the map to ``message.fit``. The map shows the page's
    latest view (``parent.__geoView``) if there is one when it loads, else ``initial`` (the
    view it was made with: all claims in the app, so a first page draws without waiting).
    Every string in the model and views is escaped on the server.
    """

    _template = Template("{% macro script(this, kwargs) %}" + _CLAIM_LAYERS_JS + "{% endmacro %}")

    def __init__(
        self, model_literal: str, initial_literal: str = "", tiles: object | None = None, shapes_url: str = ""
    ) -> None:
        super().__init__()
        self._name = "ClaimLayers"
        self.model_literal = model_literal
        self.initial_literal = initial_literal
        self.tiles = tiles  # named when rendered: streamlit-folium renames elements to stable ids first
        self.tiles_label = tiles.layer_name if tiles is not None else ""
        self.shaded_pane, self.shaded_z = SHADED_PANE, SHADED_PANE_Z
        self.shapes_url = shapes_url


class UploadSlot(ScriptElement):
    """Lists a visitor's layer in the map's layer control (``name``: escaped HTML), or, with no name, clears them.

    The page always sends one empty slot first, so the control forgets a removed layer.
    """

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "{% if this.layer_label %}if (window.geoAddUpload) window.geoAddUpload({{ this._parent.get_name() }}, "
        "{{ this.layer_label|tojson }});{% else %}if (window.geoUploadsReset) window.geoUploadsReset();{% endif %}"
        "{% endmacro %}"
    )

    def __init__(self, layer_label: str = "") -> None:
        super().__init__()
        self._name = "UploadSlot"
        self.layer_label = layer_label


class LinkedVectorLayer(ScriptElement):
    """A basemap layer the browser fetches from this app's static files, styled by one constant style.

    Only the URL, the style and an optional tooltip travel in the page, so the payload stays
    small and the server never walks the boundary coordinates on a rerun (folium's GeoJson
    computes bounds and a per-feature style map from the data on every render, ~0.2 s here).
    The files arrive in any order, so each layer draws in its own pane at ``z_index``
    (below Leaflet's overlay pane, 400, where the rings are): the stacking never depends on
    which download finishes first. Each draws on its own canvas (thousands of border vertices
    are cheap there, costly as SVG), after the page's first paint: the rings come first.
    """

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "var {{ this.get_name() }}_map = {{ this._parent.get_name() }};"
        "if (!{{ this.get_name() }}_map.getPane({{ this.pane|tojson }})) {"
        " {{ this.get_name() }}_map.createPane({{ this.pane|tojson }}).style.zIndex = {{ this.z_index }}; }"
        "var {{ this.get_name() }}_options = {{ this.options|tojson }};"
        "{{ this.get_name() }}_options.renderer = L.canvas({pane: {{ this.pane|tojson }}, padding: 0.5});"
        "var {{ this.get_name() }} = L.geoJson(null, {{ this.get_name() }}_options);"
        "{% if this.tooltip %}{{ this.get_name() }}.bindTooltip({{ this.tooltip|tojson }}, {sticky: true});"
        "{% endif %}"
        "{{ this.get_name() }}.addTo({{ this.get_name() }}_map);"
        "fetch({{ this.url|tojson }}).then(function (r) { return r.json(); }).then(function (d) {"
        " requestAnimationFrame(function () { setTimeout(function () { {{ this.get_name() }}.addData(d); }, 0); }); });"
        "{% endmacro %}"
    )

    def __init__(
        self, url: str, style: dict, *, pane: str, z_index: int, interactive: bool, tooltip: str | None = None
    ) -> None:
        super().__init__()
        self._name = "LinkedVectorLayer"
        self.url = url
        self.pane, self.z_index = pane, int(z_index)
        self.options = {"style": style, "interactive": interactive, "pane": pane}
        self.tooltip = tooltip
