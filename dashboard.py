"""Streamlit entry point: layout and widgets only; all logic lives in ``geo``.

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

from geo import briefing, i18n, settings
from geo.dataset import Dataset
from geo.errors import DataValidationError
from geo.filters import FILTERS, FilterField, Filters, filters_from_params, filters_from_values
from geo.html import message_html
from geo.i18n import _
from geo.map import assets
from geo.map.basemap import base_map
from geo.map.legend import CAPTION, SUMMARIES_NOTE
from geo.map.overlays import app_model, claim_layers, claim_view, view_json, view_message, view_script
from geo.page import about, model, state, tables
from geo.page.css import page_css
from geo.page.detail import cite_line, place_detail_html
from geo.page.step import step_html
from geo.page.warm import load_prepared
from geo.upload.layer import upload_layers
from geo.urls import app_base, step_url

if TYPE_CHECKING:
    from collections.abc import Callable

    from geo.upload.layer import PreparedUpload

LANG = i18n.parse_lang(st.query_params.get("lang"))
i18n.use(LANG)
PRESENTING = "step" in st.query_params
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


def page_language() -> None:
    """The page's language and direction for browsers and screen readers, and right-to-left layout for Uyghur."""
    language = i18n.language()
    st.html(
        f"<script>document.documentElement.lang = {language.html_lang!r};</script>"
        f"<style>{page_css(language.direction)}</style>",
        unsafe_allow_javascript=True,
    )


def language_switch(where: Any) -> None:
    """The visible language switch; the choice is written to the URL (``?lang=``), so links keep it."""
    codes = list(i18n.LANGUAGES)
    chosen = where.selectbox(
        "Language · 语言 · تىل", codes, index=codes.index(LANG), format_func=i18n.language_name, key="language"
    )
    if chosen != LANG:
        if chosen == i18n.DEFAULT:
            del st.query_params["lang"]
        else:
            st.query_params["lang"] = chosen
        st.rerun()


def page_fragment(function: Callable[..., Any]) -> Callable[..., Any]:
    """``st.fragment`` in the page's language.

    A fragment reruns alone, in a new script thread whose context has no language set, so
    each run sets it first (the language only changes with a whole-page run).
    """

    @functools.wraps(function)
    def in_page_language(*args: Any, **kwargs: Any) -> Any:
        i18n.use(LANG)
        return function(*args, **kwargs)

    return st.fragment(in_page_language)


def select_place(place_id: str | None) -> None:
    """Open (or close, with None) a place's detail view through the URL, in a whole-page rerun.

    Called from inside the filtered page's fragment, whose URL message the rerun drops, so
    the next run sends the URL again (:func:`filtered_page`).
    """
    if place_id:
        st.query_params["place"] = place_id
    elif "place" in st.query_params:
        del st.query_params["place"]
    st.session_state["send_url"] = True
    st.rerun(scope="app")


def go_to_step(number: int | None) -> None:
    """Show briefing step ``number`` (None leaves briefing mode), through the URL; the language stays."""
    st.query_params.clear()
    if LANG != i18n.DEFAULT:
        st.query_params["lang"] = LANG
    if number:
        st.query_params["step"] = str(number)
    st.rerun()


def table(frame: pd.DataFrame, *, links: dict[str, str] | None = None, **options: Any) -> Any:
    """``st.dataframe`` with headings in the page's language; ``links`` maps link columns to their link text."""
    headings = tables.headers(frame)
    config: dict[str, Any] = {column: st.column_config.Column(heading) for column, heading in headings.items()}
    for column, text in (links or {}).items():
        config[column] = st.column_config.LinkColumn(headings.get(column, column), display_text=text)
    return st.dataframe(frame, hide_index=True, column_config=config, **options)


def claims_map(data: Dataset, links: dict[str, str], **view: Any) -> None:
    """The map with every claim in it: the same element on every rerun, whatever the filters.

    Which claims show is a view the page hands over afterwards (:func:`hand_view`), so a
    filter change re-sends a few kilobytes, not the map, and a first page sends the map
    before it has read the filters. ``view`` is ``center``, ``zoom`` and ``height``; the
    visitor's own layer rides in ``feature_group_to_add``.
    """
    fmap = base_map(data, links=links)
    first = view_message(model.default_map_view(data)[0])  # drawn at once; the page's view follows if it differs
    claim_layers(app_model(data), fmap.web_tiles, first, shapes_url=links.get("provinces", "")).add_to(fmap)
    mine = st.session_state.get("uploaded")
    choropleth = st.session_state.get("upload_choropleth", False)
    st_folium(
        fmap,
        feature_group_to_add=upload_layers(mine, data.provinces, choropleth=choropleth),
        center=view.get("center"),
        zoom=view.get("zoom"),
        returned_objects=[],  # panning, zooming and clicking never rerun the script
        use_container_width=True,
        height=view.get("height", 560),
        key="map",
    )


def hand_view(view_text: str, fit: Any = None) -> None:
    """Hand the map a view (which claims show, JSON) and where to move (``fit``): a small script, not a new map."""
    st.html(view_script(view_text, fit), unsafe_allow_javascript=True)


def briefing_page(data: Dataset, links: dict[str, str], number: int) -> None:
    """A large map of one step, Previous / Next (also PageUp / PageDown), the caption and footnotes."""
    all_steps = briefing.steps(data)
    step = all_steps[number - 1]
    claims_here = briefing.step_claims(data, step)
    title, switch = st.columns([5, 1])
    title.subheader(f"{i18n.number(step.number)}. {step.title}")
    language_switch(switch)
    claims_map(data, links, center=step.center, zoom=step.zoom, height=620)
    hand_view(view_json(claim_view(data, claims_here)))
    back, where, forward, leave = st.columns([1, 2, 1, 1])
    # PageUp/PageDown: what presentation clickers send
    if back.button(_("◀ Previous"), disabled=step.number == 1, key="previous", width="stretch", shortcut="PageUp"):
        go_to_step(step.number - 1)
    where.markdown(
        "**"
        + _("Step {step} of {total}").format(step=i18n.number(step.number), total=i18n.number(len(all_steps)))
        + "**"
    )
    last = step.number == len(all_steps)
    if forward.button(_("Next ▶"), disabled=last, key="next", width="stretch", shortcut="PageDown"):
        go_to_step(step.number + 1)
    if leave.button(_("Exit briefing"), key="exit", width="stretch"):
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


def add_layer(data: Dataset) -> None:
    """The "Add layer" button's callback (so before the page reruns): read, check and keep the visitor's file.

    Runs before the script body, so the map, sent early in the page, already draws the new
    layer. A refused file changes nothing (an earlier layer stays); its message waits in
    the session for the upload panel.
    """
    from geo.errors import UploadError
    from geo.upload.layer import prepare as prepare_upload
    from geo.upload.read import read_upload

    i18n.use(i18n.parse_lang(st.query_params.get("lang")))  # callbacks run before the page sets its language
    state_ = st.session_state
    upload = state_.get("upload_file")
    if upload is None:
        return
    try:
        layer = read_upload(
            upload.name,
            upload.getvalue(),
            name=state_.get("upload_name", ""),
            attribution=state_.get("upload_source", ""),
            lat_column=state_.get("upload_lat"),
            lon_column=state_.get("upload_lon"),
            crs=state_.get("upload_crs"),
        )
        state_["uploaded"] = prepare_upload(layer, data)
    except UploadError as error:  # nothing from a refused file is applied; an earlier layer stays
        state_["upload_error"] = f"{upload.name}: {error}"


def remove_layer() -> None:
    """The "Remove my layer" button's callback: the map of this very run no longer draws it."""
    st.session_state.pop("uploaded", None)


def upload_panel(data: Dataset) -> None:
    """Add, report on and remove the visitor's own layer (kept in this session only)."""
    with st.expander(
        _("Add your own layer"), expanded="uploaded" in st.session_state or "upload_error" in st.session_state
    ):
        st.caption(_("CSV, GeoJSON or GeoPackage. It stays in your session only: never stored, never shown to others."))
        upload = st.file_uploader(_("File"), type=["csv", "txt", "geojson", "json", "gpkg"], key="upload_file")
        st.text_input(_("Layer name (required)"), key="upload_name")
        st.text_input(_("Source or attribution (required)"), key="upload_source")
        if upload is not None:  # the upload code is imported when a file is given, not on every page
            from geo.upload.read import coordinate_column_defaults, upload_columns

            columns = upload_columns(upload.name, upload.getvalue())
            if columns:
                lat_index, lon_index = coordinate_column_defaults(columns)
                st.selectbox(_("Latitude column"), columns, index=lat_index, key="upload_lat")
                st.selectbox(_("Longitude column"), columns, index=lon_index, key="upload_lon")
        st.text_input(_("Coordinate system of a CSV"), value="EPSG:4326", key="upload_crs")
        st.button(_("Add layer"), key="upload_add", disabled=upload is None, on_click=add_layer, args=(data,))
        if "upload_error" in st.session_state:
            st.html(message_html("error", st.session_state.pop("upload_error")))
        if "uploaded" in st.session_state:  # messages here, not above the map, so the map is not re-mounted
            added = st.session_state["uploaded"].layer
            note = _("Your layer “{name}” (source: {source}): {summary}.").format(
                name=added.name, source=added.attribution, summary=added.summary
            )
            st.html(message_html("info", " ".join([note, *added.notes])))
            if added.problems:
                st.caption(
                    _("{count} row(s) left out: see the “Your layer” tab.").format(
                        count=i18n.number(len(added.problems))
                    )
                )
            st.checkbox(_("Shade provinces by my points"), key="upload_choropleth")
            st.button(_("Remove my layer"), key="upload_remove", on_click=remove_layer)


def header() -> Any:
    """Title and language switch; returns the slot of the line with the count, filled once the filters are read."""
    title, switch = st.columns([5, 1], vertical_alignment="bottom")
    title.markdown("## " + _("Hikvision and the surveillance of Uyghurs: a sourced map"))
    language_switch(switch)
    count_slot = st.empty()
    if LANG != i18n.DEFAULT:
        st.caption(_(SUMMARIES_NOTE))
    return count_slot


def count_line(data: Dataset, shown_count: int) -> str:
    """The count of shown claims, provenance and the way into the briefing (Markdown)."""
    shown = _("{shown} of {total} claims shown").format(
        shown=i18n.number(shown_count), total=i18n.number(len(data.claims))
    )
    about_line = _(
        "every place named in one GHRD article (Putro, 2023) with the sources that support or correct it · "
        "dataset version {version} ({updated})"
    ).format(version=data.version, updated=i18n.date(data.updated))
    start = _("▶ Start the briefing")
    return f"**{shown}** · {about_line} · [{start}]({step_url(1)})"


def place_detail(data: Dataset, selected: str, shown: Any) -> None:
    """The open place's names, claims by source and "cite this" line, with a way to close it."""
    with st.container(border=True):
        place = data.places.set_index("id", drop=False).loc[selected]
        cite = cite_line(data, place, str(st.context.url or ""), dt.date.today().isoformat())
        st.html(place_detail_html(data, selected, shown, cite))
        if st.button(_("Close the detail view"), key="close_detail"):
            select_place(None)


def fit_target(view: model.FilteredView, filters: Filters, params: dict[str, str]) -> list[list[float]] | str | None:
    """Where the map moves for these filters (unless the view in the URL the page opened with still holds)."""
    if "opened_with" not in st.session_state:  # the filters and view this session opened with
        st.session_state["opened_with"] = (filters, "zoom" in params)
    opened_filters, opened_with_view = st.session_state["opened_with"]
    return state.fit_target(filters, view.bounds, kept_view=opened_with_view and filters == opened_filters)


def map_section(data: Dataset, links: dict[str, str], params: dict) -> Any:
    """The map (never rerunning the script on pan, zoom or click; legend and labels on it) and the 12-provinces panel.

    Returns the slot where the view goes, right after the map, once the filters are read.
    """
    center, zoom = state.map_view(params, state.selected_place(params, data), data)
    claims_map(data, links, center=center, zoom=zoom)
    view_slot = st.empty()
    st.caption(_(CAPTION))
    st.html(model.dataset_summary(data).twelve_provinces)
    return view_slot


def places_tab(view: model.FilteredView) -> None:
    """Places of the shown claims: a picker that opens a place's detail view, and the table (each name a link).

    Both are keyboard routes to every ring on the map. The tabs rerun on their own, so a
    pick asks for a whole-page rerun: the detail view sits above the map, outside the tabs.
    """
    if st.session_state.pop("clear_place_picker", False):  # after a pick: an empty picker, so closing does not reopen
        st.session_state["place_picker"] = ""
    places = view.places
    choices = {"": "", **dict(zip(places["id"], places["place"], strict=True))}
    picked = st.selectbox(
        _("Open a place's detail view"), list(choices), format_func=choices.get, key="place_picker",
        placeholder=_("Choose a place"),
    )  # fmt: skip
    if picked:
        st.session_state["clear_place_picker"] = True
        select_place(picked)
    st.html(tables.places_html(places))


def downloads_tab(data: Dataset, view: model.FilteredView) -> None:
    """One button per export format, in the page's language; figures, the offline map and the pack on request.

    Every button hands over a file already made (not a function run on click), so a click
    always gets its file, even while the page is rerunning after a filter change. The small
    formats are made when the tab opens; the slow ones when asked for, then kept for this
    session and these filters.
    """
    from geo.export.formats import EXPORTERS  # the export stack is imported when the Downloads tab first opens

    st.markdown(
        _(
            "Files of **what is shown: {shown} of {total} claims** (the current filters). The same files come from "
            "`python -m geo export --format NAME` with the same filter options."
        ).format(shown=i18n.number(len(view.shown)), total=i18n.number(len(data.claims)))
    )
    app_url = app_base(str(st.context.url or ""))
    prepared = st.session_state.setdefault("prepared_files", {})
    columns = st.columns(2)
    for index, exporter in enumerate(EXPORTERS.values()):
        column, label = columns[index % 2], _(exporter.label)
        key = (exporter.name, view.filters, LANG, app_url)
        if exporter.slow and key not in prepared:
            if column.button(_("Make: {format}").format(format=label), key=f"make_{exporter.name}"):
                if any(k[1:] != key[1:] for k in prepared):  # files of other filters or another language go
                    prepared.clear()
                with column, st.spinner(_("Making {file}…").format(file=exporter.filename)):
                    prepared[key] = exporter.write(data, view.shown, app_url)
            if key not in prepared:
                continue
        content = prepared[key] if exporter.slow else model.export_bytes(view, exporter.name, app_url)
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
        st.download_button(
            label, data=make, file_name=filename, mime="text/csv", on_click="ignore", key=f"mine_{index}"
        )


def corrections_tab(data: Dataset, selected: str | None) -> None:
    """The public corrections log: every change to a published row, newest first, filterable by place."""
    from geo.page.corrections import corrections_for, places_with_corrections

    st.markdown(
        _(
            "Every change to a published row since the first release, newest first, with what it was, what it is, "
            "why, and the evidence. Nothing is removed silently: a claim that no longer stands stays, marked "
            "*retracted*, with the reason. `python -m geo validate` fails if a published row changes without an "
            "entry here."
        )
    )
    if LANG != i18n.DEFAULT:
        st.caption(_("The log's entries are in English."))
    choices = {"": _("All places"), **places_with_corrections(data)}  # labels made now, in the page's language
    options = list(choices)
    place = st.selectbox(
        _("Place"), options, index=options.index(selected) if selected in options else 0, format_func=choices.get,
        key="corrections_place",
    )  # fmt: skip
    table(corrections_for(data, place or None), links={"evidence link": _("open")}, key="corrections_table")


def about_tab(data: Dataset) -> None:
    """The method, who translated the page, the article's known errors and the dataset version."""
    st.markdown(about.method_markdown())
    st.subheader(_("Languages and translation"))
    st.markdown(about.translations_markdown())
    st.subheader(_("The article's known errors and how they are handled"))
    st.html(model.dataset_summary(data).known_errors)
    st.caption(
        _("Dataset version {version}, last updated {updated}.").format(
            version=data.version, updated=i18n.date(data.updated)
        )
    )


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

    Only the open tab is built and sent (switching tabs reruns this fragment alone, not the
    page), so a first page and a filter change do not pay for six tabs nobody is looking at.
    """
    sections = {
        _("Places"): lambda: places_tab(view),
        _("Claims"): lambda: claims_tab(view),
        _("Sources and citation chain"): lambda: sources_tab(view),
        _("Timeline"): lambda: st.vega_lite_chart(spec=view.timeline, width="stretch"),
        _("Downloads"): lambda: downloads_tab(data, view),
        _("Your layer"): lambda: upload_tab(st.session_state.get("uploaded")),
        _("Corrections"): lambda: corrections_tab(data, selected),
        _("About and method"): lambda: about_tab(data),
    }
    for pane, section in zip(st.tabs(list(sections), key="tab", on_change="rerun"), sections.values(), strict=True):
        if pane.open:
            with pane:
                section()


def explorer(data: Dataset, links: dict[str, str], params: dict[str, str]) -> None:
    """The explorer: filters and upload in the sidebar; header, detail, map and tabs in the main area.

    The map goes out first (it is the same whatever the filters); everything that follows
    the filters is one fragment (:func:`filtered_page`), so a filter change reruns that
    part alone and the map gets a new view, not a new map.
    """
    slots = {"count": header(), "detail": st.container()}
    slots["view"] = map_section(data, links, params)  # the map first: it does not depend on the filters
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
    if wanted != params or st.session_state.pop("send_url", False):
        if wanted:
            st.query_params.from_dict(wanted)
        else:  # from_dict({}) sends the browser nothing; clear() does
            st.query_params.clear()
    view = model.filtered_view(data, filters)
    with slots["view"]:
        hand_view(view.map_json, fit_target(view, filters, params))
    slots["count"].markdown(count_line(data, len(view.shown)))
    selected = state.selected_place(params, data)
    if selected:
        with slots["detail"]:
            place_detail(data, selected, view.shown)
    tabs(data, view, selected)


page_language()
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
step_number = briefing.parse_step(query.get("step"), len(data.briefing))
if step_number:
    briefing_page(data, basemap_links, step_number)
else:
    explorer(data, basemap_links, query)
