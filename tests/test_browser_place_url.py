"""Closing a place's detail view takes ``place`` out of the URL, and it stays out.

A slow link (or a loaded server) is made deterministic by holding the server's messages
in the test (Playwright's WebSocket routing): the browser then shows the page exactly as a
visitor would see it while the server's answer is still on its way.
"""

from __future__ import annotations

import re
import time
from urllib.parse import parse_qs, urlparse

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from .browser import TIMEOUT, map_frame, wait_until_run_finished

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]  # groups: tests/conftest.py

STREAM = re.compile(r".*/_stcore/stream$")
CLOSE = ".st-key-close_detail button"
FINISHED = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY

# True once the page's query, without the map's view (which the map writes by itself), is ``wanted``.
SHOWS_QUERY_JS = """wanted => { const p = new URLSearchParams(location.search);
  for (const k of ["lat", "lng", "zoom"]) p.delete(k); return p.toString() === wanted; }"""
VIEW_KEYS = ("lat", "lng", "zoom")


class SlowLink:
    """The app's WebSocket, with the server's messages held back on request and released in order.

    ``log`` lists what the server sent: ``("page_info_changed", query)`` for each URL it
    asked the browser to show, ``("script_finished", status)`` at the end of each run.
    """

    def __init__(self, page) -> None:
        self.page = page
        self.log: list[tuple[str, object]] = []
        self.held: list[bytes | str] = []
        self.holding = False
        self.route = None
        page.route_web_socket(STREAM, self._connect)

    def _connect(self, route) -> None:
        server = route.connect_to_server()
        self.route = route
        route.on_message(server.send)  # the browser's messages go out at once
        server.on_message(self._from_server)

    def _from_server(self, message: bytes | str) -> None:
        parsed = ForwardMsg()
        parsed.ParseFromString(message if isinstance(message, bytes) else message.encode())
        kind = parsed.WhichOneof("type")
        if kind == "page_info_changed":
            self.log.append((kind, parsed.page_info_changed.query_string))
        elif kind == "script_finished":
            self.log.append((kind, parsed.script_finished))
        if self.holding:
            self.held.append(message)
        else:
            self.route.send(message)

    def release(self) -> None:
        """Hand the browser every held message, in the order the server sent them, and stop holding."""
        while self.held:
            self.route.send(self.held.pop(0))
        self.holding = False

    def wait_for(self, condition, what: str) -> None:
        """Wait until ``condition()`` holds (polled while Playwright delivers the socket's messages)."""
        deadline = time.monotonic() + TIMEOUT / 1000
        while not condition():
            assert time.monotonic() < deadline, f"timed out waiting for {what}; server sent {self.log}"
            self.page.wait_for_timeout(25)  # a polling tick: lets Playwright dispatch the routed messages

    def urls_since(self, start: int) -> list[str]:
        return [query for kind, query in self.log[start:] if kind == "page_info_changed"]

    def finished_since(self, start: int) -> bool:
        return any(kind == "script_finished" and status == FINISHED for kind, status in self.log[start:])


def pick_place(page, name: str) -> None:
    """Choose ``name`` in the Places tab's "Open a place's detail view" picker, typing it as a visitor would.

    Typing filters the list, so the option is drawn whatever room the page leaves the list.
    """
    page.get_by_test_id("stSelectbox").filter(has_text="Open a place's detail view").locator("input").click()
    page.keyboard.type(name)
    page.get_by_role("option", name=name).click()


def test_close_right_after_picking_another_place_leaves_no_place_in_the_url(page, app_url) -> None:
    """Chengmai's detail is open; the visitor picks Moyu in the picker, then clicks "Close the detail view"
    before the page has caught up (a slow link: the server's answer to the pick is still on its way).

    The detail must end closed and the URL without ``place``, so a reload or a shared link
    does not reopen a place.
    """
    link = SlowLink(page)
    page.goto(app_url + "/?place=chengmai")
    page.locator(CLOSE).wait_for()
    map_frame(page)
    wait_until_run_finished(page)

    link.holding = True
    start = len(link.log)
    pick_place(page, "Moyu County")
    # The server has opened Moyu and finished that page; the browser has seen none of it yet.
    link.wait_for(lambda: "place=moyu" in "".join(link.urls_since(start)) and link.finished_since(start),
                  "the server to finish the page of the pick")  # fmt: skip
    closed_at = len(link.log)
    page.locator(CLOSE).click()  # Chengmai's button: what the visitor still sees
    link.release()

    # The server has handled the close (a URL without ``place``) and then finished a whole page.
    def close_handled() -> bool:
        urls = link.log[closed_at:]
        first = next(
            (i for i, (kind, query) in enumerate(urls) if kind == "page_info_changed" and "place=" not in query), None
        )
        return first is not None and link.finished_since(closed_at + first)

    link.wait_for(close_handled, "the server to handle the close")
    last_url = link.urls_since(closed_at)[-1]  # the browser has applied it, so the page is up to date
    page.wait_for_function(
        SHOWS_QUERY_JS, arg="&".join(p for p in last_url.split("&") if p.split("=")[0] not in VIEW_KEYS)
    )
    wait_until_run_finished(page)

    sent = link.urls_since(closed_at)
    assert "place" not in parse_qs(urlparse(page.url).query), (
        f"after Close the URL still names a place: {page.url}; URLs the server sent after the close: {sent}"
    )
    assert page.locator(CLOSE).count() == 0, f"the detail view is open again; URLs sent after the close: {sent}"
