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

Figures vary run to run. Usage: python -m bench.load [SESSIONS] [TIMEOUT_SECONDS] [ws|browser]
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time

from bench.common import APPS, MAP, ROOT, PeakRss, claims_shown_line, launch_chromium, percentile, rss_mb, server_pid
from bench.wsclient import RunError, StreamlitSession
from tests.server import streamlit_server

SEARCH = "Guma"
#: What each app's count line says after the search.
EXPECTED = {"ours": claims_shown_line(SEARCH), "floor": "1 of 1 claims shown"}


async def ws_session(url: str, expected: str = EXPECTED["ours"]) -> tuple[float, float]:
    """Open the app and change a filter over the websocket; return (map ready, filter change) seconds."""
    async with StreamlitSession(url) as session:
        first = await session.run()
        if first.map_after is None or "query" not in first.widget_ids:
            raise RunError("the first run sent no map or no search box")
        changed = await session.run(text_inputs={"query": (first.widget_ids["query"], SEARCH)})
        if not any(expected in text for text in changed.texts):
            raise RunError(f"after searching {SEARCH!r} the page did not say {expected!r}")
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
        await page.get_by_text(EXPECTED["ours"]).wait_for()
        return ready, time.perf_counter() - start
    finally:
        await context.close()


def summary(results: list, sessions: int, wall: float, before: float, peak: float) -> dict:
    """Errors, p50/p95 of both timings (seconds), and the server's memory."""
    ok = [r for r in results if isinstance(r, tuple)]
    errors = [r for r in results if not isinstance(r, tuple)]
    ready, change = [r[0] for r in ok], [r[1] for r in ok]
    return {
        "sessions": sessions,
        "errors": len(errors),
        "error_samples": [f"{type(e).__name__}: {str(e)[:200]}" for e in errors[:5]],
        "wall_s": round(wall, 1),
        "page_ready_s": {"p50": round(statistics.median(ready), 2), "p95": round(percentile(ready, 0.95), 2)}
        if ready
        else None,
        "filter_change_s": {"p50": round(statistics.median(change), 2), "p95": round(percentile(change, 0.95), 2)}
        if change
        else None,
        "rss_mb": {"before": round(before), "peak": round(peak), "per_session": round((peak - before) / sessions, 1)},
    }


async def measure_async(sessions: int = 30, timeout: float = 240, client: str = "ws", app: str = "ours") -> dict:
    """Run the sessions concurrently against one fresh server of ``app``; return :func:`summary`'s figures."""
    with streamlit_server(APPS[app], cwd=ROOT) as url:
        pid = server_pid(url)
        if client == "browser":
            from playwright.async_api import async_playwright

            async with async_playwright() as pw:
                browser = await launch_chromium(pw)
                await browser_session(browser, url, timeout)  # warm-up: the first visitor pays for imports and caches
                before, started = rss_mb(pid), time.perf_counter()
                with PeakRss(pid) as rss:
                    visits = (browser_session(browser, url, timeout) for _ in range(sessions))
                    results = await asyncio.wait_for(asyncio.gather(*visits, return_exceptions=True), timeout)
                wall = time.perf_counter() - started
                await browser.close()
        else:
            await ws_session(url, EXPECTED[app])  # warm-up: the first visitor pays for imports and caches
            before, started = rss_mb(pid), time.perf_counter()
            with PeakRss(pid) as rss:
                visits = (ws_session(url, EXPECTED[app]) for _ in range(sessions))
                results = await asyncio.wait_for(asyncio.gather(*visits, return_exceptions=True), timeout)
            wall = time.perf_counter() - started
    return {"client": client, **summary(results, sessions, wall, before, rss.peak)}


def measure(sessions: int = 30, timeout: float = 240, client: str = "ws") -> dict:
    """Ours under load, and (websocket clients) the floor app under the same load, one after the other."""
    ours = asyncio.run(measure_async(sessions, timeout, client))
    if client == "ws":
        ours["floor"] = asyncio.run(measure_async(sessions, timeout, client, app="floor"))
    return ours


def main() -> None:
    sessions = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    timeout = float(sys.argv[2]) if len(sys.argv) > 2 else 240
    client = sys.argv[3] if len(sys.argv) > 3 else "ws"
    result = measure(sessions, timeout, client)
    print(f"client: {result['client']}; sessions: {sessions}, errors: {result['errors']}, wall {result['wall_s']} s")
    for label in ("page_ready_s", "filter_change_s"):
        if result[label]:
            print(f"{label}: p50 {result[label]['p50']:.2f} s, p95 {result[label]['p95']:.2f} s")
    rss = result["rss_mb"]
    print(f"server RSS: {rss['before']} MB before, peak {rss['peak']} MB, {rss['per_session']} MB per session")
    for sample in result["error_samples"]:
        print("error:", sample)


if __name__ == "__main__":
    main()
