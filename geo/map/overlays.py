"""The claims on the map: one model, sent once; each set of filters is a small view of it.

:func:`claim_model` is everything the map can show of a set of claims: each place's point
and popup parts, each claim's popup fragment, each source's colour and layer name, and the
provinces sources name outside XUAR. The app builds it once per dataset and language (for
all claims) and it travels inside the base map, so the map element is the same on every
rerun and Streamlit sends the browser a reference to it, not its bytes.

:func:`claim_view` is what one set of filters shows: the rings (place, source, nesting
index, tooltip), each place's popup grouping and count line, the provinces' shading, the
labels and the legend. It is a few kilobytes; the browser applies it by rebuilding only
the rings and shapes it names (:class:`geo.map.elements.ClaimLayers`), so a filter change
neither re-sends nor rebuilds the map. Every rule (nesting, label priority, shading) is
decided here, in Python, and tested here; the browser only assembles.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

import folium

from geo import labels
from geo.cache import per_dataset
from geo.drawing import RING, browser_styles, drawable, level, rings_by_place, shading, standing
from geo.html import esc, js_string, page_script_string
from geo.i18n import N_, _, language, number
from geo.map.basemap import base_map
from geo.map.elements import ClaimLayers
from geo.map.fragments import fragments, shapes
from geo.map.legend import legend_html
from geo.map.popups import place_popup_parts, popup_count, province_popup_parts
from geo.provinces import province_summary
from geo.render import swatch
from geo.urls import place_url

if TYPE_CHECKING:
    import pandas as pd

    from geo.dataset import Dataset
    from geo.map.basemap import OfflineMap

PROVINCE_LAYER_NAME = N_("Provinces named by sources outside XUAR (none tied to the “12”)")
#: Label priority: the article's own places first, then places it implies, then the rest, then provinces.
LABEL_PRIORITY = {"yes": 300, "implied": 200, "no": 100}
PROVINCE_LABEL_PRIORITY = 50


@dataclass(frozen=True)
class ClaimModel:
    """A :func:`claim_model` ready for the page: its JSON as a JavaScript string literal, and its extent."""

    literal: str
    bounds: list[list[float]] | None  # [[south, west], [north, east]] of its places


def source_layer_name(source: dict, colour: str) -> str:
    """Layer-control label: coloured dot and escaped short label (the view adds the place count)."""
    title = labels.source_label(source, max_title=34)
    return f"{swatch(colour)} {esc(title)}"


def claim_model(
    data: Dataset, claims: pd.DataFrame, detail_base: str | None = "", *, embed_shapes: bool = True
) -> ClaimModel:
    """Everything the map can show of ``claims``, in the current language.

    ``detail_base`` prefixes the popups' detail-view links ("" for the app itself); None
    leaves the link out (a standalone file has no app to link to). Without
    ``embed_shapes`` the shaded provinces carry no outline: the page fetches the published
    provinces file instead (the basemap's), which keeps the map element small.
    """
    prepared = fragments(data)
    shown = drawable(claims)
    places = data.places.set_index("id", drop=False).drop(columns="geometry").to_dict("index")
    used_places = list(dict.fromkeys(shown["place"]))
    used_sources = set(shown["source"])
    province_rows = province_summary(standing(claims))
    geometry = shapes(data).province_geometry if embed_shapes else {}
    provinces = data.provinces.set_index("iso_3166_2", drop=False)
    model = {
        "sources": [
            {
                "id": s["id"],
                "colour": prepared.colours[s["id"]],
                "name": source_layer_name(s, prepared.colours[s["id"]]),
            }
            for s in data.sources.to_dict("records")
            if s["id"] in used_sources
        ],
        "places": {},
        "claims": {cid: prepared.claim_html[cid] for cid in shown["id"]},
        "headings": {sid: prepared.source_heading[sid] for sid in sorted(used_sources)},  # same bytes every run
        "provinces": {
            "type": "FeatureCollection",
            "features": [
                province_feature(code, provinces.loc[code], geometry.get(code)) for code in province_rows.index
            ],
        },
        "provinceClaims": {cid: prepared.province_claim_html[cid] for cids in province_rows["claims"] for cid in cids},
        "text": {"provinces": esc(_(PROVINCE_LAYER_NAME)), "dir": language().direction},
        "style": browser_styles(),
    }
    for pid in used_places:
        place = places[pid]
        link = None if detail_base is None else place_url(pid, detail_base)
        start, end = place_popup_parts(prepared.place_header[pid], link)
        model["places"][pid] = {
            "lat": round(float(place["lat"]), 4),
            "lon": round(float(place["lon"]), 4),
            "dash": level(place["admin_level"]).outline.dash,
            "start": start,
            "end": end,
        }
    lats = [p["lat"] for p in model["places"].values()]
    lons = [p["lon"] for p in model["places"].values()]
    bounds = [[min(lats), min(lons)], [max(lats), max(lons)]] if lats else None
    return ClaimModel(js_string(json.dumps(model, ensure_ascii=False, separators=(",", ":"))), bounds)


def province_feature(code: str, province: pd.Series, geometry: dict | None) -> dict:
    """A shaded province: its outline (None: fetched by the page) and its popup's start and end."""
    start, end = province_popup_parts(province)
    return {"type": "Feature", "id": code, "properties": {"start": start, "end": end}, "geometry": geometry}


@per_dataset
def app_model(data: Dataset) -> ClaimModel:
    """The app's model: every claim, with detail links into the app (once per dataset and language).

    Province outlines come from the published provinces file (see :func:`claim_layers`).
    """
    return claim_model(data, data.claims, "", embed_shapes=False)


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


def claim_view(data: Dataset, claims: pd.DataFrame) -> dict:
    """What the map shows of ``claims`` (a subset of the model's claims): rings, popups, provinces, labels, legend.

    Sources at one place nest as concentric rings in ``sources.csv`` order, the innermost
    (index 0) filled, so no source's ring hides another's.
    """
    shown = drawable(claims)
    places = data.places.set_index("id", drop=False).drop(columns="geometry").to_dict("index")
    publishers = dict(zip(data.sources["id"], data.sources["publisher"], strict=True))
    by_place: dict[str, list[dict]] = {}  # plain records: pandas row access is slow per element
    for record in shown[["id", "place", "source"]].to_dict("records"):
        by_place.setdefault(record["place"], []).append(record)
    rings, popups, place_labels = [], {}, []
    template = _("{place} · {precision} · {claims} claim(s), {sources} source(s); this ring: {publisher} ({count})")
    for pid, sources_here in rings_by_place(data.sources, shown).items():
        place, records = places[pid], by_place[pid]
        popups[pid] = {
            "count": popup_count(len(records), len(sources_here)),
            "groups": [[sid, [r["id"] for r in records if r["source"] == sid]] for sid in sources_here],
        }
        for index, sid in enumerate(sources_here):
            tooltip = template.format(
                place=labels.place_name(place), precision=labels.precision(place["precision"], short=True),
                claims=number(len(records)), sources=number(len(sources_here)), publisher=publishers[sid],
                count=number(sum(r["source"] == sid for r in records)),
            )  # fmt: skip
            rings.append([pid, sid, index, esc(tooltip)])
        place_labels.append(
            label(pid, place["lat"], place["lon"], labels.place_name(place, short=True),
                  LABEL_PRIORITY.get(place["named_in_article"], 100) + min(len(records), 99),
                  ring=RING.radius_of(len(sources_here) - 1) + 2,
                  major=place["named_in_article"] == "yes")
        )  # fmt: skip
    provinces = province_view(data, claims)
    return {
        "rings": rings,
        "popups": popups,
        "provinces": provinces,
        "labels": place_labels + province_labels(data, provinces),
        "legend": legend_html(data, claims),
    }


def province_view(data: Dataset, claims: pd.DataFrame) -> dict[str, dict]:
    """Provinces named outside XUAR by ``claims``: colour (Hikvision named or not), tooltip, the claims to list."""
    provinces = data.provinces.set_index("iso_3166_2", drop=False)
    out = {}
    for code, named in province_summary(standing(claims)).iterrows():
        vendor = _("Hikvision named") if named["hikvision_named"] else _("vendor not Hikvision or not stated")
        if not named["uyghur_specific"]:
            vendor += "; " + _("targets ethnic-minority people, not Uyghurs specifically")
        out[code] = {
            "colour": shading(named["hikvision_named"]).fill,
            "tooltip": esc(f"{labels.place_name(provinces.loc[code])}: {vendor}"),
            "claims": list(named["claims"]),
        }
    return out


def province_labels(data: Dataset, provinces: dict[str, dict]) -> list[dict]:
    """Labels for the shaded provinces, at a point inside each (their names in the page's language)."""
    names = data.provinces.set_index("iso_3166_2", drop=False)
    anchors = shapes(data).province_anchors
    return [
        label(code, anchors[code][0][1], anchors[code][0][0], labels.place_name(names.loc[code]),
              PROVINCE_LABEL_PRIORITY, alternatives=anchors[code][1:])
        for code in provinces
    ]  # fmt: skip


def view_message(view: dict, fit: list[list[float]] | str | None = None) -> dict:
    """What the page hands the map: a view, and where to move the map (``"home"``, bounds, or None: stay)."""
    return {"key": view_key(view_json(view)), "view": view, "fit": fit}


#: The iframe of the map on the page (streamlit-folium's component).
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'


def view_json(view: dict) -> str:
    """A view as compact JSON (the page model keeps it, so a rerun does not encode it again)."""
    return json.dumps(view, ensure_ascii=False, separators=(",", ":"))


def view_key(view_text: str) -> str:
    """A short name for a view's content: the map skips a view it already shows."""
    return hashlib.sha256(view_text.encode()).hexdigest()[:16]


def view_script(view_text: str, fit: list[list[float]] | str | None = None) -> str:
    """A script for the page that hands a view (:func:`view_json`) and a fit target to the map.

    The map reads ``window.__geoView`` when it starts; if it is already running, its
    ``geoApplyView`` is called. The JSON is parsed from a string literal with no ``<`` in it
    (:func:`geo.html.page_script_string`), and every text in it was escaped on the server.
    """
    message = '{"key":' + json.dumps(view_key(view_text)) + ',"view":' + view_text + ',"fit":' + json.dumps(fit) + "}"
    return (
        f"<script>(function () {{ var m = JSON.parse({page_script_string(message)}); window.__geoView = m;"
        f" document.querySelectorAll({json.dumps(MAP_IFRAME)}).forEach(function (f) {{"
        " try { if (f.contentWindow && f.contentWindow.geoApplyView) f.contentWindow.geoApplyView(m); }"
        " catch (e) {} }); })();</script>"
    )


def claim_layers(
    model: ClaimModel, tiles: folium.TileLayer | None = None, message: dict | None = None, shapes_url: str = ""
) -> ClaimLayers:
    """The element that draws ``model`` on a map; ``message`` is applied at once (standalone maps).

    ``shapes_url`` is the published provinces file, for a model made without outlines.
    """
    initial = js_string(json.dumps(message, ensure_ascii=False, separators=(",", ":"))) if message else ""
    return ClaimLayers(model.literal, initial, tiles, shapes_url)


def build_map(data: Dataset, claims: pd.DataFrame, detail_base: str | None = "", **view: object) -> OfflineMap:
    """The whole map of ``claims`` in one object, showing all of them (exports and tests)."""
    fmap = base_map(data, **view)
    model = claim_model(data, claims, detail_base)
    claim_layers(model, fmap.web_tiles, view_message(claim_view(data, claims))).add_to(fmap)
    return fmap
