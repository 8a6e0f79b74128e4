"""Two researchers upload at once on a server with a small upload budget, in headless Chromium."""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .browser import MAP_IFRAME, UPLOAD_DRAWN, fill_upload_form, map_frame, run_after, wait_until_run_finished
from .conftest import PROJECT, new_page
from .server import streamlit_server

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]  # groups: tests/conftest.py

BUSY = "The server is busy with other uploads; try again in a minute."
POINTS = 10_000


def open_with_file(browser, url: str, csv) -> object:
    """A new visitor's page with the file, a name and a source in the upload form."""
    page = new_page(browser)
    page.set_default_timeout(60_000)
    page.goto(url)
    map_frame(page)
    fill_upload_form(page, csv, "Sites", "Generated")
    wait_until_run_finished(page)
    return page


def add_layer(page) -> None:
    with run_after(page):
        page.get_by_role("button", name="Add layer").click()


def test_an_upload_over_the_budget_is_refused_at_once_and_fits_once_the_other_visitor_leaves(browser, tmp_path) -> None:
    rows = "\n".join(f"{i},{20 + i % 20}.5,{80 + i % 40}.5" for i in range(POINTS))
    csv = tmp_path / "sites.csv"
    csv.write_text(f"id,lat,lon\n{rows}\n", encoding="utf-8")
    # One 10,000-row layer is estimated at about 7 MB: the budget holds one, not two.
    with streamlit_server(PROJECT / "dashboard.py", env={"GEO_UPLOAD_BUDGET_MB": "10"}) as url:
        first, second = open_with_file(browser, url, csv), open_with_file(browser, url, csv)
        add_layer(first)
        map_frame(first).wait_for_function(UPLOAD_DRAWN, arg=POINTS)
        add_layer(second)
        second.get_by_text(f"sites.csv: {BUSY}").wait_for()  # told why, at once
        assert second.frame_locator(MAP_IFRAME).locator("path.leaflet-interactive").count() > 0  # its map still works
        assert map_frame(first).evaluate(f"() => ({UPLOAD_DRAWN})({POINTS})")  # the first layer is untouched
        first.context.close()  # the first researcher leaves: their layer's room comes back
        shown = second.get_by_text(f"{POINTS:,} row(s) shown")
        for _attempt in range(20):  # the server learns of the closed tab within moments
            add_layer(second)
            try:
                shown.first.wait_for(timeout=3_000)
                break
            except PlaywrightTimeout:
                continue
        map_frame(second).wait_for_function(UPLOAD_DRAWN, arg=POINTS)
        second.context.close()
