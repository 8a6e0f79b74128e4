"""What the sections share: the page's language in fragments, the URL writers, tables, the map and its view."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

import streamlit as st
from streamlit_folium import st_folium

from geo import urls
from geo.language import i18n
from geo.language.i18n import _
from geo.map.assembly import app_map
from geo.map.handoff import view_script
from geo.page import tables
from geo.page.session import Key
from geo.page.uploads import held_layer
from geo.upload.layer import upload_layers

if TYPE_CHECKING:
    from collections.abc import Callable

    import pandas as pd

    from geo.evidence.dataset import Dataset


def url_language() -> str:
    """The page's language, from ``?lang=`` (callbacks and fragments run before, or apart from, the page's set-up)."""
    return i18n.parse_lang(st.query_params.get(urls.LANG))


def page_fragment(function: Callable[..., Any]) -> Callable[..., Any]:
    """``st.fragment`` in the page's language (a fragment reruns in a new thread, whose context has none set)."""

    @functools.wraps(function)
    def in_page_language(*args: Any, **kwargs: Any) -> Any:
        i18n.use(url_language())
        return function(*args, **kwargs)

    return st.fragment(in_page_language)


def translated() -> bool:
    """Whether the page is in another language than the one the data's texts are written in."""
    return i18n.current() != i18n.DEFAULT


def set_url(params: dict[str, str]) -> None:
    """Write the whole query (``from_dict({})`` sends the browser nothing; ``clear()`` does)."""
    if params:
        st.query_params.from_dict(params)
    else:
        st.query_params.clear()


def select_place(place_id: str | None) -> None:
    """Open (or close, with None) a place's detail view through the URL, in a whole-page rerun.

    Called from inside a fragment, so the next whole-page run sends the URL again, and the
    map's hand-off asserts the place (``dashboard.filtered_page``).
    """
    set_url(urls.place_params(st.query_params.to_dict(), place_id))
    st.session_state[Key.SEND_URL] = True
    st.rerun(scope="app")


def go_to_step(number: int | None, own: str | None = None) -> None:
    """Show briefing step ``number`` (None leaves briefing mode), through the URL; the language and briefing stay.

    ``own`` starts the presenter's own briefing (its link value, or ``urls.MINE``); by default
    the briefing being shown is kept.
    """
    set_url(urls.step_params(number, i18n.current(), own or st.query_params.get(urls.BRIEFING)))
    st.rerun()


def language_switch(where: Any, *, compact: bool = False) -> None:
    """The visible language switch; the choice is written to the URL (``?lang=``), so links keep it.

    ``compact`` hides the label from sight (screen readers still read it), as a briefing needs its height.
    """
    codes, current = list(i18n.LANGUAGES), i18n.current()
    chosen = where.selectbox(
        "Language · 语言 · تىل", codes, index=codes.index(current), format_func=i18n.language_name, key=Key.LANGUAGE,
        label_visibility="collapsed" if compact else "visible",
    )  # fmt: skip
    if chosen != current:
        set_url(urls.with_language(st.query_params.to_dict(), chosen))
        st.rerun()


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


def hand_view(view_text: str, fit: Any = None, params: dict | None = None) -> None:
    """Hand the map a view (JSON), where to move (``fit``) and the URL's own parameters: a small script."""
    st.html(view_script(view_text, fit, params), unsafe_allow_javascript=True)


def embed_popover(where: Any, title: str) -> None:
    """"Embed this view": a copy-paste ``<iframe>`` of what is on screen (language, filters, place or step)."""
    from geo.html import embed

    with where.popover(_("Embed this view")):
        params = embed.embeddable(st.query_params.to_dict())
        if params is None:
            st.caption(_("A briefing kept in this browser tab cannot be embedded: download its file, or share its "
                         "link when it is short enough for one."))  # fmt: skip
            return
        st.caption(_("Paste this into a web page: the map as on screen, without the app's toolbar, and a link to the "
                     "full map with its sources."))  # fmt: skip
        st.code(embed.app_snippet(urls.app_base(str(st.context.url or "")), params, title), language="html",
                wrap_lines=True)  # fmt: skip
