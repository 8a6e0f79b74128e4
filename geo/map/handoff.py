"""How the page hands the map a view: the message, and the page's script that delivers it.

After every run the page hands the map a message: the view of what the filters show
(:func:`geo.map.overlays.claim_view`, a few kilobytes), its key, where to move the map,
whether the visitor has work in hand (leaving the page then asks first), and the names of
the address's view parameters. ``geo/frontend/page.js`` delivers it to the map's frame
(``view.js`` decides whether to redraw or only move). Every text in a view was escaped on
the server.
"""

from __future__ import annotations

import hashlib
import json

from geo import urls
from geo.html.escape import page_script_string

Fit = list[list[float]] | str | None  # bounds [[south, west], [north, east]], "home", or None (stay)


def view_key(view_text: str) -> str:
    """A short name for a view's content: the map skips a view it already shows."""
    return hashlib.sha256(view_text.encode()).hexdigest()[:16]


def message_json(
    view_text: str, fit: Fit = None, *, work: bool = False, report_view: bool = False, at: str = ""
) -> str:
    """The message as JSON text, around a view already encoded (:func:`geo.map.overlays.view_json`).

    ``report_view`` (the explorer) has the page report the map's view under the address's
    names for it (``viewNames``); a briefing step frames its own map, and a file has no page.
    ``at`` is the address (its query, without the map's view and Streamlit's own parameters,
    ``notOurs``) the message was made for: a message arriving after the visitor moved on
    (Back) is for the page being left.
    """
    head = {"key": view_key(view_text)}
    tail = {"fit": fit, "work": work, "viewNames": list(urls.VIEW) if report_view else None, "at": at,
            "notOurs": list(urls.EMBED)}  # fmt: skip
    return json.dumps(head)[:-1] + ',"view":' + view_text + "," + json.dumps(tail)[1:]


def view_script(
    view_text: str, fit: Fit = None, *, work: bool = False, report_view: bool = False, at: str = ""
) -> str:
    """The page's script that hands the map this view (``geo.handView``, loaded with the page's head).

    The page's code comes once per page (:func:`geo.page.head.page_head`), so a filter change
    sends only the message. Should it not be there yet, the message waits in ``geo.view``,
    where a starting map reads it. The JSON is a string literal with no ``<`` in it
    (:func:`geo.html.escape.page_script_string`): the page's sanitiser drops a script that seems to
    hold a tag.
    """
    message = page_script_string(message_json(view_text, fit, work=work, report_view=report_view, at=at))
    return f"<script>window.geo = window.geo || {{}}; geo.view = JSON.parse({message}); if (geo.handView) geo.handView(geo.view);</script>"
