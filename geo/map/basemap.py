"""The map without claims: Leaflet from this app, our Natural Earth boundaries, optional web tiles.

:func:`base_map` depends only on the dataset; the claim overlays (:mod:`geo.map.overlays`)
are added to it, or streamed beside it by ``st_folium`` as ``feature_group_to_add``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from geo import frontend
from geo.html import esc
from geo.i18n import N_, _
from geo.map import assets
from geo.map.controls import MapControls
from geo.map.elements import LinkedVectorLayer
from geo.map.fragments import shapes
from geo.style import (
    BASEMAP_PANE_Z,
    COUNTRY_EDGE,
    LAND,
    PROVINCE_EDGE,
    SEA,
    UPLOAD_PANE,
    UPLOAD_PANE_Z,
    XUAR,
)

if TYPE_CHECKING:
    from geo.dataset import Dataset

DEFAULT_CENTER = (33.0, 96.0)
DEFAULT_ZOOM = 4
TILE_LAYER_NAME = N_("Web tiles: OpenStreetMap (loads images from tile.openstreetmap.org)")
XUAR_TOOLTIP = N_("Xinjiang Uyghur Autonomous Region (XUAR)")


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
            header._children[self.get_name()] = Element(html)


class _MapStyle(MacroElement):
    """Sea-coloured background, the default icon path served by this app, and the view in the URL.

    After each pan or zoom the map writes ``lat``, ``lng`` and ``zoom`` into the page URL
    with ``history.replaceState``: the view survives a reload and can be shared, and the
    Streamlit script never reruns for it.
    """

    _template = Template(
        "{% macro header(this, kwargs) %}<style>" + frontend.text("map-frame.css") + "</style>{% endmacro %}"
        "{% macro script(this, kwargs) %}L.Icon.Default.imagePath = {{ this.image_path|tojson }};"
        + frontend.text("url-writer.js")
        + "{% endmacro %}"
    )

    def __init__(self) -> None:
        super().__init__()
        self.sea = SEA
        self.image_path = assets.LEAFLET_IMAGES


def basemap_layers(data: Dataset) -> dict[str, dict]:
    """The static basemap layers by name (what :func:`geo.map.assets.publish_basemap` serves)."""
    prepared = shapes(data)
    return {"countries": prepared.countries, "provinces": prepared.provinces, "xuar": prepared.xuar}


#: The basemap layers, bottom to top: name, style, whether they react to the mouse, tooltip.
BASEMAP_STYLES: dict[str, tuple[dict, bool, str | None]] = {
    "countries": ({"fillColor": LAND, "fillOpacity": 1, "color": COUNTRY_EDGE, "weight": 0.6}, False, None),
    "provinces": ({"fill": False, "color": PROVINCE_EDGE, "weight": 0.8}, False, None),
    "xuar": ({"fill": False, "color": XUAR, "weight": 2.5}, True, XUAR_TOOLTIP),
}


def _vector_layer(key: str, data: dict, links: dict[str, str] | None) -> MacroElement:
    """The basemap layer ``key``: fetched from ``links[key]`` when given, else embedded."""
    style, interactive, tooltip = BASEMAP_STYLES[key]
    tooltip = esc(_(tooltip)) if tooltip else None
    if links and key in links:
        z_index = BASEMAP_PANE_Z + list(BASEMAP_STYLES).index(key)  # countries, then provinces, then XUAR
        pane = f"basemap-{key}"
        return LinkedVectorLayer(
            links[key], style, pane=pane, z_index=z_index, interactive=interactive, tooltip=tooltip
        )
    return folium.GeoJson(data, style_function=lambda _: style, interactive=interactive, tooltip=tooltip, control=False)


def base_map(
    data: Dataset,
    *,
    center: tuple[float, float] = DEFAULT_CENTER,
    zoom: int = DEFAULT_ZOOM,
    links: dict[str, str] | None = None,
) -> OfflineMap:
    """Map with our own vector basemap (countries, provinces, XUAR outline) and optional tiles.

    With ``links`` (name -> URL from :func:`geo.map.assets.publish_basemap`) the browser fetches
    the basemap from this app; without, it is embedded (standalone exports).
    """
    fmap = OfflineMap(location=center, zoom_start=zoom, tiles=None, prefer_canvas=False, control_scale=True)
    _MapStyle().add_to(fmap)
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
    for key, layer in basemap_layers(data).items():
        _vector_layer(key, layer, links).add_to(fmap)
    MapControls(DEFAULT_CENTER, DEFAULT_ZOOM).add_to(fmap)
    return fmap
