"""The visitor's own layer: the panel that adds, reports on and removes it, and the "Your layer" tab."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import streamlit as st

from geo.page import language, uploads
from geo.page.language import _
from geo.page.markup import message_html
from geo.page.session import Key
from geo.page.uploads import add_layer, held_layer, remove_layer
from sections import address
from sections.widgets import table

if TYPE_CHECKING:
    from geo.page.model import Dataset
    from geo.page.uploads import PreparedUpload


def on_add_layer(data: Dataset) -> None:
    """The "Add layer" button's callback: runs before the page, in its language, so the map shows the layer at once."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    language.use(address.read().language)
    context = get_script_run_ctx()
    add_layer(st.session_state, data, context.session_id if context else "", session_alive)


def session_alive(session_id: str) -> bool:
    """Whether a browser session is still connected (its layer is dropped once it is not); any thread may ask."""
    return not st.runtime.exists() or st.runtime.get_instance().is_active_session(session_id)


def upload_panel(data: Dataset) -> None:
    """Add, report on and remove the visitor's own layer (kept in this session only)."""
    session = st.session_state
    mine = held_layer(session)
    with st.expander(_("Add your own layer"), expanded=mine is not None or Key.UPLOAD_ERROR in session):
        st.caption(_("CSV, GeoJSON or GeoPackage. It stays in your session only: never stored, never shown to others."))
        upload = st.file_uploader(_("File"), type=["csv", "txt", "geojson", "json", "gpkg"], key=Key.UPLOAD_FILE)
        st.text_input(_("Layer name (required)"), key=Key.UPLOAD_NAME)
        st.text_input(_("Source or attribution (required)"), key=Key.UPLOAD_SOURCE)
        coordinate_pickers(upload)
        st.text_input(_("Coordinate system of a CSV"), value="EPSG:4326", key=Key.UPLOAD_CRS)
        st.button(_("Add layer"), key=Key.UPLOAD_ADD, disabled=upload is None, on_click=on_add_layer, args=(data,))
        if Key.UPLOAD_ERROR in session:
            st.html(message_html("error", session.pop(Key.UPLOAD_ERROR)))
        if mine is not None:  # messages here, not above the map, so the map is not re-mounted
            added = mine.layer
            note = _("Your layer “{name}” (source: {source}): {summary}.").format(
                name=added.name, source=added.attribution, summary=added.summary
            )
            st.html(message_html("info", " ".join([note, *added.notes])))
            if added.problems:
                left_out = _("{count} row(s) left out: see the “Your layer” tab.")
                st.caption(left_out.format(count=language.number(len(added.problems))))
            st.checkbox(_("Shade provinces by my points"), key=Key.UPLOAD_CHOROPLETH)
            st.button(_("Remove my layer"), key=Key.UPLOAD_REMOVE, on_click=remove_layer, args=(session,))


def coordinate_pickers(upload: Any) -> None:
    """A CSV's latitude and longitude columns; drawn, disabled, before a file is given, so "Add layer" never moves.

    A button that moves as it is pressed loses the click: the pickers appearing with the file
    pushed "Add layer" down while a visitor (or a test) reached for it.
    """
    columns = uploads.upload_columns(upload.name, upload.getvalue()) if upload is not None else []  # the upload code loads here
    lat_index, lon_index = uploads.coordinate_column_defaults(columns) if columns else (None, None)
    placeholder = _("Only for a CSV file")
    for label, key, index in ((_("Latitude column"), Key.UPLOAD_LAT, lat_index), (_("Longitude column"), Key.UPLOAD_LON, lon_index)):
        if st.session_state.get(key) not in columns:  # another file (or none): its own columns' best guess
            st.session_state[key] = columns[index] if columns else None
        st.selectbox(label, columns, index=None, key=key, disabled=not columns, placeholder=placeholder)


def upload_tab(mine: PreparedUpload | None) -> None:
    """The visitor's layer: left-out rows, its rows, points per province, nearest places, CSV downloads."""
    if not mine:
        st.markdown(_("Add your own layer in the sidebar (“Add your own layer”) to compare it with this dataset."))
        return
    source = _("source: {source}").format(source=mine.layer.attribution)
    st.html(message_html("info", f"{mine.layer.name} · {source} · {mine.layer.summary}"))
    if mine.layer.problems:
        left_out = _("{count} row(s) left out (row numbers count the header as row 1):")
        st.markdown("**" + left_out.format(count=language.number(len(mine.layer.problems))) + "**")
        st.dataframe(uploads.problems_table(mine), hide_index=True)
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
