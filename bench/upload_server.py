"""Uploads through the running app: 1k / 10k / 100k points, time until drawn and server peak RSS.

Starts ``streamlit run`` on 127.0.0.1, and for each size opens a fresh headless Chromium
page, uploads a generated CSV through the sidebar, clicks "Add layer" and waits until every
point is on the map's canvas. Meanwhile a thread samples the server's RSS. Complements
``bench/upload_scale.py`` (standalone pages, canvas against per-point Markers).
Figures vary run to run. Usage: python bench/upload_server.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.load import PeakRss, rss_mb, server_pid  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402
from tests.server import streamlit_server  # noqa: E402

SIZES = (1_000, 10_000, 100_000)
MAP = 'iframe[title="streamlit_folium.st_folium"]'
ALL_DRAWN = """n => { let c = 0; Object.values(window).find(v => v instanceof L.Map).eachLayer(l => {
  if (l instanceof L.CircleMarker && l.options.renderer instanceof L.Canvas) c++; }); return c === n; }"""


def write_csv(n: int, folder: Path) -> Path:
    rng = np.random.default_rng(7)
    lat, lon = rng.uniform(20, 45, n), rng.uniform(75, 125, n)
    path = folder / f"points-{n}.csv"
    rows = "\n".join(f"{i},site {i},{a:.5f},{b:.5f}" for i, (a, b) in enumerate(zip(lat, lon, strict=True)))
    path.write_text(f"id,name,lat,lon\n{rows}\n", encoding="utf-8")
    return path


def upload(browser, url: str, csv: Path, n: int) -> float:
    """Seconds from clicking "Add layer" until all ``n`` points are drawn."""
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    try:
        page = context.new_page()
        page.set_default_timeout(180_000)
        page.goto(url)
        page.frame_locator(MAP).locator("path.leaflet-interactive >> visible=true").first.wait_for()
        page.get_by_test_id("stSidebarUserContent").get_by_text("Add your own layer", exact=True).click()
        page.locator('section[data-testid="stSidebar"] input[type="file"]').set_input_files(str(csv))
        page.get_by_label("Layer name (required)").fill("bench")
        page.get_by_label("Source or attribution (required)").fill("generated")
        page.get_by_label("Source or attribution (required)").press("Enter")
        page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden")  # the app is idle: time the click alone
        start = time.perf_counter()
        page.get_by_role("button", name="Add layer").click()
        page.get_by_text(f"{n:,} row(s) shown, 0 left out").first.wait_for()
        frame = page.locator(MAP).element_handle().content_frame()
        frame.wait_for_function(ALL_DRAWN, arg=n, polling=100)
        return time.perf_counter() - start
    finally:
        context.close()


def main() -> None:
    print("| points | drawn after “Add layer” (s) | server RSS before (MB) | server peak RSS (MB) |")
    print("|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp, streamlit_server(ROOT / "dashboard.py") as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        pid = server_pid(url)
        for n in SIZES:
            csv = write_csv(n, Path(tmp))
            before = rss_mb(pid)
            with PeakRss(pid) as rss:
                seconds = upload(browser, url, csv, n)
            print(f"| {n:,} | {seconds:.1f} | {before:.0f} | {rss.peak:.0f} |", flush=True)
        browser.close()


if __name__ == "__main__":
    main()
