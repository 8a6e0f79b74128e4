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

import json
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.evidence.cache import per_dataset
from geo.evidence.dates import claim_years
from geo.html.escape import esc
from geo.html.legend import legend_html
from geo.html.popups import fragments, place_popup_parts, popup_count, province_popup_parts
from geo.html.record import measure_html
from geo.html.render import swatch
from geo.language import i18n
from geo.language.i18n import N_, _, language, number
from geo.map.shapes import shapes
from geo.rules import labels, record
from geo.rules.drawing import RING, browser_styles, drawable, level, rings_by_place, shading, standing
from geo.rules.provinces import province_summary
from geo.urls import place_url

if TYPE_CHECKING:
    import pandas as pd

    from geo.evidence.dataset import Dataset

PROVINCE_LAYER_NAME = N_("Provinces named by sources outside XUAR (none tied to the “12”)")
MEASURES_LAYER_NAME = N_("Government measures naming a place")
MEASURES_TOOLTIP = N_("{place}: {count} government measure(s) name an entity here")
#: Label priority: the article's own places first, then places it implies, then the rest, then provinces.
LABEL_PRIORITY = {"yes": 300, "implied": 200, "no": 100}
PROVINCE_LABEL_PRIORITY = 50


@dataclass(frozen=True)
class ClaimModel:
    """A :func:`claim_model` ready for the page: its compact JSON text (encoded once, sent as a string to parse)."""

    json: str


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
        "text": {"provinces": esc(_(PROVINCE_LAYER_NAME)), "measures": esc(_(MEASURES_LAYER_NAME)),
                 "dir": language().direction},
        "style": browser_styles(),
        "measures": measure_marks(data),
    }
    for pid in used_places:
        place = places[pid]
        link = None if detail_base is None else place_url(pid, i18n.current(), detail_base)
        start, end = place_popup_parts(prepared.place_header[pid], link, pid)
        model["places"][pid] = {
            "lat": round(float(place["lat"]), 4),
            "lon": round(float(place["lon"]), 4),
            "dash": level(place["admin_level"]).outline.dash,
            "start": start,
            "end": end,
        }
    return ClaimModel(json.dumps(model, ensure_ascii=False, separators=(",", ":")))


def measure_marks(data: Dataset) -> list[dict]:
    """Each place a government measure binds, with its measures (year, escaped HTML) and a tooltip: every view draws them.

    Measures are not claims: filters do not hide them; Play shows each from the year it was first dated.
    """
    places = data.places.set_index("id", drop=False).drop(columns="geometry").to_dict("index")
    marks = []
    for pid in dict.fromkeys(p for m in record.measures(data) for p in m.get("places") or []):
        here = record.measures_at(data, pid)
        tooltip = _(MEASURES_TOOLTIP).format(place=labels.place_name(places[pid]), count=number(len(here)))
        marks.append({
            "place": pid, "lat": round(float(places[pid]["lat"]), 4), "lon": round(float(places[pid]["lon"]), 4),
            "tooltip": esc(tooltip),
            "measures": [[int(record.first_date(m)[:4]), measure_html(m)] for m in here],
        })  # fmt: skip
    return marks


def province_feature(code: str, province: pd.Series, geometry: dict | None) -> dict:
    """A shaded province: its outline (None: fetched by the page) and its popup's start and end."""
    start, end = province_popup_parts(province)
    return {"type": "Feature", "id": code, "properties": {"start": start, "end": end}, "geometry": geometry}


@per_dataset
def app_model(data: Dataset) -> ClaimModel:
    """The app's model: every claim, with detail links into the app (once per dataset and language).

    Province outlines come from the published provinces file (see :func:`geo.map.assembly.assemble`).
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
    for row in shown[["id", "place", "source"]].to_dict("records"):
        by_place.setdefault(row["place"], []).append(row)
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
        "years": claim_start_years(claims),
    }


def claim_start_years(claims: pd.DataFrame) -> dict[str, int]:
    """The first year of each dated claim (event, else reported), by id: the map's Play steps through them."""
    years = claim_years(claims)["year_start"]
    return {cid: int(year) for cid, year in zip(claims["id"], years, strict=True) if not math.isnan(year)}


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


def view_json(view: dict) -> str:
    """A view as compact JSON (the page model keeps it, so a rerun does not encode it again)."""
    return json.dumps(view, ensure_ascii=False, separators=(",", ":"))


@per_dataset
def default_view(data: Dataset) -> str:
    """The view with no filter, as JSON (every first page draws it; kept with the prepared first page)."""
    return view_json(claim_view(data, data.claims))
