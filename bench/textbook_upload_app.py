"""The textbook upload app, for ``bench/upload_textbook.py``: what a researcher following a tutorial would write.

A file uploader; once a CSV is there, pandas reads it, geopandas makes points, and one
``folium.GeoJson`` of circle markers on a canvas map goes to ``st_folium``. Nothing cached,
nothing simplified. The only departure from a tutorial is that Leaflet and jQuery come from
this app's ``static/`` folder (the benchmark's browser has no network), as in
``bench/floor_app.py``; that module runs its page at import, so the few lines are copied
here rather than imported. Run only by the benchmark.
"""

from __future__ import annotations

from pathlib import Path

import folium
import geopandas as gpd
import pandas as pd
import streamlit as st
import xstatic.pkg.jquery as xjquery
import xstatic.pkg.leaflet as xleaflet
from streamlit_folium import st_folium

STATIC = "/app/static/vendor"  # Streamlit serves static/ beside the script (bench/static)


def install_leaflet() -> None:
    """Copy Leaflet and jQuery from their PyPI packages into ``bench/static/vendor`` (as ``bench/floor_app.py`` does)."""
    target = Path(__file__).resolve().parent / "static" / "vendor"
    files = {"leaflet/leaflet.js": Path(xleaflet.BASE_DIR) / "leaflet.js",
             "leaflet/leaflet.css": Path(xleaflet.BASE_DIR) / "leaflet.css",
             "jquery/jquery.min.js": Path(xjquery.BASE_DIR) / "jquery.min.js"}  # fmt: skip
    for relative, source in files.items():
        dest = target / relative
        if not dest.exists():
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(source.read_bytes())


class LocalMap(folium.Map):
    """folium's Map with Leaflet from this app instead of a CDN."""

    default_js = [("leaflet", f"{STATIC}/leaflet/leaflet.js"), ("jquery", f"{STATIC}/jquery/jquery.min.js")]  # noqa: RUF012
    default_css = [("leaflet_css", f"{STATIC}/leaflet/leaflet.css")]  # noqa: RUF012


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
