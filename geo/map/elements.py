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


class PlacePopups(ScriptElement):
    """Each shown place's popup HTML, sent once: every ring at a place (one per source) opens the same popup.

    Sets ``window.geoPlacePopups`` (place id -> escaped HTML) for :class:`SourceRings`.
    """

    _template = Template(
        "{% macro script(this, kwargs) %}window.geoPlacePopups = JSON.parse({{ this.payload_literal }});{% endmacro %}"
    )

    def __init__(self, literal: str) -> None:
        super().__init__()
        self._name = "PlacePopups"
        self.payload_literal = literal


class SourceRings(ScriptElement):
    """One source's rings (see :func:`geo.map.overlays.ring`) in one element; Leaflet draws the circles.

    Tooltip text must already be escaped HTML; a ring's ``popup`` is its place id in
    :class:`PlacePopups`. ``literal`` comes from :func:`geo.map.overlays.spec`, which
    encodes it once per filter set.
    """

    _template = Template(
        """{% macro script(this, kwargs) %}
(function () {
  JSON.parse({{ this.payload_literal }}).forEach(function (r) {
    L.circleMarker([r.lat, r.lon], {radius: r.radius, color: {{ this.colour|tojson }}, weight: 3,
      dashArray: r.dash, fill: r.fill, fillColor: {{ this.colour|tojson }}, fillOpacity: 0.35})
      .bindPopup(function () { return (window.geoPlacePopups || {})[r.popup] || ""; }, {maxWidth: 440})
      .bindTooltip(r.tooltip, {sticky: true})
      .addTo({{ this._parent.get_name() }});
  });
})();
{% endmacro %}"""
    )

    def __init__(self, rings: list[dict], colour: str, literal: str) -> None:
        super().__init__()
        self._name = "SourceRings"
        self.rings = rings  # for the map's bounds; the browser gets ``literal``, their JSON as a string
        self.colour = colour
        self.payload_literal = literal

    def _get_self_bounds(self) -> list[list[float | None]]:
        if not self.rings:
            return [[None, None], [None, None]]
        lats = [r["lat"] for r in self.rings]
        lons = [r["lon"] for r in self.rings]
        return [[min(lats), min(lons)], [max(lats), max(lons)]]


class ShadedAreas(ScriptElement):
    """Polygons filled by their feature's ``colour``, each with an escaped tooltip and popup."""

    _template = Template(
        """{% macro script(this, kwargs) %}
(function () {
  L.geoJson(JSON.parse({{ this.payload_literal }}), {
    style: function (f) {
      var c = f.properties.colour;
      return {fillColor: c, fillOpacity: 0.45, color: c, weight: 1};
    },
    onEachFeature: function (f, layer) {
      layer.bindTooltip(f.properties.tooltip, {sticky: true});
      layer.bindPopup(f.properties.popup, {maxWidth: 400});
    }
  }).addTo({{ this._parent.get_name() }});
})();
{% endmacro %}"""
    )

    def __init__(self, literal: str) -> None:
        super().__init__()
        self._name = "ShadedAreas"
        self.payload_literal = literal  # a FeatureCollection's JSON as a JavaScript string


class LinkedVectorLayer(ScriptElement):
    """A basemap layer the browser fetches from this app's static files, styled by one constant style.

    Only the URL, the style and an optional tooltip travel in the page, so the payload stays
    small and the server never walks the boundary coordinates on a rerun (folium's GeoJson
    computes bounds and a per-feature style map from the data on every render, ~0.2 s here).
    The files arrive in any order, so each layer draws in its own pane at ``z_index``
    (below Leaflet's overlay pane, 400, where the rings are): the stacking never depends on
    which download finishes first.
    """

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "var {{ this.get_name() }}_map = {{ this._parent.get_name() }};"
        "if (!{{ this.get_name() }}_map.getPane({{ this.pane|tojson }})) {"
        " {{ this.get_name() }}_map.createPane({{ this.pane|tojson }}).style.zIndex = {{ this.z_index }}; }"
        "var {{ this.get_name() }} = L.geoJson(null, {{ this.options|tojson }});"
        "{% if this.tooltip %}{{ this.get_name() }}.bindTooltip({{ this.tooltip|tojson }}, {sticky: true});"
        "{% endif %}"
        "{{ this.get_name() }}.addTo({{ this.get_name() }}_map);"
        "fetch({{ this.url|tojson }}).then(function (r) { return r.json(); })"
        ".then(function (d) { {{ this.get_name() }}.addData(d); });"
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
