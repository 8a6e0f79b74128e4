"""What the sections share: fragments in the page's language, the moves every part offers, tables, the map and its view."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

import streamlit as st
from streamlit_folium import st_folium

from geo.page import language, share, tables
from geo.page.language import _
from geo.page.mapview import app_map, upload_layers, view_script
from geo.page.session import Key, holds_work
from geo.page.uploads import held_layer
from sections import address

if TYPE_CHECKING:
    from collections.abc import Callable

    import pandas as pd

    from geo.page.model import Dataset
    from geo.page.state import PageState


def page_fragment(function: Callable[..., Any]) -> Callable[..., Any]:
    """``st.fragment`` in the page's language (a fragment reruns in a new thread, whose context has none set)."""

    @functools.wraps(function)
    def in_page_language(*args: Any, **kwargs: Any) -> Any:
        language.use(address.read().language)
        return function(*args, **kwargs)

    return st.fragment(in_page_language)


def select_place(place_id: str | None) -> None:
    """Open (or close, with None) a place's detail view, in this session: the whole page reruns with it."""
    state = address.read()
    address.go(state, state.opening(place_id))


def go_to_step(number: int, own: str | None = None) -> None:
    """Show briefing step ``number``; ``own`` starts the presenter's own briefing (its link value, or ``urls.MINE``).

    By default the briefing being shown is kept; the language always is.
    """
    state = address.read()
    address.go(state, state.next_step(number) if state.presenting and own is None else state.at_step(number, own))


def language_switch(where: Any, state: PageState, *, compact: bool = False) -> None:
    """The visible language switch; the choice is written to the address (``?lang=``), so links keep it.

    ``compact`` hides the label from sight (screen readers still read it), as a briefing needs its height. Its
    value is in the session, the address's first (``sections.address.follow_the_address``).
    """
    chosen = where.selectbox(
        "Language · 语言 · تىل", list(language.LANGUAGES), format_func=language.language_name, key=Key.LANGUAGE,
        label_visibility="collapsed" if compact else "visible",
    )  # fmt: skip
    if chosen != state.language:
        address.go(state, state.in_language(chosen))


def table(frame: pd.DataFrame, *, links: dict[str, str] | None = None, **options: Any) -> Any:
    """``st.dataframe`` with headings in the page's language; ``links`` maps link columns to their link text."""
    headings = tables.headers(frame)
    config: dict[str, Any] = {column: st.column_config.Column(heading) for column, heading in headings.items()}
    for column, text in (links or {}).items():
        config[column] = st.column_config.LinkColumn(headings.get(column, column), display_text=text)
    return st.dataframe(frame, hide_index=True, column_config=config, **options)


def claims_map(data: Dataset, links: dict[str, str], center: Any, zoom: int, height: int = 560) -> None:
    """The map with every claim in it, the same element on every rerun; the visitor's layer rides beside it.

    Which claims show is a view the page hands over afterwards (:func:`hand_view`), so a
    filter change re-sends a few kilobytes, not the map.
    """
    session = st.session_state
    st_folium(
        app_map(data, links, center, zoom),
        feature_group_to_add=upload_layers(held_layer(session), data.provinces,
                                           choropleth=session.get(Key.UPLOAD_CHOROPLETH, False)),
        center=center, zoom=zoom, height=height, key=Key.MAP, use_container_width=True,
        returned_objects=[],  # panning, zooming and clicking never rerun the script
    )  # fmt: skip


def hand_view(view_text: str, fit: Any, state: PageState) -> None:
    """Hand the map a view (JSON) and where to move (``fit``) for the page at ``state``; say whether leaving loses work.

    In the explorer the map reports its view back (the address says it); a briefing step frames its own.
    """
    script = view_script(view_text, fit, work=holds_work(st.session_state), report_view=not state.presenting, at=state.address_without_view)
    st.html(script, unsafe_allow_javascript=True)


def embed_popover(where: Any, state: PageState, title: str) -> None:
    """"Embed this view": a copy-paste ``<iframe>`` of what is on screen (language, filters, place or step)."""
    with where.popover(_("Embed this view")):
        snippet = share.embed_snippet(state, str(st.context.url or ""), title)
        if snippet is None:
            st.caption(_("A briefing kept in this browser tab cannot be embedded: download its file, or share its "
                         "link when it is short enough for one."))  # fmt: skip
            return
        st.caption(_("Paste this into a web page: the map as on screen, without the app's toolbar, and a link to the "
                     "full map with its sources."))  # fmt: skip
        st.caption(_("Whoever opens it gets a new page, without your layer or your steps: they stay in this tab."))
        st.code(snippet, language="html", wrap_lines=True)
