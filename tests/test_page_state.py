"""The page's URL state: what is written back, which place is open, where the map looks."""

from __future__ import annotations

from geo.page import state
from geo.rules import drawing
from geo.rules.filters import Filters


def test_filters_replace_their_own_params_and_the_rest_is_kept() -> None:
    params = {"status": "partial", "q": "old", "place": "pishan", "lat": "37", "lng": "79", "zoom": "7", "junk": "x"}
    wanted = state.wanted_params(params, Filters(query="Guma"))
    assert wanted == {"q": "Guma", "place": "pishan", "lat": "37", "lng": "79", "zoom": "7"}


def test_only_known_places_open(data) -> None:
    assert state.selected_place({"place": "moyu"}, data) == "moyu"
    assert state.selected_place({"place": "<script>"}, data) is None
    assert state.selected_place({}, data) is None


def test_an_open_place_wins_over_the_url_view_which_wins_over_the_default(data) -> None:
    view = {"lat": "20", "lng": "110", "zoom": "8"}
    (lat, lon), zoom = state.map_view(view, "pishan", data)
    pishan = data.places.set_index("id").loc["pishan"]
    assert (lat, lon, zoom) == (pishan["lat"], pishan["lon"], drawing.LEVELS["county"].detail_zoom)
    assert state.map_view(view, None, data) == ((20.0, 110.0), 8)
    assert state.map_view({"lat": "bad"}, None, data) == (drawing.HOME.center, drawing.HOME.zoom)


def test_the_session_keeps_its_opening_view_until_the_filters_change_and_an_open_place_stays_framed(data) -> None:
    bounds = [[36.0, 77.0], [39.0, 80.0]]
    narrowed = Filters(query="Guma")
    session: dict = {}
    assert state.page_fit(session, narrowed, bounds, {"q": "Guma", "zoom": "5"}, None) is None  # the URL's view holds
    assert state.page_fit(session, Filters(), None, {"zoom": "5"}, None) == "home"  # filters changed: fit again
    assert state.page_fit({}, narrowed, bounds, {"q": "Guma"}, None) == bounds
    assert state.page_fit({}, narrowed, bounds, {"q": "Guma", "place": "pishan"}, "pishan") is None
    assert state.owned_params("pishan") == {"place": "pishan"}
    assert state.owned_params(None) == {"place": None}
