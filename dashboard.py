"""Streamlit entry point: layout and widgets only; all logic lives in ``geo``.

The page is made of named sections. ``?step=N`` shows :func:`briefing_page`; otherwise the
explorer: :func:`sidebar_filters`, :func:`upload_panel`, :func:`header`,
:func:`place_detail`, :func:`map_section` and :func:`tabs`.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import folium
import streamlit as st
from streamlit_folium import st_folium

from geo import briefing, settings
from geo.dataset import Dataset, load_dataset
from geo.errors import DataValidationError, UploadError
from geo.export.formats import EXPORTERS
from geo.filters import FILTERS, FilterField, Filters, filters_from_params, filters_from_values
from geo.html import message_html
from geo.map import assets
from geo.map.basemap import base_map, basemap_layers
from geo.map.legend import CAPTION
from geo.map.overlays import claim_layers, layers_from_specs
from geo.page import about, model, state
from geo.page.corrections import corrections_for, places_with_corrections
from geo.page.detail import cite_line, place_detail_html
from geo.page.step import step_html
from geo.upload.layer import PreparedUpload, upload_layers
from geo.upload.layer import prepare as prepare_upload
from geo.upload.read import coordinate_column_defaults, problems_table, read_upload, upload_columns
from geo.urls import app_base, step_url

PRESENTING = "step" in st.query_params
st.set_page_config(
    page_title="Hikvision and the surveillance of Uyghurs: places and sources",
    layout="wide",
    initial_sidebar_state="collapsed" if PRESENTING else "auto",
)


@st.cache_resource(show_spinner=False)
def dataset(data_dir: str) -> tuple[Dataset, dict[str, str]]:
    """Validated dataset and its published basemap URLs, once per data folder (shared, read-only)."""
    assets.install_static_assets()
    data = load_dataset(data_dir)
    return data, assets.publish_basemap(basemap_layers(data))


def select_place(place_id: str | None) -> None:
    """Open (or close, with None) a place's detail view through the URL."""
    if place_id:
        st.query_params["place"] = place_id
    elif "place" in st.query_params:
        del st.query_params["place"]
    st.rerun()


def go_to_step(number: int | None) -> None:
    """Show briefing step ``number`` (None leaves briefing mode), through the URL."""
    st.query_params.clear()
    if number:
        st.query_params["step"] = str(number)
    st.rerun()


def briefing_page(data: Dataset, links: dict[str, str], number: int) -> None:
    """A large map of one step, Previous / Next (also PageUp / PageDown), the caption and footnotes."""
    all_steps = briefing.steps(data)
    step = all_steps[number - 1]
    claims_here = briefing.step_claims(data, step)
    st.subheader(f"{step.number}. {step.title}")
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
    if back.button("◀ Previous", disabled=step.number == 1, key="previous", width="stretch", shortcut="PageUp"):
        go_to_step(step.number - 1)
    where.markdown(f"**Step {step.number} of {len(all_steps)}**")
    last = step.number == len(all_steps)
    if forward.button("Next ▶", disabled=last, key="next", width="stretch", shortcut="PageDown"):
        go_to_step(step.number + 1)
    if leave.button("Exit briefing", key="exit", width="stretch"):
        go_to_step(None)
    st.html(step_html(data, step, claims_here, len(all_steps)))


def filter_widget(field: FilterField, data: Dataset, current: Any, bounds: tuple[int, int]) -> Any:
    """The sidebar widget of one filter (its kind decides which), showing ``current``."""
    if field.kind == "text":
        return st.text_input(field.label, value=current, placeholder=field.placeholder, key=field.attr)
    if field.kind == "years":
        chosen = (current[0] or bounds[0], current[1] or bounds[1])
        return st.slider(field.label, bounds[0], bounds[1], value=chosen, key=field.attr)
    choices = field.choices(data)
    return st.multiselect(
        field.label, list(choices), default=[v for v in current if v in choices], format_func=choices.get,
        key=field.attr,
    )  # fmt: skip


def sidebar_filters(data: Dataset, initial: Filters, bounds: tuple[int, int]) -> Filters:
    """One widget per entry of ``geo.filters.FILTERS``, starting from the URL's filters."""
    st.header("Filters")
    values = {f.attr: filter_widget(f, data, getattr(initial, f.attr), bounds) for f in FILTERS}
    st.caption("Empty means all. Undated claims drop out once the year range is narrowed.")
    return filters_from_values(values, bounds)


def upload_panel(data: Dataset) -> None:
    """Add, report on and remove the visitor's own layer (kept in this session only)."""
    with st.expander("Add your own layer", expanded="uploaded" in st.session_state):
        st.caption("CSV, GeoJSON or GeoPackage. It stays in your session only: never stored, never shown to others.")
        upload = st.file_uploader("File", type=["csv", "txt", "geojson", "json", "gpkg"], key="upload_file")
        layer_name = st.text_input("Layer name (required)", key="upload_name")
        attribution = st.text_input("Source or attribution (required)", key="upload_source")
        columns = upload_columns(upload.name, upload.getvalue()) if upload else []
        lat_choice = lon_choice = None
        if columns:
            lat_index, lon_index = coordinate_column_defaults(columns)
            lat_choice = st.selectbox("Latitude column", columns, index=lat_index, key="upload_lat")
            lon_choice = st.selectbox("Longitude column", columns, index=lon_index, key="upload_lon")
        crs_choice = st.text_input("Coordinate system of a CSV", value="EPSG:4326", key="upload_crs")
        if st.button("Add layer", key="upload_add", disabled=upload is None):
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
            note = f"Your layer “{added.name}” (source: {added.attribution}): {added.summary}. "
            st.html(message_html("info", note + " ".join(added.notes)))
            if added.problems:
                st.caption(f"{len(added.problems):,} row(s) left out: see the “Your layer” tab.")
            st.checkbox("Shade provinces by my points", key="upload_choropleth")
            if st.button("Remove my layer", key="upload_remove"):
                del st.session_state["uploaded"]
                st.rerun()


def header(data: Dataset, shown_count: int) -> None:
    """Title, the count of shown claims, provenance and the way into the briefing."""
    st.header("Hikvision and the surveillance of Uyghurs: a sourced map", divider="gray")
    st.markdown(
        f"**{shown_count} of {len(data.claims)} claims shown** · every place named in one GHRD article "
        f"(Putro, 2023) with the sources that support or correct it · dataset version {data.version} ({data.updated}) · "
        f"[▶ Start the briefing]({step_url(1)})"
    )


def place_detail(data: Dataset, selected: str, shown: Any) -> None:
    """The open place's names, claims by source and "cite this" line, with a way to close it."""
    with st.container(border=True):
        place = data.places.set_index("id", drop=False).loc[selected]
        cite = cite_line(data, place, str(st.context.url or ""), dt.date.today().isoformat())
        st.html(place_detail_html(data, selected, shown, cite))
        if st.button("Close the detail view", key="close_detail"):
            select_place(None)


def map_section(
    data: Dataset, links: dict[str, str], view: model.FilteredView, mine: PreparedUpload | None, params: dict
) -> None:
    """The map (never rerunning the script on pan, zoom or click), the 12-provinces panel and the legend."""
    center, zoom = state.map_view(params, state.selected_place(params, data), data)
    uploaded = (
        upload_layers(mine, data.provinces, choropleth=st.session_state.get("upload_choropleth", False)) if mine else []
    )
    st_folium(
        base_map(data, links=links),
        feature_group_to_add=layers_from_specs(view.layers) + uploaded,
        layer_control=folium.LayerControl(collapsed=True),
        center=center,
        zoom=zoom,
        returned_objects=[],  # panning, zooming and clicking never rerun the script
        use_container_width=True,
        height=560,
        key="map",
    )
    st.html(model.dataset_summary(data).twelve_provinces)
    with st.expander("Legend"):
        st.html(view.legend)
    st.caption(CAPTION)


def places_tab(view: model.FilteredView, selected: str | None) -> None:
    """Places of the shown claims; picking a row opens its detail view (the keyboard route to every ring)."""
    place_rows = view.places
    picked = st.dataframe(
        place_rows, hide_index=True, on_select="rerun", selection_mode="single-row", key="places_table",
        column_config={"detail": st.column_config.LinkColumn("detail", display_text="open")},
    )  # fmt: skip
    rows = picked.selection.rows if picked else []
    if rows and place_rows.loc[rows[0], "id"] != selected:
        select_place(str(place_rows.loc[rows[0], "id"]))


def downloads_tab(data: Dataset, shown: Any) -> None:
    """One button per export format, each file made on click from the shown claims."""
    st.markdown(
        f"Files of **what is shown: {len(shown)} of {len(data.claims)} claims** (the current filters). "
        "The same files come from `python -m geo export --format NAME` with the same filter options. "
        "Each file is made when you click."
    )
    app_url = app_base(str(st.context.url or ""))
    columns = st.columns(2)
    for index, exporter in enumerate(EXPORTERS.values()):
        columns[index % 2].download_button(
            exporter.label,
            data=functools.partial(exporter.write, data, shown, app_url),
            file_name=exporter.filename,
            mime=exporter.mime,
            on_click="ignore",
            key=f"download_{exporter.name}",
        )
    st.caption("Briefing pack: offline map, one slide PNG and A4 PDF per briefing step, CSV, GeoPackage, bibliography.")


def upload_tab(mine: PreparedUpload | None) -> None:
    """The visitor's layer: left-out rows, its rows, points per province, nearest places, CSV downloads."""
    if not mine:
        st.markdown("Add your own layer in the sidebar (“Add your own layer”) to compare it with this dataset.")
        return
    st.html(message_html("info", f"{mine.layer.name} · source: {mine.layer.attribution} · {mine.layer.summary}"))
    if mine.layer.problems:
        st.markdown(f"**{len(mine.layer.problems):,} row(s) left out** (row numbers count the header as row 1):")
        st.dataframe(problems_table(mine.layer), hide_index=True)
    st.dataframe(mine.layer.points.drop(columns="geometry"), hide_index=True, key="mine_rows")
    left, right = st.columns(2)
    left.markdown("**Points per province**")
    left.dataframe(mine.provinces, hide_index=True)
    right.markdown("**Nearest mapped place** (geodesic distance, WGS84)")
    right.dataframe(mine.nearest_summary, hide_index=True)
    for index, (label, filename, make) in enumerate(mine.downloads()):
        st.download_button(
            label, data=make, file_name=filename, mime="text/csv", on_click="ignore", key=f"mine_{index}"
        )


def corrections_tab(data: Dataset, selected: str | None) -> None:
    """The public corrections log: every change to a published row, newest first, filterable by place."""
    st.markdown(
        "Every change to a published row since the first release, newest first, with what it was, what it is, why, "
        "and the evidence. Nothing is removed silently: a claim that no longer stands stays, marked *retracted*, "
        "with the reason. `python -m geo validate` fails if a published row changes without an entry here."
    )
    choices = places_with_corrections(data)
    options = ["", *choices]
    place = st.selectbox(
        "Place", options, index=options.index(selected) if selected in options else 0,
        format_func=lambda p: choices.get(p, "All places"), key="corrections_place",
    )  # fmt: skip
    st.dataframe(
        corrections_for(data, place or None), hide_index=True, key="corrections_table",
        column_config={"evidence link": st.column_config.LinkColumn("evidence link", display_text="open")},
    )  # fmt: skip


def tabs(data: Dataset, view: model.FilteredView, mine: PreparedUpload | None, selected: str | None) -> None:
    """Places, claims, sources, timeline, downloads, the visitor's layer, corrections and the method."""
    tab_places, tab_claims, tab_sources, tab_time, tab_downloads, tab_mine, tab_fixes, tab_about = st.tabs(
        ["Places", "Claims", "Sources and citation chain", "Timeline", "Downloads", "Your layer", "Corrections",
         "About and method"]
    )  # fmt: skip
    with tab_places:
        places_tab(view, selected)
    with tab_claims:
        st.dataframe(
            view.claims, hide_index=True,
            column_config={"link": st.column_config.LinkColumn("link", display_text="source")},
        )  # fmt: skip
    with tab_sources:
        st.graphviz_chart(view.citation_graph)
        st.dataframe(
            view.sources, hide_index=True,
            column_config={
                "link": st.column_config.LinkColumn("link", display_text="open"),
                "archive": st.column_config.LinkColumn("archive", display_text="archive"),
            },
        )  # fmt: skip
    with tab_time:
        st.vega_lite_chart(spec=view.timeline, width="stretch")
    with tab_downloads:
        downloads_tab(data, view.shown)
    with tab_mine:
        upload_tab(mine)
    with tab_fixes:
        corrections_tab(data, selected)
    with tab_about:
        st.markdown(about.METHOD)
        st.subheader("The article's known errors and how they are handled")
        st.html(model.dataset_summary(data).known_errors)
        st.caption(f"Dataset version {data.version}, last updated {data.updated}.")


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
    map_section(data, links, view, mine, params)
    tabs(data, view, mine, selected)


try:
    data, basemap_links = dataset(str(settings.data_dir))
except DataValidationError as error:
    st.error(
        "The dataset failed validation, so this app shows nothing from it: it cannot show unvalidated data. "
        "The validator's report (file, row, field, problem) is below; fix the files and reload."
    )
    st.code("\n".join(str(p) for p in error.problems), language=None)
    st.stop()

query = st.query_params.to_dict()
step_number = briefing.parse_step(query.get("step"), len(data.briefing))
if step_number:
    briefing_page(data, basemap_links, step_number)
else:
    explorer(data, basemap_links, query)
