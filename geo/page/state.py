"""The page's state in its URL: which query parameters to write back, which place is open, where the map looks.

The dashboard reads ``st.query_params`` and writes back what these functions return, so
the rules can be tested without Streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from geo.filters import params_from_filters
from geo.map.basemap import DEFAULT_CENTER, DEFAULT_ZOOM
from geo.urls import parse_view

if TYPE_CHECKING:
    from geo.dataset import Dataset
    from geo.filters import Filters

#: Query parameters the filters do not own, kept as they are: the open place, the map view
#: (written by the map itself) and Streamlit's embedding options.
KEPT_PARAMS = ("place", "lat", "lng", "zoom", "embed", "embed_options")
#: Zoom used when a place's detail view is open.
PLACE_ZOOM = 6


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
        return (place["lat"], place["lon"]), PLACE_ZOOM
    return parse_view(params) or (DEFAULT_CENTER, DEFAULT_ZOOM)
