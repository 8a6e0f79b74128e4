"""The page's state in its URL: which query parameters to write back, which place is open, where the map looks.

The dashboard reads ``st.query_params`` and writes back what these functions return, so
the rules can be tested without Streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from typing import TYPE_CHECKING

from geo import urls
from geo.page.session import Key
from geo.rules.drawing import HOME, extent, leaflet_bounds, level
from geo.rules.filters import any_filter_set, params_from_filters
from geo.urls import parse_view

if TYPE_CHECKING:
    import pandas as pd

    from geo.evidence.dataset import Dataset
    from geo.rules.filters import Filters

#: Query parameters the filters do not own, kept as they are: the language, the open place, the
#: map view (written by the map itself) and Streamlit's embedding options.
KEPT_PARAMS = (urls.LANG, urls.PLACE, *urls.VIEW, *urls.EMBED)


def wanted_params(params: Mapping[str, str], filters: Filters) -> dict[str, str]:
    """The query parameters the page should have: the filters', then the kept ones."""
    return params_from_filters(filters) | {key: params[key] for key in KEPT_PARAMS if key in params}


def selected_place(params: Mapping[str, str], data: Dataset) -> str | None:
    """The place whose detail view is open (``?place=``), if it is a known place id."""
    place = params.get(urls.PLACE)
    return place if place in set(data.places["id"]) else None


def map_view(params: Mapping[str, str], selected: str | None, data: Dataset) -> tuple[tuple[float, float], int]:
    """Centre and zoom: the open place, else the view in the URL, else the default view."""
    if selected:
        place = data.places.set_index("id").loc[selected]
        return (place["lat"], place["lon"]), level(place["admin_level"]).detail_zoom
    return parse_view(params) or (HOME.center, HOME.zoom)


def results_bounds(data: Dataset, claims: pd.DataFrame) -> list[list[float]] | None:
    """Where fitting moves the map for ``claims``: their extent (:func:`geo.rules.drawing.extent`) in Leaflet's order."""
    return leaflet_bounds(extent(data, claims))


def fit_target(
    filters: Filters, bounds: list[list[float]] | None, *, kept_view: bool
) -> list[list[float]] | str | None:
    """Where the map should move for these filters: their results' bounds, ``"home"``, or None (stay).

    Narrowing filters fit the map to what they show; no filters return it to the default
    view. ``kept_view`` (the page opened with an explicit view in its URL, and the filters
    have not changed since) leaves the map where the URL put it. The browser moves the map
    only when this value changes, that is when the filters do.
    """
    if kept_view:
        return None
    if not any_filter_set(filters):
        return "home"
    return bounds


def page_fit(
    session: MutableMapping, filters: Filters, bounds: list[list[float]] | None, params: Mapping[str, str],
    selected: str | None,
) -> list[list[float]] | str | None:  # fmt: skip
    """Where the map moves for these filters in this session (:func:`fit_target`); nowhere while a place is open.

    An open place's detail view frames that place (:func:`map_view`). The session remembers
    the filters it opened with and whether its URL held a view: that view holds until the
    filters change.
    """
    opened_filters, opened_with_view = session.setdefault(Key.OPENED_WITH, (filters, urls.VIEW[2] in params))
    if selected:
        return None
    return fit_target(filters, bounds, kept_view=opened_with_view and filters == opened_filters)


def owned_params(selected: str | None) -> dict[str, str | None]:
    """The URL parameters the page asserts after each run (``geo.handView``): the open place, or none.

    Whatever wrote the URL last (the map writes its view; Streamlit writes the query it knows,
    and drops a fragment run's), the address then says what the page shows.
    """
    return {urls.PLACE: selected}
