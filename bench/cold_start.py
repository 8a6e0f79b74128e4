"""Cold start: `streamlit run` until the map's first ring is visible in headless Chromium.

Prints one line per run and the median. Figures vary run to run; this measures, it does
not pass or fail. Usage: python bench/cold_start.py [RUNS]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.conftest import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402
from tests.server import streamlit_server  # noqa: E402

MAP = 'iframe[title="streamlit_folium.st_folium"]'


def one_run(browser) -> tuple[float, float]:
    start = time.perf_counter()
    with streamlit_server(ROOT / "dashboard.py") as url:
        healthy = time.perf_counter() - start
        page = browser.new_page()
        page.goto(url)
        page.frame_locator(MAP).locator("path.leaflet-interactive >> visible=true").first.wait_for(timeout=60_000)
        visible = time.perf_counter() - start
        page.close()
    return healthy, visible


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        results = [one_run(browser) for _ in range(runs)]
        browser.close()
    for i, (healthy, visible) in enumerate(results, 1):
        print(f"run {i}: /_stcore/health ok after {healthy:.2f} s, first map ring visible after {visible:.2f} s")
    print(
        f"median: health {statistics.median(r[0] for r in results):.2f} s, map visible {statistics.median(r[1] for r in results):.2f} s"
    )


if __name__ == "__main__":
    main()
