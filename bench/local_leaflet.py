"""Leaflet and jQuery served by a benchmark app itself (the benchmark's browser has no network).

Shared by the floor app and the textbook upload app, which ``streamlit run`` starts as
scripts: they import this as a sibling module (Streamlit puts the script's folder on the path).
"""

from __future__ import annotations

from pathlib import Path

import folium
import xstatic.pkg.jquery as xjquery
import xstatic.pkg.leaflet as xleaflet

STATIC = "/app/static/vendor"  # Streamlit serves static/ beside the script (bench/static)


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


class LocalMap(folium.Map):
    """folium's Map with Leaflet from this app instead of a CDN, as the dashboard's map has."""

    default_js = [("leaflet", f"{STATIC}/leaflet/leaflet.js"), ("jquery", f"{STATIC}/jquery/jquery.min.js")]  # noqa: RUF012
    default_css = [("leaflet_css", f"{STATIC}/leaflet/leaflet.css")]  # noqa: RUF012
