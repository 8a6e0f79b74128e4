"""Presenters in a real browser: their own briefing start to finish, a step on one screen, the legend clear of
every place, the keys, full screen, the timeline's brush and Play, and the embeds.

Headless Chromium against a real ``streamlit run`` on 127.0.0.1, like ``test_browser.py``.
"""

from __future__ import annotations

import re

import pytest

from geo.export import formats
from geo.page.session import Key
from geo.rules import briefing, briefing_file
from geo.rules.drawing import drawable
from geo.rules.filters import apply_filters, filters_from_params

from .browser import (
    HANDED_JS,
    MAP_IFRAME,
    NEXT_FRAMES_JS,
    SETTLED_JS,
    TIMEOUT,
    map_frame,
    offline_page,
    press_step_key,
    run_after,
    wait_until_run_finished,
)
from .conftest import new_page
from .test_app import TOTAL

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]  # groups: tests/conftest.py

# What the legend covers: rings (circle markers in view) and placed labels, in the map's container px.
COVERED_JS = """() => { const map = Object.values(window).find(v => v instanceof L.Map);
  const m = map.getContainer().getBoundingClientRect(), size = map.getSize();
  const r = document.querySelector('.geo-legend').getBoundingClientRect();
  const legend = {x: r.left - m.left, y: r.top - m.top, w: r.width, h: r.height};
  const over = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  const hits = [];
  let rings = 0;
  map.eachLayer(l => { if (l instanceof L.CircleMarker && l._path && l._path.isConnected) {
    const p = map.latLngToContainerPoint(l.getLatLng()), rad = l.getRadius();
    if (p.x + rad < 0 || p.y + rad < 0 || p.x - rad > size.x || p.y - rad > size.y) return;
    rings += 1;
    if (over(legend, {x: p.x - rad, y: p.y - rad, w: 2 * rad, h: 2 * rad})) hits.push('ring at ' + l.getLatLng());
  }});
  const labels = document.querySelectorAll('[data-label]');
  labels.forEach(e => { const b = e.getBoundingClientRect();
    if (over(legend, {x: b.left - m.left, y: b.top - m.top, w: b.width, h: b.height})) hits.push('label ' + e.textContent);
  });
  return {hits, rings, labels: labels.length, legend};
}"""

# Whether everything of a step is on the first screen: the page does not scroll, and each part's box is inside.
FITS_JS = """() => { const inside = s => { const e = document.querySelector(s); if (!e) return s + ' missing';
    const b = e.getBoundingClientRect(); return b.bottom <= innerHeight + 1 && b.top >= 0 ? null : s + ' at ' + b.bottom; };
  const main = document.querySelector('[data-testid="stMain"]') || document.scrollingElement;
  const problems = ['.step-title', '.st-key-briefing_map iframe', '.step-caption', '.step-notes',
    '.st-key-previous button', '.st-key-next button', '.geo-fullscreen'].map(inside).filter(Boolean);
  if (main.scrollHeight > main.clientHeight + 1) problems.push('the page scrolls: ' + main.scrollHeight + ' > ' + main.clientHeight);
  return problems; }"""


def open_page(browser, url: str, width: int, height: int):
    page = new_page(browser, viewport={"width": width, "height": height}, accept_downloads=True)
    page.set_default_timeout(TIMEOUT)
    page.goto(url)
    return page.context, page


def settled_map(page):
    """The map's frame once it has the page's latest view, its fonts, a still view and the layout of that view.

    The legend's text arrives with the view and may change its size; the map then places the
    legend and labels again in the next animation frame (``geo/frontend/controls.js``).
    """
    frame = map_frame(page)
    frame.wait_for_function(HANDED_JS)
    frame.evaluate("() => document.fonts.ready.then(() => true)")
    frame.wait_for_function(SETTLED_JS, polling=100)
    frame.wait_for_function(SETTLED_JS, polling=100)
    frame.evaluate(NEXT_FRAMES_JS)
    return frame


def footnotes(page) -> list[str]:
    """The step's footnotes, once the rest line says they are this step's (Streamlit replaces elements in turn)."""
    wait_until_run_finished(page)
    return page.locator(".step-notes li").all_inner_texts()


def at_step(page, number: int, title: str, caption: str) -> None:
    page.locator(".step-title", has_text=f"{number}. {title}").wait_for()
    page.locator(".step-caption", has_text=caption).wait_for()
    page.locator(".step-rests", has_text=f"Step {number} of").wait_for()


def add_view(page, title: str, caption: str, number: int) -> None:
    page.get_by_role("button", name="Add this view to my briefing").click()
    page.get_by_label("Step title").fill(title)
    page.get_by_label("Caption (plain text)").fill(caption)
    page.get_by_role("button", name="Add step").click()
    page.get_by_text(f"Step {number} added").wait_for()
    page.keyboard.press("Escape")


def search(page, text: str) -> None:
    box = page.get_by_label("Search place names (any script)")
    with run_after(page):
        box.fill(text)
        box.press("Enter")
    page.wait_for_function("(q) => location.search.includes('q=' + q)", arg=text)
    settled_map(page)


def test_build_a_two_step_briefing_download_it_open_it_again_and_present_it(browser, app_url, tmp_path) -> None:
    context, page = open_page(browser, app_url + "/", 1440, 900)
    settled_map(page)
    search(page, "Guma")
    add_view(page, "Guma first", "Pishan <b>county</b>: a 2017 Hikvision PPP.", 1)
    search(page, "Chengmai")
    add_view(page, "Hainan", "The Chengmai contract.", 2)
    page.get_by_role("tab", name="My briefing").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the briefing file (CSV)").click()
    saved = tmp_path / "mine.csv"
    download.value.save_as(saved)
    rows = saved.read_text(encoding="utf-8").splitlines()
    assert rows[0] == ",".join(briefing_file.fields())
    assert [r.split(",")[1] for r in rows[1:]] == ["Guma first", "Hainan"]
    page.get_by_role("button", name="Present", exact=True).click()
    page.wait_for_url(re.compile(r"step=1"))
    at_step(page, 1, "Guma first", "Pishan <b>county</b>")  # the presenter's text as text, not markup
    first = footnotes(page)
    press_step_key(page, "PageDown", Key.NEXT)
    at_step(page, 2, "Hainan", "The Chengmai contract.")
    second = footnotes(page)
    assert first
    assert second
    assert first != second
    context.close()

    # A new visitor (a new session: nothing was kept on the server) opens the file and presents it.
    context, page = open_page(browser, app_url + "/", 1440, 900)
    settled_map(page)
    page.get_by_role("tab", name="My briefing").click()
    page.get_by_text("No steps yet.").wait_for()
    page.get_by_test_id("stTabs").get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(saved))
    page.get_by_role("button", name="Present", exact=True).click()
    at_step(page, 1, "Guma first", "Pishan <b>county</b>")
    assert footnotes(page) == first
    press_step_key(page, "ArrowRight", Key.NEXT)
    at_step(page, 2, "Hainan", "The Chengmai contract.")
    assert footnotes(page) == second
    context.close()


def test_a_bad_briefing_file_is_refused_by_row_and_field_and_changes_nothing(browser, app_url, data, tmp_path) -> None:
    from playwright.sync_api import expect

    bad = tmp_path / "bad.csv"
    bad.write_text("step,title,caption,place,west,south,east,north,zoom,claims\n1,T,C,atlantis,,,,,40,c99\n", "utf-8")
    context, page = open_page(browser, app_url + "/", 1440, 900)
    map_frame(page)
    with run_after(page):
        page.get_by_role("tab", name="My briefing").click()
    with run_after(page):
        page.get_by_role("button", name="Start from the shipped briefing").click()
    titles = page.locator("input[aria-label='Title']")
    expect(titles).to_have_count(len(briefing.steps(data)))  # every shipped step drawn
    before = [title.input_value() for title in titles.all()]
    with run_after(page):
        page.get_by_test_id("stTabs").get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(bad))
    page.get_by_text("bad.csv, row 2, field 'place': no place has this id").wait_for()
    page.get_by_text("bad.csv, row 2, field 'zoom'").wait_for()
    page.get_by_text("The file was not opened: your steps are unchanged.").wait_for()
    assert [title.input_value() for title in titles.all()] == before
    context.close()


@pytest.mark.parametrize("step", [None, *range(1, 10)])
def test_the_legend_covers_no_ring_and_no_label(browser, app_url, data, step) -> None:
    context, page = open_page(browser, app_url + (f"/?step={step}" if step else "/"), 1440, 900)
    frame = settled_map(page)
    frame.wait_for_function("() => document.querySelector('.geo-legend')")
    covered = frame.evaluate(COVERED_JS)
    claims = drawable(briefing.step_claims(data, briefing.steps(data)[step - 1])) if step else drawable(data.claims)
    if not claims.empty:
        assert covered["rings"] > 0  # the check saw the rings it is about
    assert covered["hits"] == [], covered
    context.close()


@pytest.mark.parametrize(
    ("lang", "size"),
    [("en", (1280, 720)), ("ug", (1280, 720)), ("zh", (1280, 720)), ("en", (1920, 1080))],
)
def test_a_step_is_all_on_the_first_screen(browser, app_url, data, lang, size) -> None:
    longest = max(briefing.steps(data), key=lambda s: len(s.caption)).number  # step 1, the longest caption
    context, page = open_page(browser, app_url + f"/?step={longest}&lang={lang}", *size)
    settled_map(page)
    page.locator(".step-notes li").first.wait_for()
    assert page.evaluate(FITS_JS) == []
    context.close()


def test_keys_move_through_the_steps_as_a_clicker_does(browser, app_url) -> None:
    context, page = open_page(browser, app_url + "/?step=3", 1440, 900)
    page.locator(".step-title", has_text="3. ").wait_for()
    settled_map(page)
    wait_until_run_finished(page)
    moves = (("ArrowRight", Key.NEXT, 4), ("ArrowLeft", Key.PREVIOUS, 3), ("End", Key.LAST, 9), ("Home", Key.FIRST, 1),
             ("PageDown", Key.NEXT, 2))  # fmt: skip
    for key, button, number in moves:
        with run_after(page, whole=True):  # the step's buttons are drawn: the next key finds them
            press_step_key(page, key, button)
        page.locator(".step-title", has_text=f"{number}. ").wait_for()
        page.wait_for_url(re.compile(rf"step={number}\b"))
    context.close()


def test_full_screen_leaves_nothing_but_the_step(browser, app_url) -> None:
    context, page = open_page(browser, app_url + "/?step=2", 1280, 720)
    settled_map(page)
    page.locator(".geo-fullscreen").click()
    page.wait_for_function("() => document.documentElement.classList.contains('geo-presenting')")
    assert page.locator(".geo-fullscreen").get_attribute("aria-pressed") == "true"
    assert not page.locator("header[data-testid='stHeader']").is_visible()
    assert page.evaluate(FITS_JS) == []
    page.locator(".geo-fullscreen").click()
    page.wait_for_function("() => !document.documentElement.classList.contains('geo-presenting')")
    context.close()


def test_brushing_the_timeline_sets_the_year_filter(browser, app_url) -> None:
    context, page = open_page(browser, app_url + "/", 1440, 900)
    settled_map(page)
    page.get_by_role("tab", name="Timeline").click()
    chart = page.locator("[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg").first
    chart.wait_for()
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.75, y)
    with run_after(page):
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] * 0.9, y, steps=8)
        page.mouse.up()
    page.wait_for_function("() => /[?&]from=\\d{4}/.test(location.search) && /[?&]to=\\d{4}/.test(location.search)")
    years = re.search(r"from=(\d{4}).*to=(\d{4})", page.url).groups()
    page.get_by_text(re.compile(rf"^\d+ of {TOTAL} claims shown")).wait_for()
    assert not page.get_by_text(f"{TOTAL} of {TOTAL} claims shown").is_visible()
    assert page.locator("[data-testid='stSliderThumbValue']").all_inner_texts() == list(years)  # the slider follows
    context.close()


@pytest.mark.parametrize("url", ["/", "/?step=1"])
def test_play_steps_through_the_years_and_the_count_follows(browser, app_url, url) -> None:
    context, page = open_page(browser, app_url + url, 1440, 900)
    frame = settled_map(page)
    rings_before = frame.evaluate("() => document.querySelectorAll('path.leaflet-interactive').length")
    frame.get_by_role("button", name="Play", exact=True).click()
    seen = []
    for _ in range(3):
        frame.wait_for_function(
            "(last) => { const o = document.querySelector('.geo-play-readout'); return o.dataset.year && o.dataset.year !== last; }",
            arg=seen[-1][0] if seen else "",
        )  # fmt: skip
        seen.append(frame.evaluate("() => { const o = document.querySelector('.geo-play-readout'); "
                                   "return [o.dataset.year, Number(o.dataset.count), o.textContent]; }"))  # fmt: skip
    years = [int(y) for y, _count, _text in seen]
    counts = [count for _year, count, _text in seen]
    assert years == sorted(years)
    assert len(set(years)) == 3
    assert counts == sorted(counts)
    assert counts[-1] > counts[0]  # each year adds the claims that start then
    assert seen[0][2] == f"Claims by {seen[0][0]}: {seen[0][1]}"
    frame.get_by_role("button", name="Pause").click()
    frame.get_by_role("button", name="Stop: show every year").click()
    frame.wait_for_function("(n) => document.querySelectorAll('path.leaflet-interactive').length === n", arg=rings_before)
    context.close()


def test_the_embed_snippet_shows_the_map_without_the_toolbar(browser, app_url, data, tmp_path) -> None:
    guma = len(apply_filters(data.claims, data.places, filters_from_params({"q": "Guma"})))
    context, page = open_page(browser, app_url + "/?q=Guma&lang=zh", 1440, 900)
    settled_map(page)
    page.get_by_role("button", name="嵌入此视图").click()
    snippet = page.locator("[data-testid='stCode'] code").first.inner_text()
    assert "embed=true" in snippet
    assert "q=Guma" in snippet
    assert "lang=zh" in snippet
    host = tmp_path / "article.html"
    host.write_text(f"<!DOCTYPE html><html><body><h1>A newsroom article</h1>{snippet}</body></html>", "utf-8")
    article = context.new_page()
    article.set_default_timeout(TIMEOUT)
    article.goto(host.as_uri())
    app = article.frame_locator("iframe").first
    app.frame_locator(MAP_IFRAME).locator(".leaflet-container").wait_for()
    app.get_by_text(f"显示 {guma} / {TOTAL} 条说法").wait_for()  # the view on screen, in Chinese
    assert app.locator("[data-testid='stToolbar']:visible").count() == 0  # embedded: no toolbar
    back = article.get_by_role("link", name="打开完整地图及其来源")
    assert "embed" not in back.get_attribute("href")
    assert "q=Guma" in back.get_attribute("href")
    context.close()


def test_the_static_sites_map_takes_the_height_it_asks_for_and_plays_offline(browser, data, tmp_path) -> None:
    formats.write_site(data, data.claims, tmp_path)
    context, page, outside = offline_page(browser, tmp_path / "embed.html", 1000, 900)
    frame = page.locator("body > iframe")
    page.wait_for_function("() => document.querySelector('body > iframe').style.height !== ''")
    width = frame.evaluate("f => f.getBoundingClientRect().width")
    assert frame.evaluate("f => f.style.height") == f"{max(420, min(760, round(width * 0.62)))}px"
    inner = page.frame_locator("body > iframe")
    inner.get_by_role("button", name="Play", exact=True).click()
    inner.locator(".geo-play-readout[data-year]:not([data-year=''])").wait_for()
    assert outside == []
    context.close()


def test_since_a_release_shows_what_changed_and_the_picker_moves_the_address(page, app_url) -> None:
    """A presenter with a 0.2.0 deck opens ``?since=0.2.0``: the changes are counted under the title, listed in the
    Corrections tab, and picking another release there moves the address to it."""
    page.goto(app_url + "/?since=0.2.0")
    map_frame(page)
    page.get_by_text("Changed after release 0.2.0:").wait_for()
    with run_after(page):
        page.get_by_role("tab", name="Corrections").click()
    panel = page.get_by_role("tabpanel")
    panel.get_by_test_id("stDataFrame").nth(1).wait_for()  # the changes, then the whole log
    with run_after(page, whole=True):
        panel.get_by_label("Changed since release").click()
        page.get_by_role("option", name="0.3.0", exact=True).click()
    page.wait_for_url("**since=0.3.0**")
    page.get_by_text("Changed after release 0.3.0:").wait_for()
