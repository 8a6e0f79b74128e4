"""What the visitor can take elsewhere: the embed snippet of the view on screen, and a link that presents a briefing.

Both open a new page somewhere else (another site, another tab): the visitor's own layer and
steps stay in this tab, and the page says so where it offers them.
"""

from __future__ import annotations

from urllib.parse import urlencode

from geo import urls
from geo.html.embed import app_snippet, embeddable
from geo.page.state import PageState


def embed_snippet(state: PageState, page_url: str, title: str) -> str | None:
    """The ``<iframe>`` of what is on screen (language, filters, place or step), or None: a briefing kept in this tab."""
    params = embeddable(state.params())
    return None if params is None else app_snippet(urls.app_base(page_url), params, title)


def briefing_link(page_url: str, link: str, language: str) -> str:
    """The address that presents the briefing ``link`` holds (``geo.rules.briefing_file.to_link``) from step 1."""
    query = PageState(language=language).at_step(1, link).params()
    return f"{urls.app_base(page_url)}/?{urlencode(query)}"
