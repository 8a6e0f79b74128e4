"""The map without claims: Leaflet from this app, our Natural Earth boundaries, optional web tiles.

:func:`base_map` depends only on the dataset; the claim overlays (:mod:`geo.map.overlays`)
are added to it, or streamed beside it by ``st_folium`` as ``feature_group_to_add``.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import folium
from jinja2 import Template

from geo.html.escape import esc
from geo.language.i18n import N_, _
from geo.map import assets
from geo.map.controls import MapControls
from geo.map.elements import BasemapLayerElement, ClientCode, RawText, ScriptElement
from geo.map.shapes import shapes
from geo.rules import drawing
from geo.rules.drawing import HOME, BasemapLayer
from geo.style import BASEMAP_PANE_Z, UPLOAD_PANE, UPLOAD_PANE_Z

if TYPE_CHECKING:
    from geo.evidence.dataset import Dataset

TILE_LAYER_NAME = N_("Web tiles: OpenStreetMap (loads images from tile.openstreetmap.org)")


#: folium's page header forbids zooming the page (``maximum-scale=1.0, user-scalable=no``): a WCAG failure.
_NO_ZOOM = re.compile(r"<meta name=\"viewport\"[^>]*>", re.DOTALL)
VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1.0" />'


class OfflineMap(folium.Map):
    """A folium Map whose Leaflet and jQuery come from this app, never from a CDN, and whose page can be zoomed."""

    default_js = [("leaflet", assets.LEAFLET_JS), ("jquery", assets.JQUERY_JS)]  # noqa: RUF012
    default_css = [("leaflet_css", assets.LEAFLET_CSS)]  # noqa: RUF012

    def render(self, **kwargs: object) -> None:
        """Render as folium does, then let the page be zoomed (WCAG 1.4.4: text can be resized to 200 %)."""
        super().render(**kwargs)
        header = self.get_root().header
        element = header._children.get(self.get_name())
        if element is not None:
            html = _NO_ZOOM.sub(VIEWPORT, element.render())
            header._children[self.get_name()] = RawText(html)


class FrameSetup(ScriptElement):
    """The map's frame: default icons served by this app, the view reported to the page, detail links.

    See ``geo/frontend/frame.js``: after each pan or zoom the map tells the page its view (which
    the page's channel hands to the server, so the address says it), a popup's link to a
    place's detail view asks the page to open it in the same session, and a press on the map
    does not scroll the page.
    """

    _template = Template(
        "{% macro script(this, kwargs) %}L.Icon.Default.imagePath = {{ this.image_path|tojson }};"
        " geo.reportViewToPage({{ this._parent.get_name() }});"
        " geo.openLinksInPage({{ this._parent.get_name() }}); geo.tellEmbedderHeight();"
        " geo.fillFrameInBriefing(); geo.focusWithoutScrolling({{ this._parent.get_name() }});"
        "{% endmacro %}"
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "FrameSetup"
        self.image_path = assets.LEAFLET_IMAGES


def basemap_layers(data: Dataset) -> dict[str, dict]:
    """The basemap's GeoJSON by layer name, bottom to top (what :func:`geo.map.assets.publish_basemap` serves)."""
    return shapes(data).basemap


def _vector_layer(layer: BasemapLayer, collection: dict, links: dict[str, str] | None) -> BasemapLayerElement:
    """One layer of :data:`geo.rules.drawing.BASEMAP`: fetched from ``links[name]`` when given, else embedded."""
    options = {
        "url": links.get(layer.name, "") if links else "",
        "style": layer.style.leaflet(),
        "pane": f"basemap-{layer.name}",
        "zIndex": BASEMAP_PANE_Z + drawing.BASEMAP.index(layer),  # the table's order is the stacking order
        "interactive": layer.interactive,
        "tooltip": esc(_(layer.tooltip)) if layer.tooltip else None,
    }
    embedded = None if options["url"] else json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    return BasemapLayerElement(options, embedded)


def base_map(
    data: Dataset,
    *,
    center: tuple[float, float] = HOME.center,
    zoom: int = HOME.zoom,
    links: dict[str, str] | None = None,
) -> OfflineMap:
    """Map with our own vector basemap (countries, provinces, XUAR outline) and optional tiles.

    With ``links`` (name -> URL from :func:`geo.map.assets.publish_basemap`) the browser fetches
    the basemap from this app; without, it is embedded (standalone exports).
    """
    fmap = OfflineMap(location=center, zoom_start=zoom, tiles=None, prefer_canvas=False, control_scale=True)
    ClientCode().add_to(fmap)  # first: every element after it calls into the client code
    FrameSetup().add_to(fmap)
    # uploaded points sit above shaded provinces
    folium.map.CustomPane(UPLOAD_PANE, z_index=UPLOAD_PANE_Z, pointer_events=True).add_to(fmap)
    fmap.web_tiles = folium.TileLayer(
        "OpenStreetMap",
        name=esc(_(TILE_LAYER_NAME)),
        overlay=True,
        show=False,
        control=True,
        attr="© OpenStreetMap contributors",
    ).add_to(fmap)  # listed in the layer control that ClaimLayers makes
    collections = basemap_layers(data)
    for layer in drawing.BASEMAP:
        _vector_layer(layer, collections[layer.name], links).add_to(fmap)
    MapControls(HOME).add_to(fmap)
    return fmap
