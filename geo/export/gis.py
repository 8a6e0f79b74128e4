"""Tables and GIS files of what is shown: CSV, GeoJSON, GeoPackage and KML.

Every writer takes the dataset and the filtered claims and returns bytes, so the CLI
(``python -m geo export``) and the dashboard's download buttons produce identical files.
GIS formats are written by GDAL through pyogrio.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import geopandas as gpd
import pandas as pd
import pyogrio

from geo import settings
from geo.evidence import readers
from geo.html.escape import esc
from geo.html.render import claim_html
from geo.language import i18n
from geo.rules import labels
from geo.rules.citations import used_sources
from geo.rules.drawing import drawable
from geo.rules.provinces import province_summary
from geo.urls import place_url, safe_url

if TYPE_CHECKING:
    from geo.evidence.dataset import Dataset

#: GeoPackage stores a "last change" timestamp; fixing it keeps exports byte-identical.
FIXED_TIMESTAMP = "2026-01-01T00:00:00Z"
CLAIM_COLUMNS = [
    "id", "article_ref", "place", "place_name_en", "place_name_zh", "place_name_ug_arabic", "place_name_ug_latin",
    "place_admin_level", "place_precision", "place_lat", "place_lon", "province", "category", "status", "summary",
    "quote", "quote_via", "locator", "correction", "event_date", "event_date_end", "reported_date", "vendor_hikvision",
    "sourced_as_one_of_12", "source", "source_title", "source_publisher", "source_published", "source_url",
    "relayed_from",
]  # fmt: skip
#: How each claim was checked (``quote_audit.csv`` and ``status_audit.csv``, joined by :func:`geo.evidence.readers.join_checks`).
CHECK_COLUMNS = [*readers.QUOTE_CHECK_COLUMNS.values(), *readers.CONTRARY_COLUMNS.values()]
#: How each source was checked (``source_audit.csv``), as source-table columns.
SOURCE_CHECK_COLUMNS = {"checked": "check_date", "result": "check_result", "found_at": "check_found_at",
                        "title": "check_title", "author": "check_author", "publisher": "check_publisher",
                        "date": "check_date_shown", "url": "check_url", "note": "check_note"}  # fmt: skip


def flat(value: object, separator: str = "; ") -> object:
    """A list cell as text (GIS formats and CSV hold no lists); anything else as it is."""
    return separator.join(value) if isinstance(value, list) else value


def place_link(place_id: str, base_url: str) -> str:
    """Link back from a row to the place's view in the dashboard."""
    return place_url(place_id, i18n.current(), base_url) if place_id else ""


def claim_rows(claims: pd.DataFrame, base_url: str = "", version: str = "") -> pd.DataFrame:
    """One row per claim with place, coordinates, precision, source fields, a link back and the dataset version."""
    rows = claims[CLAIM_COLUMNS].copy()
    for field in ("summary", "correction"):  # the English beside a translation (the same text in English files)
        rows.insert(rows.columns.get_loc(field) + 1, f"{field}_en", claims.get(f"{field}_en", claims[field]))
    for column in CHECK_COLUMNS:
        rows[column] = claims[column].map(lambda v, c=column: flat(v, " | " if c == "contrary_queries" else "; "))
    for column in readers.OTHER_SIDE_COLUMNS.values():  # what answers the claim (counter_claims.csv)
        rows[column] = claims.get(column, "")
    for column in ("place_lat", "place_lon"):  # WGS84, 4 decimals as stored; empty when no place
        rows[column] = rows[column].map(lambda v: "" if pd.isna(v) else f"{v:.4f}")
    rows["view_url"] = rows["place"].map(lambda pid: place_link(pid, base_url))
    rows["source_url"] = rows["source_url"].map(lambda u: safe_url(u) or "")
    rows["dataset_version"] = version
    return rows.fillna("").reset_index(drop=True)


def to_csv(data: Dataset, claims: pd.DataFrame, base_url: str = "") -> bytes:
    """CSV of the shown claims, UTF-8 with a byte-order mark so spreadsheets read the scripts."""
    return claim_rows(claims, base_url, data.version).to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def claims_layer(data: Dataset, claims: pd.DataFrame, base_url: str = "") -> gpd.GeoDataFrame:
    """Shown claims as points at their place (claims naming no place have no geometry)."""
    rows = claim_rows(claims, base_url, data.version)
    rows = rows.drop(columns=["place_lat", "place_lon"])
    rows["sourced_as_one_of_12"] = claims["sourced_as_one_of_12"].astype(bool).to_numpy()
    points = data.places.set_index("id").geometry
    geometry = gpd.GeoSeries(rows["place"].map(points), crs=settings.crs)
    return gpd.GeoDataFrame(rows, geometry=geometry, crs=settings.crs)


def places_layer(data: Dataset, claims: pd.DataFrame, base_url: str = "") -> gpd.GeoDataFrame:
    """Places with at least one shown claim, with counts and the sources that name them."""
    shown = drawable(claims)
    counts = shown.groupby("place").agg(
        claims=("id", "size"), sources=("source", lambda s: "; ".join(dict.fromkeys(s)))
    )
    places = data.places.join(counts, on="id", how="inner").copy()
    places["other_names"] = places["other_names"].map("; ".join)
    places["precision_label"] = places["precision"].map(labels.precision)
    places["view_url"] = places["id"].map(lambda pid: place_link(pid, base_url))
    places["dataset_version"] = data.version
    return places.reset_index(drop=True)


def sources_table(data: Dataset, claims: pd.DataFrame) -> pd.DataFrame:
    """Sources behind the shown claims (including those they relay), as plain attributes."""
    sources = used_sources(data.sources, claims).copy()
    sources["cites"] = sources["cites"].map(";".join)
    audit = data.tables.get("source_audit")
    if audit is not None:
        checks = audit.set_index("source")[list(SOURCE_CHECK_COLUMNS)].rename(columns=SOURCE_CHECK_COLUMNS)
        sources = sources.join(checks.map(flat), on="id")
    return sources.fillna("").reset_index(drop=True)


def provinces_layer(data: Dataset, claims: pd.DataFrame) -> gpd.GeoDataFrame:
    """Provinces with the shown claims that name them outside XUAR, and whether Hikvision is named."""
    named = province_summary(claims)
    summary = pd.DataFrame(
        {
            "named_claims": named["claims"].map(len),
            "hikvision_named": named["hikvision_named"].astype(bool),
            "sources": named["sources"].map("; ".join),
        }
    )
    provinces = data.provinces.join(summary, on="iso_3166_2")
    provinces["named_claims"] = provinces["named_claims"].fillna(0).astype(int)
    provinces["hikvision_named"] = provinces["hikvision_named"].astype("boolean").fillna(False).astype(bool)
    provinces["sources"] = provinces["sources"].fillna("")
    provinces["tied_to_reported_12"] = False
    return provinces


def _write(gdf: pd.DataFrame, suffix: str, driver: str, layer: str | None = None, **options: object) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"out{suffix}"
        pyogrio.write_dataframe(gdf, path, driver=driver, layer=layer, **options)
        return path.read_bytes()


def to_geojson(data: Dataset, claims: pd.DataFrame, base_url: str = "") -> bytes:
    """GeoJSON (RFC 7946) FeatureCollection of the shown claims."""
    return _write(claims_layer(data, claims, base_url), ".geojson", "GeoJSON", RFC7946="YES", WRITE_NAME="NO")


def to_geopackage(data: Dataset, claims: pd.DataFrame, base_url: str = "") -> bytes:
    """GeoPackage with layers places, claims, sources (no geometry) and provinces."""
    layers = {
        "places": places_layer(data, claims, base_url),
        "claims": claims_layer(data, claims, base_url),
        "sources": sources_table(data, claims),
        "provinces": provinces_layer(data, claims),
    }
    with pyogrio_config({"OGR_CURRENT_DATE": FIXED_TIMESTAMP}), tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "export.gpkg"
        for name, layer in layers.items():
            pyogrio.write_dataframe(layer, path, layer=name, driver="GPKG", append=path.exists(), VERSION="1.2")
        return path.read_bytes()


class pyogrio_config:  # noqa: N801 (reads like the GDAL option it sets)
    """Set GDAL config options for the duration of a ``with`` block."""

    def __init__(self, options: dict[str, str]) -> None:
        self.options = options

    def __enter__(self) -> None:
        pyogrio.set_gdal_config_options(self.options)

    def __exit__(self, *exc: object) -> None:
        pyogrio.set_gdal_config_options(dict.fromkeys(self.options))


def kml_description(place: pd.Series, claims: pd.DataFrame) -> str:
    """HTML description for a placemark (Google Earth renders it as HTML, so text is escaped)."""
    names = " · ".join(
        n for n in (place["name_zh"], place["name_pinyin"], place["name_ug_latin"], place["name_ug_arabic"]) if n
    )
    parts = [f"<p>{esc(names)}<br><i>{esc(labels.precision(place['precision']))}</i></p>"]
    for claim in claims.to_dict("records"):
        source = {
            "publisher": claim["source_publisher"],
            "title": claim["source_title"],
            "published": claim["source_published"],
            "url": claim["source_url"],
        }
        parts.append(claim_html(claim, "kml", source=source))
    return "".join(parts)


def to_kml(data: Dataset, claims: pd.DataFrame, base_url: str = "") -> bytes:
    """KML for Google Earth: one placemark per place, named in the current language; descriptions carry the sources."""
    places = places_layer(data, claims, base_url)
    shown = drawable(claims)
    records = places.drop(columns="geometry").to_dict("records")
    places["Name"] = [labels.place_name(p) for p in records]
    places["Description"] = [kml_description(p, shown[shown["place"] == p["id"]]) for p in records]
    keep = [
        "Name",
        "Description",
        "id",
        "name_zh",
        "name_ug_arabic",
        "name_ug_latin",
        "precision",
        "sources",
        "view_url",
        "dataset_version",
    ]
    layer = places[[*keep, "geometry"]]
    return _write(layer, ".kml", "KML", layer="places")  # the driver reads the Name and Description columns
