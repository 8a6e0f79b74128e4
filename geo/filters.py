"""Filter state, applying it to claims, and its round trip through URL query parameters."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from geo.search import matching_places
from geo.validate import parse_partial_date

if TYPE_CHECKING:
    from collections.abc import Mapping

    import pandas as pd

LIST_PARAMS = {"sources": "source", "categories": "category", "statuses": "status", "levels": "level"}


@dataclass(frozen=True)
class Filters:
    """What the user chose; empty tuples mean "all"."""

    sources: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    query: str = ""


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


def apply_filters(claims: pd.DataFrame, places: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Claims that pass every filter.

    A date range drops undated claims; a level or name filter drops claims naming no place.
    """
    keep = claims["id"].notna()
    for attr, column in (("sources", "source"), ("categories", "category"), ("statuses", "status")):
        chosen = getattr(filters, attr)
        if chosen:
            keep &= claims[column].isin(chosen)
    if filters.levels:
        keep &= claims["place_admin_level"].isin(filters.levels)
    if filters.query.strip():
        keep &= claims["place"].isin(matching_places(places, filters.query))
    if filters.year_from is not None or filters.year_to is not None:
        years = claim_years(claims)
        low = filters.year_from if filters.year_from is not None else -9999
        high = filters.year_to if filters.year_to is not None else 9999
        keep &= (years["year_end"] >= low) & (years["year_start"] <= high)
    return claims[keep]


def filters_from_params(params: Mapping[str, str], *, years: tuple[int, int] | None = None) -> Filters:
    """Read filters from URL query parameters, ignoring malformed values."""
    lists = {attr: tuple(v for v in params.get(key, "").split(",") if v) for attr, key in LIST_PARAMS.items()}

    def year(key: str) -> int | None:
        text = params.get(key, "")
        return int(text) if text.isdigit() and len(text) == 4 else None

    year_from, year_to = year("from"), year("to")
    if years and (year_from, year_to) == years:
        year_from = year_to = None
    return Filters(**lists, year_from=year_from, year_to=year_to, query=params.get("q", "")[:200])


def params_from_filters(filters: Filters) -> dict[str, str]:
    """URL query parameters for the filters; defaults are left out so URLs stay short."""
    params = {key: ",".join(getattr(filters, attr)) for attr, key in LIST_PARAMS.items() if getattr(filters, attr)}
    if filters.year_from is not None:
        params["from"] = str(filters.year_from)
    if filters.year_to is not None:
        params["to"] = str(filters.year_to)
    if filters.query:
        params["q"] = filters.query
    return params


def with_years(filters: Filters, chosen: tuple[int, int], bounds: tuple[int, int]) -> Filters:
    """Set the year range, treating the full range as "no date filter"."""
    if chosen == bounds:
        return replace(filters, year_from=None, year_to=None)
    return replace(filters, year_from=chosen[0], year_to=chosen[1])
