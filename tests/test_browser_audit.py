"""A reader opens how a claim was checked and how a source was checked, in headless Chromium."""

from __future__ import annotations

import pytest

from geo.evidence.quotes import normalise

from .browser import map_frame, run_after

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]  # groups: tests/conftest.py


def test_a_claim_s_check_opens_under_the_claim_in_the_detail_view(page, app_url, data) -> None:
    hotan = data.claims.set_index("id").loc["hotan-county-camp-ipvm-2019"]
    page.goto(app_url + "/?place=hotan_county")
    page.get_by_text("Cite this:").wait_for()
    block = page.locator("div.detail-claim", has_text="[hotan-county-camp-ipvm-2019]")
    check = block.locator("details.claim-check")
    assert not check.locator("blockquote.excerpt").is_visible()  # folded until asked
    check.locator("summary", has_text="How we checked this").click()
    excerpt = check.locator("blockquote.excerpt")
    excerpt.wait_for(state="visible")
    assert normalise(hotan["check_excerpt"]) in normalise(excerpt.inner_text())
    link = check.locator("p.check-read a").first
    assert link.get_attribute("href") == hotan["check_excerpt_at"]  # where it was read, as a real link
    assert "Read on Dec 3, 2026:" in check.locator("p.check-read").inner_text()


def test_a_claim_s_contrary_evidence_shows_its_verdict(page, app_url, data) -> None:
    page.goto(app_url + "/?place=xuar")
    page.get_by_text("Cite this:").wait_for()
    block = page.locator("div.detail-claim", has_text="[c17-xuar-ghrd]")
    block.locator("summary", has_text="How we checked this").click()
    contrary = block.locator("p.check-contrary")
    contrary.wait_for(state="visible")
    assert "Evidence against, searched for on Dec 3, 2026:" in contrary.inner_text()
    verdict = block.locator("p.check-verdict").inner_text()
    assert "This check changed the status or the correction" in verdict
    queries = block.locator("ul.check-queries li")
    assert queries.count() == len(data.claims.set_index("id").loc["c17-xuar-ghrd", "contrary_queries"])


def test_a_source_s_check_opens_from_the_sources_tab(page, app_url, data) -> None:
    page.goto(app_url)
    map_frame(page)
    with run_after(page):
        page.get_by_role("tab", name="Sources and citation chain").click()
    # The citation graph draws after the run and pushes the picker down: wait for it, then bring the picker up.
    page.get_by_test_id("stGraphVizChart").locator("svg").first.wait_for()
    picker = page.get_by_test_id("stSelectbox").filter(has_text="How a source was checked")
    picker.evaluate("element => element.scrollIntoView({block: 'start'})")
    picker.locator("input").click()
    page.keyboard.type("securitycurated")
    # Pick the option itself once the list shows it (Enter could land before the list filters).
    page.get_by_role("option", name="securitycurated.com", exact=False).click()
    panel = page.locator("div.source-audit")
    panel.wait_for()
    audit = data.tables["source_audit"].set_index("source").loc["securitycurated-2023-11-14"]
    assert panel.locator(f'p.check-read a[href="{audit["found_at"][0]}"]').count() == 1  # the page read, linked
    rows = panel.locator("table.source-checks tbody tr")
    assert rows.count() == 5
    assert "corrected" in rows.filter(has_text="title").inner_text()  # the headline replaced the descriptive title
    assert "[fujian-minjiang-securitycurated-2023]" in panel.inner_text()  # its claim, the tombstone


def test_the_evidence_reads_in_chinese_with_its_english_one_click_away(page, app_url, data) -> None:
    from geo.evidence.content import localized

    zh = localized(data, "zh").claims.set_index("id").loc["c04-chengmai-ghrd"]
    page.goto(app_url + "/?lang=zh&place=chengmai")
    page.get_by_text("引用本页：").wait_for()
    block = page.locator("div.detail-claim", has_text="[c04-chengmai-ghrd]")
    assert block.locator('span[lang="zh"]', has_text=zh["summary"][:12]).count() >= 1
    original = block.locator("details.original").first
    assert not original.locator("span[lang='en']").is_visible()
    original.locator("summary", has_text="英文原文").click()
    assert original.locator("span[lang='en']").inner_text() == zh["summary_en"]


def test_a_briefing_step_reads_in_uyghur_right_to_left(page, app_url, data) -> None:
    from geo.evidence.content import localized

    step = localized(data, "ug").briefing.set_index("step").loc[2]
    page.goto(app_url + "/?lang=ug&step=2")
    caption = page.locator("div.step-caption span[lang='ug']")
    caption.wait_for()
    assert caption.get_attribute("dir") == "rtl"
    assert caption.inner_text()[:20] == step["caption"][:20]
    assert page.locator("div.step-caption details.original").count() == 1  # the English, one click away
