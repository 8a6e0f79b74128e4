"""The naive dashboard, for ``bench/cold_start.py``: validate and build a textbook folium map on every run.

Same data and the same ``st_folium`` component as ``dashboard.py``, but the usual way:
every run validates the dataset, embeds the unsimplified boundaries and creates one folium
object per ring, popup and tooltip. Leaflet still comes from this app (the benchmark's
browser has no network). Run only by the benchmark.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402
from streamlit_folium import st_folium  # noqa: E402

from bench.payload import naive_map, raw_boundaries  # noqa: E402
from geo.evidence.dataset import load_dataset  # noqa: E402
from geo.map import assets  # noqa: E402

assets.install_static_assets(Path(__file__).parent / "static")  # Streamlit serves static/ beside the script
data = load_dataset(validate=False)
from geo.evidence.validate import validate_dataset  # noqa: E402

validate_dataset()
cache = Path(os.environ.get("NAIVE_BOUNDARY_CACHE") or ROOT / ".cache" / "boundaries")
provinces, countries, _ = raw_boundaries(cache, data)
st.title("Naive map")
st_folium(naive_map(data, data.claims, provinces, countries), returned_objects=[], height=560, key="map")
