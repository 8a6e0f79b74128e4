"""Exports of what is shown (the current filters, never everything silently).

Every function takes the dataset and the filtered claims and returns bytes, so the CLI
(``python -m geo export``) and the dashboard's download buttons produce identical files.
GIS formats are written by GDAL through pyogrio; the bibliography formats are plain JSON
and BibTeX text.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import geopandas as gpd
import pandas as pd
import pyogrio

from geo import labels, settings
from geo.html import esc, link
from geo.mapping import detail_url, named_provinces
from geo.tables import safe_url, used_sources

if TYPE_CHECKING:
    from geo.load import Dataset

#: GeoPackage stores a "last change" timestamp; fixing it keeps exports byte-identical.
FIXED_TIMESTAMP = "2026-01-01T00:00:00Z"
CLAIM_COLUMNS = [
    "id", "article_ref", "place", "place_name_en", "place_name_zh", "place_name_ug_arabic", "place_name_ug_latin",
    "place_admin_level", "place_precision", "place_lat", "place_lon", "province", "category", "status", "summary",
    "quote", "locator", "correction", "event_date", "event_date_end", "reported_date", "vendor_hikvision",
    "sourced_as_one_of_12", "source", "source_title", "source_publisher", "source_published", "source_url",
    "relayed_from",
]  # fmt: skip


def place_link(place_id: str, base_url: str) -> str:
    """Link back from a row to the place's view in the dashboard."""
    return f"{base_url.rstrip('/')}{detail_url(place_id)}" if place_id else ""


def claim_rows(claims: pd.DataFrame, base_url: str = "") -> pd.DataFrame:
    """One row per claim with place, coordinates, precision, source fields and a link back."""
    rows = claims[CLAIM_COLUMNS].copy()
    for column in ("place_lat", "place_lon"):  # WGS84, 4 decimals as stored; empty when no place
        rows[column] = rows[column].map(lambda v: "" if pd.isna(v) else f"{v:.4f}")
    rows["view_url"] = rows["place"].map(lambda pid: place_link(pid, base_url))
    rows["source_url"] = rows["source_url"].map(lambda u: safe_url(u) or "")
    return rows.fillna("").reset_index(drop=True)


def to_csv(data: Dataset, claims: pd.DataFrame, base_url: str = "") -> bytes:
    """CSV of the shown claims, UTF-8 with a byte-order mark so spreadsheets read the scripts."""
    del data  # same signature as the other exports
    return claim_rows(claims, base_url).to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def claims_layer(data: Dataset, claims: pd.DataFrame, base_url: str = "") -> gpd.GeoDataFrame:
    """Shown claims as points at their place (claims naming no place have no geometry)."""
    rows = claim_rows(claims, base_url)
    rows = rows.drop(columns=["place_lat", "place_lon"])
    rows["sourced_as_one_of_12"] = claims["sourced_as_one_of_12"].astype(bool).to_numpy()
    points = data.places.set_index("id").geometry
    geometry = gpd.GeoSeries(rows["place"].map(points), crs=settings.crs)
    return gpd.GeoDataFrame(rows, geometry=geometry, crs=settings.crs)


def places_layer(data: Dataset, claims: pd.DataFrame, base_url: str = "") -> gpd.GeoDataFrame:
    """Places with at least one shown claim, with counts and the sources that name them."""
    shown = claims[claims["place"] != ""]
    counts = shown.groupby("place").agg(
        claims=("id", "size"), sources=("source", lambda s: "; ".join(dict.fromkeys(s)))
    )
    places = data.places.join(counts, on="id", how="inner").copy()
    places["other_names"] = places["other_names"].map("; ".join)
    places["precision_label"] = places["precision"].map(labels.PRECISION)
    places["view_url"] = places["id"].map(lambda pid: place_link(pid, base_url))
    return places.reset_index(drop=True)


def sources_table(data: Dataset, claims: pd.DataFrame) -> pd.DataFrame:
    """Sources behind the shown claims (including those they relay), as plain attributes."""
    sources = used_sources(data, claims).copy()
    sources["cites"] = sources["cites"].map(";".join)
    return sources.reset_index(drop=True)


def provinces_layer(data: Dataset, claims: pd.DataFrame) -> gpd.GeoDataFrame:
    """Provinces with the shown claims that name them outside XUAR, and whether Hikvision is named."""
    named = named_provinces(data, claims)
    summary = named.groupby("province").agg(
        named_claims=("id", "size"),
        hikvision_named=("vendor_hikvision", lambda v: bool((v == "yes").any())),
        sources=("source", lambda s: "; ".join(dict.fromkeys(s))),
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
    parts = [f"<p>{esc(names)}<br><i>{esc(labels.PRECISION.get(place['precision'], place['precision']))}</i></p>"]
    for _, claim in claims.iterrows():
        source = f"{claim['source_publisher']}, {claim['source_title']} ({claim['source_published'] or 'n.d.'})"
        parts.append(
            f"<p>[{esc(labels.STATUS[claim['status']])}] {esc(claim['summary'])}"
            + (f"<br>Correction: {esc(claim['correction'])}" if claim["correction"] else "")
            + f"<br>Source: {link(claim['source_url'], source)}</p>"
        )
    return "".join(parts)


def to_kml(data: Dataset, claims: pd.DataFrame, base_url: str = "") -> bytes:
    """KML for Google Earth: one placemark per place; name and description carry the sources."""
    places = places_layer(data, claims, base_url)
    shown = claims[claims["place"] != ""]
    places["Name"] = places["name_en"]
    places["Description"] = [kml_description(p, shown[shown["place"] == p["id"]]) for _, p in places.iterrows()]
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
    ]
    layer = places[[*keep, "geometry"]]
    return _write(layer, ".kml", "KML", layer="places")  # the driver reads the Name and Description columns


CSL_TYPES = {
    "news_article": "article-newspaper",
    "research_report": "report",
    "white_paper": "report",
    "forum_post": "post",
    "contract": "document",
    "treaty": "treaty",
    "government_record": "legislation",
    "reference_work": "entry-encyclopedia",
    "advocacy_article": "webpage",
    "advocacy_briefing": "report",
}
BIBTEX_TYPES = {"research_report": "techreport", "white_paper": "techreport", "advocacy_briefing": "techreport"}


def _date_parts(text: str) -> list[int]:
    return [int(part) for part in text.split("-")] if text else []


def csl_item(source: pd.Series) -> dict:
    """One source as a CSL-JSON item (what Zotero and citeproc read)."""
    item: dict[str, object] = {
        "id": source["id"],
        "type": CSL_TYPES.get(source["kind"], "document"),
        "title": source["title"],
    }
    if source["author"]:
        item["author"] = [{"literal": name.strip()} for name in source["author"].split(";")]
    if source["publisher"]:
        key = "container-title" if source["kind"] in ("news_article", "forum_post") else "publisher"
        item[key] = source["publisher"]
    if source["published"]:
        item["issued"] = {"date-parts": [_date_parts(source["published"])]}
    if safe_url(source["url"]):
        item["URL"] = source["url"]
    if source["accessed"]:
        item["accessed"] = {"date-parts": [_date_parts(source["accessed"])]}
    if source["language"]:
        item["language"] = source["language"]
    note = "; ".join(n for n in (source["date_note"], source["notes"]) if n)
    if note:
        item["note"] = note
    return item


def to_csl_json(data: Dataset, claims: pd.DataFrame, base_url: str = "") -> bytes:
    """CSL-JSON array of the sources behind the shown claims."""
    del base_url
    items = [csl_item(s) for _, s in sources_table(data, claims).iterrows()]
    return (json.dumps(items, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


_BIBTEX_SPECIAL = re.compile(r"([{}\\&%$#_^~])")


def bibtex_escape(text: str) -> str:
    """Escape LaTeX specials so titles with &, %, _ or braces compile."""
    special = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}
    return _BIBTEX_SPECIAL.sub(lambda m: special.get(m.group(1), "\\" + m.group(1)), text)


def bibtex_entry(source: pd.Series) -> str:
    """One source as a BibTeX entry (biblatex-compatible fields)."""
    kind = BIBTEX_TYPES.get(source["kind"], "misc")
    fields = {
        "title": source["title"],
        "author": " and ".join(f"{{{a.strip()}}}" for a in source["author"].split(";") if a.strip()),
    }
    fields["publisher" if kind == "misc" else "institution"] = source["publisher"]
    if source["published"]:
        fields["year"] = source["published"][:4]
        fields["date"] = source["published"]
    if safe_url(source["url"]):
        fields["url"] = source["url"]
    if source["accessed"]:
        fields["urldate"] = source["accessed"]
    note = "; ".join(n for n in (source["date_note"], source["notes"]) if n)
    if note:
        fields["note"] = note
    lines = [f"@{kind}{{{source['id']},"]
    for name, value in fields.items():
        if value:
            escaped = value if name in ("url", "author") else bibtex_escape(value)
            lines.append(f"  {name} = {{{escaped}}},")
    lines.append("}")
    return "\n".join(lines)


def to_bibtex(data: Dataset, claims: pd.DataFrame, base_url: str = "") -> bytes:
    """BibTeX file of the sources behind the shown claims."""
    del base_url
    entries = [bibtex_entry(s) for _, s in sources_table(data, claims).iterrows()]
    return ("\n\n".join(entries) + "\n").encode("utf-8")


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """A zip with fixed timestamps, so the same content gives the same bytes."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return buffer.getvalue()
