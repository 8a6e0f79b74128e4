"""Streamlit entry point: layout and widgets only; all logic lives in ``geo``."""

from __future__ import annotations

import datetime as dt
import functools

import folium
import streamlit as st
from streamlit_folium import st_folium

from geo import about, assets, briefing, labels, settings, views
from geo.detail import cite_line, place_detail_html
from geo.errors import DataValidationError, UploadError
from geo.filters import Filters, filters_from_params, params_from_filters, with_years
from geo.formats import EXPORTERS
from geo.html import message_html
from geo.load import Dataset, load_dataset
from geo.mapping import (
    DEFAULT_CENTER,
    DEFAULT_ZOOM,
    base_map,
    basemap_layers,
    claim_layers,
    layers_from_specs,
    parse_view,
)
from geo.presenter import step_html
from geo.upload import coordinate_column_defaults, problems_table, read_upload, upload_columns
from geo.uploadlayer import prepare as prepare_upload
from geo.uploadlayer import upload_layers

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


try:
    data, basemap_links = dataset(str(settings.data_dir))
except DataValidationError as error:
    st.error(
        "The dataset failed validation, so this app shows nothing from it: it cannot show unvalidated data. "
        "The validator's report (file, row, field, problem) is below; fix the files and reload."
    )
    st.code("\n".join(str(p) for p in error.problems), language=None)
    st.stop()

params = st.query_params.to_dict()
all_steps = briefing.steps(data)
step_number = briefing.parse_step(params.get("step"), len(all_steps))


def go_to_step(number: int | None) -> None:
    """Show briefing step ``number`` (None leaves briefing mode), through the URL."""
    st.query_params.clear()
    if number:
        st.query_params["step"] = str(number)
    st.rerun()


if step_number:
    step = all_steps[step_number - 1]
    claims_here = briefing.step_claims(data, step)
    st.subheader(f"{step.number}. {step.title}")
    st_folium(
        base_map(data, links=basemap_links),
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
    if forward.button(
        "Next ▶", disabled=step.number == len(all_steps), key="next", width="stretch", shortcut="PageDown"
    ):
        go_to_step(step.number + 1)
    if leave.button("Exit briefing", key="exit", width="stretch"):
        go_to_step(None)
    st.html(step_html(data, step, claims_here, len(all_steps)))
    st.stop()

summary = views.dataset_summary(data)
bounds = summary.year_bounds
initial = filters_from_params(params, years=bounds)
claimed_sources = summary.claimed_sources
source_names = summary.source_names

with st.sidebar:
    st.header("Filters")
    query = st.text_input(
        "Search place names (any script)", value=initial.query, placeholder="Pishan, 皮山, Guma, گۇما", key="q"
    )
    chosen_sources = st.multiselect(
        "Sources", claimed_sources, default=[s for s in initial.sources if s in claimed_sources],
        format_func=lambda s: source_names[s], key="sources",
    )  # fmt: skip
    chosen_categories = st.multiselect(
        "Categories", list(labels.CATEGORY), default=[c for c in initial.categories if c in labels.CATEGORY],
        format_func=labels.CATEGORY.get, key="categories",
    )  # fmt: skip
    chosen_statuses = st.multiselect(
        "Claim status", list(labels.STATUS), default=[s for s in initial.statuses if s in labels.STATUS],
        format_func=labels.STATUS.get, key="statuses",
    )  # fmt: skip
    chosen_levels = st.multiselect(
        "Admin level", list(labels.DASH_BY_LEVEL), default=[lv for lv in initial.levels if lv in labels.DASH_BY_LEVEL],
        key="levels",
    )  # fmt: skip
    chosen_years = st.slider(
        "Years (event, else reported)", bounds[0], bounds[1],
        value=(initial.year_from or bounds[0], initial.year_to or bounds[1]), key="years",
    )  # fmt: skip
    st.caption("Empty means all. Undated claims drop out once the year range is narrowed.")
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

filters = with_years(
    Filters(tuple(chosen_sources), tuple(chosen_categories), tuple(chosen_statuses), tuple(chosen_levels), query=query),
    chosen_years,
    bounds,
)
selected = params.get("place") if params.get("place") in set(data.places["id"]) else None
kept = ("place", "lat", "lng", "zoom", "embed", "embed_options")
wanted = params_from_filters(filters) | {k: params[k] for k in kept if k in params}
if wanted != params:
    st.query_params.from_dict(wanted)

view_of_filters = views.filtered_view(data, filters)
shown = view_of_filters.shown

st.header("Hikvision and the surveillance of Uyghurs: a sourced map", divider="gray")
st.markdown(
    f"**{len(shown)} of {len(data.claims)} claims shown** · every place named in one GHRD article "
    f"(Putro, 2023) with the sources that support or correct it · dataset version {data.version} ({data.updated}) · "
    "[▶ Start the briefing](/?step=1)"
)

if selected:
    with st.container(border=True):
        cite = cite_line(
            data,
            data.places.set_index("id", drop=False).loc[selected],
            str(st.context.url or ""),
            dt.date.today().isoformat(),
        )
        st.html(place_detail_html(data, selected, shown, cite))
        if st.button("Close the detail view", key="close_detail"):
            select_place(None)

mine = st.session_state.get("uploaded")
places_by_id = data.places.set_index("id")
view = parse_view(params)
if selected:
    center, zoom = (places_by_id.loc[selected, "lat"], places_by_id.loc[selected, "lon"]), 6
elif view:
    center, zoom = view
else:
    center, zoom = DEFAULT_CENTER, DEFAULT_ZOOM

st_folium(
    base_map(data, links=basemap_links),
    feature_group_to_add=layers_from_specs(view_of_filters.layers)
    + (
        upload_layers(mine, data.provinces, choropleth=st.session_state.get("upload_choropleth", False)) if mine else []
    ),
    layer_control=folium.LayerControl(collapsed=True),
    center=center,
    zoom=zoom,
    returned_objects=[],  # panning, zooming and clicking never rerun the script
    use_container_width=True,
    height=560,
    key="map",
)
st.html(summary.twelve_provinces)
with st.expander("Legend"):
    st.html(view_of_filters.legend)
st.caption(
    "Rings are area-level points (dashed: region or county; dotted: city or district), one ring per source; "
    "click for names, claims and sources, and the popup's link opens the detail view. Shaded provinces: orange where the source names Hikvision, "
    "lilac where the vendor is another or not stated. Layers (one per source) and optional web tiles: "
    "the control at the top right. Boundaries: Natural Earth (public domain)."
)

tab_places, tab_claims, tab_sources, tab_time, tab_downloads, tab_mine, tab_about = st.tabs(
    ["Places", "Claims", "Sources and citation chain", "Timeline", "Downloads", "Your layer", "About and method"]
)
with tab_places:
    place_rows = view_of_filters.places
    picked = st.dataframe(
        place_rows, hide_index=True, on_select="rerun", selection_mode="single-row", key="places_table",
        column_config={"detail": st.column_config.LinkColumn("detail", display_text="open")},
    )  # fmt: skip
    rows = picked.selection.rows if picked else []
    if rows and place_rows.loc[rows[0], "id"] != selected:
        select_place(str(place_rows.loc[rows[0], "id"]))
with tab_claims:
    st.dataframe(
        view_of_filters.claims, hide_index=True,
        column_config={"link": st.column_config.LinkColumn("link", display_text="source")},
    )  # fmt: skip
with tab_sources:
    st.graphviz_chart(view_of_filters.citation_graph)
    st.dataframe(
        view_of_filters.sources, hide_index=True,
        column_config={
            "link": st.column_config.LinkColumn("link", display_text="open"),
            "archive": st.column_config.LinkColumn("archive", display_text="archive"),
        },
    )  # fmt: skip
with tab_time:
    st.vega_lite_chart(spec=view_of_filters.timeline, width="stretch")
with tab_downloads:
    st.markdown(
        f"Files of **what is shown: {len(shown)} of {len(data.claims)} claims** (the current filters). "
        "The same files come from `python -m geo export --format NAME` with the same filter options. "
        "Each file is made when you click."
    )
    app_url = str(st.context.url or "").split("?")[0].rstrip("/")
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
with tab_mine:
    if not mine:
        st.markdown("Add your own layer in the sidebar (“Add your own layer”) to compare it with this dataset.")
    else:
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
with tab_about:
    st.markdown(about.METHOD)
    st.subheader("The article's known errors and how they are handled")
    st.html(summary.known_errors)
    st.caption(f"Dataset version {data.version}, last updated {data.updated}.")
