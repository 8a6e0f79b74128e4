"""Helpers of the browser tests: finding the map's frame, waiting for runs, clicking where a place is drawn."""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Callable, Iterator

MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
TIMEOUT = 45_000

# Every circle marker on the Leaflet map: its latitude, longitude and stroke colour.
MARKERS_JS = """() => {
  const map = Object.values(window).find(v => v instanceof L.Map);
  const out = [];
  map.eachLayer(l => { if (l instanceof L.CircleMarker && l._path && l._path.isConnected) {
    const ll = l.getLatLng(); out.push({lat: ll.lat, lng: ll.lng, color: l.options.color});
  }});
  return out;
}"""


#: True once the uploaded layer's canvas has had all ``n`` points placed on it (``canvas-points.js``).
UPLOAD_DRAWN = """n => { const points = window.geo && window.geo.uploadedPoints;
  return !!points && !!points._map && points.drawn === n; }"""


# Resolves after two animation frames: React's effects from the last render have run.
NEXT_FRAMES_JS = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


#: Resolves once the element at a selector has kept its place for ten animation frames (an opening panel has opened).
STILL_JS = """selector => new Promise(done => { let last = null, same = 0;
  const tick = () => { const box = document.querySelector(selector).getBoundingClientRect(), key = box.top + ',' + box.left;
    same = key === last ? same + 1 : 0; last = key; if (same >= 10) done(); else requestAnimationFrame(tick); };
  tick(); })"""


def press_step_key(page, key: str, button: str) -> None:
    """Press a briefing key once the step button it presses (a ``Key`` of the session) is enabled and bound.

    A step's title is drawn before its buttons, and Streamlit binds a button's shortcut in an effect once
    the button is enabled (Next again, after End then Home): a key pressed before that does nothing, for a
    quick presenter as for a test (CI failed so once).
    """
    page.locator(f".st-key-{button} button:not([disabled])").first.wait_for()
    page.evaluate(NEXT_FRAMES_JS)
    page.keyboard.press(key)


def fill_upload_form(page, path, name: str, source: str) -> None:
    """Open "Add your own layer", put ``path`` in the file widget, give the layer's name and source (Enter sends each).

    On a page whose runs are tracked (:func:`track_runs`), each step waits for the run it starts,
    so "Add layer" is pressed on a form the server holds whole.
    """
    settle = run_after if page in _SOCKETS else lambda _page: contextlib.nullcontext()
    page.get_by_test_id("stSidebarUserContent").get_by_text("Add your own layer", exact=True).click()
    with settle(page):
        page.locator('section[data-testid="stSidebar"] input[type="file"]').set_input_files(str(path))
    for label, text in (("Layer name (required)", name), ("Source or attribution (required)", source)):
        page.get_by_label(label).fill(text)
        with settle(page):
            page.get_by_label(label).press("Enter")


#: Whether the page's channel (geo/frontend/channel.js) is mounted, and a move waiting for it (page.js).
CHANNEL_STATE_JS = """() => { const geo = window.geo || {};
  return {mounted: typeof geo.sendGo === "function", waiting: geo.pendingGo || null, moving: Boolean(geo.moving)}; }"""

#: The app's websocket of each page (its latest: a reload opens another), recorded by :func:`track_runs`.
_SOCKETS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def track_runs(page) -> None:
    """Record the page's connection to the app, whose messages say when each script run starts and ends."""
    page.on("websocket", lambda ws: _SOCKETS.__setitem__(page, ws) if "/_stcore/stream" in ws.url else None)


def _run_ended_after_it_started(*, whole: bool, seen: list[str] | None = None) -> Callable[[object], bool]:
    """A predicate over the app's messages: true at the end of a run that started after it was made.

    A run starts with a ``new_session`` message and ends with ``script_finished``; a run cut
    short for another (a rerun of the whole page from a fragment) is not the end yet, and with
    ``whole`` neither is the end of a fragment's run (the map's view, say, reported meanwhile).
    """
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    ends = {ForwardMsg.FINISHED_SUCCESSFULLY} | (set() if whole else {ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY})
    started = False

    def ended(payload: object) -> bool:
        nonlocal started
        if not isinstance(payload, bytes):
            return False
        message = ForwardMsg.FromString(payload)
        kind = message.WhichOneof("type")
        if seen is not None and kind in {"new_session", "script_finished", "session_status_changed", "page_info_changed"}:
            seen.append(f"{kind}:{message.script_finished}" if kind == "script_finished" else kind)
        started = started or kind == "new_session"
        return started and kind == "script_finished" and message.script_finished in ends

    return ended


@contextlib.contextmanager
def run_after(page, *, whole: bool = False) -> Iterator[None]:
    """Wait, after the block's action, until a script run that started after the action has finished.

    For actions that rerun the app or a fragment (a click, a key, a filled field): waiting only
    for "not running" could return before the run the action starts has even begun. ``whole``
    waits for a run of the whole page (a move to another place, step or language), not a
    fragment's. The runs are read from the app's own messages on the page's websocket
    (:func:`track_runs`).
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    socket, seen = _SOCKETS[page], []
    try:
        with socket.expect_event("framereceived", predicate=_run_ended_after_it_started(whole=whole, seen=seen)):
            yield
    except PlaywrightTimeoutError as error:
        fresh = _SOCKETS.get(page) is not socket  # the page connected again: a new session (a reload, a navigation)
        channel = page.evaluate(CHANNEL_STATE_JS)
        msg = (f"no {'whole ' if whole else ''}run ended after the action; saw {seen}; new connection: {fresh}; "
               f"page's channel: {channel}; at {page.url}")
        raise AssertionError(msg) from error


def wait_until_run_finished(page) -> None:
    """Wait until Streamlit's "running" indicator is gone (for a state reached already: prefer :func:`run_after`)."""
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden")


def map_frame(page):
    """The frame of the map iframe now on the page, once it shows a view.

    Streamlit may be replacing an older map (a new language draws a new one): the old one goes
    when the new one has come, so this waits until there is one.
    """
    page.wait_for_function("selector => document.querySelectorAll(selector).length === 1", arg=MAP_IFRAME)
    page.frame_locator(MAP_IFRAME).locator(".leaflet-container").wait_for()
    frame = page.locator(MAP_IFRAME).element_handle().content_frame()
    frame.wait_for_function("() => window.geo && window.geo.viewKey !== undefined")
    return frame


# True once the map shows the same view on two polls in a row and nothing is animating.
SETTLED_JS = """() => { const map = Object.values(window).find(v => v instanceof L.Map);
  const c = map.getCenter(), key = [c.lat.toFixed(6), c.lng.toFixed(6), map.getZoom()].join();
  const same = window.__lastView === key; window.__lastView = key;
  return same && !map._animatingZoom && !(map._panAnim && map._panAnim._inProgress); }"""


#: True once the map's frame has been handed the page's latest view (``geo/frontend/claim-layers.js``).
HANDED_JS = "() => { const page = window.parent.geo; return !page || !page.view || page.view === window.geo.handedMessage; }"


#: Opens the popup of the ring drawn at a coordinate, as a click on it does (for tests of what the popup holds).
OPEN_RING_POPUP_JS = """([lat, lng]) => { const map = Object.values(window).find(v => v instanceof L.Map);
  let ring = null;
  map.eachLayer(l => { if (l instanceof L.CircleMarker && l._map && l.getPopup() && Math.abs(l.getLatLng().lat - lat) < 1e-3
    && Math.abs(l.getLatLng().lng - lng) < 1e-3) ring = ring || l; });
  if (ring) ring.openPopup();
  return Boolean(ring); }"""


def click_place(scope, lat: float, lng: float) -> None:
    """Click with the mouse where a coordinate is drawn on the map.

    ``scope`` is the map's frame (in the app) or the page itself (a standalone HTML file).
    The map must be on screen and have settled (the same view on two polls, no pan or zoom
    animation), then the point is converted to the document's client coordinates, so the
    click lands on the ring or canvas point a person would click.
    """
    if getattr(scope, "parent_frame", None) is not None:  # the app's map: its whole frame on screen first,
        scope.frame_element().evaluate("frame => frame.scrollIntoView({block: 'center'})")
        scope.wait_for_function(HANDED_JS)  # and the page's latest view handed over (it may move the map)
    scope.wait_for_function(SETTLED_JS, polling=100)
    x, y = scope.evaluate(
        """([lat, lng]) => { const map = Object.values(window).find(v => v instanceof L.Map);
        const p = map.latLngToContainerPoint([lat, lng]), box = map.getContainer().getBoundingClientRect();
        return [box.left + p.x, box.top + p.y]; }""",
        [lat, lng],
    )
    scope.locator("html").click(position={"x": x, "y": y}, force=True)


#: The open popup's box in the map's frame: [top, bottom, the frame's height] (px).
POPUP_BOX_JS = """() => { const box = document.querySelector('.leaflet-popup').getBoundingClientRect();
  return [box.top, box.bottom, window.innerHeight]; }"""


def open_popup(page):
    """The map's open popup, once the map has finished moving to show it (Leaflet pans a popup into view).

    A click inside the popup before that lands where the popup was, not where it is.
    """
    popup = page.frame_locator(MAP_IFRAME).locator(".leaflet-popup-content")
    popup.wait_for(state="visible")
    map_frame(page).wait_for_function(SETTLED_JS, polling=100)
    return popup


def offline_page(browser, path, width: int = 1200, height: int = 800):
    """A page opened from a file, with every request beyond files recorded: (context, page, outside requests)."""
    context = browser.new_context(viewport={"width": width, "height": height})
    outside: list[str] = []
    context.on("request", lambda request: None if request.url.startswith("file://") else outside.append(request.url))
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.goto(path.as_uri())
    return context, page, outside
