"""Streamlit entry point: layout and widgets only; all logic lives in ``geo``."""

from __future__ import annotations

import folium
import streamlit as st
from streamlit_folium import st_folium

from geo import assets
from geo.load import Dataset, load_dataset
from geo.mapping import base_map, claim_layers

st.set_page_config(page_title="Hikvision and the surveillance of Uyghurs: places and sources", layout="wide")


@st.cache_resource(show_spinner=False)
def dataset() -> Dataset:
    """Validated dataset, loaded once per server process (read-only)."""
    assets.install_static_assets()
    return load_dataset()


data = dataset()
st.title("Hikvision and the surveillance of Uyghurs: places, claims and sources")
st.caption(
    f"Every place named in one GHRD article (Putro, 2023), each with the sources that support or correct it. "
    f"Dataset version {data.version}. Points stand for areas (county seats, city centres), never facilities."
)
layers = claim_layers(data, data.claims)
st_folium(
    base_map(data),
    feature_group_to_add=layers,
    layer_control=folium.LayerControl(collapsed=True),
    returned_objects=[],
    use_container_width=True,
    height=600,
    key="map",
)
st.dataframe(data.places.drop(columns="geometry"), hide_index=True)
