"""The page's address: the only code that reads or writes ``st.query_params``, and the page's channel.

Each run reads the address once (:func:`read`) into a :class:`geo.page.state.PageState`;
every move makes a new state and comes here to be written (:func:`write`, or :func:`go`,
which also reruns the page). The browser's own moves (Back, Forward) and the page's links
and map reach the server in the same session: Streamlit reruns the page for Back and
Forward, and the page's channel (:func:`channel`) carries a link's move and the map's view.
Where the address changed from outside the widgets, the widgets take its values
(:func:`follow_the_address`); otherwise the widgets hold the visitor's latest choice.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from geo.page import head, language
from geo.page.session import Key
from geo.page.state import PageState, WidgetChoices, remember_explorer, reported_view, widget_values, without_view

_CHANNEL = st.components.v2.component("geo_channel", html="", js=head.channel_code())


def read() -> PageState:
    """The state the address names, read as text (:meth:`PageState.within` checks it against the dataset).

    The map's view is the one it last reported, when it reported it at this address (the
    browser's address shows it already; Streamlit learns it with the next write).
    """
    arriving = st.session_state.get(Key.ARRIVING)
    if isinstance(arriving, PageState):  # a move asked for (go): this run shows it, and writes it once drawn
        return arriving
    state = PageState.parse(st.query_params.to_dict(), embedded=bool(st.context.is_embedded))
    view = reported_view(st.session_state.get(Key.VIEW_REPORT) or {}, state)
    return state if view is None else state.with_view(view)


def write(state: PageState) -> None:
    """Make the address say ``state``, when it says another place, filters, step or language (in this order).

    A view alone is not written: the browser's address shows the map's view already (the
    page puts it there, ``page.js``), and the session knows it (:func:`read`). It rides along
    with the next write, so a pan adds nothing to the browser's history, and no write of the
    server's races the browser's own Back and Forward.
    """
    params = state.params()
    if without_view(st.query_params.to_dict()) != without_view(params):
        if params:
            st.query_params.from_dict(params)
        else:
            st.query_params.clear()  # from_dict({}) sends the browser nothing
    st.session_state[Key.SEEN] = state.with_view(None).params()
    st.session_state.pop(Key.ARRIVING, None)


def go(current: PageState, target: PageState) -> None:
    """Move the visitor to ``target`` in this session: the whole page reruns there and writes it, once drawn.

    The address is written once, by that run, not by the run cut short here (a fragment's,
    say): a write from a run cut short can reach the browser late, after the map has already
    said its new view, and make a second step in its history; and a write at the very start of
    a run can come before the browser has taken the run's start, which drops it. Entering a
    briefing remembers where the explorer was.
    """
    remember_explorer(st.session_state, current, target)
    st.session_state[Key.GOING] = target
    st.rerun(scope="app")


def arrive() -> None:
    """The whole page's first step: a move asked for (:func:`go`) is what this run shows (:func:`read`), until written."""
    target = st.session_state.pop(Key.GOING, None)
    if isinstance(target, PageState):
        st.session_state[Key.ARRIVING] = target


def follow_the_address(state: PageState, choices: WidgetChoices) -> None:
    """The widgets' values: the address's for a widget not yet drawn, or when the address changed from outside.

    The address this session last saw or wrote is kept (without the map's view: no widget
    shows it); a different one now came from outside (Back, Forward, a typed or shared link),
    and the widgets follow it. Otherwise a drawn widget keeps its value: the visitor's latest
    choice. Called before the widgets are drawn (they take their value from the session,
    never from a default).
    """
    session = st.session_state
    params = state.with_view(None).params()
    outside = session.get(Key.SEEN) not in (None, params)
    for key, value in widget_values(state, choices).items():
        if outside or key not in session:
            session[key] = value
    session[Key.SEEN] = params


def _taken_here() -> None:
    """A trigger's callback: the fragment's run takes the value (a callback makes Streamlit hand it over)."""


@st.fragment
def channel(places: frozenset[str], steps: int) -> None:
    """The page's channel (``geo/frontend/channel.js``): the map's view and the visitor's moves from links.

    A view reruns this fragment alone, which keeps it with the address it was seen at: the
    page's state takes it while it is at that address (:func:`read`), and the next write says
    it (the browser shows it already). Nothing is written now: a write racing the browser's
    Back would land on the entry the visitor went back to. A move (a place, or a briefing step
    of ``steps``) reruns the page in the state it names; an unknown place or step is ignored.
    Both arrive as trigger values: each is taken once, by the run it arrived with.
    """
    result: Any = _CHANNEL(key=Key.CHANNEL, on_view_change=_taken_here, on_go_change=_taken_here)
    if isinstance(result.view, dict):
        st.session_state[Key.VIEW_REPORT] = result.view
    state = read()
    language.use(state.language)
    intent = result.go if isinstance(result.go, dict) else {}
    place, step = intent.get("place"), intent.get("step")
    if isinstance(place, str) and place in places:
        go(state, state.opening(place))
    elif isinstance(step, int) and 1 <= step <= steps:
        go(state, state.at_step(step, state.briefing if state.presenting else None))
