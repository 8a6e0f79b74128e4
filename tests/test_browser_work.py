"""A visitor's work is never lost: with a layer uploaded and a briefing step added, every way of moving keeps both.

One visitor, one page, for the whole module: they upload a 50-point layer and add a step of
their own once (:func:`visitor`), then each test moves them one way (a place from the Places
table, a popup, the picker; a search; the language; the briefing and back; their own
briefing; the browser's Back and Forward) and checks that the map still draws their layer and
"My briefing" still lists their step. Only what opens a page of its own (a click with a
modifier, a reload, a shared link) leaves the session, and then the page asks first or says so.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from .browser import (
    OPEN_RING_POPUP_JS,
    SETTLED_JS,
    UPLOAD_DRAWN,
    fill_upload_form,
    map_frame,
    open_popup,
    run_after,
    wait_until_run_finished,
)
from .conftest import new_page

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]  # groups: tests/conftest.py

POINTS = 50
LAYER, STEP = "Field notes", "My own step"


@pytest.fixture(scope="module")
def visitor(browser, app_url, tmp_path_factory):
    """A visitor with work in hand: a layer of their own (50 points) and one briefing step of their own."""
    csv = tmp_path_factory.mktemp("work") / "notes.csv"
    rows = "\n".join(f"{i},note {i},{36 + i * 0.05:.3f},{80 + i * 0.05:.3f}" for i in range(POINTS))
    csv.write_text(f"id,name,lat,lon\n{rows}\n", encoding="utf-8")
    page = new_page(browser)
    page.goto(app_url)
    map_frame(page)
    fill_upload_form(page, csv, LAYER, "My own fieldwork")
    with run_after(page):
        page.get_by_role("button", name="Add layer").click()
    map_frame(page).wait_for_function(UPLOAD_DRAWN, arg=POINTS)
    page.get_by_role("button", name="Add this view to my briefing").click()
    page.get_by_label("Step title").fill(STEP)
    with run_after(page):
        page.get_by_role("button", name="Add step").click()
    page.get_by_text("Step 1 added").wait_for()
    page.keyboard.press("Escape")
    yield page
    page.context.close()


#: What each tab under the map shows first: a tab is open when its content is there.
TAB_CONTENT = {
    "Places": "table.places",
    "My briefing": "text=Build a briefing for your audience",
    "Downloads": "text=Files of what is shown",
}


def open_tab(page, name: str) -> None:
    """Open a tab under the map (its fragment reruns), unless its content is there already.

    As a visitor does, once the page has settled after a move (its runs ended, the map's view
    reported): the click then starts the tab's own run, and the content it draws is waited for.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    content = page.locator(TAB_CONTENT[name]).first
    if content.is_visible():
        return
    map_frame(page).wait_for_function(SETTLED_JS, polling=100)
    wait_until_run_finished(page)
    tab = page.get_by_role("tab", name=name)
    with run_after(page):
        tab.click()
    try:
        content.wait_for()
    except PlaywrightTimeoutError as error:  # say what the visitor would see: the tab selected or not, its panel
        selected = tab.get_attribute("aria-selected")
        panel = page.get_by_role("tabpanel").first.inner_text()[:200]
        raise AssertionError(f"tab {name!r} clicked: aria-selected={selected}; its panel shows {panel!r}") from error


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def assert_work_kept(page) -> None:
    """The map draws the visitor's layer, and "My briefing" lists their step (in the explorer)."""
    map_frame(page).wait_for_function(UPLOAD_DRAWN, arg=POINTS)
    open_tab(page, "My briefing")
    page.get_by_label("Title").first.wait_for()
    assert page.get_by_label("Title").first.input_value() == STEP


def test_opening_a_place_from_the_places_table_keeps_the_work(visitor) -> None:
    open_tab(visitor, "Downloads")  # a file made on request: kept too
    with run_after(visitor):
        visitor.get_by_role("button", name="Make: Offline HTML map").click()
    visitor.get_by_role("button", name="Offline HTML map ·").wait_for()
    open_tab(visitor, "Places")
    with run_after(visitor, whole=True):
        visitor.locator("table.places a", has_text="Moyu County").click()
    visitor.get_by_role("heading", name="Moyu County").first.wait_for()
    assert query(visitor)["place"] == ["moyu"]
    assert_work_kept(visitor)
    open_tab(visitor, "Downloads")
    assert visitor.get_by_role("button", name="Offline HTML map ·").is_visible()  # made, not to be made again
    assert visitor.get_by_role("button", name="Make: Offline HTML map").count() == 0


def test_opening_a_place_from_a_popup_keeps_the_work(visitor, data) -> None:
    pishan = data.places.set_index("id").loc["pishan"]
    rounded = [round(float(pishan["lat"]), 4), round(float(pishan["lon"]), 4)]  # as the model sends it
    map_frame(visitor).wait_for_function(OPEN_RING_POPUP_JS, arg=rounded)  # the ring's popup, as a click opens it
    with run_after(visitor, whole=True):
        open_popup(visitor).locator("a[data-place='pishan']").click()
    visitor.get_by_role("heading", name="Pishan County").first.wait_for()
    assert query(visitor)["place"] == ["pishan"]
    assert_work_kept(visitor)


def test_opening_a_place_from_the_picker_keeps_the_work(visitor) -> None:
    open_tab(visitor, "Places")
    visitor.get_by_test_id("stSelectbox").filter(has_text="Open a place's detail view").locator("input").focus()
    visitor.keyboard.type("Chengmai")  # the list is long and drawn lazily: narrowed by typing
    visitor.get_by_role("option", name="Chengmai County").wait_for()
    with run_after(visitor, whole=True):
        visitor.keyboard.press("Enter")
    visitor.get_by_role("heading", name="Chengmai County").first.wait_for()
    assert_work_kept(visitor)


def test_a_search_keeps_the_work(visitor) -> None:
    search = visitor.get_by_label("Search place names (any script)")
    search.fill("Guma")
    with run_after(visitor):
        search.press("Enter")
    assert query(visitor)["q"] == ["Guma"]
    assert_work_kept(visitor)
    search.fill("")
    with run_after(visitor):
        search.press("Enter")


def choose_language(page, name: str) -> None:
    """Pick a language in the switch at the top of the page."""
    switch = page.get_by_label("Language · 语言 · تىل")
    switch.focus()
    page.keyboard.press("Escape")  # a click toggles the list: it starts closed
    switch.click()
    with run_after(page, whole=True):
        page.get_by_role("option", name=name).click()


def test_the_language_switch_keeps_the_work(visitor) -> None:
    choose_language(visitor, "简体中文")
    assert query(visitor)["lang"] == ["zh"]
    map_frame(visitor).wait_for_function(UPLOAD_DRAWN, arg=POINTS)
    choose_language(visitor, "English")
    assert "lang" not in query(visitor)
    assert_work_kept(visitor)


def test_the_briefing_its_steps_and_exit_keep_the_work_and_exit_returns_where_the_visitor_was(visitor) -> None:
    open_tab(visitor, "Places")
    with run_after(visitor, whole=True):
        visitor.locator("table.places a", has_text="Moyu County").click()
    where = query(visitor)
    with run_after(visitor, whole=True):
        visitor.get_by_role("link", name="Start the briefing").click()
    visitor.get_by_role("button", name="Exit briefing").wait_for()
    assert query(visitor)["step"] == ["1"]
    map_frame(visitor).wait_for_function(UPLOAD_DRAWN, arg=POINTS)  # the layer rides along in the briefing too
    with run_after(visitor, whole=True):
        visitor.get_by_role("button", name="Next").click()
    assert query(visitor)["step"] == ["2"]
    with run_after(visitor, whole=True):
        visitor.get_by_role("button", name="Exit briefing").click()
    visitor.get_by_role("heading", name="Moyu County").first.wait_for()
    assert query(visitor)["place"] == where["place"]
    assert_work_kept(visitor)


def test_presenting_the_visitor_s_own_briefing_and_exiting_keep_the_work(visitor) -> None:
    open_tab(visitor, "My briefing")
    with run_after(visitor, whole=True):
        visitor.get_by_role("button", name="Present", exact=True).click()
    visitor.locator(".step-title", has_text=STEP).wait_for()
    with run_after(visitor, whole=True):
        visitor.get_by_role("button", name="Exit briefing").click()
    assert_work_kept(visitor)


def test_the_browser_s_back_and_forward_stay_in_the_session(visitor) -> None:
    open_tab(visitor, "Places")
    with run_after(visitor, whole=True):
        visitor.locator("table.places a", has_text="Pishan County").click()
    with run_after(visitor, whole=True):
        visitor.locator("table.places a[data-place=hangzhou]").click()
    assert query(visitor)["place"] == ["hangzhou"]
    with run_after(visitor, whole=True):
        visitor.go_back()
    visitor.get_by_role("heading", name="Pishan County").first.wait_for()
    with run_after(visitor, whole=True):
        visitor.go_forward()
    visitor.get_by_role("heading", name="Hangzhou", exact=True).first.wait_for()
    assert_work_kept(visitor)


def test_what_opens_a_page_of_its_own_says_so_or_asks_first(visitor) -> None:
    """A click with a modifier opens a new tab (this one keeps its work); leaving the page asks first."""
    open_tab(visitor, "Places")
    with visitor.context.expect_page() as opened:
        visitor.locator("table.places a", has_text="Moyu County").click(modifiers=["Control"])
    other = opened.value
    other.wait_for_load_state()
    assert "place=moyu" in other.url
    other.close()
    visitor.get_by_role("button", name="Embed this view").click()
    visitor.get_by_text("Whoever opens it gets a new page").first.wait_for()
    visitor.keyboard.press("Escape")
    visitor.once("dialog", lambda dialog: dialog.dismiss())  # "Leave site?": the visitor stays
    with visitor.expect_event("dialog") as asked:
        visitor.evaluate("() => { location.reload(); }")  # a reload would take their work with the page
    assert asked.value.type == "beforeunload"
    assert_work_kept(visitor)
