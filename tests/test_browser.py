"""What a person sees, in headless Chromium against a real ``streamlit run`` on 127.0.0.1."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from geo.load import load_dataset
from geo.mapping import source_colours

from .conftest import PROJECT

pytestmark = [pytest.mark.browser, pytest.mark.slow]
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
TIMEOUT = 45_000

# Every circle marker on the Leaflet map: its latitude, longitude and stroke colour.
MARKERS_JS = """() => {
  const map = Object.values(window).find(v => v instanceof L.Map);
  const out = [];
  map.eachLayer(l => { if (l instanceof L.CircleMarker && l._path && l._path.isConnected) {
    const ll = l.getLatLng(); out.push({lat: ll.lat, lng: ll.lng, color: l.options.color});
  }});
  return out;
}"""


@pytest.fixture
def page(browser, app_url):
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    yield page
    context.close()


def map_frame(page):
    page.frame_locator(MAP_IFRAME).locator("path.leaflet-interactive >> visible=true").first.wait_for()
    return next(f for f in page.frames if "streamlit_folium" in f.url or f.url.endswith("index.html"))


@pytest.fixture(scope="module")
def data():
    return load_dataset()


def test_article_places_are_drawn(page, app_url, data) -> None:
    page.goto(app_url)
    markers = map_frame(page).evaluate(MARKERS_JS)
    drawn = {(round(m["lat"], 4), round(m["lng"], 4)) for m in markers}
    places = data.places.set_index("id")
    for pid in (
        "xuar",
        "pishan",
        "moyu",
        "yutian",
        "chengmai",
        "urumqi",
        "hangzhou",
        "bethlehem_pa",
        "santa_clara",
        "tibet",
    ):
        assert (round(places.loc[pid, "lat"], 4), round(places.loc[pid, "lon"], 4)) in drawn, pid


def test_clicking_pishan_shows_popup_with_ipvm_link(page, app_url, data) -> None:
    page.goto(app_url + "/?lat=37.6&lng=78.3&zoom=7")
    frame = map_frame(page)
    index = frame.evaluate(
        """() => { const paths = [...document.querySelectorAll('path.leaflet-interactive')];
        const map = Object.values(window).find(v => v instanceof L.Map); let found = -1;
        map.eachLayer(l => { if (l instanceof L.CircleMarker && Math.abs(l.getLatLng().lat - 37.6168) < 1e-4
          && Math.abs(l.getLatLng().lng - 78.2809) < 1e-4) found = paths.indexOf(l._path); });
        return found; }"""
    )
    assert index >= 0
    page.frame_locator(MAP_IFRAME).locator("path.leaflet-interactive").nth(index).dispatch_event("click")
    popup = page.frame_locator(MAP_IFRAME).locator(".leaflet-popup-content")
    popup.wait_for(state="visible")
    assert "Pishan County" in popup.inner_text()
    assert popup.locator('a[href="https://ipvm.com/reports/hikvision-xinjiang"]').count() == 1
    detail = popup.get_by_text("Open the detail view")
    assert (detail.get_attribute("href"), detail.get_attribute("target")) == ("/?place=pishan", "_top")


def test_switching_a_source_layer_off_hides_its_markers(page, app_url, data) -> None:
    page.goto(app_url)
    frame = map_frame(page)
    colour = source_colours(data.sources)["register-2023-07-31"]
    before = [m for m in frame.evaluate(MARKERS_JS) if m["color"] == colour]
    assert len(before) == 2  # Chengmai and Santa Clara
    frame_ui = page.frame_locator(MAP_IFRAME)
    frame_ui.locator(".leaflet-control-layers").hover()
    frame_ui.locator("label", has_text="The Register").locator("input").uncheck()
    after = [m for m in frame.evaluate(MARKERS_JS) if m["color"] == colour]
    assert after == []


def test_place_param_opens_chengmai_detail(page, app_url) -> None:
    page.goto(app_url + "/?place=chengmai")
    page.get_by_text("Cite this:").wait_for()
    assert page.get_by_role("heading", name="Chengmai County").count() >= 1
    map_frame(page)


def test_no_request_leaves_the_app_with_tiles_off(browser, app_url) -> None:
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    hosts = set()
    context.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.goto(app_url + "/?place=pishan")
    map_frame(page)
    page.get_by_text("Cite this:").wait_for()
    context.close()
    assert hosts == {urlsplit(app_url).netloc}


def test_phone_width_shows_map_and_filters(browser, app_url) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.goto(app_url)
    map_frame(page)
    box = page.locator(MAP_IFRAME).bounding_box()
    assert box["width"] <= 390
    assert box["height"] > 300
    page.get_by_test_id("stExpandSidebarButton").click()
    page.get_by_text("Search place names (any script)").wait_for()
    context.close()


def test_screenshot_for_readme(page, app_url) -> None:
    page.goto(app_url + "/?place=pishan")
    map_frame(page)
    page.get_by_text("Cite this:").wait_for()
    page.frame_locator(MAP_IFRAME).locator(".leaflet-control-layers").hover()
    out = PROJECT / "docs" / "screenshot.png"
    out.parent.mkdir(exist_ok=True)
    page.locator(MAP_IFRAME).scroll_into_view_if_needed()
    page.screenshot(path=str(out))
    assert out.stat().st_size > 20_000
