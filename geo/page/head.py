"""The head of every page: the stylesheet, the page's client code, and its language and direction.

One stylesheet serves the page, the map's frame and the offline HTML (``geo/frontend/geo.css``,
with the colour tokens of :mod:`geo.style`); ``page.js`` says the page's language to browsers
and screen readers and marks right-to-left pages, which the stylesheet lays out.
"""

from __future__ import annotations

import json

from geo import frontend
from geo.language.i18n import Language


def page_head(language: Language) -> str:
    """The HTML the dashboard puts at the top of every page (run through ``st.html`` with its scripts)."""
    call = f"geo.setPageLanguage({json.dumps(language.html_lang)}, {json.dumps(language.direction)});"
    return f"<style>{frontend.stylesheet()}</style><script>{frontend.page_code()}\n{call}</script>"


def channel_code() -> str:
    """The page's channel to the server: the code of a Streamlit component (``geo/frontend/channel.js``)."""
    return frontend.text(frontend.CHANNEL_FILE)
