"""The presenter's own briefing: "Add this view" under the map, and the "My briefing" tab that edits it.

Steps are rows in the schema of ``data/briefing.csv`` kept in this browser session
(:mod:`geo.page.own_steps`); the tab edits, reorders and removes them, presents them in
briefing mode, downloads them as a file or a PowerPoint deck, opens a file again, and
gives a link when the briefing is short enough for one. Nothing is stored on the server.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

import streamlit as st

from geo.page import language, own_steps, share
from geo.page.language import _, ngettext
from geo.page.markup import esc, message_html
from geo.page.session import Key
from sections import address
from sections.widgets import go_to_step

if TYPE_CHECKING:
    import pandas as pd

    from geo.page.model import Dataset
    from geo.page.state import PageState


def add_view_control(data: Dataset, shown: pd.DataFrame, state: PageState, where: Any) -> None:
    """The "Add this view to my briefing" popover: a title and caption; the view, place and claims shown become a step."""
    session = st.session_state
    with where.popover(_("Add this view to my briefing"), icon=":material/add:"):
        st.caption(_("The step keeps this map view, the open place and the {count} claims the filters show; its "
                     "footnotes follow from them.").format(count=language.number(len(shown))))  # fmt: skip
        with st.form(Key.ADD_STEP, clear_on_submit=True, border=False):
            title = st.text_input(_("Step title"), max_chars=own_steps.MAX_TITLE)
            caption = st.text_area(_("Caption (plain text)"), max_chars=own_steps.MAX_CAPTION, height=110)
            added = st.form_submit_button(_("Add step"), type="primary", disabled=shown.empty)  # a step rests on claims
        if added:
            number = len(own_steps.rows(session)) + 1
            title = title.strip() or _("Step {number}").format(number=language.number(number))
            caption = caption.strip() or ngettext("{count} claim shown.", "{count} claims shown.", len(shown)).format(
                count=language.number(len(shown)))  # fmt: skip
            row = own_steps.captured_step(data, shown, state.place, state.view, title, caption)
            own_steps.add(session, row)
            st.html(message_html("success", _("Step {number} added: “My briefing” (a tab below) edits, presents "
                                              "and downloads your steps.").format(number=language.number(number))))  # fmt: skip


def _edited(uid: int, field: str) -> None:
    own_steps.edit(st.session_state, uid, field, st.session_state[f"my_{field}_{uid}"])


def _open_file(data: Dataset) -> None:
    """The uploader's callback: a good file replaces the steps; a bad one changes nothing and says why."""
    language.use(address.read().language)
    session = st.session_state
    upload = session.get(Key.MY_UPLOAD)
    if upload is None:
        return
    try:
        table = own_steps.read_briefing_file(upload.getvalue(), data, upload.name)
    except own_steps.BriefingFileError as error:
        session[Key.MY_ERROR] = [str(p) for p in error.problems]
        return
    session.pop(Key.MY_ERROR, None)
    own_steps.replace(session, table)


def _step_card(data: Dataset, index: int, row: dict, count: int) -> None:
    session = st.session_state
    uid = row["uid"]
    with st.container(border=True):
        head, up, down, drop = st.columns([8, 1, 1, 1], vertical_alignment="center")
        where = data.places.set_index("id")["name_en"].get(row["place"], "") if row["place"] else _("a map view")
        summary = ngettext("{place} · zoom {zoom} · {count} claim", "{place} · zoom {zoom} · {count} claims",
                           len(row["claims"])).format(place=where, zoom=language.number(row["zoom"]),
                                                      count=language.number(len(row["claims"])))  # fmt: skip
        head.html(f"<strong>{esc(language.number(index + 1))}.</strong> {esc(summary)}")
        up.button("↑", key=f"my_up_{uid}", disabled=index == 0, help=_("Move up"), on_click=own_steps.move,
                  args=(session, index, -1))  # fmt: skip
        down.button("↓", key=f"my_down_{uid}", disabled=index == count - 1, help=_("Move down"),
                    on_click=own_steps.move, args=(session, index, +1))  # fmt: skip
        drop.button("✕", key=f"my_remove_{uid}", help=_("Remove this step"), on_click=own_steps.remove,
                    args=(session, index))  # fmt: skip
        st.text_input(_("Title"), value=row["title"], key=f"my_title_{uid}", max_chars=own_steps.MAX_TITLE,
                      on_change=_edited, args=(uid, "title"))  # fmt: skip
        st.text_area(_("Caption (plain text)"), value=row["caption"], key=f"my_caption_{uid}", height=90,
                     max_chars=own_steps.MAX_CAPTION, on_change=_edited, args=(uid, "caption"))  # fmt: skip


def _deck(data: Dataset, table: pd.DataFrame) -> None:
    """A PowerPoint of these steps: made on request (a few seconds a step), then downloaded."""
    session = st.session_state
    csv = own_steps.to_csv(table)
    key = (hashlib.sha256(csv).hexdigest(), language.current(), data.version)
    made = session.get(Key.MY_DECK)
    if made is None or made[0] != key:
        if not st.button(_("Make the PowerPoint deck"), key=Key.MY_MAKE_DECK):
            return
        with st.spinner(_("Making {file}…").format(file="my-briefing.pptx")):
            made = (key, *own_steps.deck(data, str(st.context.url or ""), table))
            session[Key.MY_DECK] = made
    st.download_button(_("PowerPoint · {size} KB").format(size=language.number(round(len(made[1]) / 1024))), made[1],
                       file_name="my-briefing.pptx", mime=made[2], on_click="ignore", key=Key.MY_DOWNLOAD_DECK)  # fmt: skip


def my_briefing_tab(data: Dataset, shipped: pd.DataFrame) -> None:
    """Edit, present, download, open and share the presenter's own briefing."""
    session = st.session_state
    st.markdown(_(
        "Build a briefing for your audience: set the filters, open a place or move the map, then **Add this view "
        "to my briefing** (under the map). Each step keeps its view, the claims shown and their sources as "
        "footnotes. Your steps stay in this browser tab only, never on the server: download the file to keep them."))  # fmt: skip
    opener, starter = st.columns([3, 2])
    opener.file_uploader(_("Open a briefing file (CSV, the schema of data/briefing.csv)"), type=["csv"],
                         key=Key.MY_UPLOAD, on_change=_open_file, args=(data,))  # fmt: skip
    starter.button(_("Start from the shipped briefing"), key=Key.MY_SHIPPED, on_click=own_steps.replace,
                   args=(session, shipped))  # fmt: skip
    for problem in session.get(Key.MY_ERROR, []):
        st.html(message_html("error", problem))
    if session.get(Key.MY_ERROR):
        st.caption(_("The file was not opened: your steps are unchanged."))
    rows = own_steps.rows(session)
    if not rows:
        st.html(message_html("info", _("No steps yet.")))
        return
    for index, row in enumerate(rows):
        _step_card(data, index, row, len(rows))
    try:
        table = own_steps.check(own_steps.table(session), data)
    except own_steps.BriefingFileError as error:
        st.html(message_html("error", str(error)))
        return
    link = own_steps.to_link(table)
    present, download = st.columns(2)
    if present.button(_("Present"), icon=":material/play_arrow:", key=Key.MY_PRESENT, type="primary", width="stretch"):
        go_to_step(1, own=link or own_steps.MINE)
    download.download_button(_("Download the briefing file (CSV)"), own_steps.to_csv(table),
                             file_name=own_steps.FILE_NAME, mime="text/csv", on_click="ignore",
                             key=Key.MY_DOWNLOAD, width="stretch")  # fmt: skip
    _deck(data, table)
    if link:
        st.caption(_("A link to present this briefing (it holds the steps; nothing is stored):"))
        st.code(share.briefing_link(str(st.context.url or ""), link, language.current()), language=None,
                wrap_lines=True)  # fmt: skip
        st.caption(_("Whoever opens it gets a new page, without your layer or your steps: they stay in this tab."))
    else:
        st.caption(_("Too long for a link: share the file, which anyone can open here."))
