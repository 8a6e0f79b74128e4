"""Dates as the data writes them: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a partial date is a period)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


def parse_partial_date(text: str) -> dt.date | None:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` to the first day it covers; None if invalid."""
    parts = text.split("-")
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
        return None
    if [len(p) for p in parts] != [4, 2, 2][: len(parts)]:
        return None
    numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
    try:
        return dt.date(*numbers)
    except ValueError:
        return None


def claim_years(claims: pd.DataFrame) -> pd.DataFrame:
    """First and last year each claim covers: its event period, else its reported date."""
    start = claims["event_date"].where(claims["event_date"] != "", claims["reported_date"])
    end = claims["event_date_end"].where(claims["event_date_end"] != "", start)

    def year(text: str) -> float:
        date = parse_partial_date(text) if text else None
        return float(date.year) if date else float("nan")

    return claims.assign(year_start=start.map(year), year_end=end.map(year))[["year_start", "year_end"]]


def year_bounds(claims: pd.DataFrame) -> tuple[int, int]:
    """Earliest and latest year among dated claims."""
    years = claim_years(claims)
    return int(years["year_start"].min()), int(years["year_end"].max())
