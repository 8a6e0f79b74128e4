"""100,000 uploaded points: our "Add layer" against the textbook Streamlit upload app, until every point is drawn.

The textbook app (``bench/textbook_upload_app.py``) is what a researcher would write from a
tutorial: ``st.file_uploader``, pandas, geopandas and one ``folium.GeoJson`` of circle
markers on a canvas map in ``st_folium``. It is timed from handing the file to the uploader
until all points are on the map's canvas. Ours (``dashboard.py``) is timed from clicking
"Add layer" (``bench.upload_server.upload``): by then the file is already in the widget, as
it is when the researcher has filled in the layer's name and source. Same CSV for both
(id,name,lat,lon). Both servers run throughout; each app gets one warm-up that is not
counted, then the runs alternate (textbook, ours, …) so the machine's drift hits both alike,
each page in a fresh browser context. The project's goal is ours ≤ 0.25× the textbook's
time; this measures, it does not pass or fail. Figures vary run to run.

Usage: python -m bench.upload_textbook [RUNS]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from bench.common import MAP, ROOT, launch_chromium, median
from bench.upload_server import upload, write_csv
from tests.server import streamlit_server

APP = ROOT / "bench" / "textbook_upload_app.py"
TIMEOUT_MS = 180_000
#: Every point placed on a canvas: ``n`` CircleMarkers on the map drawn by an L.Canvas renderer
#: (``_order``: in the renderer's draw list) and no redraw still pending. folium's
#: ``prefer_canvas`` sets the map's default renderer, so the markers' ``options.renderer``
#: is unset: the renderer is the one Leaflet gave each layer (``_renderer``).
TEXTBOOK_DRAWN = """n => {
  if (!window.L) return false;
  const map = window.map instanceof L.Map ? window.map : Object.values(window).find(v => v instanceof L.Map);
  if (!map) return false;
  let count = 0;
  const renderers = new Set();
  map.eachLayer(l => {
    if (l instanceof L.CircleMarker && l._renderer instanceof L.Canvas && l._order) { count++; renderers.add(l._renderer); }
  });
  return count === n && [...renderers].every(r => !r._redrawRequest && !r._postponeUpdatePaths && r._container.isConnected);
}"""


def wait_drawn(page: Page, n: int) -> None:
    """Wait until the map iframe now on the page has drawn all ``n`` points (Streamlit may replace the iframe)."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while True:
        frame = page.locator(MAP).element_handle().content_frame()
        remaining = max(1.0, (deadline - time.monotonic()) * 1000)
        try:
            frame.wait_for_function(TEXTBOOK_DRAWN, arg=n, polling=100, timeout=remaining)
            return
        except PlaywrightError as error:  # the iframe was replaced: poll the new one
            if "detached" not in str(error).casefold() or time.monotonic() > deadline:
                raise


def textbook_upload(browser: Browser, url: str, csv: Path, n: int) -> float:
    """Seconds from handing ``csv`` to the textbook app's uploader until all ``n`` points are drawn."""
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(url)
        uploader = page.get_by_test_id("stFileUploader")
        uploader.wait_for()
        page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden")  # idle: time the upload alone
        start = time.perf_counter()
        uploader.locator('input[type="file"]').set_input_files(str(csv))
        page.get_by_text(f"{n:,} points", exact=True).wait_for()  # the run after the upload has read the file
        page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden")  # … and finished
        wait_drawn(page, n)
        return time.perf_counter() - start
    finally:
        context.close()


def measure(runs: int = 3, points: int = 100_000) -> dict:
    """Median seconds to every point drawn for each app, every run, and the ratio ours/textbook."""
    seconds: dict[str, list[float]] = {"textbook": [], "ours": []}
    with (
        tempfile.TemporaryDirectory() as tmp,
        streamlit_server(APP, cwd=ROOT) as textbook_url,  # this project's config: static serving on
        streamlit_server(ROOT / "dashboard.py", cwd=ROOT) as ours_url,
        sync_playwright() as pw,
    ):
        browser = launch_chromium(pw)
        csv = write_csv(points, Path(tmp))
        textbook_upload(browser, textbook_url, csv, points)  # warm-ups, not counted
        upload(browser, ours_url, csv, points)
        for _ in range(runs):
            seconds["textbook"].append(round(textbook_upload(browser, textbook_url, csv, points), 2))
            seconds["ours"].append(round(upload(browser, ours_url, csv, points), 2))
        browser.close()
    textbook, ours = median(seconds["textbook"]), median(seconds["ours"])
    return {
        "points": points,
        "runs": runs,
        "textbook_upload_to_drawn_s": textbook,
        "ours_click_to_drawn_s": ours,
        "every_run_s": seconds,
        "ours_vs_textbook": round(ours / textbook, 2),
    }


def main() -> None:
    result = measure(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
    for app, values in result["every_run_s"].items():
        print(f"{app}: every point drawn after {', '.join(f'{v:.2f}' for v in values)} s")
    print(f"{result['points']:,} points, median of {result['runs']}: textbook upload → drawn "
          f"{result['textbook_upload_to_drawn_s']:.2f} s, ours click → drawn {result['ours_click_to_drawn_s']:.2f} s, "
          f"ours/textbook {result['ours_vs_textbook']:.2f}× (goal ≤ 0.25×)")  # fmt: skip


if __name__ == "__main__":
    main()
