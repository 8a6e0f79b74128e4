"""Briefing mode: the ordered steps a presenter walks an audience through.

Steps live in ``data/briefing.csv`` (validated like the rest). Each step is a view (a place
or a box, and a zoom), a short caption, and the claims it rests on; its numbered source
footnotes are derived from those claims, so a caption can never cite a source that is not
in the dataset.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from geo.dataset import Dataset


@dataclass(frozen=True)
class Step:
    """One briefing step, ready to show."""

    number: int
    title: str
    caption: str
    center: tuple[float, float]
    zoom: int
    bounds: tuple[float, float, float, float]
    claim_ids: tuple[str, ...]


#: Levels whose place is a whole province-level area: a step about one frames all of it.
AREA_LEVELS = ("region", "province")
AREA_PAD = 0.6  # degrees around a framed province-level area


def area_bounds(data: Dataset, place_id: str) -> tuple[float, float, float, float] | None:
    """The lon/lat box of a province-level place's boundary (XUAR, Tibet, Hainan), padded; None for smaller places."""
    place = data.places.set_index("id").loc[place_id]
    shapes = data.provinces[data.provinces["iso_3166_2"] == place["iso_3166_2"]]
    if place["admin_level"] not in AREA_LEVELS or shapes.empty:
        return None
    west, south, east, north = shapes.total_bounds
    return (west - AREA_PAD, south - AREA_PAD, east + AREA_PAD, north + AREA_PAD)


def steps(data: Dataset) -> list[Step]:
    """Every step in order, with its view resolved to a centre, zoom and lon/lat box.

    A step about a province-level place (XUAR) frames that place's whole boundary, so a slide
    never cuts part of the area off; a step about a smaller place frames what its zoom shows.
    """
    places = data.places.set_index("id")
    out = []
    for row in data.briefing.to_dict("records"):
        if row["place"]:
            lat, lon = float(places.loc[row["place"], "lat"]), float(places.loc[row["place"], "lon"])
            span = 360 / 2 ** row["zoom"]  # roughly what a 1,000 px wide map shows at this zoom
            bounds = area_bounds(data, row["place"]) or (lon - span, lat - span / 2, lon + span, lat + span / 2)
        else:
            bounds = (float(row["west"]), float(row["south"]), float(row["east"]), float(row["north"]))
            lat, lon = (bounds[1] + bounds[3]) / 2, (bounds[0] + bounds[2]) / 2
        out.append(
            Step(
                int(row["step"]),
                row["title"],
                row["caption"],
                (lat, lon),
                int(row["zoom"]),
                bounds,
                tuple(row["claims"]),
            )
        )
    return out


def step_claims(data: Dataset, step: Step) -> pd.DataFrame:
    """The claims a step rests on, in the order the step lists them."""
    claims = data.claims.set_index("id", drop=False)
    return claims.loc[list(step.claim_ids)].reset_index(drop=True)


def parse_step(value: str | None, count: int) -> int | None:
    """Step number from the ``step`` query parameter, clamped to 1..count; None if absent or invalid."""
    if not value or not value.strip().isdigit():
        return None
    return min(max(int(value), 1), count)
