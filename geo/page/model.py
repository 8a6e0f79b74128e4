"""The page model: everything a page shows for one set of filters, computed once and shared by every session.

A rerun (a filter change, or a new visitor with the same filters) then only sends
prepared tables, HTML and chart specs to the browser, and only for what is on screen:
tab contents are built when a tab first shows them. Results are cached per loaded
dataset and interface language (:func:`geo.evidence.cache.per_dataset`) and per ``geo.rules.filters.Filters``,
in a small LRU: the filters are a handful of choices, and popular views stay warm.
Values are shared between sessions and must be treated as read-only.
"""

from __future__ import annotations

import functools
import threading
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.evidence.cache import per_dataset
from geo.evidence.content import localized
from geo.evidence.dataset import Dataset
from geo.evidence.dates import year_bounds
from geo.language import i18n
from geo.map.overlays import claim_view, default_view, view_json
from geo.page import about, charts, state, tables
from geo.rules.filters import Filters, apply_filters

if TYPE_CHECKING:
    from collections.abc import Callable

    import geopandas as gpd
    import pandas as pd


__all__ = [
    "VIEWS_KEPT",
    "Dataset",  # the validated dataset's type (geo.evidence.dataset)
    "DatasetSummary",
    "FilteredView",
    "dataset_summary",
    "filtered_view",
    "localized",  # the evidence in the page's language (geo.evidence.content)
]

#: Distinct filter sets kept per dataset.
VIEWS_KEPT = 256


@dataclass(frozen=True)
class DatasetSummary:
    """Parts of the page that depend on the dataset only."""

    year_bounds: tuple[int, int]
    twelve_provinces: str
    known_errors: str


class FilteredView:
    """Parts of the page that depend on the filters, each built once, when first needed.

    The claims shown, the map's view of them and their extent are built at once: every
    page needs them. The tables, the citation graph and the timeline are built when a tab
    shows them, in the language the view was made for (values are shared by every session;
    a lock makes concurrent sessions wait for one build instead of repeating it).
    """

    def __init__(self, data: Dataset, filters: Filters) -> None:
        self._data = weakref.ref(data)  # the LRU of views must not keep a dropped dataset alive
        self._lock = threading.Lock()
        self.language = i18n.current()
        self.filters = filters
        self.shown: gpd.GeoDataFrame = apply_filters(data.claims, data.places, filters)
        self.bounds = state.results_bounds(data, self.shown)
        self.map_json = default_view(data) if filters == Filters() else view_json(claim_view(data, self.shown))

    @property
    def data(self) -> Dataset:
        """The dataset these views are of (held weakly, so the LRU of views does not keep a dropped one alive)."""
        return self._data()

    def _once(self, name: str, build: Callable[[Dataset], object]) -> object:
        with self._lock:
            if name not in self.__dict__:
                with i18n.speaking(self.language):
                    self.__dict__[name] = build(self._data())
            return self.__dict__[name]

    @property
    def places(self) -> pd.DataFrame:
        """One row per place of a shown claim (the Places tab)."""
        return self._once("_places", lambda data: tables.places_table(data, self.shown))

    @property
    def claims(self) -> pd.DataFrame:
        """One row per shown claim (the Claims tab)."""
        return self._once("_claims", lambda data: tables.claims_table(data, self.shown))

    @property
    def sources(self) -> pd.DataFrame:
        """The sources behind the shown claims (the Sources tab)."""
        return self._once("_sources", lambda data: tables.sources_table(data, self.shown))

    @property
    def citation_graph(self) -> str:
        """Who cites or relays whom, as Graphviz DOT (the Sources tab)."""
        return self._once("_graph", lambda data: charts.citation_graph(data, self.shown))

    @property
    def timeline(self) -> dict:
        """The Vega-Lite spec of the timeline (the Timeline tab; Altair is imported only then, see charts)."""

        def build(data: Dataset) -> dict:
            return charts.timeline_for(data, self.shown).to_dict()

        return self._once("_timeline", build)


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
    """An LRU-cached view builder for one dataset (it holds the dataset weakly, so it can be freed).

    Builds are serialised: sessions asking at once for the same new filters wait for one
    build and share it, instead of each making their own.
    """
    ref = weakref.ref(data)
    lock = threading.Lock()

    @functools.lru_cache(maxsize=VIEWS_KEPT)
    def build(filters: Filters) -> FilteredView:
        return FilteredView(ref(), filters)

    def locked(filters: Filters) -> FilteredView:
        with lock:
            return build(filters)

    return locked
