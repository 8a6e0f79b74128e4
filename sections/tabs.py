"""The tabs under the map (but Downloads, in ``dashboard.py``): each builds its content only when it is open."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from geo.page import about, language, model, tables
from geo.page.header import SUMMARIES_NOTE
from geo.page.language import _, translated
from geo.page.session import Key
from sections import address
from sections.widgets import select_place, table

if TYPE_CHECKING:
    from geo.page.model import Dataset


def places_tab(view: model.FilteredView) -> None:
    """Places of the shown claims: a picker that opens a place's detail view, and the table (each name a link).

    Both are keyboard routes to every ring on the map. The tabs rerun on their own, so a
    pick asks for a whole-page rerun: the detail view sits above the map, outside the tabs.
    """
    picks = st.session_state.get(Key.PLACE_PICKS, 0)  # a new, empty picker after each pick (see Key.PLACE_PICKS)
    choices = {"": "", **dict(zip(view.places["id"], view.places["place"], strict=True))}
    picked = st.selectbox(
        _("Open a place's detail view"), list(choices), format_func=choices.get, key=f"{Key.PLACE_PICKER}_{picks}",
        placeholder=_("Choose a place"),
    )  # fmt: skip
    if picked:
        st.session_state[Key.PLACE_PICKS] = picks + 1
        select_place(picked)
    st.html(tables.places_html(view.places))


def corrections_tab(data: Dataset, selected: str | None) -> None:
    """The public corrections log: every change to a published row, newest first, filterable by place."""
    from geo.page.corrections import INTRO, corrections_for, places_with_corrections

    st.markdown(_(INTRO))
    changes_since_release(data)
    if translated():
        st.caption(_("The log's entries are in English."))
    choices = {"": _("All places"), **places_with_corrections(data)}  # labels made now, in the page's language
    options = list(choices)
    place = st.selectbox(
        _("Place"), options, index=options.index(selected) if selected in options else 0, format_func=choices.get,
        key=Key.CORRECTIONS_PLACE,
    )  # fmt: skip
    table(corrections_for(data, place or None), links={"evidence link": _("open")}, key="corrections_table")


def changes_since_release(data: Dataset) -> None:
    """"Changed since…": a release picked here (or ``?since=``) lists what changed after it; the address says it.

    The picker follows the address (Back, a shared link) unless the visitor has just picked: then
    the whole page moves to the release picked, and the address says it.
    """
    from geo.page.corrections import changed_since, earlier_releases

    session, state = st.session_state, address.read()
    options = ["", *earlier_releases(data)]
    if session.pop(Key.CHANGES_SINCE_PICKED, False):
        picked = session.get(Key.CHANGES_SINCE) or None
        if picked != state.since:
            address.go(state, state.changed_since(picked))
    else:
        session[Key.CHANGES_SINCE] = state.since if state.since in options else ""
    since = st.selectbox(_("Changed since release"), options, format_func=lambda v: v or "—", key=Key.CHANGES_SINCE,
                         on_change=session.__setitem__, args=(Key.CHANGES_SINCE_PICKED, True))  # fmt: skip
    if since:
        counted, changes = changed_since(data, since)
        st.markdown(", ".join(f"**{language.number(n)}** {label}" for label, n in counted.items()))
        table(changes, links={"evidence link": _("open")}, key="changes_table")


def about_tab(data: Dataset) -> None:
    """The method, who translated the page, the article's known errors and the dataset version."""
    st.markdown(about.method_markdown())
    st.subheader(_("Languages and translation"))
    st.markdown(about.translations_markdown())
    st.subheader(_("The article's known errors and how they are handled"))
    st.html(model.dataset_summary(data).known_errors)
    st.caption(_("Dataset version {version}, last updated {updated}.").format(version=data.version,
                                                                                 updated=language.date(data.updated)))


def claims_tab(view: model.FilteredView) -> None:
    """One row per shown claim, with its source link and how it was checked (the passage read, evidence against)."""
    if translated():
        st.caption(_(SUMMARIES_NOTE))
    st.caption(_("Each claim's check: the passage its quote was read in, where and when, and the search for evidence "
                 "against its status. A place's detail view shows the same under “How we checked this”."))  # fmt: skip
    table(view.claims, links={"link": _("source"), "read at": _("page read")})


def sources_tab(data: Dataset, view: model.FilteredView) -> None:
    """Who cites or relays whom, the sources behind the shown claims, and how any one of them was checked."""
    from geo.page.tables import source_audit_html, source_audits, source_choices

    st.graphviz_chart(view.citation_graph)
    table(view.sources, links={"link": _("open"), "archive": _("archive"), "read at": _("page read")})
    choices = {"": "", **source_choices(data)}
    picked = st.selectbox(
        _("How a source was checked"), list(choices), format_func=choices.get, key=Key.SOURCE_AUDIT,
        placeholder=_("Choose a source"),
    )  # fmt: skip
    if picked:
        record = data.sources.loc[data.sources["id"] == picked].iloc[0].to_dict()
        st.html(source_audit_html(record, source_audits(data).get(picked), data.claims))


def measures_tab(data: Dataset) -> None:
    """Where governments acted on Hikvision, each measure with its number, date and standing, and what was not found."""
    from geo.page import measures

    st.caption(_("Designations, bans and orders that name Hikvision, its subsidiaries or the police it contracted with, "
                 "each read in the instrument or, where its text was not reachable, in a named report. A place's "
                 "detail view shows the measures that name it, with their words."))  # fmt: skip
    st.vega_lite_chart(spec=measures.world_spec(data), width="stretch")
    read_at = _("Read at")
    st.dataframe(measures.measures_table(data), hide_index=True, width="stretch",
                 column_config={read_at: st.column_config.LinkColumn(read_at)})  # fmt: skip
    st.subheader(_("Searched, not found in the pages read"))
    st.dataframe(measures.searches_table(data), hide_index=True, width="stretch",
                 column_config={read_at: st.column_config.LinkColumn(read_at)})  # fmt: skip


def timeline_tab(view: model.FilteredView, bounds: tuple[int, int]) -> None:
    """The timeline; dragging across it picks years, which become the year filter (the slider says so too).

    The slider stays the filter's one home (a chart's selection cannot be set from the URL):
    a brush sets the slider's value, as if the slider had moved (``from``/``to`` in the URL follow).
    """
    from geo.page.charts import BRUSH, brushed_years

    st.caption(_("Drag across the chart to show those years on the map; the “Years” filter follows."))
    state = st.vega_lite_chart(spec=view.timeline, width="stretch", on_select="rerun", selection_mode=BRUSH,
                               key=Key.TIMELINE)  # fmt: skip
    picked = brushed_years(state)
    if picked is None:
        return
    picked = (max(picked[0], bounds[0]), min(picked[1], bounds[1]))
    current = (view.filters.years[0] or bounds[0], view.filters.years[1] or bounds[1])
    if picked != current:
        # The slider takes them before it is drawn (dashboard.filtered_page), and the URL follows it as always.
        st.session_state[Key.SET_YEARS] = picked
        st.rerun(scope="app")
