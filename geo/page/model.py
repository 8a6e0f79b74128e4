"""The page model: everything a page shows for one set of filters, computed once and shared by every session.

A rerun (a filter change, or a new visitor with the same filters) then only sends
prepared tables, HTML and chart specs to the browser. Results are cached per loaded
dataset and interface language (:func:`geo.cache.per_dataset`) and per ``geo.filters.Filters``,
in a small LRU: the filters are a handful of choices, and popular views stay warm.
Values are shared between sessions and must be treated as read-only.
"""

from __future__ import annotations

import functools
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.cache import per_dataset
from geo.dates import year_bounds
from geo.filters import apply_filters
from geo.map.overlays import LayerSpec, claim_layer_specs
from geo.page import about, charts, state, tables

if TYPE_CHECKING:
    from collections.abc import Callable

    import geopandas as gpd
    import pandas as pd

    from geo.dataset import Dataset
    from geo.filters import Filters

#: Distinct filter sets kept per dataset.
VIEWS_KEPT = 256


@dataclass(frozen=True)
class DatasetSummary:
    """Parts of the page that depend on the dataset only."""

    year_bounds: tuple[int, int]
    twelve_provinces: str
    known_errors: str


@dataclass(frozen=True)
class FilteredView:
    """Parts of the page that depend on the filters."""

    shown: gpd.GeoDataFrame
    places: pd.DataFrame
    claims: pd.DataFrame
    sources: pd.DataFrame
    citation_graph: str
    timeline: dict  # Vega-Lite spec (Altair's validation ran once, when it was built)
    layers: list[LayerSpec]
    bounds: list[list[float]] | None  # around the drawn places, for fitting the map to the results


@per_dataset
def dataset_summary(data: Dataset) -> DatasetSummary:
    """The year range, the 12-provinces panel and the known-errors list, built on first use."""
    return DatasetSummary(
        year_bounds=year_bounds(data.claims),
        twelve_provinces=about.twelve_provinces_panel(data),
        known_errors=about.known_errors_html(data.claims),
    )


def filtered_view(data: Dataset, filters: Filters) -> FilteredView:
    """Shown claims and the tables, graph, timeline and map layers for them (cached)."""
    return _view_builder(data)(filters)


@per_dataset
def _view_builder(data: Dataset) -> Callable[[Filters], FilteredView]:
    """An LRU-cached view builder for one dataset (it holds the dataset weakly, so it can be freed)."""
    ref = weakref.ref(data)

    @functools.lru_cache(maxsize=VIEWS_KEPT)
    def build(filters: Filters) -> FilteredView:
        return _build_view(ref(), filters)

    return build


def _build_view(data: Dataset, filters: Filters) -> FilteredView:
    shown = apply_filters(data.claims, data.places, filters)
    return FilteredView(
        shown=shown,
        places=tables.places_table(data, shown),
        claims=tables.claims_table(data, shown),
        sources=tables.sources_table(data, shown),
        citation_graph=charts.citation_graph(data, shown),
        timeline=charts.timeline_for(data, shown).to_dict(),
        layers=claim_layer_specs(data, shown),
        bounds=state.results_bounds(data, shown[shown["status"] != "retracted"]),
    )
