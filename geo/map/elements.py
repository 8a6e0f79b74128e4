"""Leaflet elements that carry their data as JSON and render without folium's per-element cost.

folium renders each marker, popup and tooltip as its own element, and branca compiles every
rendered snippet again as a Jinja template; with a few hundred elements, or a large GeoJSON
string, a Streamlit rerun spent most of its time lexing its own output. These elements emit
one script each, added to the page as is.
"""

from __future__ import annotations

from branca.element import Element, MacroElement
from jinja2 import Template

from geo import frontend
from geo.style import SHADED_PANE, SHADED_PANE_Z


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





class ClaimLayers(ScriptElement):
    """Draws a claim model (:func:`geo.map.overlays.claim_model`) and applies views of it.

    One layer per source and one for the shaded provinces, listed in a layer control with
    the web tiles; ``window.geoApplyView(message)`` replaces the rings, shapes, labels and
    legend with a view's and moves the map to ``message.fit``. The map shows the page's
    latest view (``parent.__geoView``) if there is one when it loads, else ``initial`` (the
    view it was made with: all claims in the app, so a first page draws without waiting).
    Every string in the model and views is escaped on the server.
    """

    _template = Template("{% macro script(this, kwargs) %}\n" + frontend.text("claim-layers.js") + "{% endmacro %}")

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

    _template = Template("{% macro script(this, kwargs) %}" + frontend.text("basemap-layer.js") + "{% endmacro %}")

    def __init__(
        self, url: str, style: dict, *, pane: str, z_index: int, interactive: bool, tooltip: str | None = None
    ) -> None:
        super().__init__()
        self._name = "LinkedVectorLayer"
        self.url = url
        self.pane, self.z_index = pane, int(z_index)
        self.options = {"style": style, "interactive": interactive, "pane": pane}
        self.tooltip = tooltip
