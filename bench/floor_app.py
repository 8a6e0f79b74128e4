"""The floor: the least a Streamlit page with this map component can do, for the benchmarks.

One ``st_folium`` map with one circle (Leaflet and jQuery from the same xstatic files the
dashboard serves, nothing from a CDN), a search box and a count line. A search for a
place moves the circle to it, so a filter change here, like the dashboard's, updates the
count and the map. Nothing else: no dataset, no tabs. ``bench/cold_start.py`` and
``bench/filter_browser.py`` measure the dashboard against it. Run only by the benchmarks.
"""

from __future__ import annotations

import folium
import streamlit as st
from local_leaflet import LocalMap, install_leaflet  # a sibling module: see bench/local_leaflet.py
from streamlit_folium import st_folium

PLACES = {"guma": (37.6168, 78.2809), "pishan": (37.6168, 78.2809), "moyu": (37.2728, 79.7268)}


install_leaflet()
query = st.text_input("Search place names (any script)", key="query")
found = PLACES.get(query.strip().casefold())
st.markdown(f"**{1 if found or not query else 0} of 1 claims shown**")
fmap = LocalMap(location=(33.0, 96.0), zoom_start=4, tiles=None)
circle = folium.FeatureGroup(name="circle")
folium.CircleMarker(found or (41.1, 85.2), radius=8, color="#1f77b4", fill=True).add_to(circle)
st_folium(fmap, feature_group_to_add=circle, returned_objects=[], height=560, key="map", use_container_width=True)
