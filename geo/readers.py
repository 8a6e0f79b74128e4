"""Readers: the only code that knows where the data files are and how they are parsed.

Every function reads from ``data_dir`` (default :data:`geo.settings.data_dir`) and returns
plain DataFrames or GeoDataFrames in WGS84. Cells are read as text, exactly as written, so
nothing is silently coerced; numbers and booleans are converted here. The validator reads
through these functions; :mod:`geo.dataset` puts the validated tables together.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo import settings


def resolve(data_dir: Path | str | None) -> Path:
    """Return ``data_dir`` as a Path, defaulting to the configured data folder."""
    return Path(data_dir) if data_dir is not None else settings.data_dir


def files_digest(data_dir: Path | str | None = None) -> bytes:
    """SHA-256 over every file's path and bytes in the data folder: the data's identity for caches."""
    data_dir = resolve(data_dir)
    digest = hashlib.sha256()
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        digest.update(path.relative_to(data_dir).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.digest()


def read_table(name: str, data_dir: Path | str | None = None) -> pd.DataFrame:
    """Read one CSV table as text: empty cells stay empty strings, never NaN."""
    return pd.read_csv(resolve(data_dir) / name, dtype=str, keep_default_na=False, encoding="utf-8")


def read_datapackage(data_dir: Path | str | None = None) -> dict:
    """Read ``datapackage.json`` (the schema, version and licences of the dataset)."""
    return json.loads((resolve(data_dir) / settings.DATAPACKAGE).read_text(encoding="utf-8"))


def split_list(cell: str) -> list[str]:
    """Split a ``;``-separated cell into its non-empty, stripped items."""
    return [item.strip() for item in cell.split(settings.LIST_SEPARATOR) if item.strip()]


def load_sources(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Sources, with ``cites`` as a list of source ids."""
    sources = read_table(settings.SOURCES_CSV, data_dir)
    sources["cites"] = sources["cites"].map(split_list)
    return sources


def load_places(data_dir: Path | str | None = None) -> gpd.GeoDataFrame:
    """Places as WGS84 points, with ``other_names`` as a list."""
    places = read_table(settings.PLACES_CSV, data_dir)
    places["lat"] = places["lat"].astype(float)
    places["lon"] = places["lon"].astype(float)
    places["other_names"] = places["other_names"].map(split_list)
    geometry = gpd.points_from_xy(places["lon"], places["lat"], crs=settings.crs)
    return gpd.GeoDataFrame(places, geometry=geometry, crs=settings.crs)


def load_claims(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Claims as stored, with ``sourced_as_one_of_12`` as a bool."""
    claims = read_table(settings.CLAIMS_CSV, data_dir)
    claims["sourced_as_one_of_12"] = claims["sourced_as_one_of_12"].str.lower().eq("true")
    return claims


def load_briefing(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Briefing steps in order, with ``claims`` as a list of claim ids and numbers parsed."""
    steps = read_table(settings.BRIEFING_CSV, data_dir)
    steps["step"] = steps["step"].astype(int)
    steps["zoom"] = steps["zoom"].astype(int)
    for side in ("west", "south", "east", "north"):
        steps[side] = pd.to_numeric(steps[side].replace("", None))
    steps["claims"] = steps["claims"].map(split_list)
    return steps.sort_values("step").reset_index(drop=True)


def load_corrections(data_dir: Path | str | None = None) -> pd.DataFrame:
    """The corrections log, in the order written (oldest first)."""
    return read_table(settings.CORRECTIONS_CSV, data_dir)


def release_dir(version: str, data_dir: Path | str | None = None) -> Path:
    """Folder holding the published tables as they were in release ``version``."""
    return resolve(data_dir) / settings.RELEASES_DIR / version


def release_versions(data_dir: Path | str | None = None) -> list[str]:
    """Versions that have a release snapshot, oldest first."""
    root = resolve(data_dir) / settings.RELEASES_DIR
    names = [p.name for p in root.iterdir() if p.is_dir()] if root.exists() else []
    return sorted((n for n in names if version_key(n)), key=version_key)


def version_key(version: str) -> tuple[int, ...]:
    """``"0.2.0"`` -> ``(0, 2, 0)``; () for anything that is not dotted numbers."""
    parts = version.split(".")
    return tuple(int(p) for p in parts) if all(p.isdigit() for p in parts) else ()


def load_provinces(data_dir: Path | str | None = None) -> gpd.GeoDataFrame:
    """China's provinces (Natural Earth), keyed by ``iso_3166_2``."""
    return gpd.read_file(resolve(data_dir) / settings.PROVINCES_FILE).set_crs(settings.crs, allow_override=True)


def load_countries(data_dir: Path | str | None = None) -> gpd.GeoDataFrame:
    """World countries (Natural Earth), for context and for checking non-Chinese points."""
    return gpd.read_file(resolve(data_dir) / settings.COUNTRIES_FILE).set_crs(settings.crs, allow_override=True)


def join_claims(claims: pd.DataFrame, places: gpd.GeoDataFrame, sources: pd.DataFrame) -> gpd.GeoDataFrame:
    """One row per claim with its place and source fields (prefixed) and the place point.

    Claims that name no place keep an empty geometry; ``province`` is filled from the
    place when the claim does not give one, so the province layer sees every claim.
    """
    place_cols = places.drop(columns="geometry").add_prefix("place_")
    source_cols = sources.add_prefix("source_")
    joined = claims.merge(place_cols, how="left", left_on="place", right_on="place_id")
    joined = joined.merge(source_cols, how="left", left_on="source", right_on="source_id")
    point_by_place = places.set_index("id").geometry
    joined["province"] = joined["province"].where(joined["province"] != "", joined["place_iso_3166_2"].fillna(""))
    geometry = gpd.GeoSeries(joined["place"].map(point_by_place), crs=settings.crs)
    return gpd.GeoDataFrame(joined.drop(columns=["place_id", "source_id"]), geometry=geometry, crs=settings.crs)
