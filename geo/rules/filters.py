"""Filters, each declared once in :data:`FILTERS`.

One :class:`FilterField` says everything about a filter: its attribute, URL keys (also the
CLI options), sidebar label, CLI help, widget kind, choices and which claims it keeps.
The :class:`Filters` type, the URL round trip, :func:`apply_filters`, ``python -m geo
export``'s options and the dashboard's sidebar are all made from that table, so adding a
filter is one entry (and its test).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, make_dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

from geo.evidence.cache import per_dataset
from geo.evidence.dates import claim_years
from geo.language.i18n import N_
from geo.rules import labels
from geo.rules.drawing import standing
from geo.rules.search import matching_places

if TYPE_CHECKING:
    import pandas as pd

    from geo.evidence.dataset import Dataset

Kind = Literal["text", "choices", "years"]
#: Rows kept when a filter is set: ``keep(claims, places, value)`` -> boolean Series.
Keep = Callable[["pd.DataFrame", "pd.DataFrame", Any], "pd.Series"]
QUERY_CHARS = 200


@dataclass(frozen=True)
class FilterField:
    """One filter: how it is named, shown, written in the URL and applied."""

    attr: str
    keys: tuple[str, ...]  # URL query keys and CLI options: one, or two for a range
    label: str  # an English message id: translate it where it is shown
    help: tuple[str, ...]  # CLI help, one per key (the CLI is in English)
    kind: Kind
    keep: Keep
    choices: Callable[[Dataset], dict[str, str]] | None = None  # value -> label, in display order
    placeholder: str = ""

    @property
    def default(self) -> object:
        """The value meaning "no filter": all claims pass."""
        return {"text": "", "choices": (), "years": (None, None)}[self.kind]

    def is_set(self, value: Any) -> bool:
        """Whether ``value`` filters anything."""
        if self.kind == "text":
            return bool(value.strip())
        if self.kind == "years":
            return value != (None, None)
        return bool(value)

    def from_params(self, params: Mapping[str, str]) -> object:
        """Read this filter's value from URL query parameters; malformed values are ignored."""
        if self.kind == "text":
            return params.get(self.keys[0], "")[:QUERY_CHARS]
        if self.kind == "choices":
            return tuple(v for v in params.get(self.keys[0], "").split(",") if v)
        texts = [params.get(key, "") for key in self.keys]
        return tuple(int(t) if t.isdigit() and len(t) == 4 else None for t in texts)

    def to_params(self, value: Any) -> dict[str, str]:
        """Write ``value`` as URL query parameters; the default writes none, so URLs stay short."""
        if not self.is_set(value):
            return {}
        if self.kind == "years":
            return {key: str(v) for key, v in zip(self.keys, value, strict=True) if v is not None}
        return {self.keys[0]: ",".join(value) if self.kind == "choices" else value}


def column_in(column: str) -> Keep:
    """Keep claims whose ``column`` is one of the chosen values."""
    return lambda claims, places, chosen: claims[column].isin(chosen)


def name_matches(claims: pd.DataFrame, places: pd.DataFrame, query: str) -> pd.Series:
    """Keep claims at a place any of whose names (any script) contains the query."""
    return claims["place"].isin(matching_places(places, query))


def years_overlap(claims: pd.DataFrame, places: pd.DataFrame, years: tuple[int | None, int | None]) -> pd.Series:
    """Keep claims whose period (event, else reported date) overlaps the years; undated claims drop out."""
    spans = claim_years(claims)
    low = years[0] if years[0] is not None else -9999
    high = years[1] if years[1] is not None else 9999
    return (spans["year_end"] >= low) & (spans["year_start"] <= high)


@per_dataset
def source_choices(data: Dataset) -> dict[str, str]:
    """Sources with at least one standing claim, in ``sources.csv`` order, with short labels (a retracted claim cites nothing)."""
    claimed = set(standing(data.claims)["source"])
    return {
        s["id"]: labels.source_label(s, max_title=50) for s in data.sources.to_dict("records") if s["id"] in claimed
    }


FILTERS: tuple[FilterField, ...] = (
    FilterField(
        "query", ("q",), N_("Search place names (any script)"), ("place-name search, any script",), "text",
        name_matches, placeholder="Pishan, 皮山, Guma, گۇما",
    ),
    FilterField(
        "sources", ("source",), N_("Sources"), ("source ids, comma-separated",), "choices",
        column_in("source"), source_choices,
    ),
    FilterField(
        "categories", ("category",), N_("Categories"), ("categories, comma-separated",), "choices",
        column_in("category"), lambda data: labels.choices(labels.CATEGORY),
    ),
    FilterField(
        "statuses", ("status",), N_("Claim status"),
        ("claim statuses, comma-separated (as_reported, corroborated, partial, unverified, corrected, retracted)",),
        "choices", column_in("status"), lambda data: labels.choices(labels.STATUS),
    ),
    FilterField(
        "levels", ("level",), N_("Admin level"), ("admin levels, comma-separated",), "choices",
        column_in("place_admin_level"), lambda data: labels.choices(labels.LEVEL),
    ),
    FilterField(
        "years", ("from", "to"), N_("Years (event, else reported)"), ("first year", "last year"), "years",
        years_overlap,
    ),
)  # fmt: skip

Filters = make_dataclass(
    "Filters",
    [(f.attr, Any, field(default=f.default)) for f in FILTERS],
    frozen=True,
    namespace={"__doc__": "What the user chose (one attribute per entry of FILTERS); defaults mean all."},
)
Filters.__module__ = __name__  # make_dataclass takes ``module=`` only from Python 3.12


def apply_filters(claims: pd.DataFrame, places: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Claims that pass every set filter."""
    keep = claims["id"].notna()
    for f in FILTERS:
        value = getattr(filters, f.attr)
        if f.is_set(value):
            keep &= f.keep(claims, places, value)
    return claims[keep]


def any_filter_set(filters: Filters) -> bool:
    """Whether any filter narrows what is shown."""
    return any(f.is_set(getattr(filters, f.attr)) for f in FILTERS)


def without_full_range(filters: Filters, bounds: tuple[int, int] | None) -> Filters:
    """The year range covering every dated claim means "no date filter" (undated claims stay)."""
    if bounds is not None and filters.years == bounds:
        return replace(filters, years=(None, None))
    return filters


def filters_from_params(params: Mapping[str, str], *, years: tuple[int, int] | None = None) -> Filters:
    """Read filters from URL query parameters (or CLI options), ignoring malformed values."""
    return without_full_range(Filters(**{f.attr: f.from_params(params) for f in FILTERS}), years)


def params_from_filters(filters: Filters) -> dict[str, str]:
    """URL query parameters for the filters; defaults are left out so URLs stay short."""
    params: dict[str, str] = {}
    for f in FILTERS:
        params |= f.to_params(getattr(filters, f.attr))
    return params


def filters_from_values(values: Mapping[str, Any], bounds: tuple[int, int]) -> Filters:
    """Filters from the sidebar's widget values (lists become tuples; the full year range is no filter)."""
    converted = {attr: tuple(v) if isinstance(v, list | tuple) else v for attr, v in values.items()}
    return without_full_range(Filters(**converted), bounds)
