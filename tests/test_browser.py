"""What a person sees, in headless Chromium against a real ``streamlit run`` on 127.0.0.1."""

from __future__ import annotations

import subprocess
import sys
from urllib.parse import urlsplit

import pytest

from geo.page.session import Key
from geo.rules.drawing import drawable, source_colours
from geo.style import LAND, XUAR

from .browser import (
    MAP_IFRAME,
    MARKERS_JS,
    POPUP_BOX_JS,
    SETTLED_JS,
    STILL_JS,
    TIMEOUT,
    UPLOAD_DRAWN,
    click_place,
    fill_upload_form,
    map_frame,
    offline_page,
    open_popup,
    press_step_key,
    run_after,
    wait_until_run_finished,
)
from .conftest import PROJECT
from .test_app import TOTAL

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]  # groups: tests/conftest.py

# Pane z-index of the first drawn path whose style matches, for the basemap layers and the rings.
STACKING_JS = """([land, xuar]) => {
  const map = Object.values(window).find(v => v instanceof L.Map);
  const z = {};
  map.eachLayer(l => {
    if (!(l instanceof L.Path) || !l._map) return;  // the basemap draws on canvases, the rings as SVG
    const key = l instanceof L.CircleMarker ? "rings" : l.options.fillColor === land ? "countries"
      : l.options.color === xuar ? "xuar" : null;
    if (key && !(key in z)) z[key] = Number(getComputedStyle(map.getPane(l.options.pane)).zIndex);
  });
  return Object.keys(z).length === 3 ? z : null;
}"""


def test_basemap_stacks_in_a_fixed_order_whatever_file_arrives_first(page, app_url) -> None:
    page.goto(app_url)
    frame = map_frame(page)
    handle = frame.wait_for_function(STACKING_JS, arg=[LAND, XUAR])  # waits for the fetched layers
    z = handle.json_value()
    assert z["countries"] < z["xuar"] < z["rings"]  # the opaque land never covers the XUAR outline or a ring


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
    map_frame(page)
    click_place(map_frame(page), 37.6168, 78.2809)
    popup = open_popup(page)
    assert "Pishan County" in popup.inner_text()
    assert popup.locator('a[href="https://ipvm.com/reports/hikvision-xinjiang"]').count() == 1
    top, bottom, height = map_frame(page).evaluate(POPUP_BOX_JS)  # the longest popup: it scrolls within the map
    assert 0 <= top < bottom <= height, (top, bottom, height)
    popup.get_by_text("Open the detail view").click()  # the map's frame is sandboxed: the page opens it
    page.get_by_text("Cite this:").wait_for()
    assert "place=pishan" in page.url
    assert page.get_by_role("heading", name="Pishan County").count() >= 1


def test_switching_a_source_layer_off_hides_its_markers(page, app_url, data) -> None:
    page.goto(app_url)
    frame = map_frame(page)
    colour = source_colours(data.sources, data.claims)["register-2023-07-31"]
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


def test_the_place_picker_opens_the_detail_view_with_the_keyboard(page, app_url) -> None:
    """The picker lives in the tabs, which rerun on their own; a pick must still open the detail above the map."""
    page.goto(app_url)
    map_frame(page)
    page.get_by_test_id("stSelectbox").filter(has_text="Open a place's detail view").locator("input").focus()
    page.keyboard.type("Moyu")  # the list is long and drawn lazily: a keyboard user narrows it by typing
    page.get_by_role("option", name="Moyu County").wait_for()
    page.keyboard.press("Enter")
    page.get_by_text("Cite this:").wait_for()
    assert "place=moyu" in page.url
    assert page.get_by_role("heading", name="Moyu County").count() >= 1


def test_a_place_s_link_in_the_places_table_opens_its_detail_view_with_the_keyboard(page, app_url) -> None:
    """The Places tab's table is a keyboard route to every ring: Tab to a name, Enter."""
    page.goto(app_url)
    map_frame(page)
    link = page.locator("table.places a", has_text="Moyu County")
    link.focus()
    page.keyboard.press("Enter")
    page.get_by_text("Cite this:").wait_for()
    assert "place=moyu" in page.url
    assert page.get_by_role("heading", name="Moyu County").count() >= 1


def test_corrections_log_is_shown_with_the_retraction(page, app_url) -> None:
    page.goto(app_url + "/?place=fuzhou_minjiang")
    page.get_by_text("Cite this:").wait_for()
    tombstone = page.locator("div.detail-claim", has_text="[fujian-minjiang-securitycurated-2023]")
    assert tombstone.locator(".badge.status-retracted").count() == 1  # the tombstone, in the detail view
    assert "Corrected on Dec 3, 2026 (version 0.3.0): correction" in tombstone.inner_text()  # its reason, reworded
    with run_after(page):
        page.get_by_role("tab", name="Corrections").click()
    page.get_by_text("Nothing is removed silently").wait_for()
    grid = page.locator('[data-testid="stDataFrame"] >> visible=true').first
    cells = grid.locator("[role=gridcell]")  # the grid's accessible table: hidden, read by screen readers
    cells.first.wait_for(state="attached")
    texts = cells.all_text_contents()
    assert "Fuzhou, Fujian (Minjiang University)" in texts  # the log, filtered to the open place
    assert {"status", "as_reported"} <= set(texts)  # the status change that made the tombstone (now "retracted")


def test_no_request_leaves_the_app_with_tiles_off(browser, app_url) -> None:
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    hosts = set()
    network = ("http", "https", "ws", "wss")  # data: and blob: (a component's own code) never leave the browser
    context.on(
        "request",
        lambda request: hosts.add(urlsplit(request.url).netloc) if urlsplit(request.url).scheme in network else None,
    )
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


@pytest.mark.parametrize(
    ("lang", "name"), [("en", "screenshot.png"), ("zh", "screenshot-zh.png"), ("ug", "screenshot-ug.png")]
)
def test_screenshot_for_readme(browser, app_url, lang: str, name: str) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    language = "" if lang == "en" else f"&lang={lang}"
    page.goto(app_url + "/?lat=43.2&lng=84&zoom=5" + language)  # leaves room for the popup above Pishan: no auto-pan
    frame = map_frame(page)
    page.locator(MAP_IFRAME).scroll_into_view_if_needed()
    click_place(frame, 37.6168, 78.2809)
    frame.wait_for_function("() => getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'")
    out = PROJECT / "docs" / name
    out.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(out))
    context.close()
    assert out.stat().st_size > 50_000


def test_map_view_is_written_to_the_url_and_survives_reload(page, app_url) -> None:
    page.goto(app_url)
    frame = map_frame(page)
    frame.evaluate("() => Object.values(window).find(v => v instanceof L.Map).setView([37.2, 79.9], 7)")
    page.wait_for_url("**zoom=7**")
    assert "lat=37.200" in page.url
    assert "lng=79.900" in page.url
    page.reload()
    frame = map_frame(page)
    frame.wait_for_function("() => Object.values(window).find(v => v instanceof L.Map).getZoom() === 7")
    center = frame.evaluate("() => Object.values(window).find(v => v instanceof L.Map).getCenter()")
    assert abs(center["lat"] - 37.2) < 0.01
    assert abs(center["lng"] - 79.9) < 0.01


def test_a_narrowing_search_fits_the_map_to_its_results(page, app_url, data) -> None:
    page.goto(app_url)
    frame = map_frame(page)
    before = len(frame.evaluate(MARKERS_JS))
    search = page.get_by_label("Search place names (any script)")
    search.fill("Guma")
    search.press("Enter")
    page.get_by_text(f"3 of {TOTAL} claims shown").wait_for()
    frame = map_frame(page)
    frame.wait_for_function(
        f"() => {{ let n = 0; Object.values(window).find(v => v instanceof L.Map).eachLayer(l => {{ if (l instanceof L.CircleMarker) n++; }}); return n < {before}; }}"
    )
    frame.wait_for_function(SETTLED_JS, polling=100)
    pishan = data.places.set_index("id").loc["pishan"]
    view = frame.evaluate(
        """([lat, lon]) => { const map = Object.values(window).find(v => v instanceof L.Map);
        return {zoom: map.getZoom(), inView: map.getBounds().contains([lat, lon])}; }""",
        [float(pishan["lat"]), float(pishan["lon"])],
    )
    assert view["zoom"] >= 7  # county level
    assert view["inView"]
    assert "q=Guma" in page.url
    search.fill("")
    search.press("Enter")
    page.get_by_text(f"{TOTAL} of {TOTAL} claims shown").wait_for()
    frame = map_frame(page)
    frame.wait_for_function("() => Object.values(window).find(v => v instanceof L.Map).getZoom() === 4")  # home


def test_an_explicit_view_in_the_url_wins_over_fitting(page, app_url) -> None:
    page.goto(app_url + "/?q=Guma&lat=30.000&lng=110.000&zoom=5")
    frame = map_frame(page)
    page.get_by_text(f"3 of {TOTAL} claims shown").wait_for()
    frame.wait_for_function(SETTLED_JS, polling=100)
    center = frame.evaluate(
        "() => { const m = Object.values(window).find(v => v instanceof L.Map); return [m.getZoom(), m.getCenter().lng]; }"
    )
    assert center[0] == 5
    assert abs(center[1] - 110) < 0.01


def test_offline_html_works_from_file_with_the_network_blocked(browser, data, tmp_path) -> None:
    from geo.export.offline import to_html

    path = tmp_path / "map.html"
    path.write_bytes(to_html(data, data.claims))
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    blocked = []

    def only_files(route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_files)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.goto(path.as_uri())
    page.locator("path.leaflet-interactive >> visible=true").first.wait_for()
    markers = page.evaluate(MARKERS_JS)
    expected_rings = drawable(data.claims).groupby("place")["source"].nunique().sum()
    assert len(markers) == expected_rings
    click_place(page, 19.7288, 110.0085)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(state="visible")
    assert "Chengmai County" in popup.inner_text()
    assert blocked == []  # nothing even tried to leave the file
    context.close()


def test_briefing_step_url_and_navigation(page, app_url) -> None:
    page.goto(app_url + "/?step=5")
    page.get_by_text("5. December 2022: the Chengmai contract").wait_for()
    map_frame(page)
    with run_after(page, whole=True):  # each move's run ends before the next key: a key pressed mid-run may find no button
        page.get_by_role("button", name="Next").click()
    page.get_by_text("6. 2023: the reports").wait_for()
    page.wait_for_url("**step=6**")
    with run_after(page, whole=True):
        press_step_key(page, "PageDown", Key.NEXT)  # a presentation clicker's "next"
    page.get_by_text("7. The '12 provinces': what is and is not known").wait_for()
    with run_after(page, whole=True):
        press_step_key(page, "PageUp", Key.PREVIOUS)
    page.get_by_text("6. 2023: the reports").wait_for()


def test_csv_download_matches_the_cli(page, app_url, tmp_path) -> None:
    page.goto(app_url + "/?status=corrected")
    page.get_by_text(f"4 of {TOTAL} claims shown").wait_for()
    with run_after(page):  # the tab's run has ended: the button holds its final file
        page.get_by_role("tab", name="Downloads").click()
    button = page.get_by_role("button", name="CSV (one row per claim) ·")
    button.wait_for()
    with page.expect_download() as download_info:
        button.click()
    downloaded = tmp_path / "app.csv"
    download_info.value.save_as(downloaded)
    cli = tmp_path / "cli.csv"
    subprocess.run(
        [sys.executable, "-m", "geo", "export", "--format", "csv", "--out", str(cli), "--status", "corrected", "--base-url", app_url],
        cwd=PROJECT, check=True, capture_output=True,
    )  # fmt: skip
    assert downloaded.read_bytes() == cli.read_bytes()


def test_a_download_clicked_while_the_page_reruns_still_arrives(page, app_url, tmp_path) -> None:
    page.goto(app_url)
    page.get_by_text(f"{TOTAL} of {TOTAL} claims shown").wait_for()
    map_frame(page).wait_for_function(SETTLED_JS, polling=100)  # the page has settled (a tab pressed while it
    wait_until_run_finished(page)  # loads under load may show its tab empty: 1 in 30 with busy cores, issue 32)
    with run_after(page):
        page.get_by_role("tab", name="Downloads").click()
    page.get_by_role("button", name="Make: Slide PNG (1920×1080)").click()  # slow formats are made on request
    page.get_by_role("button", name="Slide PNG (1920×1080) ·").wait_for()
    search = page.get_by_label("Search place names (any script)")
    for name, query in (("CSV (one row per claim) ·", "Guma"), ("GeoPackage (QGIS) ·", "")):
        with run_after(page), page.expect_download() as download_info:
            page.get_by_role("button", name=name).click()
            search.fill(query)  # a filter change: the page reruns while the file is on its way
            search.press("Enter")
        assert download_info.value.path().stat().st_size > 1_000
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Slide PNG (1920×1080) ·").click()  # back to the filters it was made for
    png = download_info.value.path().read_bytes()
    assert png.startswith(b"\x89PNG")


def test_upload_of_100k_points_draws_and_a_point_shows_its_attributes(browser, app_url, tmp_path) -> None:
    import numpy as np

    rng = np.random.default_rng(7)
    lat, lon = rng.uniform(20, 45, 100_000), rng.uniform(75, 125, 100_000)
    rows = "\n".join(f"{i},site {i},{a:.5f},{b:.5f}" for i, (a, b) in enumerate(zip(lat, lon, strict=True)))
    path = tmp_path / "sites.csv"
    path.write_text(f"id,name,lat,lon\n{rows}\nneedle,the needle,30.50000,100.50000\n", encoding="utf-8")
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    page = context.new_page()
    page.set_default_timeout(120_000)
    page.goto(app_url)
    map_frame(page)
    fill_upload_form(page, path, "Generated sites", "Generated in the test")
    page.get_by_role("button", name="Add layer").click()
    page.get_by_text("100,001 row(s) shown, 0 left out").first.wait_for()
    frame = map_frame(page)
    frame.wait_for_function(UPLOAD_DRAWN, arg=100_001)  # every point placed on the layer's one canvas
    frame.evaluate(
        "() => Object.values(window).find(v => v instanceof L.Map).setView([30.5, 100.5], 13, {animate: false})"
    )
    frame.evaluate(
        "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )  # let the canvas redraw
    click_place(frame, 30.5, 100.5)  # the nearest of 100,001 points to the click
    popup = page.frame_locator(MAP_IFRAME).locator(".leaflet-popup-content")
    popup.wait_for(state="visible")
    assert "the needle" in popup.inner_text()
    assert "Generated sites" in popup.inner_text()
    context.close()


def test_static_site_makes_no_request_beyond_its_own_files(browser, data, tmp_path) -> None:
    from geo.export.formats import write_site

    write_site(data, data.claims.iloc[:10], tmp_path)
    context, page, outside = offline_page(browser, tmp_path / "index.html")
    page.locator("path.leaflet-interactive >> visible=true").first.wait_for()
    context.close()
    assert outside == []


def test_add_layer_stays_where_it_is_when_the_file_arrives(page, app_url, tmp_path) -> None:
    """The coordinate pickers are drawn before a file is given: "Add layer" does not move under the visitor's pointer.

    A button that moves between press and release loses the click (the press lands on it, the
    release elsewhere): the pickers used to appear with the file and push the button down.
    """
    csv = tmp_path / "sites.csv"
    csv.write_text("site,latitude,longitude\nA,37.6,78.3\n", encoding="utf-8")
    page.goto(app_url)
    map_frame(page)
    wait_until_run_finished(page)
    panel = page.get_by_test_id("stSidebarUserContent")
    panel.get_by_text("Add your own layer", exact=True).click()
    add = page.locator(f".st-key-{Key.UPLOAD_ADD} button")
    add.wait_for()
    latitude = page.locator(f".st-key-{Key.UPLOAD_LAT}").get_by_role("combobox")
    assert latitude.is_disabled()
    assert latitude.get_attribute("placeholder") == "Only for a CSV file"
    page.evaluate(STILL_JS, f".st-key-{Key.UPLOAD_ADD} button")  # the panel has opened
    before = add.bounding_box()
    with run_after(page):
        page.locator('section[data-testid="stSidebar"] input[type="file"]').set_input_files(str(csv))
    page.locator(f".st-key-{Key.UPLOAD_ADD} button:not([disabled])").wait_for()
    page.evaluate(STILL_JS, f".st-key-{Key.UPLOAD_ADD} button")
    after = add.bounding_box()  # a press at the centre is released on the button still (the file list is a bit shorter)
    assert abs(after["y"] - before["y"]) < before["height"] / 4
    assert latitude.input_value() == "latitude"  # the picker took the file's column
