"""A filter change as the user sees it, and a second visitor's page, against the floor app, in Chromium.

Both servers run side by side; the measurements alternate between them in one browser run.

* Filter change: type a search into the box and press Enter, until the count line shows
  the new number, the script run has finished and the map's rings have changed. Ours gets
  a new search each time (a filter set the server has not built yet); the floor app moves
  its one circle.
* Second visitor: a new page on the already-running server, until the first ring is
  visible (the first visitor paid for imports and caches).

Also counts the bytes the browser receives over the websocket for each filter change
(Streamlit's message cache lets the browser reuse what it already has). Figures
vary run to run: this measures, it does not pass or fail. Usage: python -m bench.filter_browser [ROUNDS]
"""

from __future__ import annotations

import sys
import time

from playwright.sync_api import sync_playwright

from bench.common import APPS, FIRST_RING, MAP, ROOT, claims_shown_line, launch_chromium, median
from tests.server import streamlit_server

#: Searches for ours: each a new filter set (the server builds its view once, then shares it).
SEARCHES = ["Guma", "Moyu", "Hotan", "Hainan", "Urumqi", "Hangzhou", "Tibet", "Pishan", "Keriya", "Karakax"]
FLOOR_SEARCHES = ["Guma", "Moyu"]
SEARCH_LABEL = "Search place names (any script)"
RINGS_JS = """() => { const map = Object.values(window).find(v => v instanceof L.Map); const out = [];
  map.eachLayer(l => { if (l instanceof L.CircleMarker && l._path && l._path.isConnected) {
    const p = l.getLatLng(); out.push(p.lat.toFixed(4) + "," + p.lng.toFixed(4)); } });
  return out.sort().join(";"); }"""


def map_frame(page, *, ring: bool = True):
    """The map's frame once Leaflet is running (and, with ``ring``, a ring is visible: a search may show none)."""
    page.frame_locator(MAP).locator(FIRST_RING if ring else ".leaflet-container").first.wait_for(timeout=120_000)
    return page.locator(MAP).element_handle().content_frame()


def count_received(page) -> list[int]:
    """A list that grows by each websocket frame's size the page receives from the server."""
    sizes: list[int] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: sizes.append(len(payload))))
    return sizes


def filter_change(page, query: str, count_line: str, received: list[int]) -> tuple[float, int]:
    """Seconds from typing ``query`` + Enter until the count, the end of the run and the map all show it; bytes received."""
    before = map_frame(page, ring=False).evaluate(RINGS_JS)
    box = page.get_by_label(SEARCH_LABEL)
    already = len(received)
    start = time.perf_counter()
    box.fill(query)
    box.press("Enter")
    page.get_by_text(count_line).first.wait_for(timeout=60_000)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=60_000)
    map_frame(page, ring=False).wait_for_function(f"() => ({RINGS_JS})() !== {before!r}", polling="raf", timeout=60_000)
    return time.perf_counter() - start, sum(received[already:])


def page_load(browser, url: str) -> float:
    """Seconds from opening a new page on a running server to the first ring visible."""
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    start = time.perf_counter()
    page.goto(url)
    page.frame_locator(MAP).locator(FIRST_RING).first.wait_for(timeout=120_000)
    seconds = time.perf_counter() - start
    page.close()
    return seconds


def browse(floor_url: str, ours_url: str, rounds: int, changes: dict, loads: dict, sent: dict) -> None:
    """Alternate filter changes and second-visitor page loads between the two running apps."""
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        urls = {"floor": floor_url, "ours": ours_url}
        for url in urls.values():
            page_load(browser, url)  # the first visitor: imports and caches
        pages = {app: browser.new_page(viewport={"width": 1300, "height": 900}) for app in urls}
        received = {app: count_received(page) for app, page in pages.items()}
        for app, page in pages.items():
            page.goto(urls[app])
            map_frame(page)
        for i in range(rounds):
            floor_query = FLOOR_SEARCHES[i % len(FLOOR_SEARCHES)]
            seconds, size = filter_change(pages["floor"], floor_query, "1 of 1 claims shown", received["floor"])
            changes["floor"].append(seconds)
            sent["floor"].append(size)
            query = SEARCHES[i % len(SEARCHES)]
            seconds, size = filter_change(pages["ours"], query, claims_shown_line(query), received["ours"])
            changes["ours"].append(seconds)
            sent["ours"].append(size)
            for app, url in urls.items():
                loads[app].append(page_load(browser, url))
        browser.close()


def measure(rounds: int = 10) -> dict:
    """Median seconds for a filter change and a second visitor's page, floor and ours, and the ratios."""
    changes: dict[str, list[float]] = {"floor": [], "ours": []}
    loads: dict[str, list[float]] = {"floor": [], "ours": []}
    sent: dict[str, list[int]] = {"floor": [], "ours": []}
    with streamlit_server(APPS["floor"], cwd=ROOT) as floor_url, streamlit_server(APPS["ours"], cwd=ROOT) as ours_url:
        browse(floor_url, ours_url, rounds, changes, loads, sent)
    change = {app: median(values) for app, values in changes.items()}
    load = {app: median(values) for app, values in loads.items()}
    return {
        "rounds": rounds,
        "filter_change_s": change,
        "filter_change_every_s": {app: [round(v, 3) for v in values] for app, values in changes.items()},
        "filter_change_ours_vs_floor": round(change["ours"] / change["floor"], 2),
        "second_visitor_s": load,
        "second_visitor_ours_vs_floor": round(load["ours"] / load["floor"], 2),
        "bytes_received_for_a_filter_change": {app: int(median(values)) for app, values in sent.items()},
    }


def main() -> None:
    result = measure(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
    change, load = result["filter_change_s"], result["second_visitor_s"]
    print(f"filter change in the browser: floor {change['floor']:.3f} s, ours {change['ours']:.3f} s, "
          f"ratio {result['filter_change_ours_vs_floor']:.2f}x (goal <= 2.5x)")  # fmt: skip
    print(f"second visitor's page: floor {load['floor']:.2f} s, ours {load['ours']:.2f} s, "
          f"ratio {result['second_visitor_ours_vs_floor']:.2f}x (goal <= 1.1x)")  # fmt: skip
    received = result["bytes_received_for_a_filter_change"]
    print(f"bytes the browser receives for one filter change: floor {received['floor']:,}, ours {received['ours']:,}")


if __name__ == "__main__":
    main()
