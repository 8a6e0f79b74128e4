"""Uploads through the running app: 1k / 10k / 100k points, time until drawn and server peak RSS.

Starts ``streamlit run`` on 127.0.0.1, and for each size opens a fresh headless Chromium
page, uploads a generated CSV through the sidebar, clicks "Add layer" and waits until every
point is on the map's canvas. Meanwhile a thread samples the server's RSS. Complements
``bench/upload_scale.py`` (standalone pages, canvas against per-point Markers).
Also a 1,000,000-row CSV (small enough for the upload limit): the time from the click to
the refusal message, with the earlier layer still shown. Figures vary run to run.
Usage: python -m bench.upload_server
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np
from playwright.sync_api import sync_playwright

from bench.common import MAP, ROOT, PeakRss, launch_chromium, rss_mb, server_pid
from geo import settings
from tests.browser import UPLOAD_DRAWN, fill_upload_form
from tests.server import streamlit_server

SIZES = (1_000, 10_000, 100_000)
TOO_MANY = 1_000_000
ALL_DRAWN = UPLOAD_DRAWN  # every point placed on the layer's canvas


def write_csv(n: int, folder: Path) -> Path:
    rng = np.random.default_rng(7)
    lat, lon = rng.uniform(20, 45, n), rng.uniform(75, 125, n)
    path = folder / f"points-{n}.csv"
    rows = "\n".join(f"{i},site {i},{a:.5f},{b:.5f}" for i, (a, b) in enumerate(zip(lat, lon, strict=True)))
    path.write_text(f"id,name,lat,lon\n{rows}\n", encoding="utf-8")
    return path


def write_compact_csv(n: int, folder: Path) -> Path:
    """``n`` rows of two one-digit coordinates: a file under the size limit with far too many rows."""
    path = folder / f"rows-{n}.csv"
    path.write_bytes(b"lat,lon\n" + b"1,2\n" * n)
    return path


def open_upload_form(page, url: str, csv: Path) -> None:
    page.goto(url)
    page.frame_locator(MAP).locator("path.leaflet-interactive >> visible=true").first.wait_for()
    fill_upload_form(page, csv, "bench", "generated")
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden")  # the app is idle: time the click alone


def upload(browser, url: str, csv: Path, n: int) -> float:
    """Seconds from clicking "Add layer" until all ``n`` points are drawn."""
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    try:
        page = context.new_page()
        page.set_default_timeout(180_000)
        open_upload_form(page, url, csv)
        start = time.perf_counter()
        page.get_by_role("button", name="Add layer").click()
        page.get_by_text(f"{n:,} row(s) shown, 0 left out").first.wait_for()
        frame = page.locator(MAP).element_handle().content_frame()
        frame.wait_for_function(ALL_DRAWN, arg=n, polling=100)
        return time.perf_counter() - start
    finally:
        context.close()


def refusal(browser, url: str, small: Path, huge: Path) -> tuple[float, bool]:
    """Seconds from clicking "Add layer" on ``huge`` to the refusal; whether the earlier layer is still drawn."""
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    try:
        page = context.new_page()
        page.set_default_timeout(180_000)
        open_upload_form(page, url, small)
        page.get_by_role("button", name="Add layer").click()
        frame = page.locator(MAP).element_handle().content_frame()
        frame.wait_for_function(ALL_DRAWN, arg=SIZES[0], polling=100)
        page.locator('section[data-testid="stSidebar"] input[type="file"]').set_input_files(str(huge))
        page.get_by_test_id("stSidebar").get_by_text(huge.name).wait_for()  # the new file is in the widget
        page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden")
        start = time.perf_counter()
        page.get_by_role("button", name="Add layer").click()
        page.get_by_text(f"the limit is {settings.MAX_UPLOAD_ROWS:,}").wait_for()
        seconds = time.perf_counter() - start
        page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden")
        frame = page.locator(MAP).element_handle().content_frame()
        kept = frame.evaluate(f"() => ({ALL_DRAWN})({SIZES[0]})")
        return seconds, bool(kept)
    finally:
        context.close()


def measure() -> dict:
    """Seconds to draw and the server's peak RSS (MB) per size, and the refusal of a 1M-row file."""
    drawn, peaks = {}, {}
    with tempfile.TemporaryDirectory() as tmp, streamlit_server(ROOT / "dashboard.py") as url, sync_playwright() as pw:
        browser = launch_chromium(pw)
        pid = server_pid(url)
        before = rss_mb(pid)
        for n in SIZES:
            csv = write_csv(n, Path(tmp))
            with PeakRss(pid) as rss:
                drawn[n] = round(upload(browser, url, csv, n), 2)
            peaks[n] = round(rss.peak)
        seconds, kept = refusal(browser, url, write_csv(SIZES[0], Path(tmp)), write_compact_csv(TOO_MANY, Path(tmp)))
        browser.close()
    return {
        "drawn_after_click_s": {f"{n:,}": v for n, v in drawn.items()},
        "server_peak_rss_mb": {f"{n:,}": v for n, v in peaks.items()},
        "server_rss_before_mb": round(before),
        "refused_rows": TOO_MANY,
        "refused_after_s": round(seconds, 2),
        "earlier_layer_kept": kept,
    }


def main() -> None:
    result = measure()
    print("| points | drawn after “Add layer” (s) | server peak RSS (MB) |")
    print("|---:|---:|---:|")
    for n, seconds in result["drawn_after_click_s"].items():
        print(f"| {n} | {seconds:.1f} | {result['server_peak_rss_mb'][n]} |")
    print(f"{TOO_MANY:,} rows refused {result['refused_after_s']:.2f} s after the click; "
          f"earlier layer kept: {result['earlier_layer_kept']}")  # fmt: skip


if __name__ == "__main__":
    main()
