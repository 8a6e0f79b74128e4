"""Cold start: `streamlit run` until the map's first ring is visible in headless Chromium.

Runs ``dashboard.py`` and the naive app (``bench/naive_app.py``: validation and a textbook
folium map on every run) alternately, prints one line per run, the medians and the ratio.
Figures vary run to run; this measures, it does not pass or fail.
Usage: python bench/cold_start.py [RUNS] [BOUNDARY_CACHE_DIR]
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


def one_run(browser, app: Path, env: dict[str, str]) -> tuple[float, float]:
    start = time.perf_counter()
    with streamlit_server(app, env=env, cwd=ROOT) as url:  # both apps under this project's config
        healthy = time.perf_counter() - start
        page = browser.new_page()
        page.goto(url)
        page.frame_locator(MAP).locator("path.leaflet-interactive >> visible=true").first.wait_for(timeout=60_000)
        visible = time.perf_counter() - start
        page.close()
    return healthy, visible


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    env = {"NAIVE_BOUNDARY_CACHE": sys.argv[2]} if len(sys.argv) > 2 else {}
    apps = {"ours": ROOT / "dashboard.py", "naive": ROOT / "bench" / "naive_app.py"}
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in apps}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        for _ in range(runs):
            for name, app in apps.items():
                results[name].append(one_run(browser, app, env))
        browser.close()
    for name, rows in results.items():
        for i, (healthy, visible) in enumerate(rows, 1):
            print(
                f"{name} run {i}: /_stcore/health ok after {healthy:.2f} s, first map ring visible after {visible:.2f} s"
            )
    medians = {name: statistics.median(r[1] for r in rows) for name, rows in results.items()}
    print(f"median to first ring visible: ours {medians['ours']:.2f} s, naive {medians['naive']:.2f} s")
    print(f"ratio naive/ours: {medians['naive'] / medians['ours']:.1f}x")


if __name__ == "__main__":
    main()
