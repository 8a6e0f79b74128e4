"""Helpers of the browser tests: finding the map's frame, waiting for runs, clicking where a place is drawn."""

from __future__ import annotations

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
    """Open "Add your own layer", put ``path`` in the file widget, give the layer's name and source (Enter sends them)."""
    page.get_by_test_id("stSidebarUserContent").get_by_text("Add your own layer", exact=True).click()
    page.locator('section[data-testid="stSidebar"] input[type="file"]').set_input_files(str(path))
    page.get_by_label("Layer name (required)").fill(name)
    page.get_by_label("Source or attribution (required)").fill(source)
    page.get_by_label("Source or attribution (required)").press("Enter")


def wait_until_run_finished(page) -> None:
    """Wait until Streamlit's "running" indicator is gone: the script run has finished."""
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden")


def map_frame(page):
    """The frame of the map iframe now on the page (Streamlit may have replaced an older one), once it shows a view."""
    page.frame_locator(MAP_IFRAME).locator(".leaflet-container").wait_for()
    frame = page.locator(MAP_IFRAME).element_handle().content_frame()
    frame.wait_for_function("() => window.geo && window.geo.viewKey !== undefined")
    return frame


# True once the map shows the same view on two polls in a row and nothing is animating.
SETTLED_JS = """() => { const map = Object.values(window).find(v => v instanceof L.Map);
  const c = map.getCenter(), key = [c.lat.toFixed(6), c.lng.toFixed(6), map.getZoom()].join();
  const same = window.__lastView === key; window.__lastView = key;
  return same && !map._animatingZoom && !(map._panAnim && map._panAnim._inProgress); }"""


def click_place(scope, lat: float, lng: float) -> None:
    """Click with the mouse where a coordinate is drawn on the map.

    ``scope`` is the map's frame (in the app) or the page itself (a standalone HTML file).
    The map must have settled (the same view on two polls, no pan or zoom animation), then
    the point is converted to the document's client coordinates, so the click lands on the
    ring or canvas point a person would click.
    """
    scope.wait_for_function(SETTLED_JS, polling=100)
    x, y = scope.evaluate(
        """([lat, lng]) => { const map = Object.values(window).find(v => v instanceof L.Map);
        const p = map.latLngToContainerPoint([lat, lng]), box = map.getContainer().getBoundingClientRect();
        return [box.left + p.x, box.top + p.y]; }""",
        [lat, lng],
    )
    scope.locator("html").click(position={"x": x, "y": y}, force=True)


def offline_page(browser, path, width: int = 1200, height: int = 800):
    """A page opened from a file, with every request beyond files recorded: (context, page, outside requests)."""
    context = browser.new_context(viewport={"width": width, "height": height})
    outside: list[str] = []
    context.on("request", lambda request: None if request.url.startswith("file://") else outside.append(request.url))
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.goto(path.as_uri())
    return context, page, outside
