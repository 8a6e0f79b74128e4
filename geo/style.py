"""Every colour, line and stacking rule of the map, the legend and the figures, in one place.

The web map, its legend and the static figures read these values, so a ring on a slide has
the colour of the same ring in the browser and the legend describes what is drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

#: 28 colours that stay distinct on the light basemap (matplotlib tab20 + Dark2).
PALETTE = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf", "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02",
    "#a6761d", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d",
    "#31a354", "#756bb1", "#636363", "#9c9ede",
]  # fmt: skip

SEA_COLOUR = "#dfe9f2"
LAND_COLOUR = "#f6f3ec"
COUNTRY_EDGE = "#aaa"
PROVINCE_EDGE = "#9a9a9a"
XUAR_COLOUR = "#8b1a1a"
#: Provinces outside XUAR named by a source: where the source names Hikvision, and otherwise.
HIKVISION_PROVINCE = "#e66101"
OTHER_PROVINCE = "#b2abd2"
#: A researcher's uploaded points.
UPLOAD_COLOUR = "#e7298a"

#: Claim status badges (white text on these colours).
STATUS_COLOUR = {
    "as_reported": "#5f6b7a",
    "corroborated": "#1a7f37",
    "partial": "#9a6700",
    "unverified": "#cf222e",
    "corrected": "#8250df",
    "retracted": "#424a53",
}
STATUS_FALLBACK_COLOUR = "#5f6b7a"

#: Dash pattern of a place's ring by admin level: wider dashes for larger areas.
DASH_BY_LEVEL = {
    "region": "10 5",
    "province": "10 5",
    "prefecture": "6 4",
    "county": "6 4",
    "city": "2 3",
    "district": "2 3",
}

#: Leaflet panes, bottom to top: basemap files (z 390-392, above web tiles at 200 and below the
#: rings in the overlay pane at 400), then uploaded points above the shaded provinces.
BASEMAP_PANE_Z = 390
UPLOAD_PANE = "uploads"
UPLOAD_PANE_Z = 450


#: Sources with no ring on the map (their claims name no place, or were retracted) share one neutral colour.
UNMAPPED_SOURCE_COLOUR = "#57606a"


def source_colours(sources: pd.DataFrame, claims: pd.DataFrame) -> dict[str, str]:
    """Give each source a stable colour: distinct ones for the sources drawn on the map, one neutral for the rest.

    Drawn sources (a standing claim at a place) take palette colours in ``sources.csv`` order.
    ``claims`` is the whole dataset's claims, so a source keeps its colour in every view.
    """
    drawn = set(claims.loc[(claims["place"] != "") & (claims["status"] != "retracted"), "source"])
    ids = [sid for sid in sources["id"] if sid in drawn]
    colours = {sid: PALETTE[i % len(PALETTE)] for i, sid in enumerate(ids)}
    return {sid: colours.get(sid, UNMAPPED_SOURCE_COLOUR) for sid in sources["id"]}
