"""The official record and the other side as a visitor sees them, in headless Chromium: the measures layer on the
map, a measure's badge opening its words, a place's detail view listing the measures that name it, and the
counter-claim under the claim it answers."""

from __future__ import annotations

import pytest

from geo.rules import record

from .browser import MAP_IFRAME, map_frame, open_popup

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]  # groups: tests/conftest.py

#: The badges the map draws: [place's tooltip text, its centre in the frame's client coordinates].
BADGES_JS = """() => [...document.querySelectorAll('.geo-measure')].map(b => {
  const r = b.getBoundingClientRect(); return [b.title, r.left + r.width / 2, r.top + r.height / 2]; })"""


def test_the_measures_layer_marks_each_place_a_measure_names(page, app_url, data) -> None:
    page.goto(app_url + "/")
    frame = map_frame(page)
    frame.wait_for_function("() => document.querySelectorAll('.geo-measure').length > 0")
    titles = sorted(t for t, _x, _y in frame.evaluate(BADGES_JS))
    bound = {p for m in record.measures(data) for p in m["places"]}
    assert len(titles) == len(bound) == 7
    assert any(t.startswith("Moyu County:") for t in titles)
    control = page.frame_locator(MAP_IFRAME).locator(".leaflet-control-layers")
    control.hover()
    assert control.get_by_text("Government measures naming a place (7)").is_visible()


def test_moyus_badge_opens_the_2023_rule_that_names_its_subsidiary(page, app_url) -> None:
    page.goto(app_url + "/?lat=37.3&lng=79.7&zoom=8")
    frame = map_frame(page)
    frame.wait_for_function("() => document.querySelector('.geo-measure[title^=\"Moyu County\"]')")
    scrolled = "() => document.querySelector('[data-testid=stMain]').scrollTop"
    before = page.evaluate(scrolled)
    frame.locator(".geo-measure[title^='Moyu County']").click()  # the map is partly below the fold here
    popup = open_popup(page)
    assert page.evaluate(scrolled) == before  # a press on the map does not scroll the page (the click would miss)
    text = popup.inner_text()
    assert "FR Doc 2023-06663" in text
    assert "Moyu Haishi Electronic Technology Co." in text
    assert popup.locator("a[href='https://govinfo.gov/content/pkg/FR-2023-03-30/html/2023-06663.htm']").count() == 1


def test_moyus_detail_view_lists_the_measures_and_the_other_side(page, app_url) -> None:
    page.goto(app_url + "/?place=moyu")
    page.get_by_text("Cite this:").wait_for()
    page.get_by_text("Government measures that name this place").wait_for()
    assert page.get_by_text("FR Doc 2023-06663", exact=False).first.is_visible()
    answer = page.locator(".other-side").filter(has_text="we do not find that Hikvision entered into the five projects")
    assert answer.count() >= 1  # ArentFox's conclusion answers the county contract claims
    assert "Our assessment:" in answer.first.inner_text()


def test_the_counter_claim_sits_under_the_claim_it_answers(page, app_url) -> None:
    page.goto(app_url + "/?place=santa_clara")
    page.get_by_text("Cite this:").wait_for()
    claim = page.locator(".detail-claim").filter(has_text="c06-santa-clara-ghrd")
    assert "We aren't participating in this project" in claim.locator(".other-side").inner_text()
    assert claim.locator(".other-side a[href^='https://www.theregister.com/']").count() == 1
