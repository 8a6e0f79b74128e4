"""The floor: the least a Streamlit page with this map component can do, for the benchmarks.

One ``st_folium`` map with one circle (Leaflet and jQuery from the same xstatic files the
dashboard serves, nothing from a CDN), a search box and a count line. A search for a
place moves the circle to it, so a filter change here, like the dashboard's, updates the
count and the map. Nothing else: no dataset, no tabs. ``bench/cold_start.py`` and
``bench/filter_browser.py`` measure the dashboard against it. Run only by the benchmarks.
"""

from __future__ import annotations

from pathlib import Path

import folium
import streamlit as st
import xstatic.pkg.jquery as xjquery
import xstatic.pkg.leaflet as xleaflet
from streamlit_folium import st_folium

STATIC = "/app/static/vendor"
PLACES = {"guma": (37.6168, 78.2809), "pishan": (37.6168, 78.2809), "moyu": (37.2728, 79.7268)}


def install_leaflet() -> None:
    """Copy Leaflet and jQuery from their PyPI packages into ``bench/static/vendor`` (served at /app/static)."""
    target = Path(__file__).resolve().parent / "static" / "vendor"
    files = {"leaflet/leaflet.js": Path(xleaflet.BASE_DIR) / "leaflet.js",
             "leaflet/leaflet.css": Path(xleaflet.BASE_DIR) / "leaflet.css",
             "jquery/jquery.min.js": Path(xjquery.BASE_DIR) / "jquery.min.js"}  # fmt: skip
    for relative, source in files.items():
        dest = target / relative
        if not dest.exists():
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(source.read_bytes())


class FloorMap(folium.Map):
    """folium's Map with Leaflet from this app, as the dashboard's map has."""

    default_js = [("leaflet", f"{STATIC}/leaflet/leaflet.js"), ("jquery", f"{STATIC}/jquery/jquery.min.js")]  # noqa: RUF012
    default_css = [("leaflet_css", f"{STATIC}/leaflet/leaflet.css")]  # noqa: RUF012


install_leaflet()
query = st.text_input("Search place names (any script)", key="query")
found = PLACES.get(query.strip().casefold())
st.markdown(f"**{1 if found or not query else 0} of 1 claims shown**")
fmap = FloorMap(location=(33.0, 96.0), zoom_start=4, tiles=None)
circle = folium.FeatureGroup(name="circle")
folium.CircleMarker(found or (41.1, 85.2), radius=8, color="#1f77b4", fill=True).add_to(circle)
st_folium(fmap, feature_group_to_add=circle, returned_objects=[], height=560, key="map", use_container_width=True)
