"""Load: N concurrent browser sessions against one local `streamlit run` (127.0.0.1 only).

Each session opens the app, waits for the map, then changes a filter and waits for the new
count. Prints errors, p50/p95 time to map ready, and the server's RSS before and after.
Bounded in sessions and time; stops by itself. Figures vary run to run.
Usage: python bench/load.py [SESSIONS] [TIMEOUT_SECONDS]
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path

from playwright.async_api import async_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.conftest import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402
from tests.server import streamlit_server  # noqa: E402

MAP = 'iframe[title="streamlit_folium.st_folium"]'


def rss_mb(pid: int) -> float:
    """Resident set size of a process and its children (the Streamlit server), in MB."""
    total = 0
    for status in [Path(f"/proc/{pid}/status"), *Path(f"/proc/{pid}/task").glob("*/children")]:
        if status.name == "children":
            for child in status.read_text().split():
                child_status = Path(f"/proc/{child}/status")
                if child_status.exists():
                    total += _vmrss(child_status)
        elif status.exists():
            total += _vmrss(status)
    return total / 1024


def _vmrss(status: Path) -> int:
    line = next((ln for ln in status.read_text().splitlines() if ln.startswith("VmRSS:")), "VmRSS: 0 kB")
    return int(line.split()[1])


async def session(browser, url: str, timeout: float) -> float:
    context = await browser.new_context(viewport={"width": 1200, "height": 800})
    try:
        page = await context.new_page()
        page.set_default_timeout(timeout * 1000)
        start = time.perf_counter()
        await page.goto(url)
        await page.frame_locator(MAP).locator("path.leaflet-interactive >> visible=true").first.wait_for()
        ready = time.perf_counter() - start
        box = page.get_by_label("Search place names (any script)")
        await box.fill("Guma")
        await box.press("Enter")
        await page.get_by_text("2 of 60 claims shown").wait_for()
        return ready
    finally:
        await context.close()


async def main() -> None:
    sessions = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    timeout = float(sys.argv[2]) if len(sys.argv) > 2 else 240
    with streamlit_server(ROOT / "dashboard.py") as url:
        pid = next(
            int(p.name)
            for p in Path("/proc").iterdir()
            if p.name.isdigit() and f"--server.port\x00{url.rsplit(':', 1)[1]}" in _cmdline(p)
        )
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
            await session(browser, url, timeout)  # warm-up: first run validates and prepares the dataset
            before = rss_mb(pid)
            started = time.perf_counter()
            results = await asyncio.wait_for(
                asyncio.gather(*(session(browser, url, timeout) for _ in range(sessions)), return_exceptions=True),
                timeout,
            )
            wall = time.perf_counter() - started
            after = rss_mb(pid)
            await browser.close()
    times = sorted(r for r in results if isinstance(r, float))
    errors = [r for r in results if not isinstance(r, float)]
    p95 = times[max(0, round(0.95 * len(times)) - 1)] if times else float("nan")
    print(f"sessions: {sessions}, errors: {len(errors)}, wall {wall:.1f} s")
    if times:
        print(f"time to map ready: p50 {statistics.median(times):.2f} s, p95 {p95:.2f} s, max {times[-1]:.2f} s")
    print(f"server RSS: {before:.0f} MB before, {after:.0f} MB after, {(after - before) / sessions:.1f} MB per session")
    for error in errors[:5]:
        print("error:", type(error).__name__, str(error)[:200])


def _cmdline(proc: Path) -> str:
    try:
        return (proc / "cmdline").read_text()
    except OSError:
        return ""


if __name__ == "__main__":
    asyncio.run(main())
