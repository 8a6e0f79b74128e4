"""Build the folium map: offline basemap, one overlay per source, precision styles, provinces.

The map is split so Streamlit can keep it alive across filter changes: :func:`base_map`
(boundaries, optional tiles; depends only on the dataset) and :func:`claim_layers`
(per-source overlays and the province layer; depends on the filtered claims), which
``st_folium`` receives as ``feature_group_to_add``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import folium
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from geo import assets, labels, settings
from geo.display import display
from geo.elements import LinkedVectorLayer, ShadedAreas, SourceRings
from geo.html import esc, js_string
from geo.popups import place_popup, province_popup

if TYPE_CHECKING:
    from geo.load import Dataset

SEA_COLOUR = "#dfe9f2"
LAND_COLOUR = "#f6f3ec"
XUAR_COLOUR = "#8b1a1a"
HIKVISION_PROVINCE = "#e66101"
OTHER_PROVINCE = "#b2abd2"
BASE_RADIUS = 7
RING_STEP = 3
DEFAULT_CENTER = (33.0, 96.0)
DEFAULT_ZOOM = 4
UPLOAD_PANE = "uploads"
#: Claims in these categories, located outside XUAR, put a province on the province layer.
OUTSIDE_XUAR_CATEGORIES = ("ethnicity_analytics_outside_xuar", "procurement_contract")
TILE_LAYER_NAME = "Web tiles: OpenStreetMap (loads images from tile.openstreetmap.org)"


class OfflineMap(folium.Map):
    """A folium Map whose Leaflet and jQuery come from this app, never from a CDN."""

    default_js = [("leaflet", assets.LEAFLET_JS), ("jquery", assets.JQUERY_JS)]  # noqa: RUF012
    default_css = [("leaflet_css", assets.LEAFLET_CSS)]  # noqa: RUF012


class _MapStyle(MacroElement):
    """Sea-coloured background, the default icon path served by this app, and the view in the URL.

    After each pan or zoom the map writes ``lat``, ``lng`` and ``zoom`` into the page URL
    with ``history.replaceState``: the view survives a reload and can be shared, and the
    Streamlit script never reruns for it.
    """

    _template = Template(
        "{% macro header(this, kwargs) %}<style>.leaflet-container{background:"
        + SEA_COLOUR
        + "} .place-popup blockquote{margin:2px 0 2px 8px;color:#444;font-style:italic}"
        " .place-popup .chain,.place-popup .aka{color:#666;font-size:11px}"
        " .place-popup .claim{margin:3px 0 6px}</style>{% endmacro %}"
        "{% macro script(this, kwargs) %}L.Icon.Default.imagePath = "
        + json.dumps(assets.LEAFLET_IMAGES)
        + ";{{ this._parent.get_name() }}.on('moveend', function (e) { try {"
        " var c = e.target.getCenter(), w = window.parent, url = new URL(w.location.href);"
        " url.searchParams.set('lat', c.lat.toFixed(3)); url.searchParams.set('lng', c.lng.toFixed(3));"
        " url.searchParams.set('zoom', String(e.target.getZoom()));"
        " w.history.replaceState(w.history.state, '', url.toString()); } catch (err) {} });"
        "{% endmacro %}"
    )


def detail_url(place_id: str) -> str:
    """Root-relative URL of a place's detail view (works from inside the map iframe too)."""
    return f"/?place={place_id}"


def basemap_layers(data: Dataset) -> dict[str, dict]:
    """The static basemap layers by name (what :func:`geo.assets.publish_basemap` serves)."""
    prepared = display(data)
    return {"countries": prepared.countries, "provinces": prepared.provinces, "xuar": prepared.xuar}


#: z-index of the lowest basemap pane: above web tiles (200), below the rings' overlay pane (400).
BASEMAP_PANE_Z = 390
#: The basemap layers, bottom to top: name, style, whether they react to the mouse, tooltip.
BASEMAP_STYLES: dict[str, tuple[dict, bool, str | None]] = {
    "countries": ({"fillColor": LAND_COLOUR, "fillOpacity": 1, "color": "#aaa", "weight": 0.6}, False, None),
    "provinces": ({"fill": False, "color": "#9a9a9a", "weight": 0.8}, False, None),
    "xuar": ({"fill": False, "color": XUAR_COLOUR, "weight": 2.5}, True, "Xinjiang Uyghur Autonomous Region (XUAR)"),
}


def _vector_layer(key: str, data: dict, links: dict[str, str] | None) -> MacroElement:
    """The basemap layer ``key``: fetched from ``links[key]`` when given, else embedded."""
    style, interactive, tooltip = BASEMAP_STYLES[key]
    tooltip = esc(tooltip) if tooltip else None
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

    With ``links`` (name -> URL from :func:`geo.assets.publish_basemap`) the browser fetches
    the basemap from this app; without, it is embedded (standalone exports).
    """
    fmap = OfflineMap(location=center, zoom_start=zoom, tiles=None, prefer_canvas=False, control_scale=True)
    _MapStyle().add_to(fmap)
    folium.map.CustomPane(UPLOAD_PANE, z_index=450, pointer_events=True).add_to(
        fmap
    )  # uploaded points sit above shaded provinces
    folium.TileLayer(
        "OpenStreetMap",
        name=esc(TILE_LAYER_NAME),
        overlay=True,
        show=False,
        control=True,
        attr="© OpenStreetMap contributors",
    ).add_to(fmap)
    for key, layer in basemap_layers(data).items():
        _vector_layer(key, layer, links).add_to(fmap)
    return fmap


def ring(place: dict, index: int, popup_html: str, tooltip: str) -> dict:
    """An area-level point: a dashed ring (never a pin); ring ``index`` of a place is drawn larger.

    Sources at the same place nest as concentric rings, so no source's marker hides another.
    ``popup_html`` and ``tooltip`` must already be escaped HTML.
    """
    return {
        "lat": place["lat"],
        "lon": place["lon"],
        "radius": BASE_RADIUS + RING_STEP * index,
        "dash": labels.DASH_BY_LEVEL.get(place["admin_level"]),
        "fill": index == 0,
        "popup": popup_html,
        "tooltip": tooltip,
    }


def source_layer_name(source: dict, colour: str, n_places: int) -> str:
    """Layer-control label: coloured dot, escaped short label, place count (the map legend)."""
    title = labels.source_label(source, max_title=34)
    return f'<span style="color:{colour}">●</span> {esc(title)} ({n_places})'


@dataclass(frozen=True)
class LayerSpec:
    """One overlay as plain data: built once per filter set, turned into folium objects per page.

    ``kind`` is "rings" (``items`` are :func:`ring` dicts) or "areas" (GeoJSON features);
    ``literal`` is the items as a ready JavaScript string literal.
    """

    name: str
    kind: str
    items: list[dict]
    colour: str = ""
    literal: str = field(default="", repr=False)


def spec(name: str, kind: str, items: list[dict], colour: str = "") -> LayerSpec:
    """A :class:`LayerSpec` with its JavaScript literal computed once."""
    payload = items if kind == "rings" else {"type": "FeatureCollection", "features": items}
    return LayerSpec(name, kind, items, colour, js_string(json.dumps(payload, ensure_ascii=False)))


def layers_from_specs(specs: list[LayerSpec]) -> list[folium.FeatureGroup]:
    """Fresh folium layers for one page (folium objects are mutated when rendered, specs are not)."""
    groups = []
    for layer in specs:
        group = folium.FeatureGroup(name=layer.name)
        if layer.kind == "rings":
            SourceRings(layer.items, layer.colour, layer.literal).add_to(group)
        else:
            ShadedAreas(layer.literal).add_to(group)
        groups.append(group)
    return groups


def claim_layers(data: Dataset, claims: pd.DataFrame, detail_base: str | None = "") -> list[folium.FeatureGroup]:
    """One overlay per source with rings at every place it makes a claim about, plus provinces."""
    return layers_from_specs(claim_layer_specs(data, claims, detail_base))


def claim_layer_specs(data: Dataset, claims: pd.DataFrame, detail_base: str | None = "") -> list[LayerSpec]:
    """The overlays of :func:`claim_layers` as plain data.

    ``detail_base`` prefixes the popups' detail-view links ("" for the app itself); None
    leaves the link out (a standalone file has no app to link to).
    """
    prepared = display(data)
    colours = prepared.colours
    places = data.places.set_index("id", drop=False)[["id", "name_en", "precision", "lat", "lon", "admin_level"]]
    places = places.to_dict("index")
    by_place: dict[str, list[dict]] = {}  # plain records: pandas row access is slow per element
    for record in plain(claims)[["id", "place", "source"]].to_dict("records"):
        if record["place"]:
            by_place.setdefault(record["place"], []).append(record)
    sources_here = {pid: list(dict.fromkeys(r["source"] for r in records)) for pid, records in by_place.items()}
    popups = {}
    for pid, records in by_place.items():
        groups = [
            (prepared.source_heading[sid], [prepared.claim_html[r["id"]] for r in records if r["source"] == sid])
            for sid in sources_here[pid]
        ]
        link = None if detail_base is None else detail_base.rstrip("/") + detail_url(pid)
        popups[pid] = place_popup(prepared.place_header[pid], groups, link)
    layers = []
    shown_sources = {sid for sids in sources_here.values() for sid in sids}
    for source in data.sources.to_dict("records"):
        source_id = source["id"]
        if source_id not in shown_sources:
            continue
        here = [pid for pid, sids in sources_here.items() if source_id in sids]
        rings = []
        for pid in here:
            place = places[pid]
            count = sum(r["source"] == source_id for r in by_place[pid])
            tooltip = (
                f"{place['name_en']} · {labels.PRECISION_SHORT.get(place['precision'], '')} · "
                f"{len(by_place[pid])} claim(s), {len(sources_here[pid])} source(s); this ring: "
                f"{source['publisher']} ({count})"
            )
            rings.append(ring(place, sources_here[pid].index(source_id), popups[pid], esc(tooltip)))
        layers.append(
            spec(source_layer_name(source, colours[source_id], len(here)), "rings", rings, colours[source_id])
        )
    layers.append(province_layer_spec(data, claims))
    return layers


def plain(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims without their geometry column: slicing a plain DataFrame is several times cheaper."""
    return pd.DataFrame(claims.drop(columns="geometry", errors="ignore"))


def named_provinces(data: Dataset, claims: pd.DataFrame) -> pd.DataFrame:
    """Provinces outside XUAR that sources name as sites of Uyghur-targeting analytics."""
    claims = plain(claims)
    in_china_outside_xuar = claims["province"].str.startswith("CN-") & (claims["province"] != settings.XUAR_ISO)
    return claims[in_china_outside_xuar & claims["category"].isin(OUTSIDE_XUAR_CATEGORIES)]


def province_layer_spec(data: Dataset, claims: pd.DataFrame) -> LayerSpec:
    """Provinces named by sources outside XUAR, shaded by whether the source names Hikvision."""
    named = named_provinces(data, claims)
    provinces = data.provinces.set_index("iso_3166_2", drop=False)
    prepared = display(data)
    features = []
    for code, province_claims in named.groupby("province"):
        hikvision = (province_claims["vendor_hikvision"] == "yes").any()
        province = provinces.loc[code]
        shape = prepared.province_shapes[code]["features"][0]
        lines = [prepared.province_claim_html[cid] for cid in dict.fromkeys(province_claims["id"])]
        tooltip = f"{province['name_en']}: {'Hikvision named' if hikvision else 'vendor not Hikvision or not stated'}"
        properties = {
            "colour": HIKVISION_PROVINCE if hikvision else OTHER_PROVINCE,
            "tooltip": esc(tooltip),
            "popup": province_popup(province, lines),
        }
        features.append({"type": "Feature", "id": code, "properties": properties, "geometry": shape["geometry"]})
    return spec(esc("Provinces named by sources outside XUAR (none tied to the '12')"), "areas", features)


def build_map(data: Dataset, claims: pd.DataFrame, detail_base: str | None = "", **view: object) -> OfflineMap:
    """The whole map in one object (exports and tests); the dashboard streams layers instead."""
    fmap = base_map(data, **view)
    for layer in claim_layers(data, claims, detail_base):
        layer.add_to(fmap)
    folium.LayerControl(collapsed=True).add_to(fmap)
    return fmap


def parse_view(params: dict[str, str]) -> tuple[tuple[float, float], int] | None:
    """Map centre and zoom from ``lat``, ``lng`` and ``zoom`` query parameters, if valid."""
    try:
        lat, lng, zoom = float(params["lat"]), float(params["lng"]), int(params["zoom"])
    except (KeyError, ValueError):
        return None
    if -90 <= lat <= 90 and -180 <= lng <= 180 and 1 <= zoom <= 18:
        return (lat, lng), zoom
    return None
