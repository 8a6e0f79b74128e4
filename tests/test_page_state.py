"""The page's state: one object read from the address, written back in one canonical order, moved by its methods."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from hypothesis import given, settings
from hypothesis import strategies as st

from geo.page import state
from geo.page.state import MapView, Opening, PageState, WidgetChoices
from geo.rules import drawing
from geo.rules.filters import Filters

from .conftest import examples

PLACES = frozenset({"pishan", "moyu", "xuar"})
YEARS = (2009, 2025)


def test_the_address_is_read_into_one_state_and_written_back_in_one_order() -> None:
    params = {"lang": "ug", "zoom": "7", "place": "pishan", "lat": "37.2", "lng": "79.9", "status": "partial",
              "q": "Guma", "junk": "x"}  # fmt: skip
    page = PageState.parse(params).within(PLACES, YEARS)
    assert page == PageState(
        filters=Filters(query="Guma", statuses=("partial",)), place="pishan", view=MapView("37.200", "79.900", "7"),
        language="ug",
    )  # fmt: skip
    assert list(page.params().items()) == [
        ("q", "Guma"), ("status", "partial"), ("place", "pishan"), ("lang", "ug"),
        ("lat", "37.200"), ("lng", "79.900"), ("zoom", "7"),
    ]  # fmt: skip (the view last: the map's client code writes it there too, see tests/js/url.test.js)


def test_what_the_dataset_cannot_show_is_left_out() -> None:
    assert PageState.parse({"place": "<script>"}).within(PLACES, YEARS).place is None
    assert PageState.parse({"from": "2009", "to": "2025"}).within(PLACES, YEARS).filters == Filters()
    assert PageState.parse({"lat": "95", "lng": "1", "zoom": "4"}).view is None
    assert PageState.parse({"lat": "30", "lng": "1", "zoom": "19"}).view is None
    assert PageState.parse({"step": "0"}).step is None
    assert PageState.parse({"step": "-2"}).step is None
    assert PageState.parse({"lang": "xx"}).language == "en"
    assert PageState.parse({}).params() == {}


def test_a_briefing_step_s_address_carries_only_the_step_its_briefing_and_the_language() -> None:
    explorer = PageState.parse({"q": "Guma", "place": "pishan", "lang": "zh", "lat": "1", "lng": "2", "zoom": "3"})
    step = explorer.at_step(2, "mine")
    assert step.params() == {"step": "2", "briefing": "mine", "lang": "zh"}
    assert step.kept_in_tab
    assert step.next_step(3).params() == {"step": "3", "briefing": "mine", "lang": "zh"}
    assert step.with_view(MapView("1.000", "2.000", "3")) == step  # a step frames its own map
    assert step.in_language("ug").params()["lang"] == "ug"


def test_opening_a_place_keeps_the_filters_view_and_language_and_leaves_the_briefing() -> None:
    page = PageState.parse({"q": "Guma", "lang": "zh", "lat": "1", "lng": "2", "zoom": "3"})
    opened = page.opening("moyu")
    assert opened.params() == {"q": "Guma", "place": "moyu", "lang": "zh", "lat": "1.000", "lng": "2.000", "zoom": "3"}
    assert opened.opening(None).params() == page.params()
    assert page.at_step(4).opening("moyu").presenting is False


def test_exit_goes_back_where_the_explorer_was_in_today_s_language() -> None:
    session: dict = {}
    explorer = PageState.parse({"q": "Guma", "place": "pishan", "lat": "1", "lng": "2", "zoom": "3"})
    step = explorer.at_step(1)
    state.remember_explorer(session, explorer, step)
    state.remember_explorer(session, step, step.next_step(2))  # moving between steps keeps the explorer remembered
    back = state.explorer_after(session, step.next_step(2).in_language("ug"))
    assert back == explorer.in_language("ug")
    assert state.explorer_after({}, step) == PageState()  # a briefing opened from a link: the explorer as it opens


def test_the_widgets_show_the_address_s_values_within_what_they_can_hold() -> None:
    choices = WidgetChoices(YEARS, {"sources": {"ipvm-2018"}, "statuses": {"partial"}, "categories": set(),
                                    "levels": {"county"}})  # fmt: skip
    page = PageState.parse({"q": "Guma", "source": "ipvm-2018,bogus", "from": "2017", "lang": "zh"})
    values = state.widget_values(page, choices)
    assert values["query"] == "Guma"
    assert values["sources"] == ["ipvm-2018"]  # a source the widget cannot hold is left out
    assert values["years"] == (2017, 2025)
    assert values["language"] == "zh"
    assert state.widget_values(PageState.parse({"from": "1900"}), choices)["years"] == YEARS


def test_the_session_s_map_starts_at_its_first_address_s_view_else_its_place_else_the_default(data) -> None:
    view = MapView.parse({"lat": "20", "lng": "110", "zoom": "8"})
    pishan = data.places.set_index("id").loc["pishan"]
    assert state.map_view(Opening(Filters(), "pishan", view), data) == ((20.0, 110.0), 8)
    (lat, lon), zoom = state.map_view(Opening(Filters(), "pishan", None), data)
    assert (lat, lon, zoom) == (pishan["lat"], pishan["lon"], drawing.LEVELS["county"].detail_zoom)
    assert state.map_view(Opening(Filters(), None, None), data) == (drawing.HOME.center, drawing.HOME.zoom)


def test_the_map_moves_only_once_the_visitor_changes_what_the_page_opened_with(data) -> None:
    filtered = [[36.0, 77.0], [39.0, 80.0]]
    moyu = state.place_bounds(data, "moyu")
    opened = PageState.parse({"q": "Guma", "lat": "30", "lng": "100", "zoom": "5"})
    session: dict = {}
    assert state.page_fit(session, opened, filtered) is None  # the address's view holds
    assert state.page_fit(session, opened.with_filters(Filters()), None) == "home"  # filters changed: fit again
    assert state.page_fit(session, opened.opening("moyu"), filtered, moyu) == moyu  # a place opened: its frame
    assert state.page_fit(session, opened, filtered) is None  # back as it opened: the view holds again
    assert state.page_fit({}, PageState.parse({"q": "Guma"}), filtered) == filtered
    assert state.page_fit({}, PageState.parse({"place": "moyu"}), None, moyu) is None  # the map was made there
    (south, west), (north, east) = moyu
    m = data.places.set_index("id").loc["moyu"]
    assert south < m["lat"] < north
    assert west < m["lon"] < east
    xuar = state.place_bounds(data, "xuar")  # a region: its whole area
    assert xuar[1][1] - xuar[0][1] > 15


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)


@given(
    query=TEXT, place=st.sampled_from(["", *sorted(PLACES)]), lang=st.sampled_from(["en", "zh", "ug"]),
    lat=st.floats(-90, 90), lng=st.floats(-180, 180), zoom=st.integers(1, 18),
)  # fmt: skip
@settings(max_examples=examples(100), deadline=None)
def test_reading_what_was_written_gives_the_same_state(query, place, lang, lat, lng, zoom) -> None:
    """Any state survives its own address: written, encoded as Streamlit encodes it, and read again."""
    page = PageState(filters=Filters(query=query.strip()), place=place or None, language=lang,
                     view=MapView.parse({"lat": lat, "lng": lng, "zoom": zoom}))  # fmt: skip
    again = PageState.parse(dict(parse_qsl(urlencode(page.params()), keep_blank_values=True)))
    assert again.within(PLACES, None) == page


def test_a_view_report_is_taken_only_at_the_address_it_was_seen_at() -> None:
    """A late report from an address the visitor has left (Back) must not pull the address back there."""
    here = PageState.parse({"place": "pishan", "lang": "zh", "lat": "1", "lng": "2", "zoom": "3"})
    report = {"lat": "37.620", "lng": "78.281", "zoom": "8", "at": "place=pishan&lang=zh"}
    assert state.reported_view(report, here) == MapView("37.620", "78.281", "8")
    assert state.reported_view(report | {"at": "place=hangzhou&lang=zh"}, here) is None  # seen elsewhere
    assert state.reported_view(report | {"at": "lang=zh&place=pishan"}, here) is not None  # the same address
    assert state.reported_view(report | {"zoom": "40"}, here) is None
    assert state.reported_view(report | {"at": "step=1&lang=zh"}, here.at_step(1)) is None  # a step frames its own


def test_a_write_compares_the_address_but_its_view_in_order() -> None:
    assert state.without_view({"place": "pishan", "lat": "1", "lng": "2", "zoom": "3", "lang": "zh"}) == [
        ("place", "pishan"), ("lang", "zh")]  # fmt: skip
    assert state.without_view({"lang": "zh", "place": "pishan"}) != state.without_view({"place": "pishan", "lang": "zh"})
