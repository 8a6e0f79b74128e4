"""The map's legend and the caption under the map: source colours, ring styles, statuses, shading."""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo import labels
from geo.html import esc
from geo.render import status_badge
from geo.style import DASH_BY_LEVEL, HIKVISION_PROVINCE, OTHER_PROVINCE, XUAR_COLOUR, source_colours

if TYPE_CHECKING:
    import pandas as pd

    from geo.dataset import Dataset

CAPTION = (
    "Rings are area-level points (dashed: region or county; dotted: city or district), one ring per source; "
    "click for names, claims and sources, and the popup's link opens the detail view. Shaded provinces: orange where the source names Hikvision, "
    "lilac where the vendor is another or not stated. Layers (one per source) and optional web tiles: "
    "the control at the top right. Boundaries: Natural Earth (public domain)."
)


def _ring(dash: str) -> str:
    return (
        f"<svg width='22' height='22' aria-hidden='true'><circle cx='11' cy='11' r='8' fill='#bbb' fill-opacity='.35' "
        f"stroke='#444' stroke-width='3' stroke-dasharray='{dash}'/></svg>"
    )


def legend_html(data: Dataset, claims: pd.DataFrame) -> str:
    """Legend for the current map: one row per shown source, then styles and statuses."""
    colours = source_colours(data.sources, data.claims)
    on_map = set(claims.loc[claims["place"] != "", "source"])
    rows = "".join(
        f"<li><span style='color:{colours[s['id']]}'>●</span> {esc(labels.source_label(s, max_title=90))}</li>"
        for s in data.sources.to_dict("records")
        if s["id"] in on_map
    )
    styles = (
        f"<li>{_ring(DASH_BY_LEVEL['region'])} region or province (point stands for the whole area)</li>"
        f"<li>{_ring(DASH_BY_LEVEL['county'])} county or prefecture seat (stands for the whole county)</li>"
        f"<li>{_ring(DASH_BY_LEVEL['city'])} city centre or district point</li>"
        f"<li><span style='color:{XUAR_COLOUR}'>▬</span> Xinjiang Uyghur Autonomous Region outline</li>"
        f"<li><span style='color:{HIKVISION_PROVINCE}'>■</span> province outside XUAR where a source names Hikvision</li>"
        f"<li><span style='color:{OTHER_PROVINCE}'>■</span> province outside XUAR, vendor another or not stated</li>"
    )
    statuses = " ".join(status_badge(s) for s in labels.STATUS)
    return (
        "<div style='font-size:14px'><b>Sources shown on the map</b> (one layer each; nested rings at a place "
        f"are its sources)<ul style='list-style:none;padding-left:4px'>{rows}</ul>"
        f"<b>Styles</b><ul style='list-style:none;padding-left:4px'>{styles}</ul>"
        f"<b>Claim status</b><div>{statuses}</div></div>"
    )
