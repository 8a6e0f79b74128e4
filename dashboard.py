"""Streamlit entry point: layout and widgets only; every rule lives in ``geo`` (the page's façade is ``geo.page``).

``?step=N`` shows briefing mode (:mod:`sections.briefing`); otherwise the explorer: the
header, the place's detail view, the map and the filters here, the tabs
(:mod:`sections.tabs`) and the visitor's own layer (:mod:`sections.upload`). ``?lang=``
picks the interface language (:mod:`geo.language.i18n`); every string shown goes through ``_``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from geo import settings, urls
from geo.errors import DataValidationError
from geo.evidence.content import localized
from geo.evidence.dataset import Dataset
from geo.html.detail import cite_line, place_detail_html
from geo.html.legend import CAPTION, SUMMARIES_NOTE
from geo.language import i18n
from geo.language.i18n import _
from geo.map import assets
from geo.page import model, state
from geo.page.downloads import DownloadShelf
from geo.page.head import page_head
from geo.page.header import count_line
from geo.page.session import Key
from geo.page.startup import load_prepared
from geo.page.uploads import held_layer
from geo.rules import briefing
from geo.rules.filters import FILTERS, FilterField, Filters, filters_from_params, filters_from_values
from geo.upload.memory import use_few_arenas
from sections.briefing import briefing_page
from sections.my_briefing import add_view_control, my_briefing_tab, presented_table
from sections.tabs import about_tab, claims_tab, corrections_tab, places_tab, sources_tab, timeline_tab
from sections.upload import upload_panel, upload_tab
from sections.widgets import (
    claims_map,
    embed_popover,
    hand_view,
    language_switch,
    page_fragment,
    select_place,
    set_url,
    translated,
)

i18n.use(i18n.parse_lang(st.query_params.get(urls.LANG)))
use_few_arenas()  # before the script threads that would each take an arena (geo.upload.memory)
st.set_page_config(
    page_title=_("Hikvision and the surveillance of Uyghurs: places and sources"),
    layout="wide",
    initial_sidebar_state="collapsed" if urls.STEP in st.query_params else "auto",
)
#: The year slider's widget key (a brush on the timeline sets it).
YEARS_KEY = next(f.attr for f in FILTERS if f.kind == "years")


@st.cache_resource(show_spinner=False)
def dataset(data_dir: str) -> tuple[Dataset, dict[str, str]]:
    """Validated dataset and its published basemap URLs, once per data folder (shared, read-only).

    A restart with unchanged data and code reads the first page's preparation back from disk.
    """
    assets.install_static_assets()
    return load_prepared(data_dir)


def filter_widget(field: FilterField, data: Dataset, current: Any, bounds: tuple[int, int]) -> Any:
    """The sidebar widget of one filter (its kind decides which), showing ``current``."""
    label = _(field.label)
    if field.kind == "text":
        return st.text_input(label, value=current, placeholder=field.placeholder, key=field.attr)
    if field.kind == "years":
        chosen = (current[0] or bounds[0], current[1] or bounds[1])
        return st.slider(label, bounds[0], bounds[1], value=chosen, key=field.attr)
    choices = field.choices(data)
    return st.multiselect(
        label, list(choices), default=[v for v in current if v in choices], format_func=choices.get, key=field.attr,
        placeholder=_("Choose options"),
    )  # fmt: skip


def sidebar_filters(data: Dataset, initial: Filters, bounds: tuple[int, int]) -> Filters:
    """One widget per entry of ``geo.rules.filters.FILTERS``, starting from the URL's filters."""
    values = {f.attr: filter_widget(f, data, getattr(initial, f.attr), bounds) for f in FILTERS}
    st.caption(_("Empty means all. Undated claims drop out once the year range is narrowed."))
    return filters_from_values(values, bounds)


def header() -> Any:
    """Title and language switch; returns the slot of the line with the count, filled once the filters are read."""
    title, switch = st.columns([5, 1], vertical_alignment="bottom")
    title.markdown("## " + _("Hikvision and the surveillance of Uyghurs: a sourced map"))
    language_switch(switch)
    count_slot = st.empty()
    if translated():
        st.caption(_(SUMMARIES_NOTE))
    return count_slot


def place_detail(data: Dataset, selected: str, shown: Any) -> None:
    """The open place's names, claims by source and "cite this" line, with a way to close it."""
    with st.container(border=True):
        place = data.places.set_index("id", drop=False).loc[selected]
        cite = cite_line(data, place, str(st.context.url or ""), dt.date.today().isoformat())
        st.html(place_detail_html(data, selected, shown, cite))
        if st.button(_("Close the detail view"), key=Key.CLOSE_DETAIL):
            select_place(None)


def map_section(data: Dataset, links: dict[str, str], params: dict) -> tuple[Any, Any]:
    """The map (never rerunning the script on pan, zoom or click) and the 12-provinces panel.

    Returns the slots the filters fill: the map's view, and "Add this view to my briefing" under the map.
    """
    center, zoom = state.map_view(params, state.selected_place(params, data), data)
    claims_map(data, links, center, zoom)
    view_slot, add_slot = st.empty(), st.container()
    st.caption(_(CAPTION))
    st.html(model.dataset_summary(data).twelve_provinces)
    return view_slot, add_slot


def downloads_tab(data: Dataset, view: model.FilteredView) -> None:
    """One button per export format, each handing over a file already made; slow ones have a "Make" button first."""
    from geo.export.formats import EXPORTERS  # the export stack is imported when the Downloads tab first opens

    st.markdown(
        _(
            "Files of **what is shown: {shown} of {total} claims** (the current filters). The same files come from "
            "`python -m geo export --format NAME` with the same filter options."
        ).format(shown=i18n.number(len(view.shown)), total=i18n.number(len(data.claims)))
    )
    shelf = DownloadShelf(st.session_state, view, urls.app_base(str(st.context.url or "")))
    columns = st.columns(2)
    for index, exporter in enumerate(EXPORTERS.values()):
        column, label = columns[index % 2], _(exporter.label)
        content = shelf.ready(exporter)
        if content is None:
            if not column.button(_("Make: {format}").format(format=label), key=f"make_{exporter.name}"):
                continue
            with column, st.spinner(_("Making {file}…").format(file=exporter.filename)):
                content = shelf.make(exporter)
        column.download_button(
            f"{label} · {i18n.number(round(len(content) / 1024))} KB", data=content, file_name=exporter.filename,
            mime=exporter.mime, on_click="ignore", key=f"download_{exporter.name}",
        )  # fmt: skip
    st.caption(
        _("Briefing pack: offline map, one slide PNG and A4 PDF per briefing step, the PowerPoint deck, CSV, "
          "GeoPackage, bibliography.")
    )


@page_fragment
def tabs(data: Dataset, view: model.FilteredView, selected: str | None) -> None:
    """Places, claims, sources, timeline, downloads, the visitor's layer, corrections and the method.

    Only the open tab is built and sent (switching tabs reruns this fragment alone).
    """
    sections = {
        _("Places"): lambda: places_tab(view),
        _("Claims"): lambda: claims_tab(view),
        _("Sources and citation chain"): lambda: sources_tab(data, view),
        _("Timeline"): lambda: timeline_tab(view, model.dataset_summary(data).year_bounds),
        _("Downloads"): lambda: downloads_tab(data, view),
        _("My briefing"): lambda: my_briefing_tab(data, data.briefing),
        _("Your layer"): lambda: upload_tab(held_layer(st.session_state)),
        _("Corrections"): lambda: corrections_tab(data, selected),
        _("About and method"): lambda: about_tab(data),
    }  # fmt: skip
    for pane, section in zip(st.tabs(list(sections), key=Key.TAB, on_change="rerun"), sections.values(), strict=True):
        if pane.open:
            with pane:
                section()


def explorer(data: Dataset, links: dict[str, str], params: dict[str, str]) -> None:
    """The explorer: the map first (the same whatever the filters), then one fragment for what follows the filters."""
    slots = {"count": header(), "detail": st.container()}
    slots["view"], slots["add"] = map_section(data, links, params)
    st.sidebar.header(_("Filters"))  # the sidebar gets a write before the fragment fills in its filters
    filtered_page(data, slots)
    with st.sidebar:
        upload_panel(data)  # its buttons act in callbacks, before a whole-page run draws the map


@page_fragment
def filtered_page(data: Dataset, slots: dict[str, Any]) -> None:
    """The filters (in the sidebar) and what follows them: the count, the detail view, the map's view and the tabs.

    A filter change reruns this fragment alone: the map gets a new view, not a new map.
    """
    params = st.query_params.to_dict()
    bounds = model.dataset_summary(data).year_bounds
    if Key.SET_YEARS in st.session_state:  # brushed on the timeline: the slider moves there
        st.session_state[YEARS_KEY] = st.session_state.pop(Key.SET_YEARS)
    with st.sidebar:
        filters = sidebar_filters(data, filters_from_params(params, years=bounds), bounds)
    wanted = state.wanted_params(params, filters)
    if wanted != params or st.session_state.pop(Key.SEND_URL, False):
        set_url(wanted)
    view = model.filtered_view(data, filters)
    selected = state.selected_place(params, data)
    with slots["view"]:
        fit = state.page_fit(st.session_state, filters, view.bounds, params, selected)
        hand_view(view.map_json, fit, state.owned_params(selected))
    slots["count"].markdown(count_line(data, len(view.shown)))
    add, share = slots["add"].columns(2)
    add_view_control(data, view.shown, selected, add)
    embed_popover(share, _("Hikvision and the surveillance of Uyghurs: a sourced map"))
    if selected:
        with slots["detail"]:
            place_detail(data, selected, view.shown)
    tabs(data, view, selected)


st.html(page_head(i18n.language()), unsafe_allow_javascript=True)
try:
    data, basemap_links = dataset(str(settings.data_dir))
except DataValidationError as error:
    st.error(
        _(
            "The dataset failed validation, so this app shows nothing from it: it cannot show unvalidated data. "
            "The validator's report (file, row, field, problem) is below; fix the files and reload."
        )
    )
    st.code("\n".join(str(p) for p in error.problems), language=None)
    st.stop()

data = localized(data, i18n.current())  # the evidence in the page's language, English where not translated
query = st.query_params.to_dict()
own, problem = presented_table(data, query.get(urls.BRIEFING)) if urls.STEP in query else (None, None)
steps = data.briefing if own is None else own
step_number = None if problem else briefing.parse_step(query.get(urls.STEP), len(steps))
if problem:
    st.error(problem)
if step_number:
    briefing_page(data, basemap_links, step_number, own)
else:
    explorer(data, basemap_links, query)
