"""Streamlit entry point: layout and widgets only; all logic lives in ``geo``.

The page is made of named sections. ``?step=N`` shows :func:`briefing_page`; otherwise the
explorer: :func:`sidebar_filters`, :func:`upload_panel`, :func:`header`,
:func:`place_detail`, :func:`map_section` and :func:`tabs`. ``?lang=`` picks the interface
language (:mod:`geo.i18n`); every string shown here goes through ``_``.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo import briefing, i18n, settings
from geo.dataset import Dataset, load_dataset
from geo.errors import DataValidationError, UploadError
from geo.export.formats import EXPORTERS
from geo.filters import FILTERS, FilterField, Filters, filters_from_params, filters_from_values
from geo.html import message_html
from geo.i18n import _
from geo.map import assets
from geo.map.basemap import base_map, basemap_layers
from geo.map.controls import FitToResults
from geo.map.legend import CAPTION, SUMMARIES_NOTE
from geo.map.overlays import claim_layers, layers_from_specs
from geo.page import about, model, state, tables
from geo.page.corrections import corrections_for, places_with_corrections
from geo.page.css import page_css
from geo.page.detail import cite_line, place_detail_html
from geo.page.step import step_html
from geo.upload.layer import PreparedUpload, upload_layers
from geo.upload.layer import prepare as prepare_upload
from geo.upload.read import coordinate_column_defaults, problems_table, read_upload, upload_columns
from geo.urls import app_base, step_url

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
    """Validated dataset and its published basemap URLs, once per data folder (shared, read-only)."""
    assets.install_static_assets()
    data = load_dataset(data_dir)
    return data, assets.publish_basemap(basemap_layers(data))


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


def select_place(place_id: str | None) -> None:
    """Open (or close, with None) a place's detail view through the URL."""
    if place_id:
        st.query_params["place"] = place_id
    elif "place" in st.query_params:
        del st.query_params["place"]
    st.rerun()


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


def briefing_page(data: Dataset, links: dict[str, str], number: int) -> None:
    """A large map of one step, Previous / Next (also PageUp / PageDown), the caption and footnotes."""
    all_steps = briefing.steps(data)
    step = all_steps[number - 1]
    claims_here = briefing.step_claims(data, step)
    title, switch = st.columns([5, 1])
    title.subheader(f"{i18n.number(step.number)}. {step.title}")
    language_switch(switch)
    st_folium(
        base_map(data, links=links),
        feature_group_to_add=claim_layers(data, claims_here),
        layer_control=folium.LayerControl(collapsed=True),
        center=step.center,
        zoom=step.zoom,
        returned_objects=[],
        use_container_width=True,
        height=620,
        key="map",
    )
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
    st.header(_("Filters"))
    values = {f.attr: filter_widget(f, data, getattr(initial, f.attr), bounds) for f in FILTERS}
    st.caption(_("Empty means all. Undated claims drop out once the year range is narrowed."))
    return filters_from_values(values, bounds)


def upload_panel(data: Dataset) -> None:
    """Add, report on and remove the visitor's own layer (kept in this session only)."""
    with st.expander(_("Add your own layer"), expanded="uploaded" in st.session_state):
        st.caption(_("CSV, GeoJSON or GeoPackage. It stays in your session only: never stored, never shown to others."))
        upload = st.file_uploader(_("File"), type=["csv", "txt", "geojson", "json", "gpkg"], key="upload_file")
        layer_name = st.text_input(_("Layer name (required)"), key="upload_name")
        attribution = st.text_input(_("Source or attribution (required)"), key="upload_source")
        columns = upload_columns(upload.name, upload.getvalue()) if upload else []
        lat_choice = lon_choice = None
        if columns:
            lat_index, lon_index = coordinate_column_defaults(columns)
            lat_choice = st.selectbox(_("Latitude column"), columns, index=lat_index, key="upload_lat")
            lon_choice = st.selectbox(_("Longitude column"), columns, index=lon_index, key="upload_lon")
        crs_choice = st.text_input(_("Coordinate system of a CSV"), value="EPSG:4326", key="upload_crs")
        if st.button(_("Add layer"), key="upload_add", disabled=upload is None):
            try:
                layer = read_upload(
                    upload.name,
                    upload.getvalue(),
                    name=layer_name,
                    attribution=attribution,
                    lat_column=lat_choice,
                    lon_column=lon_choice,
                    crs=crs_choice,
                )
                st.session_state["uploaded"] = prepare_upload(layer, data)
            except UploadError as error:  # nothing from a refused file is applied; an earlier layer stays
                st.html(message_html("error", f"{upload.name}: {error}"))
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
            if st.button(_("Remove my layer"), key="upload_remove"):
                del st.session_state["uploaded"]
                st.rerun()


def header(data: Dataset, shown_count: int) -> None:
    """Title, language switch, the count of shown claims, provenance and the way into the briefing (compact on phones)."""
    title, switch = st.columns([5, 1], vertical_alignment="bottom")
    title.markdown("## " + _("Hikvision and the surveillance of Uyghurs: a sourced map"))
    language_switch(switch)
    shown = _("{shown} of {total} claims shown").format(
        shown=i18n.number(shown_count), total=i18n.number(len(data.claims))
    )
    about_line = _(
        "every place named in one GHRD article (Putro, 2023) with the sources that support or correct it · "
        "dataset version {version} ({updated})"
    ).format(version=data.version, updated=i18n.date(data.updated))
    start = _("▶ Start the briefing")
    st.markdown(f"**{shown}** · {about_line} · [{start}]({step_url(1)})")
    if LANG != i18n.DEFAULT:
        st.caption(_(SUMMARIES_NOTE))


def place_detail(data: Dataset, selected: str, shown: Any) -> None:
    """The open place's names, claims by source and "cite this" line, with a way to close it."""
    with st.container(border=True):
        place = data.places.set_index("id", drop=False).loc[selected]
        cite = cite_line(data, place, str(st.context.url or ""), dt.date.today().isoformat())
        st.html(place_detail_html(data, selected, shown, cite))
        if st.button(_("Close the detail view"), key="close_detail"):
            select_place(None)


def fit_layer(view: model.FilteredView, filters: Filters, params: dict[str, str]) -> list[folium.FeatureGroup]:
    """A layer that moves the map to the results when the filters change (unless the URL's own view still holds)."""
    if "opened_with" not in st.session_state:  # the filters and view this session opened with
        st.session_state["opened_with"] = (filters, "zoom" in params)
    opened_filters, opened_with_view = st.session_state["opened_with"]
    target = state.fit_target(filters, view.bounds, kept_view=opened_with_view and filters == opened_filters)
    if target is None:
        return []
    group = folium.FeatureGroup(name="fit", control=False)
    FitToResults(target).add_to(group)
    return [group]


def map_section(
    data: Dataset,
    links: dict[str, str],
    view: model.FilteredView,
    mine: PreparedUpload | None,
    params: dict,
    filters: Filters,
) -> None:
    """The map (never rerunning the script on pan, zoom or click; legend and labels on it) and the 12-provinces panel."""
    center, zoom = state.map_view(params, state.selected_place(params, data), data)
    uploaded = (
        upload_layers(mine, data.provinces, choropleth=st.session_state.get("upload_choropleth", False)) if mine else []
    )
    st_folium(
        base_map(data, links=links),
        feature_group_to_add=layers_from_specs(view.layers) + uploaded + fit_layer(view, filters, params),
        layer_control=folium.LayerControl(collapsed=True),
        center=center,
        zoom=zoom,
        returned_objects=[],  # panning, zooming and clicking never rerun the script
        use_container_width=True,
        height=560,
        key="map",
    )
    st.caption(_(CAPTION))
    st.html(model.dataset_summary(data).twelve_provinces)


def places_tab(view: model.FilteredView, selected: str | None) -> None:
    """Places of the shown claims; picking a row opens its detail view (the keyboard route to every ring)."""
    place_rows = view.places
    picked = table(
        place_rows, links={"detail": _("open")}, on_select="rerun", selection_mode="single-row", key="places_table"
    )
    rows = picked.selection.rows if picked else []
    if rows and place_rows.loc[rows[0], "id"] != selected:
        select_place(str(place_rows.loc[rows[0], "id"]))


def downloads_tab(data: Dataset, shown: Any) -> None:
    """One button per export format, each file made on click from the shown claims, in the page's language."""
    st.markdown(
        _(
            "Files of **what is shown: {shown} of {total} claims** (the current filters). The same files come from "
            "`python -m geo export --format NAME` with the same filter options. Each file is made when you click."
        ).format(shown=i18n.number(len(shown)), total=i18n.number(len(data.claims)))
    )
    app_url = app_base(str(st.context.url or ""))
    columns = st.columns(2)
    for index, exporter in enumerate(EXPORTERS.values()):
        columns[index % 2].download_button(
            _(exporter.label),
            data=functools.partial(i18n.in_language, LANG, exporter.write, data, shown, app_url),
            file_name=exporter.filename,
            mime=exporter.mime,
            on_click="ignore",
            key=f"download_{exporter.name}",
        )
    st.caption(
        _("Briefing pack: offline map, one slide PNG and A4 PDF per briefing step, CSV, GeoPackage, bibliography.")
    )


def upload_tab(mine: PreparedUpload | None) -> None:
    """The visitor's layer: left-out rows, its rows, points per province, nearest places, CSV downloads."""
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


def tabs(data: Dataset, view: model.FilteredView, mine: PreparedUpload | None, selected: str | None) -> None:
    """Places, claims, sources, timeline, downloads, the visitor's layer, corrections and the method."""
    names = [_("Places"), _("Claims"), _("Sources and citation chain"), _("Timeline"), _("Downloads"),
             _("Your layer"), _("Corrections"), _("About and method")]  # fmt: skip
    tab_places, tab_claims, tab_sources, tab_time, tab_downloads, tab_mine, tab_fixes, tab_about = st.tabs(names)
    with tab_places:
        places_tab(view, selected)
    with tab_claims:
        if LANG != i18n.DEFAULT:
            st.caption(_(SUMMARIES_NOTE))
        table(view.claims, links={"link": _("source")})
    with tab_sources:
        st.graphviz_chart(view.citation_graph)
        table(view.sources, links={"link": _("open"), "archive": _("archive")})
    with tab_time:
        st.vega_lite_chart(spec=view.timeline, width="stretch")
    with tab_downloads:
        downloads_tab(data, view.shown)
    with tab_mine:
        upload_tab(mine)
    with tab_fixes:
        corrections_tab(data, selected)
    with tab_about:
        about_tab(data)


def explorer(data: Dataset, links: dict[str, str], params: dict[str, str]) -> None:
    """The explorer: filters and upload in the sidebar; header, detail, map and tabs in the main area."""
    bounds = model.dataset_summary(data).year_bounds
    with st.sidebar:
        filters = sidebar_filters(data, filters_from_params(params, years=bounds), bounds)
        upload_panel(data)
    wanted = state.wanted_params(params, filters)
    if wanted != params:
        st.query_params.from_dict(wanted)
    view = model.filtered_view(data, filters)
    selected = state.selected_place(params, data)
    header(data, len(view.shown))
    if selected:
        place_detail(data, selected, view.shown)
    mine = st.session_state.get("uploaded")
    map_section(data, links, view, mine, params, filters)
    tabs(data, view, mine, selected)


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
