"""The textbook upload app, for ``bench/upload_textbook.py``: what a researcher following a tutorial would write.

A file uploader; once a CSV is there, pandas reads it, geopandas makes points, and one
``folium.GeoJson`` of circle markers on a canvas map goes to ``st_folium``. Nothing cached,
nothing simplified. The only departure from a tutorial is that Leaflet and jQuery come from
this app's ``static/`` folder (the benchmark's browser has no network), as in
``bench/floor_app.py`` (both from ``bench/local_leaflet.py``). Run only by the benchmark.
"""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd
import streamlit as st
from local_leaflet import LocalMap, install_leaflet  # a sibling module: see bench/local_leaflet.py
from streamlit_folium import st_folium

install_leaflet()
st.title("Upload your points")
uploaded = st.file_uploader("Upload a CSV", type=["csv"])
if uploaded is not None:
    df = pd.read_csv(uploaded)
    gdf = gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df["lon"], df["lat"]), crs="EPSG:4326")
    west, south, east, north = gdf.total_bounds
    m = LocalMap(location=((south + north) / 2, (west + east) / 2), zoom_start=4, prefer_canvas=True, tiles=None)
    folium.GeoJson(gdf, name="points", marker=folium.CircleMarker(radius=3, fill=True)).add_to(m)
    m.fit_bounds([[south, west], [north, east]])  # every point in view, so every point is drawn
    st.write(f"{len(gdf):,} points")
    st_folium(m, returned_objects=[], height=560, key="map")
