"""Load: N concurrent sessions against one local `streamlit run` (127.0.0.1 only).

Each session opens the app (a full script run, as a new visitor's page load), waits until
the map element has arrived and the run has finished, then changes a filter (the place
search) and waits for the new claim count. Prints errors, p50/p95 times, and the server's
RSS before and after. Bounded in sessions and time; stops by itself.

Two kinds of client:

* ``ws`` (default): Streamlit websocket clients (``bench/wsclient.py``) that send what the
  browser sends and read the server's replies. No drawing, so the figures are the
  server's own and 30 sessions fit on two cores.
* ``browser``: headless Chromium pages, end to end up to rings visible on the map. On
  this 2-core machine the 30 browsers themselves saturate the CPU, so these figures
  measure the machine, not the server.

Figures vary run to run. Usage: python bench/load.py [SESSIONS] [TIMEOUT_SECONDS] [ws|browser]
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.wsclient import RunError, StreamlitSession  # noqa: E402
from tests.server import streamlit_server  # noqa: E402

MAP = 'iframe[title="streamlit_folium.st_folium"]'
SEARCH = "Guma"
EXPECTED = "2 of 60 claims shown"


def rss_mb(pid: int) -> float:
    """Resident set size of the Streamlit server process, in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    line = next(ln for ln in status.splitlines() if ln.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


class PeakRss:
    """Samples a process's RSS in a background thread while a benchmark runs, keeping the peak.

    Use as ``with PeakRss(pid) as rss: ...`` then read ``rss.peak``.
    """

    def __init__(self, pid: int) -> None:
        self.pid, self.peak = pid, rss_mb(pid)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(0.05):  # sampling interval of a benchmark, not a test timing
            self.peak = max(self.peak, rss_mb(self.pid))

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_mb(self.pid))


def server_pid(url: str) -> int:
    """PID of the ``streamlit run`` listening on ``url``'s port (started by tests.server)."""
    marker = f"--server.port\x00{url.rsplit(':', 1)[1]}\x00"
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and marker in (proc / "cmdline").read_text():
                return int(proc.name)
        except OSError:
            continue
    raise RuntimeError(f"no streamlit process found for {url}")


async def ws_session(url: str) -> tuple[float, float]:
    """Open the app and change a filter over the websocket; return (map ready, filter change) seconds."""
    async with StreamlitSession(url) as session:
        first = await session.run()
        if first.map_after is None or "query" not in first.widget_ids:
            raise RunError("the first run sent no map or no search box")
        changed = await session.run(text_inputs={"query": (first.widget_ids["query"], SEARCH)})
        if not any(EXPECTED in text for text in changed.texts):
            raise RunError(f"after searching {SEARCH!r} the page did not say {EXPECTED!r}")
        return first.finished_after, changed.finished_after


async def browser_session(browser, url: str, timeout: float) -> tuple[float, float]:
    """The same visit in a headless Chromium page, until rings are visible and the count updates."""
    context = await browser.new_context(viewport={"width": 1200, "height": 800})
    try:
        page = await context.new_page()
        page.set_default_timeout(timeout * 1000)
        start = time.perf_counter()
        await page.goto(url)
        await page.frame_locator(MAP).locator("path.leaflet-interactive >> visible=true").first.wait_for()
        ready = time.perf_counter() - start
        box = page.get_by_label("Search place names (any script)")
        start = time.perf_counter()
        await box.fill(SEARCH)
        await box.press("Enter")
        await page.get_by_text(EXPECTED).wait_for()
        return ready, time.perf_counter() - start
    finally:
        await context.close()


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile of sorted ``values``."""
    return values[max(0, round(share * len(values)) - 1)] if values else float("nan")


def report(results: list, sessions: int, wall: float, before: float, peak: float) -> None:
    """Print errors, p50/p95 of both timings, and the RSS change."""
    ok = [r for r in results if isinstance(r, tuple)]
    errors = [r for r in results if not isinstance(r, tuple)]
    print(f"sessions: {sessions}, errors: {len(errors)}, wall {wall:.1f} s")
    for label, values in (("time to map ready", [r[0] for r in ok]), ("filter change", [r[1] for r in ok])):
        values.sort()
        if values:
            print(
                f"{label}: p50 {statistics.median(values):.2f} s, p95 {percentile(values, 0.95):.2f} s, "
                f"max {values[-1]:.2f} s"
            )
    print(
        f"server RSS: {before:.0f} MB before, peak {peak:.0f} MB with all sessions open, "
        f"{(peak - before) / sessions:.1f} MB per session"
    )
    for error in errors[:5]:
        print("error:", type(error).__name__, str(error)[:200])


async def main() -> None:
    sessions = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    timeout = float(sys.argv[2]) if len(sys.argv) > 2 else 240
    client = sys.argv[3] if len(sys.argv) > 3 else "ws"
    with streamlit_server(ROOT / "dashboard.py") as url:
        pid = server_pid(url)
        if client == "browser":
            from playwright.async_api import async_playwright

            from tests.conftest import CHROMIUM, CHROMIUM_FLAGS

            async with async_playwright() as pw:
                browser = await pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
                await browser_session(browser, url, timeout)  # warm-up: the first run validates the dataset
                before, started = rss_mb(pid), time.perf_counter()
                with PeakRss(pid) as rss:
                    visits = (browser_session(browser, url, timeout) for _ in range(sessions))
                    results = await asyncio.wait_for(asyncio.gather(*visits, return_exceptions=True), timeout)
                wall = time.perf_counter() - started
                await browser.close()
        else:
            await ws_session(url)  # warm-up: the first run validates the dataset
            before, started = rss_mb(pid), time.perf_counter()
            with PeakRss(pid) as rss:
                visits = (ws_session(url) for _ in range(sessions))
                results = await asyncio.wait_for(asyncio.gather(*visits, return_exceptions=True), timeout)
            wall = time.perf_counter() - started
    print(f"client: {client}")
    report(results, sessions, wall, before, rss.peak)


if __name__ == "__main__":
    asyncio.run(main())
