"""Serve Leaflet and jQuery from installed packages instead of CDNs.

Streamlit serves ``static/`` beside the entry script at ``/app/static/`` when
``server.enableStaticServing`` is on. :func:`install_static_assets` copies the files from
the PyPI packages ``xstatic-leaflet`` and ``xstatic-jquery`` there (once per version), and
:class:`geo.map.basemap.OfflineMap` points folium at those URLs, so visitors' browsers never
contact a third-party host for code.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import xstatic.pkg.jquery as xjquery
import xstatic.pkg.leaflet as xleaflet

from geo import settings

STATIC_URL = "/app/static/vendor"
LEAFLET_JS = f"{STATIC_URL}/leaflet/leaflet.js"
LEAFLET_CSS = f"{STATIC_URL}/leaflet/leaflet.css"
LEAFLET_IMAGES = f"{STATIC_URL}/leaflet/images/"
JQUERY_JS = f"{STATIC_URL}/jquery/jquery.min.js"


def vendor_files() -> dict[str, Path]:
    """Relative path under ``static/vendor`` -> installed file it is copied from."""
    leaflet, jquery = Path(xleaflet.BASE_DIR), Path(xjquery.BASE_DIR)
    files = {
        "leaflet/leaflet.js": leaflet / "leaflet.js",
        "leaflet/leaflet.css": leaflet / "leaflet.css",
        "jquery/jquery.min.js": jquery / "jquery.min.js",
    }
    files.update({f"leaflet/images/{p.name}": p for p in (leaflet / "images").iterdir()})
    return files


def read_vendor_file(relative: str) -> str:
    """Text of one vendored file, for inlining into a standalone HTML export."""
    return vendor_files()[relative].read_text(encoding="utf-8")


def install_static_assets(static_dir: Path | None = None) -> Path:
    """Copy the vendored files into ``static/vendor`` unless an identical copy is there."""
    target = (static_dir or settings.project_dir / "static") / "vendor"
    for relative, source in vendor_files().items():
        dest = target / relative
        if dest.exists() and dest.stat().st_size == source.stat().st_size:
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, dest)
    return target


BASEMAP_URL = "/app/static/basemap"


def basemap_file(url: str, static_dir: Path | None = None) -> Path:
    """The file behind a URL from :func:`publish_basemap`."""
    return (static_dir or settings.project_dir / "static") / "basemap" / url.rsplit("/", 1)[1]


def publish_basemap(layers: dict[str, dict], static_dir: Path | None = None) -> dict[str, str]:
    """Write static basemap GeoJSON files named by content hash; return name -> URL.

    The browser then fetches each file once from this app (and caches it) instead of
    receiving the geometry in every map payload.
    """
    target = (static_dir or settings.project_dir / "static") / "basemap"
    target.mkdir(parents=True, exist_ok=True)
    urls = {}
    for name, collection in layers.items():
        text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
        path = target / f"{name}-{digest}.json"
        if not path.exists():
            path.write_text(text, encoding="utf-8")
        urls[name] = f"{BASEMAP_URL}/{path.name}"
    return urls
