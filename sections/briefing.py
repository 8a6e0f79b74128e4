"""Briefing mode: a large map of one step, Previous / Next (also PageUp / PageDown), the caption and footnotes."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from geo import briefing, i18n
from geo.i18n import _
from geo.page import model
from geo.page.session import Key
from geo.page.step import step_html
from sections.widgets import claims_map, go_to_step, hand_view, language_switch, translated

if TYPE_CHECKING:
    from geo.dataset import Dataset


def briefing_page(data: Dataset, links: dict[str, str], number: int) -> None:
    """Step ``number`` of the briefing: title, map, navigation (what presentation clickers send), caption, sources."""
    all_steps = briefing.steps(data)
    step = all_steps[number - 1]
    title, switch = st.columns([5, 1])
    title.subheader(f"{i18n.number(step.number)}. {step.title}")
    language_switch(switch)
    claims_map(data, links, step.center, step.zoom, height=620)
    hand_view(model.step_view(data, step))
    back, where, forward, leave = st.columns([1, 2, 1, 1])
    if back.button(_("◀ Previous"), disabled=step.number == 1, key=Key.PREVIOUS, width="stretch", shortcut="PageUp"):
        go_to_step(step.number - 1)
    total = i18n.number(len(all_steps))
    where.markdown("**" + _("Step {step} of {total}").format(step=i18n.number(step.number), total=total) + "**")
    last = step.number == len(all_steps)
    if forward.button(_("Next ▶"), disabled=last, key=Key.NEXT, width="stretch", shortcut="PageDown"):
        go_to_step(step.number + 1)
    if leave.button(_("Exit briefing"), key=Key.EXIT, width="stretch"):
        go_to_step(None)
    if translated():
        st.caption(_("Step titles and captions are machine-assisted translations, not yet reviewed by a native "
                     "speaker; the English original is under the caption."))  # fmt: skip
    st.html(step_html(data, step, briefing.step_claims(data, step), len(all_steps)))
