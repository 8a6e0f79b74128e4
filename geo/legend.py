"""The map legend as escaped HTML: source colours, ring styles, status badges, province shading."""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo import labels
from geo.display import display
from geo.html import esc
from geo.mapping import HIKVISION_PROVINCE, OTHER_PROVINCE, XUAR_COLOUR
from geo.popups import status_badge

if TYPE_CHECKING:
    import pandas as pd

    from geo.load import Dataset


def _ring(dash: str) -> str:
    return (
        f"<svg width='22' height='22' aria-hidden='true'><circle cx='11' cy='11' r='8' fill='#bbb' fill-opacity='.35' "
        f"stroke='#444' stroke-width='3' stroke-dasharray='{dash}'/></svg>"
    )


def legend_html(data: Dataset, claims: pd.DataFrame) -> str:
    """Legend for the current map: one row per shown source, then styles and statuses."""
    colours = display(data).colours
    on_map = set(claims.loc[claims["place"] != "", "source"])
    rows = "".join(
        f"<li><span style='color:{colours[s['id']]}'>●</span> {esc(labels.source_label(s, max_title=90))}</li>"
        for s in data.sources.to_dict("records")
        if s["id"] in on_map
    )
    styles = (
        f"<li>{_ring('10 5')} region or province (point stands for the whole area)</li>"
        f"<li>{_ring('6 4')} county or prefecture seat (stands for the whole county)</li>"
        f"<li>{_ring('2 3')} city centre or district point</li>"
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
