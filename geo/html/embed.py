"""Embedding: a copy-paste ``<iframe>`` of the view on screen, and the static site's embed page.

The live app embeds with Streamlit's ``?embed=true`` (no toolbar, no padding) at a height
that shows the map and its count; the static site's map asks its embedding page for the
height it wants (``geo/frontend/frame.js``), and the snippet carries the few lines that
listen (``geo/frontend/embed-listener.js``), as newsroom embed codes do.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

from geo import frontend, style, urls
from geo.html.escape import esc
from geo.language import i18n
from geo.language.i18n import _

#: Height of the app's iframe: the map (560 px) with the title and count above it.
APP_HEIGHT = 820
#: Starting height of the static map's iframe, before it says the height it wants.
SITE_HEIGHT = 600
#: Parameters that never go into an embed: a briefing kept in one browser tab, Streamlit's own embed options.
NOT_EMBEDDED = (*urls.EMBED,)


def embeddable(params: Mapping[str, str]) -> dict[str, str] | None:
    """The view's parameters for an embed, or None when it cannot be embedded (a briefing kept in one tab)."""
    if params.get(urls.BRIEFING) == urls.MINE:
        return None
    return {key: value for key, value in params.items() if key not in NOT_EMBEDDED}


def app_snippet(base: str, params: Mapping[str, str], title: str) -> str:
    """An ``<iframe>`` of the app at ``base`` showing ``params`` with ``?embed=true``, and a link to the full app."""
    query = urlencode({**params, "embed": "true"})
    full = f"{base}/?{urlencode(params)}" if params else f"{base}/"
    back = esc(_("Open the full map, with its sources"))
    return (
        f'<iframe src="{esc(base)}/?{esc(query)}" title="{esc(title)}" width="100%" height="{APP_HEIGHT}" '
        f'style="border:0;max-width:100%" loading="lazy" allow="fullscreen"></iframe>\n'
        f'<p><a href="{esc(full)}">{back}</a></p>'
    )


def site_snippet(map_url: str, title: str) -> str:
    """An ``<iframe>`` of the static site's map at ``map_url`` that takes the height the map asks for."""
    listener = frontend.text("embed-listener.js").strip()
    return (
        f'<iframe src="{esc(map_url)}" title="{esc(title)}" width="100%" height="{SITE_HEIGHT}" '
        f'style="border:0;max-width:100%" loading="lazy"></iframe>\n<script>\n{listener}\n</script>'
    )


def site_embed_page(title: str) -> str:
    """The static site's ``embed.html``: the snippet to copy, working on this very page below it.

    The snippet points at ``index.html`` beside it: on another site, write the full address
    where the static site is hosted.
    """
    snippet = site_snippet("index.html", title)
    language = i18n.language()
    heading = esc(_("Embed this map"))
    how = esc(_("Copy this into your page (write the full address of index.html where this site is hosted): the "
                "map takes the height it needs, and works without any server of ours."))  # fmt: skip
    return (
        f'<!DOCTYPE html>\n<html lang="{language.html_lang}" dir="{language.direction}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{heading}: {esc(title)}</title>'
        "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:1100px;margin:1rem auto;padding:0 1rem}"
        f"pre{{white-space:pre-wrap;background:{style.NOTE_BACKGROUND};color:{style.TEXT};padding:.8rem;"
        "border-radius:4px}</style></head><body>"
        f"<h1>{heading}</h1><p>{how}</p><pre><code>{esc(snippet)}</code></pre>{snippet}</body></html>\n"
    )
