"""The page's state in its URL: which query parameters to write back, which place is open, where the map looks.

The dashboard reads ``st.query_params`` and writes back what these functions return, so
the rules can be tested without Streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from geo.filters import any_filter_set, params_from_filters
from geo.map.basemap import DEFAULT_CENTER, DEFAULT_ZOOM
from geo.urls import parse_view

if TYPE_CHECKING:
    import pandas as pd

    from geo.dataset import Dataset
    from geo.filters import Filters

#: Query parameters the filters do not own, kept as they are: the language, the open place, the
#: map view (written by the map itself) and Streamlit's embedding options.
KEPT_PARAMS = ("lang", "place", "lat", "lng", "zoom", "embed", "embed_options")
#: Zoom used when a place's detail view is open, by the place's admin level (the whole area in view).
PLACE_ZOOM = {"region": 5, "province": 6, "prefecture": 7, "county": 8, "city": 9, "district": 10}
DEFAULT_PLACE_ZOOM = 6
#: Degrees added around fitted results (a single place is then framed at county level).
FIT_PAD = 0.4


def wanted_params(params: Mapping[str, str], filters: Filters) -> dict[str, str]:
    """The query parameters the page should have: the filters', then the kept ones."""
    return params_from_filters(filters) | {key: params[key] for key in KEPT_PARAMS if key in params}


def selected_place(params: Mapping[str, str], data: Dataset) -> str | None:
    """The place whose detail view is open (``?place=``), if it is a known place id."""
    place = params.get("place")
    return place if place in set(data.places["id"]) else None


def map_view(params: Mapping[str, str], selected: str | None, data: Dataset) -> tuple[tuple[float, float], int]:
    """Centre and zoom: the open place, else the view in the URL, else the default view."""
    if selected:
        place = data.places.set_index("id").loc[selected]
        return (place["lat"], place["lon"]), PLACE_ZOOM.get(place["admin_level"], DEFAULT_PLACE_ZOOM)
    return parse_view(params) or (DEFAULT_CENTER, DEFAULT_ZOOM)


def results_bounds(data: Dataset, claims: pd.DataFrame) -> list[list[float]] | None:
    """``[[south, west], [north, east]]`` around the places of ``claims`` (Leaflet's order), or None if none."""
    places = data.places[data.places["id"].isin(set(claims["place"]) - {""})]
    if places.empty:
        return None
    return [
        [round(float(places["lat"].min()) - FIT_PAD, 4), round(float(places["lon"].min()) - FIT_PAD, 4)],
        [round(float(places["lat"].max()) + FIT_PAD, 4), round(float(places["lon"].max()) + FIT_PAD, 4)],
    ]


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
