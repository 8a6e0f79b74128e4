"""Briefing mode: one step on one screen (map beside its caption and footnotes), with the keys a clicker sends.

The steps are the shipped briefing or the presenter's own (:mod:`sections.my_briefing`),
which travels in the URL (``?briefing=``) or, when too long for a link, stays in this
browser session; nothing is stored on the server.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from geo.page import briefing
from geo.page.language import _, translated
from geo.page.session import Key
from geo.page.state import explorer_after
from sections import address
from sections.widgets import claims_map, embed_popover, go_to_step, hand_view, language_switch

if TYPE_CHECKING:
    import pandas as pd

    from geo.page.model import Dataset
    from geo.page.state import PageState


def briefing_page(
    data: Dataset, links: dict[str, str], state: PageState, number: int, table: pd.DataFrame | None = None
) -> None:
    """Step ``number`` of ``table`` (the shipped briefing when None): title, then the map beside the text.

    Everything fits the first screen at 1280×720 (the map's height follows the window); arrows,
    PageUp/PageDown and Home/End move through the steps, as presentation clickers send them.
    """
    all_steps = briefing.steps(data, table)
    step = all_steps[number - 1]
    last = len(all_steps)
    title, screen, share, leave, switch = st.columns([7, 2, 2, 2, 3], vertical_alignment="center")
    title.html(briefing.title_html(step))
    with screen:
        st.html(briefing.fullscreen_button())
    if leave.button(_("Exit briefing"), key=Key.EXIT, width="stretch"):
        address.go(state, explorer_after(st.session_state, state))  # back where the explorer was
    embed_popover(share, state, step.title)
    language_switch(switch, state, compact=True)
    picture, text = st.columns([1, 1])
    with picture, st.container(key=Key.BRIEFING_MAP):
        claims_map(data, links, step.center, step.zoom, height=560)
    hand_view(briefing.step_view(data, step), briefing.frame(step), state)  # the step's own frame, whatever its width
    with text, st.container(key=Key.BRIEFING_TEXT):
        first, back, forward, end = st.columns([2, 3, 3, 2], vertical_alignment="center")  # icons: Streamlit's own font
        if first.button(_("First step"), icon=":material/first_page:", disabled=step.number == 1, key=Key.FIRST,
                        shortcut="Home", width="stretch"):  # fmt: skip
            go_to_step(1)
        if back.button(_("Previous"), icon=":material/navigate_before:", disabled=step.number == 1, key=Key.PREVIOUS,
                       width="stretch", shortcut="PageUp"):  # fmt: skip
            go_to_step(step.number - 1)
        if forward.button(_("Next"), icon=":material/navigate_next:", disabled=step.number == last, key=Key.NEXT,
                          width="stretch", shortcut="PageDown"):  # fmt: skip
            go_to_step(step.number + 1)
        if end.button(_("Last step"), icon=":material/last_page:", disabled=step.number == last, key=Key.LAST,
                      shortcut="End", width="stretch"):  # fmt: skip
            go_to_step(last)
        st.html(briefing.step_html(data, step, briefing.step_claims(data, step), last))
        if table is None and translated():
            st.caption(_("Step titles and captions are machine-assisted translations, not yet reviewed by a native "
                         "speaker; the English original is under the caption."))  # fmt: skip
    if table is not None and state.kept_in_tab:
        st.caption(_("Your own briefing, kept in this browser tab only: download it from “My briefing” to keep it."))
