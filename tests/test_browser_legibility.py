"""What the map says at a glance, in every language and to every reader: labels, legend, languages, accessibility.

Headless Chromium against a real ``streamlit run`` on 127.0.0.1, like ``test_browser.py``.
The accessibility audit injects axe-core from npm (``package.json``; ``npm ci`` installs it)
into the page and the map's frame and runs the WCAG 2.1 A and AA rules.
"""

from __future__ import annotations

import os

import pytest

from geo.rules import briefing
from geo.rules.drawing import drawable
from geo.rules.provinces import province_summary

from .browser import MAP_IFRAME, SETTLED_JS, TIMEOUT, map_frame, run_after, wait_until_run_finished
from .conftest import PROJECT, new_page
from .test_app import TOTAL

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]  # groups: tests/conftest.py

AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ARTICLE_PLACES = ("xuar", "pishan", "moyu", "yutian", "chengmai")

# Each placed label: its place id, text and box on the page.
LABELS_JS = """() => Array.from(document.querySelectorAll('[data-label]')).map(e => {
  const r = e.getBoundingClientRect();
  return {id: e.dataset.label, text: e.textContent, x: r.left, y: r.top, w: r.width, h: r.height};
})"""


def open_page(browser, url: str, *, width: int = 1400, height: int = 1000):
    page = new_page(browser, viewport={"width": width, "height": height})
    page.set_default_timeout(TIMEOUT)
    page.goto(url)
    return page.context, page


def placed_labels(frame) -> list[dict]:
    frame.wait_for_function(SETTLED_JS, polling=100)
    frame.wait_for_function("() => document.querySelectorAll('[data-label]').length > 0")
    return frame.evaluate(LABELS_JS)


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    return [
        (a["text"], b["text"])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a["x"] < b["x"] + b["w"]
        and b["x"] < a["x"] + a["w"]
        and a["y"] < b["y"] + b["h"]
        and b["y"] < a["y"] + a["h"]
    ]


def test_article_places_are_labelled_at_the_default_view_without_overlap(browser, app_url) -> None:
    context, page = open_page(browser, app_url)
    frame = map_frame(page)
    labels = placed_labels(frame)
    by_id = {label["id"]: label for label in labels}
    assert set(ARTICLE_PLACES) <= set(by_id)
    map_box = frame.evaluate(
        "() => { const r = document.querySelector('.leaflet-container').getBoundingClientRect(); return [r.width, r.height]; }"
    )
    for pid in ARTICLE_PLACES:
        box = by_id[pid]
        assert box["w"] > 20
        assert box["x"] >= 0
        assert box["x"] + box["w"] <= map_box[0]
        assert box["y"] >= 0
        assert box["y"] + box["h"] <= map_box[1]
    assert overlapping(labels) == []
    context.close()


def test_zooming_in_shows_more_labels(browser, app_url) -> None:
    context, page = open_page(browser, app_url, width=900, height=900)
    frame = map_frame(page)
    at_default = {label["id"] for label in placed_labels(frame)}
    frame.evaluate("() => Object.values(window).find(v => v instanceof L.Map).setView([30.5, 118], 6)")
    closer = {label["id"] for label in placed_labels(frame)}
    assert {"hangzhou", "hikvision_hq", "xuhui_shanghai"} - at_default  # crowded at the default zoom ...
    assert {"hangzhou", "hikvision_hq", "xuhui_shanghai"} <= closer  # ... named once there is room
    assert overlapping(frame.evaluate(LABELS_JS)) == []
    context.close()


def test_every_place_and_shaded_province_of_the_12_provinces_step_is_named(browser, app_url, data) -> None:
    context, page = open_page(browser, app_url + "/?step=7")
    frame = map_frame(page)
    ids = {label["id"] for label in placed_labels(frame)}  # a province's label is named by its ISO code
    step = briefing.steps(data)[6]
    claims = briefing.step_claims(data, step)
    provinces = set(province_summary(claims).index)
    places = set(drawable(claims)["place"])
    assert len(provinces) == 9
    assert len(places) == 7
    assert places - ids == set()
    # a shaded province is named by its own label, or (labels lowest in priority) by a labelled place in it
    in_province = dict(zip(data.places["id"], data.places["iso_3166_2"], strict=True))
    named = {code for code in provinces if code in ids or any(in_province.get(i) == code for i in ids)}
    assert named == provinces
    context.close()


def test_the_legend_is_a_control_on_the_map_open_on_wide_screens(browser, app_url) -> None:
    context, page = open_page(browser, app_url)
    frame = map_frame(page)
    legend = frame.locator(".leaflet-control-container .geo-legend")
    legend.wait_for()
    assert legend.get_attribute("open") is not None
    text = legend.inner_text()
    assert "dashed ring" in text
    assert "Sources on the map (" in text
    inside = frame.evaluate(
        """() => { const m = document.querySelector('.leaflet-container').getBoundingClientRect();
        const l = document.querySelector('.geo-legend').getBoundingClientRect();
        return l.left >= m.left && l.right <= m.right && l.top >= m.top && l.bottom <= m.bottom; }"""
    )
    assert inside
    context.close()


def test_on_a_phone_the_map_starts_in_the_first_screen_with_the_legend_folded(browser, app_url) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.goto(app_url)
    frame = map_frame(page)
    box = page.locator(MAP_IFRAME).bounding_box()
    assert box["y"] < 844 * 0.6  # the map starts in the upper part of the first screen
    assert frame.locator(".geo-legend").get_attribute("open") is None
    labels = placed_labels(frame)
    assert {"xuar", "urumqi"} <= {label["id"] for label in labels}
    assert min(label["h"] for label in labels) >= 14  # readable: 12 px type and more
    context.close()


def test_reset_view_returns_to_the_default(browser, app_url) -> None:
    context, page = open_page(browser, app_url + "/?place=chengmai")
    frame = map_frame(page)
    frame.wait_for_function("() => Object.values(window).find(v => v instanceof L.Map).getZoom() === 8")
    frame.get_by_role("button", name="Reset view").click()
    frame.wait_for_function("() => Object.values(window).find(v => v instanceof L.Map).getZoom() === 4")
    context.close()


@pytest.mark.parametrize(
    ("lang", "filters", "title", "tab", "direction", "label"),
    [
        ("zh", "筛选", "海康威视与对维吾尔人的监控", "说法", "ltr", "皮山县"),
        ("ug", "سۈزگۈچلەر", "Hikvision ۋە ئۇيغۇرلارنى نازارەت قىلىش", "دەۋالار", "rtl", "گۇما ناھىيىسى"),
    ],
)
def test_chinese_and_uyghur_pages(browser, app_url, lang, filters, title, tab, direction, label) -> None:
    context, page = open_page(browser, app_url + f"/?lang={lang}")
    frame = map_frame(page)
    page.get_by_test_id("stSidebar").get_by_text(filters, exact=True).wait_for()
    heading = page.get_by_test_id("stMain").locator("h2").first.inner_text()
    assert title in heading.replace("\u2068", "").replace("\u2069", "")  # Latin runs in Uyghur sit in direction isolates
    if lang == "ug":
        assert "\u2068Hikvision\u2069" in heading
    page.get_by_role("tab", name=tab).wait_for()
    layout = page.evaluate(
        """() => ({lang: document.documentElement.lang,
                   main: getComputedStyle(document.querySelector('[data-testid="stMain"]')).direction,
                   sidebar: getComputedStyle(document.querySelector('[data-testid="stSidebarContent"]')).direction})"""
    )
    assert layout == {"lang": {"zh": "zh-Hans", "ug": "ug-Arab"}[lang], "main": direction, "sidebar": direction}
    assert label in {item["text"] for item in placed_labels(frame)}
    assert frame.locator(".geo-legend").get_attribute("dir") == direction
    context.close()


def test_the_language_switch_keeps_the_language_in_the_url(browser, app_url) -> None:
    context, page = open_page(browser, app_url + "/?q=Guma")
    map_frame(page)
    page.get_by_label("Language · 语言 · تىل").click()
    page.get_by_role("option", name="简体中文").click()
    page.wait_for_url("**lang=zh**")
    page.get_by_text(f"显示 3 / {TOTAL} 条说法").wait_for()
    assert "q=Guma" in page.url
    context.close()


def axe_violations(page) -> list[dict]:
    """Inject axe-core into the page and every frame, run the WCAG 2.1 A/AA rules, return the violations."""
    if not AXE.exists():
        reason = f"axe-core not installed at {AXE} (run npm ci)"
        if os.environ.get("CI"):
            pytest.fail(f"the accessibility audit is required in CI: {reason}")
        pytest.skip(reason)
    script = AXE.read_text(encoding="utf-8")
    for frame in page.frames:
        frame.evaluate(script)
    result = page.evaluate(
        """async (tags) => { const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
        return {frames: r.passes.some(p => p.nodes.some(n => n.target.length > 1)),
                violations: r.violations.map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' '))}))}; }""",
        WCAG_21_AA,
    )
    assert result["frames"]  # the map's frame was audited too
    return result["violations"]


UPLOAD_TAB = {"en": "Your layer", "zh": "你的图层", "ug": "سىزنىڭ قاتلىمىڭىز"}
MEASURES_TAB = {"en": "Government measures", "zh": "政府措施", "ug": "ھۆكۈمەت تەدبىرلىرى"}


@pytest.mark.parametrize("lang", ["en", "zh", "ug"])
@pytest.mark.parametrize("view", ["/", "/?step=1", "/?step=9", "/?place=pishan", "upload", "measures"])
def test_no_accessibility_violations(browser, app_url, lang: str, view: str) -> None:
    path = "/" if view in ("upload", "measures") else view
    joiner = "&" if "?" in path else "?"
    context, page = open_page(browser, app_url + path + (f"{joiner}lang={lang}" if lang != "en" else ""), width=1300)
    map_frame(page)
    wait_until_run_finished(page)
    if view == "upload":  # a layer added, its tab open with its tables, and the upload form open
        page.get_by_test_id("stSidebar").locator("summary").first.click()
        page.locator('section[data-testid="stSidebar"] input[type="file"]').set_input_files(
            files=[{"name": "sites.csv", "mimeType": "text/csv", "buffer": b"site,lat,lon\nA,37.6,78.3\nB,19.7,110.0\n"}]
        )
        page.locator(".st-key-upload_name input").fill("Sites")
        page.locator(".st-key-upload_source input").fill("Field notes")
        page.locator(".st-key-upload_source input").press("Enter")
        page.locator(".st-key-upload_add button").click()
        page.locator(".st-key-upload_remove button").wait_for()  # the layer is kept
        with run_after(page):
            page.get_by_role("tab", name=UPLOAD_TAB[lang]).click()
        page.get_by_role("tabpanel").locator(".geo-message").wait_for()  # the tab's own content (its layer), not the last tab's
        page.get_by_role("tabpanel").get_by_test_id("stDataFrame").first.wait_for()
    if view == "measures":  # the world map of who acted, every measure, and the searches that found none
        with run_after(page):
            page.get_by_role("tab", name=MEASURES_TAB[lang]).click()
        page.get_by_role("tabpanel").get_by_test_id("stVegaLiteChart").wait_for()
        page.get_by_role("tabpanel").get_by_test_id("stDataFrame").nth(1).wait_for()
    violations = axe_violations(page)
    context.close()
    assert violations == []


def test_tabs_and_filters_stay_in_the_page_language_when_they_rerun_alone(browser, app_url) -> None:
    """Tabs and filters rerun as fragments, in a fresh thread: they must still speak the page's language."""
    context, page = open_page(browser, app_url + "/?lang=zh")
    map_frame(page)
    page.get_by_role("tab", name="下载").click()
    page.get_by_text("当前显示内容的文件").wait_for()
    box = page.get_by_label("搜索地名（任何文字）")
    with run_after(page):
        box.fill("Guma")
        box.press("Enter")
    page.get_by_text(f"显示 3 / {TOTAL} 条说法").wait_for()
    assert page.get_by_text("当前显示内容的文件").count() == 1
    assert page.get_by_text("Files of what is shown").count() == 0
    context.close()


#: Where the digits of a year, the hyphen after them and the first letter of the suffix are drawn (the first such date
#: in the page's headings): ``{digits, hyphen, letter}`` as client rectangles' left and right edges.
DATE_PLACES_JS = """(year) => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data, at = text.indexOf(year);
    if (at < 0 || !node.parentElement.closest('h1, h2, h3, .step-title')) continue;
    const hyphen = text.indexOf('-', at + year.length), letter = text.slice(hyphen + 1).search(/[\\u0600-\\u06ff]/) + hyphen + 1;
    const box = (start, end) => { const range = document.createRange(); range.setStart(node, start); range.setEnd(node, end);
      const r = range.getBoundingClientRect(); return {left: r.left, right: r.right}; };
    return {digits: box(at, at + year.length), hyphen: box(hyphen, hyphen + 1), letter: box(letter, letter + 1), text};
  }
  return null; }"""


def test_a_uyghur_date_reads_number_hyphen_suffix_from_right_to_left(page, app_url) -> None:
    """``2016-يىلىدىن`` ("from 2016") in a right-to-left line: the number, then to its left the hyphen, then the suffix.

    The hyphen inside the number's direction isolate drew it at the far right ("-2016يىلىدىن"), glued the
    number to the word and read as a negative number.
    """
    page.goto(app_url + "/?step=1&lang=ug")
    map_frame(page)
    places = page.evaluate(DATE_PLACES_JS, "2016")
    assert places is not None, "no heading holds the year 2016"
    digits, hyphen, letter = places["digits"], places["hyphen"], places["letter"]
    assert hyphen["right"] <= digits["left"] + 0.5, places  # the hyphen is left of the number
    assert letter["right"] <= hyphen["left"] + 0.5, places  # the suffix is left of the hyphen


#: Characters of the buttons' and links' own text (not Streamlit's icon font) that no installed font draws: each is
#: drawn on a canvas in the element's font and compared with a code point no font has (the "empty box").
MISSING_GLYPHS_JS = """() => {
  const canvas = document.createElement('canvas'); canvas.width = 48; canvas.height = 48;
  const pen = canvas.getContext('2d', {willReadFrequently: true});
  const draw = (font, ch) => { pen.clearRect(0, 0, 48, 48); pen.font = font; pen.fillText(ch, 4, 36);
    return Array.from(pen.getImageData(0, 0, 48, 48).data).join(); };
  const missing = new Set();
  for (const el of document.querySelectorAll('button, a, [role=tab]')) {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('[data-testid=stIconMaterial], [aria-hidden=true], svg').forEach(n => n.remove());
    const style = getComputedStyle(el), font = `${style.fontSize} ${style.fontFamily}`, box = draw(font, '\\u{10FFFD}');
    for (const ch of new Set(copy.textContent)) {
      if (/\\s/.test(ch) || /[\\u2068\\u2069\\u200e\\u200f]/.test(ch)) continue;
      if (draw(font, ch) === box) missing.add(ch + ' U+' + ch.codePointAt(0).toString(16) + ' in ' + el.textContent.trim().slice(0, 30));
    }
  }
  return [...missing]; }"""


@pytest.mark.parametrize("lang", ["en", "zh", "ug"])
@pytest.mark.parametrize("path", ["/", "/?step=1"])
def test_every_button_and_link_draws_every_character(browser, app_url, lang: str, path: str) -> None:
    """No empty box on a button with the fonts CI installs: icons come from Streamlit's icon font or inline SVG."""
    joiner = "&" if "?" in path else "?"
    context, page = open_page(browser, app_url + path + (f"{joiner}lang={lang}" if lang != "en" else ""), width=1300)
    map_frame(page)
    wait_until_run_finished(page)
    missing = page.evaluate(MISSING_GLYPHS_JS)
    context.close()
    assert missing == []
