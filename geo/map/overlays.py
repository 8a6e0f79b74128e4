"""Claim overlays: one layer of rings per source, and the provinces sources name outside XUAR.

Overlays are built in two stages. :func:`claim_layer_specs` turns the shown claims into
plain data (:class:`LayerSpec`), which the page model caches per filter set;
:func:`layers_from_specs` turns specs into fresh folium objects for one page.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import folium

from geo import labels
from geo.html import esc, js_string
from geo.i18n import N_, _, number
from geo.map.basemap import base_map
from geo.map.controls import LegendContent, PlaceLabels
from geo.map.elements import PlacePopups, ShadedAreas, SourceRings
from geo.map.fragments import fragments, shapes
from geo.map.legend import legend_html
from geo.map.popups import place_popup, province_popup
from geo.provinces import province_summary
from geo.style import DASH_BY_LEVEL, HIKVISION_PROVINCE, OTHER_PROVINCE
from geo.urls import place_url

if TYPE_CHECKING:
    import pandas as pd

    from geo.dataset import Dataset
    from geo.map.basemap import OfflineMap

BASE_RADIUS = 7
RING_STEP = 3
PROVINCE_LAYER_NAME = N_("Provinces named by sources outside XUAR (none tied to the “12”)")


def ring(place: dict, index: int, tooltip: str) -> dict:
    """An area-level point: a dashed ring (never a pin); ring ``index`` of a place is drawn larger.

    Sources at the same place nest as concentric rings, so no source's marker hides another.
    ``tooltip`` must already be escaped HTML; ``popup`` names the place, whose popup is sent
    once for all its rings (:class:`~geo.map.elements.PlacePopups`).
    """
    return {
        "lat": place["lat"],
        "lon": place["lon"],
        "radius": BASE_RADIUS + RING_STEP * index,
        "dash": DASH_BY_LEVEL.get(place["admin_level"]),
        "fill": index == 0,
        "popup": place["id"],
        "tooltip": tooltip,
    }


def source_layer_name(source: dict, colour: str, n_places: int) -> str:
    """Layer-control label: coloured dot, escaped short label, place count (the map legend)."""
    title = labels.source_label(source, max_title=34)
    return f'<span style="color:{colour}" aria-hidden="true">●</span> {esc(title)} ({number(n_places)})'


@dataclass(frozen=True)
class LayerSpec:
    """One overlay as plain data: built once per filter set, turned into folium objects per page.

    ``kind`` is "rings" (``items`` are :func:`ring` dicts), "areas" (GeoJSON features), or
    data for the map's controls that is not a layer of its own: "popups" (one item: place
    id -> popup HTML), "labels" (:func:`label` dicts), "legend" (one item: its HTML);
    ``literal`` is the items as a ready JavaScript string literal.
    """

    name: str
    kind: str
    items: list[dict]
    colour: str = ""
    literal: str = field(default="", repr=False)


def spec(name: str, kind: str, items: list[dict], colour: str = "") -> LayerSpec:
    """A :class:`LayerSpec` with its JavaScript literal computed once."""
    if kind == "areas":
        payload: object = {"type": "FeatureCollection", "features": items}
    elif kind in ("popups", "legend"):
        payload = items[0] if items else ""
    else:
        payload = items
    return LayerSpec(name, kind, items, colour, js_string(json.dumps(payload, ensure_ascii=False)))


def layers_from_specs(specs: list[LayerSpec]) -> list[folium.FeatureGroup]:
    """Fresh folium layers for one page (folium objects are mutated when rendered, specs are not)."""
    elements = {"popups": PlacePopups, "labels": PlaceLabels, "legend": LegendContent, "areas": ShadedAreas}
    groups = []
    for layer in specs:
        group = folium.FeatureGroup(name=layer.name, control=layer.kind in ("rings", "areas"))
        if layer.kind == "rings":
            SourceRings(layer.items, layer.colour, layer.literal).add_to(group)
        else:
            elements[layer.kind](layer.literal).add_to(group)
        groups.append(group)
    return groups


#: Label priority: the article's own places first, then places it implies, then the rest, then provinces.
LABEL_PRIORITY = {"yes": 300, "implied": 200, "no": 100}
PROVINCE_LABEL_PRIORITY = 50


def label(
    key: str, lat: float, lon: float, text: str, priority: int, *, ring: int = 0, major: bool = False,
    alternatives: list[tuple[float, float]] | None = None,
) -> dict:  # fmt: skip
    """A map label: escaped text at a point, beside a ring of outer radius ``ring`` px (0: centred, an area).

    ``alternatives`` are other (lon, lat) points an area's name may be centred on when the first is taken.
    """
    item = {"id": esc(key), "lat": round(float(lat), 4), "lon": round(float(lon), 4), "text": esc(text),
            "priority": priority, "r": ring, "major": major}  # fmt: skip
    if alternatives:
        item["alts"] = [[lat_, lon_] for lon_, lat_ in alternatives]
    return item


def claim_layer_specs(data: Dataset, claims: pd.DataFrame, detail_base: str | None = "") -> list[LayerSpec]:
    """One overlay per source with rings at every place it makes a claim about, plus provinces.

    ``detail_base`` prefixes the popups' detail-view links ("" for the app itself); None
    leaves the link out (a standalone file has no app to link to). Retracted claims are not
    drawn: they stay in the tables, the detail view and the corrections log.
    """
    claims = claims[claims["status"] != "retracted"]
    prepared = fragments(data)
    colours = prepared.colours
    places = data.places.set_index("id", drop=False).drop(columns="geometry").to_dict("index")
    by_place: dict[str, list[dict]] = {}  # plain records: pandas row access is slow per element
    for record in claims[["id", "place", "source"]].to_dict("records"):
        if record["place"]:
            by_place.setdefault(record["place"], []).append(record)
    sources_here = {pid: list(dict.fromkeys(r["source"] for r in records)) for pid, records in by_place.items()}
    popups = {}
    for pid, records in by_place.items():
        groups = [
            (prepared.source_heading[sid], [prepared.claim_html[r["id"]] for r in records if r["source"] == sid])
            for sid in sources_here[pid]
        ]
        link = None if detail_base is None else place_url(pid, detail_base)
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
            tooltip = _(
                "{place} · {precision} · {claims} claim(s), {sources} source(s); this ring: {publisher} ({count})"
            )
            tooltip = tooltip.format(
                place=labels.place_name(place), precision=labels.precision(place["precision"], short=True),
                claims=number(len(by_place[pid])), sources=number(len(sources_here[pid])),
                publisher=source["publisher"], count=number(count),
            )  # fmt: skip
            rings.append(ring(place, sources_here[pid].index(source_id), esc(tooltip)))
        layers.append(
            spec(source_layer_name(source, colours[source_id], len(here)), "rings", rings, colours[source_id])
        )
    provinces = province_layer_spec(data, claims)
    layers.append(provinces)
    layers.append(spec("Place popups", "popups", [popups]))
    place_labels = [
        label(pid, places[pid]["lat"], places[pid]["lon"], labels.place_name(places[pid], short=True),
              LABEL_PRIORITY.get(places[pid]["named_in_article"], 100) + min(len(records), 99),
              ring=BASE_RADIUS + RING_STEP * (len(sources_here[pid]) - 1) + 2,
              major=places[pid]["named_in_article"] == "yes")
        for pid, records in by_place.items()
    ]  # fmt: skip
    layers.append(spec("Labels", "labels", place_labels + province_labels(data, provinces)))
    layers.append(spec("Legend", "legend", [legend_html(data, claims)]))
    return layers


def province_labels(data: Dataset, provinces: LayerSpec) -> list[dict]:
    """Labels for the shaded provinces, at a point inside each (their names in the page's language)."""
    names = data.provinces.set_index("iso_3166_2", drop=False)
    anchors = shapes(data).province_anchors
    return [
        label(f["id"], anchors[f["id"]][0][1], anchors[f["id"]][0][0], labels.place_name(names.loc[f["id"]]),
              PROVINCE_LABEL_PRIORITY, alternatives=anchors[f["id"]][1:])
        for f in provinces.items
    ]  # fmt: skip


def claim_layers(data: Dataset, claims: pd.DataFrame, detail_base: str | None = "") -> list[folium.FeatureGroup]:
    """:func:`claim_layer_specs` as folium layers."""
    return layers_from_specs(claim_layer_specs(data, claims, detail_base))


def province_layer_spec(data: Dataset, claims: pd.DataFrame) -> LayerSpec:
    """Provinces named by sources outside XUAR, shaded by whether the source names Hikvision."""
    provinces = data.provinces.set_index("iso_3166_2", drop=False)
    prepared = fragments(data)
    features = []
    for code, named in province_summary(claims).iterrows():
        province = provinces.loc[code]
        shape = shapes(data).province_shapes[code]["features"][0]
        lines = [prepared.province_claim_html[cid] for cid in named["claims"]]
        vendor = _("Hikvision named") if named["hikvision_named"] else _("vendor not Hikvision or not stated")
        if not named["uyghur_specific"]:
            vendor += "; " + _("targets ethnic-minority people, not Uyghurs specifically")
        properties = {
            "colour": HIKVISION_PROVINCE if named["hikvision_named"] else OTHER_PROVINCE,
            "tooltip": esc(f"{labels.place_name(province)}: {vendor}"),
            "popup": province_popup(province, lines),
        }
        features.append({"type": "Feature", "id": code, "properties": properties, "geometry": shape["geometry"]})
    return spec(esc(_(PROVINCE_LAYER_NAME)), "areas", features)


def build_map(data: Dataset, claims: pd.DataFrame, detail_base: str | None = "", **view: object) -> OfflineMap:
    """The whole map in one object (exports and tests); the dashboard streams layers instead."""
    fmap = base_map(data, **view)
    for layer in claim_layers(data, claims, detail_base):
        layer.add_to(fmap)
    folium.LayerControl(collapsed=True).add_to(fmap)
    return fmap
