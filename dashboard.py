"""Streamlit entry point: layout and widgets only; every rule lives in ``geo``, reached through its façade ``geo.page``.

Each run reads the page's address once into a state (:mod:`sections.address`, the only code
that reads or writes it): ``?step=N`` shows briefing mode (:mod:`sections.briefing`);
otherwise the explorer: the header, the place's detail view, the map and the filters here,
the tabs (:mod:`sections.tabs`) and the visitor's own layer (:mod:`sections.upload`).
``?lang=`` picks the interface language; every string shown goes through ``_``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from geo.page import downloads, language, model, startup, state
from geo.page.corrections import changed_since_html
from geo.page.downloads import DownloadShelf
from geo.page.head import page_head
from geo.page.header import CAPTION, SUMMARIES_NOTE, briefing_link_html, count_line
from geo.page.language import _, translated
from geo.page.own_steps import presented
from geo.page.place import detail_html
from geo.page.session import Key
from geo.page.state import FILTERS, FilterField, Filters, PageState, filters_from_values
from geo.page.uploads import held_layer
from sections import address, server_fixes
from sections.briefing import briefing_page
from sections.my_briefing import add_view_control, my_briefing_tab
from sections.tabs import about_tab, claims_tab, corrections_tab, measures_tab, places_tab, sources_tab, timeline_tab
from sections.upload import upload_panel, upload_tab
from sections.widgets import claims_map, embed_popover, hand_view, language_switch, page_fragment, select_place

server_fixes.apply()  # Streamlit server bugs that lose a visitor's work (once per process)
address.arrive()  # a move the visitor asked for in the last run is this run's
page = address.read()  # the address, read once for this run
language.use(page.language)
startup.use_few_arenas()  # before the script threads that would each take an arena (geo.upload.memory)
st.set_page_config(
    page_title=_("Hikvision and the surveillance of Uyghurs: places and sources"),
    layout="wide",
    initial_sidebar_state="collapsed" if page.presenting else "auto",
)
#: The year slider's widget key (a brush on the timeline sets it).
YEARS_KEY = next(f.attr for f in FILTERS if f.kind == "years")


@st.cache_resource(show_spinner=False)
def dataset(data_dir: str) -> tuple[model.Dataset, dict[str, str]]:
    """Validated dataset and its published basemap URLs, once per data folder (shared, read-only).

    A restart with unchanged data and code reads the first page's preparation back from disk.
    """
    return startup.start(data_dir)


def filter_widget(field: FilterField, data: model.Dataset, bounds: tuple[int, int]) -> Any:
    """The sidebar widget of one filter (its kind decides which); its value is in the session (the address's first)."""
    label = _(field.label)
    if field.kind == "text":
        return st.text_input(label, placeholder=field.placeholder, key=field.attr)
    if field.kind == "years":
        return st.slider(label, bounds[0], bounds[1], key=field.attr)
    choices = field.choices(data)
    return st.multiselect(label, list(choices), format_func=choices.get, key=field.attr, placeholder=_("Choose options"))


def sidebar_filters(data: model.Dataset, bounds: tuple[int, int]) -> Filters:
    """One widget per entry of ``FILTERS``."""
    values = {f.attr: filter_widget(f, data, bounds) for f in FILTERS}
    st.caption(_("Empty means all. Undated claims drop out once the year range is narrowed."))
    return filters_from_values(values, bounds)


def header(where: PageState) -> Any:
    """Title, language switch and the way into the briefing; returns the count line's slot, filled once filtered."""
    title, switch = st.columns([5, 1], vertical_alignment="bottom")
    title.markdown("## " + _("Hikvision and the surveillance of Uyghurs: a sourced map"))
    language_switch(switch, where)
    count_slot = st.empty()
    st.html(briefing_link_html())
    if translated():
        st.caption(_(SUMMARIES_NOTE))
    return count_slot


def place_detail(data: model.Dataset, selected: str, shown: Any) -> None:
    """The open place's names, claims by source and "cite this" line, with a way to close it."""
    with st.container(border=True):
        st.html(detail_html(data, selected, shown, str(st.context.url or ""), dt.date.today().isoformat()))
        if st.button(_("Close the detail view"), key=Key.CLOSE_DETAIL):
            select_place(None)


def map_section(data: model.Dataset, links: dict[str, str], where: PageState) -> tuple[Any, Any]:
    """The map (never rerunning the script on pan, zoom or click) and the 12-provinces panel.

    Returns the slots the filters fill: the map's view, and "Add this view to my briefing" under the map.
    """
    center, zoom = state.map_view(state.opened_with(st.session_state, where), data)  # the same map all session
    claims_map(data, links, center, zoom)
    view_slot, add_slot = st.empty(), st.container()
    st.caption(_(CAPTION))
    st.html(model.dataset_summary(data).twelve_provinces)
    return view_slot, add_slot


def downloads_tab(data: model.Dataset, view: model.FilteredView) -> None:
    """One button per export format, each handing over a file already made; slow ones have a "Make" button first."""
    st.markdown(
        _(
            "Files of **what is shown: {shown} of {total} claims** (the current filters). The same files come from "
            "`python -m geo export --format NAME` with the same filter options."
        ).format(shown=language.number(len(view.shown)), total=language.number(len(data.claims)))
    )
    shelf = DownloadShelf(st.session_state, view, str(st.context.url or ""))
    columns = st.columns(2)
    for index, exporter in enumerate(downloads.exporters().values()):
        column, label = columns[index % 2], _(exporter.label)
        content = shelf.ready(exporter)
        if content is None:
            if not column.button(_("Make: {format}").format(format=label), key=f"make_{exporter.name}"):
                continue
            with column, st.spinner(_("Making {file}…").format(file=exporter.filename)):
                content = shelf.make(exporter)
        column.download_button(
            f"{label} · {language.number(round(len(content) / 1024))} KB", data=content, file_name=exporter.filename,
            mime=exporter.mime, on_click="ignore", key=f"download_{exporter.name}",
        )  # fmt: skip
    st.caption(
        _("Briefing pack: offline map, one slide PNG and A4 PDF per briefing step, the PowerPoint deck, CSV, "
          "GeoPackage, bibliography.")
    )


@page_fragment
def tabs(data: model.Dataset, view: model.FilteredView, selected: str | None) -> None:
    """Places, claims, sources, timeline, downloads, the visitor's layer, corrections and the method.

    Only the open tab is built and sent (switching tabs reruns this fragment alone).
    """
    sections = {
        _("Places"): lambda: places_tab(view),
        _("Claims"): lambda: claims_tab(view),
        _("Sources and citation chain"): lambda: sources_tab(data, view),
        _("Timeline"): lambda: timeline_tab(view, model.dataset_summary(data).year_bounds),
        _("Government measures"): lambda: measures_tab(data),
        _("Downloads"): lambda: downloads_tab(data, view),
        _("My briefing"): lambda: my_briefing_tab(data, data.briefing),
        _("Your layer"): lambda: upload_tab(held_layer(st.session_state)),
        _("Corrections"): lambda: corrections_tab(data, selected),
        _("About and method"): lambda: about_tab(data),
    }  # fmt: skip
    labels, session = list(sections), st.session_state
    if Key.TAB not in session:  # back from a briefing (the tabs were not drawn there): the tab the visitor had open
        session[Key.TAB] = labels[min(session.get(Key.OPEN_TAB, 0), len(labels) - 1)]
    panes = st.tabs(labels, key=Key.TAB, on_change="rerun")
    for index, (pane, section) in enumerate(zip(panes, sections.values(), strict=True)):
        if pane.open:
            session[Key.OPEN_TAB] = index
            with pane:
                section()


def explorer(data: model.Dataset, links: dict[str, str], where: PageState) -> None:
    """The explorer: the map first (the same whatever the filters), then one fragment for what follows the filters."""
    slots = {"count": header(where), "detail": st.container()}
    if where.since:  # ?since=VERSION: a presenter's deck is that release; what changed after it comes first
        st.html(changed_since_html(data, where.since))
    slots["view"], slots["add"] = map_section(data, links, where)
    st.sidebar.header(_("Filters"))  # the sidebar gets a write before the fragment fills in its filters
    filtered_page(data, slots)
    with st.sidebar:
        upload_panel(data)  # its buttons act in callbacks, before a whole-page run draws the map


@page_fragment
def filtered_page(data: model.Dataset, slots: dict[str, Any]) -> None:
    """The filters (in the sidebar) and what follows them: the count, the detail view, the map's view and the tabs.

    A filter change reruns this fragment alone: the map gets a new view, not a new map.
    """
    bounds = model.dataset_summary(data).year_bounds
    where = address.read().within(places_of(data), bounds)  # this run's own reading (a fragment reruns alone)
    address.follow_the_address(where, widget_choices(data, bounds))
    if Key.SET_YEARS in st.session_state:  # brushed on the timeline: the slider moves there
        st.session_state[YEARS_KEY] = st.session_state.pop(Key.SET_YEARS)
    with st.sidebar:
        where = where.with_filters(sidebar_filters(data, bounds))
    address.write(where)
    view = model.filtered_view(data, where.filters)
    with slots["view"]:
        place = state.place_bounds(data, where.place) if where.place else None
        hand_view(view.map_json, state.page_fit(st.session_state, where, view.bounds, place), where)
    slots["count"].markdown(count_line(data, len(view.shown)))
    add, share = slots["add"].columns(2)
    add_view_control(data, view.shown, where, add)
    embed_popover(share, where, _("Hikvision and the surveillance of Uyghurs: a sourced map"))
    if where.place:
        with slots["detail"]:
            place_detail(data, where.place, view.shown)
    tabs(data, view, where.place)


def places_of(data: model.Dataset) -> frozenset[str]:
    """The ids of the places a link may open."""
    return frozenset(data.places["id"])


def widget_choices(data: model.Dataset, bounds: tuple[int, int]) -> state.WidgetChoices:
    """What the page's widgets may hold: the year range, and each choice filter's options."""
    return state.WidgetChoices(bounds, {f.attr: frozenset(f.choices(data)) for f in FILTERS if f.kind == "choices"})


st.html(page_head(language.language()), unsafe_allow_javascript=True)
try:
    data, basemap_links = dataset(startup.data_dir())
except startup.DataValidationError as error:
    st.error(
        _(
            "The dataset failed validation, so this app shows nothing from it: it cannot show unvalidated data. "
            "The validator's report (file, row, field, problem) is below; fix the files and reload."
        )
    )
    st.code("\n".join(str(p) for p in error.problems), language=None)
    st.stop()

data = model.localized(data, language.current())  # the evidence in the page's language, English where not translated
places, years = places_of(data), model.dataset_summary(data).year_bounds
page = page.within(places, years)
address.follow_the_address(page, widget_choices(data, years))  # before any widget
own, problem = presented(st.session_state, data, page.briefing) if page.presenting else (None, None)
steps = data.briefing if own is None else own
if problem:
    st.error(problem)
if page.presenting and not problem:
    briefing_page(data, basemap_links, page, min(page.step, len(steps)), own)
    address.write(page)  # the explorer writes its own, with its filters (filtered_page)
else:
    explorer(data, basemap_links, page)
address.channel(places, len(steps))
