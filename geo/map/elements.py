"""Leaflet elements as thin wiring: each renders one call into the client code, with its data as JSON.

The programs live in ``geo/frontend/*.js`` (linted, unit-tested); :class:`ClientCode` inlines
them once at the top of every map, with the stylesheet, so the app's map, the offline HTML
and the static site are self-contained. Each element here renders a single line such as
``geo.addClaimLayers(map, tiles, model, options);``: the Python side names the map's
variables and passes JSON, and never writes JavaScript.

These elements also avoid folium's per-element cost: folium renders each marker, popup and
tooltip as its own element, and branca compiles every rendered snippet again as a Jinja
template; with a few hundred elements, or a large GeoJSON string, a Streamlit rerun spent
most of its time lexing its own output.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from branca.element import Element, MacroElement
from jinja2 import Template

from geo import frontend
from geo.html.escape import js_string


class RawText(Element):
    """Already-rendered text (a script, a style, a header), never parsed again as a template.

    It renders as branca's ``Element(text)`` would, minus the compiling: Jinja drops one
    trailing newline, and so does this, so maps and exports keep every byte.
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text.removesuffix("\n")

    def render(self, **kwargs: object) -> str:
        """The text itself."""
        return self.text


class ScriptElement(MacroElement):
    """A MacroElement whose rendered ``header`` and ``script`` macros are added as raw text."""

    def render(self, **kwargs: object) -> None:
        """Add this element's header and script to the page, then render its children."""
        figure = self.get_root()
        module = self._template.module.__dict__
        for part in ("header", "script"):
            if part in module:
                getattr(figure, part).add_child(RawText(module[part](self, kwargs)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


def json_argument(value: object) -> str:
    """A small JSON value as JavaScript source that cannot end the ``<script>`` holding it."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def parsed_argument(json_text: str) -> str:
    """Large JSON text as ``JSON.parse("…")``: parsing one string is much faster than compiling a literal."""
    return f"JSON.parse({js_string(json_text)})"


class ClientCall(ScriptElement):
    """One call into the client code: ``geo.<function>(<arguments>);``.

    Subclasses give :meth:`arguments`, as JavaScript source: names of the map's variables
    (known only when rendering: streamlit-folium renames elements first) and JSON.
    """

    function = ""
    _template = Template("{% macro script(this, kwargs) %}geo.{{ this.function }}({{ this.arguments() }});{% endmacro %}")

    def arguments(self) -> str:
        """The call's arguments, comma-separated JavaScript source."""
        return ", ".join(self.argument_list())

    def argument_list(self) -> Sequence[str]:
        """Each argument as JavaScript source (the parent layer's variable first, by default)."""
        return [self._parent.get_name()]


class ClientCode(ScriptElement):
    """The client code and the stylesheet, inlined once at the top of a map (its first child).

    A :class:`ScriptElement`: branca would compile the 33 KB of code and the stylesheet again as a
    Jinja template on every render (about 15 ms of each rerun).
    """

    _template = Template(
        "{% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}"
        "{% macro script(this, kwargs) %}{{ this.code }}{% endmacro %}"
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "ClientCode"
        self.css = frontend.stylesheet()
        self.code = frontend.frame_code()


class ClaimLayers(ClientCall):
    """Draws a claim model (:func:`geo.map.overlays.claim_model`) and applies views of it (``claim-layers.js``).

    ``initial_json`` is the message applied at once when the page has handed no view (all
    claims in the app, so a first page draws without waiting; the only view of a standalone
    file), as JSON text: it goes into the options as it is, never decoded and encoded again
    on a rerun.
    """

    function = "addClaimLayers"

    def __init__(self, model_json: str, initial_json: str, tiles: object | None, options: dict) -> None:
        super().__init__()
        self._name = "ClaimLayers"
        self.model_json = model_json
        self.initial_json = initial_json
        self.tiles = tiles  # named when rendered
        self.options = {**options, "tilesName": getattr(tiles, "layer_name", "")}

    def argument_list(self) -> Sequence[str]:
        """The map, the web tiles layer (or null), the model (parsed from a string), the options."""
        tiles = self.tiles.get_name() if self.tiles is not None else "null"
        options = json_argument(self.options)[:-1] + ',"initial":' + self.initial_json.replace("</", "<\\/") + "}"
        return [self._parent.get_name(), tiles, parsed_argument(self.model_json), options]


class UploadSlot(ClientCall):
    """Lists a visitor's layer in the map's layer control (``name``: escaped HTML), or, with no name, clears them.

    The page always sends one empty slot first, so the control forgets a removed layer.
    """

    def __init__(self, layer_label: str = "") -> None:
        super().__init__()
        self._name = "UploadSlot"
        self.layer_label = layer_label
        self.function = "listUpload" if layer_label else "resetUploads"

    def argument_list(self) -> Sequence[str]:
        """The upload's group and its label; nothing to reset."""
        return [self._parent.get_name(), json_argument(self.layer_label)] if self.layer_label else []


class BasemapLayerElement(ClientCall):
    """A layer of :data:`geo.rules.drawing.BASEMAP` (``basemap-layer.js``): fetched from ``options["url"]``, or embedded.

    Fetched, only the URL, the style and a tooltip travel in the page, so the payload stays
    small and the server never walks the boundary coordinates on a rerun (folium's GeoJson
    computes bounds and a per-feature style map on every render, ~0.2 s here). Embedded
    (``collection_json``) for standalone files.
    """

    function = "addBasemapLayer"

    def __init__(self, options: dict, collection_json: str | None = None) -> None:
        super().__init__()
        self._name = "BasemapLayer"
        self.options = options
        self.collection_json = collection_json

    def argument_list(self) -> Sequence[str]:
        """The map, the options, then the embedded collection (parsed) or null (fetched)."""
        data = parsed_argument(self.collection_json) if self.collection_json else "null"
        return [self._parent.get_name(), json_argument(self.options), data]
