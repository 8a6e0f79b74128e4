"""Briefing mode: the ordered steps a presenter walks an audience through.

Steps live in ``data/briefing.csv`` (validated like the rest). Each step is a view (a place
or a box, and a zoom), a short caption, and the claims it rests on; its numbered source
footnotes are derived from those claims, so a caption can never cite a source that is not
in the dataset. A presenter's own briefing is a table in the same schema
(:mod:`geo.rules.briefing_file` reads and checks it); every function here takes either.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from geo.rules.drawing import Box, extent_of_places, level, zoom_box

if TYPE_CHECKING:
    import pandas as pd

    from geo.evidence.dataset import Dataset


@dataclass(frozen=True)
class Step:
    """One briefing step, ready to show."""

    number: int
    title: str
    caption: str
    center: tuple[float, float]
    zoom: int
    bounds: Box
    claim_ids: tuple[str, ...]
    #: the step's row as read (with ``caption_en``/``caption_lang`` in a localized dataset), for the page's text
    record: Mapping = field(default_factory=dict, compare=False, repr=False)


def place_frame(data: Dataset, place_id: str, zoom: int) -> Box:
    """A step's frame around its place: the whole area for a province-level place, else what its zoom shows."""
    place = data.places.set_index("id").loc[place_id]
    center = (float(place["lat"]), float(place["lon"]))
    if level(place["admin_level"]).whole_area:
        return extent_of_places(data, [place_id]) or zoom_box(center, zoom)
    return zoom_box(center, zoom)


def steps(data: Dataset, table: pd.DataFrame | None = None) -> list[Step]:
    """Every step of ``table`` (the shipped briefing by default) in order, its view resolved to a centre, zoom and box.

    A step about a province-level place (XUAR) frames that place's whole boundary, so a slide
    never cuts part of the area off; a step about a smaller place frames what its zoom shows.
    """
    places = data.places.set_index("id")
    out = []
    rows = data.briefing if table is None else table
    for row in rows.sort_values("step").to_dict("records"):
        if row["place"]:
            lat, lon = float(places.loc[row["place"], "lat"]), float(places.loc[row["place"], "lon"])
            bounds = place_frame(data, row["place"], int(row["zoom"]))
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
                row,
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
