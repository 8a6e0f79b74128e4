"""Hostile text in the dataset and in exports is shown literally; no script runs; no bad links."""

from __future__ import annotations

import pytest

from geo import settings
from geo.evidence.dataset import load_dataset
from geo.export.gis import to_kml
from geo.export.offline import to_html

from .conftest import PROJECT, BrokenData, require_browser
from .server import streamlit_server

ATTACKS = [
    "<script>window.pwned=1</script>",
    '<img src=x onerror="window.pwned=2">',
    '"><svg onload="window.pwned=3">',
    "{{ 7*7 }} ${window.pwned=4} `backtick`",
    "\u202eevil right-to-left override",
    "x" * 3000,
]
ATTACK = " | ".join(ATTACKS[:5])
JS_URL = "javascript:window.pwned=5"


def hostile_copy(root) -> BrokenData:
    """A valid dataset whose every free-text field carries the attack strings."""
    data = BrokenData(root)
    data.set(settings.PLACES_CSV, "pishan", "name_en", "Pishan " + ATTACK)
    data.set(settings.PLACES_CSV, "pishan", "other_names", ATTACK.replace(" | ", ";") + ";" + ATTACKS[5])
    data.set(settings.PLACES_CSV, "pishan", "notes", ATTACK)
    data.set(settings.CLAIMS_CSV, "c20-pishan-ghrd", "summary", ATTACK)
    data.set(settings.CLAIMS_CSV, "c20-pishan-ghrd", "quote", ATTACK + " " + ATTACKS[5])
    data.set(settings.CLAIMS_CSV, "c20-pishan-ghrd", "correction", ATTACK)
    data.set(settings.QUOTE_AUDIT_CSV, "c20-pishan-ghrd", "excerpt", ATTACK + " " + ATTACKS[5])  # the passage read
    data.set(settings.STATUS_AUDIT_CSV, "c20-pishan-ghrd", "found", ATTACK)
    data.set(settings.STATUS_AUDIT_CSV, "c20-pishan-ghrd", "queries", ATTACK)
    data.set(settings.SOURCES_CSV, "ipvm-2018-10-02-hikvision-xinjiang", "title", ATTACK)
    data.set(settings.SOURCES_CSV, "ipvm-2018-10-02-hikvision-xinjiang", "publisher", ATTACKS[1])
    return data


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    copy = hostile_copy(tmp_path_factory.mktemp("hostile"))
    return copy, load_dataset(copy.dir)


def test_hostile_dataset_is_valid_so_it_reaches_the_page(hostile) -> None:
    _, data = hostile
    assert "window.pwned=2" in data.places.set_index("id").loc["pishan", "name_en"]


def test_offline_html_shows_attacks_as_text(hostile) -> None:
    _, data = hostile
    html = to_html(data, data.claims).decode()
    assert "<script>window.pwned" not in html
    assert "<img src=x" not in html
    assert "<svg onload" not in html
    assert "${window.pwned" not in html
    assert "&lt;img src=x onerror=&quot;window.pwned=2&quot;&gt;" in html


def test_javascript_links_never_become_links(hostile) -> None:
    _, data = hostile
    claims = data.claims.copy()
    claims.loc[claims["source"] == "ipvm-2018-10-02-hikvision-xinjiang", "source_url"] = JS_URL
    sources = data.sources.copy()
    sources.loc[sources["id"] == "ipvm-2018-10-02-hikvision-xinjiang", "url"] = JS_URL
    unsafe = type(data)(**{**data.__dict__, "sources": sources, "claims": claims})
    for output in (to_html(unsafe, claims).decode(), to_kml(unsafe, claims).decode()):
        assert "javascript:" not in output  # neither as a link nor escaped inside the map's JSON


def test_kml_descriptions_are_double_escaped(hostile) -> None:
    """Google Earth renders descriptions as HTML, so attack text must arrive escaped twice."""
    import re

    _, data = hostile
    kml = to_kml(data, data.claims).decode()
    assert "<img src=x" not in kml
    descriptions = " ".join(re.findall(r"<description>(.*?)</description>", kml, flags=re.S))
    assert "&amp;lt;img src=x" in descriptions
    assert "&lt;img" not in descriptions.replace("&amp;lt;img", "")


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
@pytest.mark.slow
def test_hostile_dataset_renders_harmlessly_in_the_browser(hostile, browser) -> None:
    require_browser()
    copy, _ = hostile
    with streamlit_server(PROJECT / "dashboard.py", env={"GEO_DATA_DIR": str(copy.dir)}) as url:
        context = browser.new_context(viewport={"width": 1300, "height": 900})
        page = context.new_page()
        page.set_default_timeout(45_000)
        page.goto(url + "/?place=pishan")
        page.get_by_text("Cite this:").wait_for()
        frame_locator = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
        frame_locator.locator("path.leaflet-interactive >> visible=true").first.wait_for()
        frame = page.locator('iframe[title="streamlit_folium.st_folium"]').element_handle().content_frame()
        from .test_browser import click_place

        click_place(frame, 37.6168, 78.2809)
        popup = frame_locator.locator(".leaflet-popup-content")
        popup.wait_for(state="visible")
        assert '<img src=x onerror="window.pwned=2">' in popup.inner_text()
        assert "<script>window.pwned=1</script>" in page.locator("body").inner_text()
        assert page.evaluate("() => window.pwned") is None
        assert frame.evaluate("() => window.pwned") is None
        assert page.locator('a[href^="javascript:"]').count() == 0
        assert frame_locator.locator('a[href^="javascript:"]').count() == 0
        context.close()
