"""Streamlit entry point: layout and widgets only; every rule lives in ``geo`` (the page's façade is ``geo.page``).

The page is made of named sections. ``?step=N`` shows :func:`briefing_page`; otherwise the
explorer: :func:`sidebar_filters`, :func:`upload_panel`, :func:`header`,
:func:`place_detail`, :func:`map_section` and :func:`tabs`. ``?lang=`` picks the interface
language (:mod:`geo.i18n`); every string shown here goes through ``_``.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING, Any

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo import briefing, i18n, settings, urls
from geo.dataset import Dataset
from geo.errors import DataValidationError
from geo.filters import FILTERS, FilterField, Filters, filters_from_params, filters_from_values
from geo.html import message_html
from geo.i18n import _
from geo.map import assets
from geo.map.assembly import app_map
from geo.map.handoff import view_script
from geo.map.legend import CAPTION, SUMMARIES_NOTE
from geo.page import about, model, state, tables
from geo.page.detail import cite_line, place_detail_html
from geo.page.downloads import DownloadShelf
from geo.page.head import page_head
from geo.page.header import count_line
from geo.page.session import Key
from geo.page.startup import load_prepared
from geo.page.step import step_html
from geo.page.uploads import add_layer, remove_layer
from geo.upload.layer import upload_layers

if TYPE_CHECKING:
    from collections.abc import Callable

    from geo.upload.layer import PreparedUpload

LANG = i18n.parse_lang(st.query_params.get(urls.LANG))
i18n.use(LANG)
PRESENTING = urls.STEP in st.query_params
st.set_page_config(
    page_title=_("Hikvision and the surveillance of Uyghurs: places and sources"),
    layout="wide",
    initial_sidebar_state="collapsed" if PRESENTING else "auto",
)


@st.cache_resource(show_spinner=False)
def dataset(data_dir: str) -> tuple[Dataset, dict[str, str]]:
    """Validated dataset and its published basemap URLs, once per data folder (shared, read-only).

    A restart with unchanged data and code reads the first page's preparation back from disk.
    """
    assets.install_static_assets()
    return load_prepared(data_dir)


def language_switch(where: Any) -> None:
    """The visible language switch; the choice is written to the URL (``?lang=``), so links keep it."""
    codes = list(i18n.LANGUAGES)
    chosen = where.selectbox(
        "Language · 语言 · تىل", codes, index=codes.index(LANG), format_func=i18n.language_name, key=Key.LANGUAGE
    )
    if chosen != LANG:
        others = {k: v for k, v in st.query_params.to_dict().items() if k != urls.LANG}
        st.query_params.from_dict(others | urls.language_params(chosen))
        st.rerun()


def page_fragment(function: Callable[..., Any]) -> Callable[..., Any]:
    """``st.fragment`` in the page's language (a fragment reruns in a new thread, whose context has none set)."""

    @functools.wraps(function)
    def in_page_language(*args: Any, **kwargs: Any) -> Any:
        i18n.use(LANG)
        return function(*args, **kwargs)

    return st.fragment(in_page_language)


def set_url(params: dict[str, str]) -> None:
    """Write the whole query (``from_dict({})`` sends the browser nothing; ``clear()`` does)."""
    if params:
        st.query_params.from_dict(params)
    else:
        st.query_params.clear()


def select_place(place_id: str | None) -> None:
    """Open (or close, with None) a place's detail view through the URL, in a whole-page rerun.

    Called from inside a fragment, whose URL message the rerun drops, so the next whole-page
    run sends the URL again, and the map's hand-off asserts the place (:func:`filtered_page`).
    """
    set_url(urls.place_params(st.query_params.to_dict(), place_id))
    st.session_state[Key.SEND_URL] = True
    st.rerun(scope="app")


def go_to_step(number: int | None) -> None:
    """Show briefing step ``number`` (None leaves briefing mode), through the URL; the language stays."""
    set_url(urls.step_params(number, LANG))
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
        feature_group_to_add=upload_layers(session.get(Key.UPLOADED), data.provinces,
                                           choropleth=session.get(Key.UPLOAD_CHOROPLETH, False)),
        center=center, zoom=zoom, height=height, key=Key.MAP, use_container_width=True,
        returned_objects=[],  # panning, zooming and clicking never rerun the script
    )  # fmt: skip


def hand_view(view_text: str, fit: Any = None, params: dict | None = None) -> None:
    """Hand the map a view (JSON), where to move (``fit``) and the URL's own parameters: a small script."""
    st.html(view_script(view_text, fit, params), unsafe_allow_javascript=True)


def briefing_page(data: Dataset, links: dict[str, str], number: int) -> None:
    """A large map of one step, Previous / Next (also PageUp / PageDown), the caption and footnotes."""
    all_steps = briefing.steps(data)
    step = all_steps[number - 1]
    claims_here = briefing.step_claims(data, step)
    title, switch = st.columns([5, 1])
    title.subheader(f"{i18n.number(step.number)}. {step.title}")
    language_switch(switch)
    claims_map(data, links, step.center, step.zoom, height=620)
    hand_view(model.step_view(data, step))
    back, where, forward, leave = st.columns([1, 2, 1, 1])
    # PageUp/PageDown: what presentation clickers send
    if back.button(_("◀ Previous"), disabled=step.number == 1, key=Key.PREVIOUS, width="stretch", shortcut="PageUp"):
        go_to_step(step.number - 1)
    total = i18n.number(len(all_steps))
    where.markdown("**" + _("Step {step} of {total}").format(step=i18n.number(step.number), total=total) + "**")
    last = step.number == len(all_steps)
    if forward.button(_("Next ▶"), disabled=last, key=Key.NEXT, width="stretch", shortcut="PageDown"):
        go_to_step(step.number + 1)
    if leave.button(_("Exit briefing"), key=Key.EXIT, width="stretch"):
        go_to_step(None)
    if LANG != i18n.DEFAULT:
        st.caption(_("Step titles and captions are in English until translated."))
    st.html(step_html(data, step, claims_here, len(all_steps)))


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
    """One widget per entry of ``geo.filters.FILTERS``, starting from the URL's filters."""
    values = {f.attr: filter_widget(f, data, getattr(initial, f.attr), bounds) for f in FILTERS}
    st.caption(_("Empty means all. Undated claims drop out once the year range is narrowed."))
    return filters_from_values(values, bounds)


def on_add_layer(data: Dataset) -> None:
    """The "Add layer" button's callback: runs before the page, in the page's language, so the map shows the layer."""
    i18n.use(i18n.parse_lang(st.query_params.get(urls.LANG)))  # callbacks run before the page sets its language
    add_layer(st.session_state, data)


def upload_panel(data: Dataset) -> None:
    """Add, report on and remove the visitor's own layer (kept in this session only)."""
    session = st.session_state
    with st.expander(_("Add your own layer"), expanded=Key.UPLOADED in session or Key.UPLOAD_ERROR in session):
        st.caption(_("CSV, GeoJSON or GeoPackage. It stays in your session only: never stored, never shown to others."))
        upload = st.file_uploader(_("File"), type=["csv", "txt", "geojson", "json", "gpkg"], key=Key.UPLOAD_FILE)
        st.text_input(_("Layer name (required)"), key=Key.UPLOAD_NAME)
        st.text_input(_("Source or attribution (required)"), key=Key.UPLOAD_SOURCE)
        if upload is not None:  # the upload code is imported when a file is given, not on every page
            from geo.upload.read import coordinate_column_defaults, upload_columns

            columns = upload_columns(upload.name, upload.getvalue())
            if columns:
                lat_index, lon_index = coordinate_column_defaults(columns)
                st.selectbox(_("Latitude column"), columns, index=lat_index, key=Key.UPLOAD_LAT)
                st.selectbox(_("Longitude column"), columns, index=lon_index, key=Key.UPLOAD_LON)
        st.text_input(_("Coordinate system of a CSV"), value="EPSG:4326", key=Key.UPLOAD_CRS)
        st.button(_("Add layer"), key=Key.UPLOAD_ADD, disabled=upload is None, on_click=on_add_layer, args=(data,))
        if Key.UPLOAD_ERROR in session:
            st.html(message_html("error", session.pop(Key.UPLOAD_ERROR)))
        if Key.UPLOADED in session:  # messages here, not above the map, so the map is not re-mounted
            added = session[Key.UPLOADED].layer
            note = _("Your layer “{name}” (source: {source}): {summary}.").format(
                name=added.name, source=added.attribution, summary=added.summary
            )
            st.html(message_html("info", " ".join([note, *added.notes])))
            if added.problems:
                left_out = _("{count} row(s) left out: see the “Your layer” tab.")
                st.caption(left_out.format(count=i18n.number(len(added.problems))))
            st.checkbox(_("Shade provinces by my points"), key=Key.UPLOAD_CHOROPLETH)
            st.button(_("Remove my layer"), key=Key.UPLOAD_REMOVE, on_click=remove_layer, args=(session,))


def header() -> Any:
    """Title and language switch; returns the slot of the line with the count, filled once the filters are read."""
    title, switch = st.columns([5, 1], vertical_alignment="bottom")
    title.markdown("## " + _("Hikvision and the surveillance of Uyghurs: a sourced map"))
    language_switch(switch)
    count_slot = st.empty()
    if LANG != i18n.DEFAULT:
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


def map_section(data: Dataset, links: dict[str, str], params: dict) -> Any:
    """The map (never rerunning the script on pan, zoom or click) and the 12-provinces panel; returns the view's slot."""
    center, zoom = state.map_view(params, state.selected_place(params, data), data)
    claims_map(data, links, center, zoom)
    view_slot = st.empty()
    st.caption(_(CAPTION))
    st.html(model.dataset_summary(data).twelve_provinces)
    return view_slot


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
        _("Briefing pack: offline map, one slide PNG and A4 PDF per briefing step, CSV, GeoPackage, bibliography.")
    )


def upload_tab(mine: PreparedUpload | None) -> None:
    """The visitor's layer: left-out rows, its rows, points per province, nearest places, CSV downloads."""
    from geo.upload.read import problems_table

    if not mine:
        st.markdown(_("Add your own layer in the sidebar (“Add your own layer”) to compare it with this dataset."))
        return
    source = _("source: {source}").format(source=mine.layer.attribution)
    st.html(message_html("info", f"{mine.layer.name} · {source} · {mine.layer.summary}"))
    if mine.layer.problems:
        left_out = _("{count} row(s) left out (row numbers count the header as row 1):")
        st.markdown("**" + left_out.format(count=i18n.number(len(mine.layer.problems))) + "**")
        st.dataframe(problems_table(mine.layer), hide_index=True)
    table(mine.layer.points.drop(columns="geometry"), key="mine_rows")
    left, right = st.columns(2)
    with left:
        st.markdown("**" + _("Points per province") + "**")
        table(mine.provinces)
    with right:
        st.markdown("**" + _("Nearest mapped place") + "** (" + _("geodesic distance, WGS84") + ")")
        table(mine.nearest_summary)
    for index, (label, filename, make) in enumerate(mine.downloads()):
        st.download_button(label, data=make, file_name=filename, mime="text/csv", on_click="ignore", key=f"mine_{index}")


def corrections_tab(data: Dataset, selected: str | None) -> None:
    """The public corrections log: every change to a published row, newest first, filterable by place."""
    from geo.page.corrections import INTRO, corrections_for, places_with_corrections

    st.markdown(_(INTRO))
    if LANG != i18n.DEFAULT:
        st.caption(_("The log's entries are in English."))
    choices = {"": _("All places"), **places_with_corrections(data)}  # labels made now, in the page's language
    options = list(choices)
    place = st.selectbox(
        _("Place"), options, index=options.index(selected) if selected in options else 0, format_func=choices.get,
        key=Key.CORRECTIONS_PLACE,
    )  # fmt: skip
    table(corrections_for(data, place or None), links={"evidence link": _("open")}, key="corrections_table")


def about_tab(data: Dataset) -> None:
    """The method, who translated the page, the article's known errors and the dataset version."""
    st.markdown(about.method_markdown())
    st.subheader(_("Languages and translation"))
    st.markdown(about.translations_markdown())
    st.subheader(_("The article's known errors and how they are handled"))
    st.html(model.dataset_summary(data).known_errors)
    st.caption(_("Dataset version {version}, last updated {updated}.").format(version=data.version,
                                                                                 updated=i18n.date(data.updated)))


def claims_tab(view: model.FilteredView) -> None:
    """One row per shown claim, with its source link."""
    if LANG != i18n.DEFAULT:
        st.caption(_(SUMMARIES_NOTE))
    table(view.claims, links={"link": _("source")})


def sources_tab(view: model.FilteredView) -> None:
    """Who cites or relays whom, and the sources behind the shown claims."""
    st.graphviz_chart(view.citation_graph)
    table(view.sources, links={"link": _("open"), "archive": _("archive")})


@page_fragment
def tabs(data: Dataset, view: model.FilteredView, selected: str | None) -> None:
    """Places, claims, sources, timeline, downloads, the visitor's layer, corrections and the method.

    Only the open tab is built and sent (switching tabs reruns this fragment alone).
    """
    sections = {
        _("Places"): lambda: places_tab(view),
        _("Claims"): lambda: claims_tab(view),
        _("Sources and citation chain"): lambda: sources_tab(view),
        _("Timeline"): lambda: st.vega_lite_chart(spec=view.timeline, width="stretch"),
        _("Downloads"): lambda: downloads_tab(data, view),
        _("Your layer"): lambda: upload_tab(st.session_state.get(Key.UPLOADED)),
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
    slots["view"] = map_section(data, links, params)
    st.sidebar.header(_("Filters"))  # the sidebar gets a write before the fragment fills in its filters
    filtered_page(data, slots)
    with st.sidebar:
        upload_panel(data)  # its buttons act in callbacks, before a whole-page run draws the map


@page_fragment
def filtered_page(data: Dataset, slots: dict[str, Any]) -> None:
    """The filters (in the sidebar) and what follows them: the count, the detail view, the map's view and the tabs."""
    params = st.query_params.to_dict()
    bounds = model.dataset_summary(data).year_bounds
    with st.sidebar:
        filters = sidebar_filters(data, filters_from_params(params, years=bounds), bounds)
    wanted = state.wanted_params(params, filters)
    if wanted != params or st.session_state.pop(Key.SEND_URL, False):
        set_url(wanted)
    view = model.filtered_view(data, filters)
    selected = state.selected_place(params, data)
    with slots["view"]:
        hand_view(view.map_json, state.page_fit(st.session_state, filters, view.bounds, params),
                  state.owned_params(selected))  # fmt: skip
    slots["count"].markdown(count_line(data, len(view.shown)))
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

query = st.query_params.to_dict()
step_number = briefing.parse_step(query.get(urls.STEP), len(data.briefing))
if step_number:
    briefing_page(data, basemap_links, step_number)
else:
    explorer(data, basemap_links, query)
