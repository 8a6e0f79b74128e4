"""A place's detail view as the page shows it: its names, its claims by source and a "cite this" line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo.html.detail import cite_line, place_detail_html

if TYPE_CHECKING:
    import pandas as pd

    from geo.evidence.dataset import Dataset


def detail_html(data: Dataset, place_id: str, shown: pd.DataFrame, page_url: str, today: str) -> str:
    """The detail view of ``place_id`` for the claims shown, cited at ``page_url`` (the app's address) on ``today``."""
    place = data.places.set_index("id", drop=False).loc[place_id]
    return place_detail_html(data, place_id, shown, cite_line(data, place, page_url, today))
