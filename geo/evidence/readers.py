"""Readers: the only code that knows where the data files are and how they are parsed.

Every function reads from ``data_dir`` (default :data:`geo.settings.data_dir`) and returns
plain DataFrames or GeoDataFrames in WGS84. Cells are read as text, exactly as written, so
nothing is silently coerced; then every table the Data Package describes is converted by
its own schema (:func:`load_table`: integers, numbers, booleans, and the lists marked in
it), so a new table needs a resource in ``datapackage.json`` and no code. Only tables whose
data needs more than their schema have a reader of their own (:data:`SPECIAL_READERS`,
:func:`join_claims`), built on that one. The validator reads through these functions;
:mod:`geo.evidence.dataset` puts the validated tables together.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo import settings

#: Field properties this project adds to Table Schema, so that the schema is the one home of
#: what a field holds. Frictionless 5 accepts such properties without error or warning.
#: ``"x-list": ";"``: the cell is a list, items separated by the value.
LIST_MARK = "x-list"
#: ``"x-date": "partial"``: an ISO date, year-month or year (checked by :mod:`geo.evidence.validate`).
DATE_MARK = "x-date"
#: ``"x-url": "http"``: an absolute http(s) address (checked by :mod:`geo.evidence.validate`).
URL_MARK = "x-url"
#: Every mark with the values it may take (none listed: any non-empty text, as a list's separator).
MARKS: dict[str, tuple[str, ...]] = {LIST_MARK: (), DATE_MARK: ("partial",), URL_MARK: ("http",)}
#: Frictionless's default spellings of a boolean (Table Schema ``trueValues``/``falseValues``).
TRUE_VALUES = ("true", "True", "TRUE", "1")
FALSE_VALUES = ("false", "False", "FALSE", "0")


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


def tabular_resources(package: dict) -> list[dict]:
    """The package's tables (a file path and an inline Table Schema), in the package's order.

    This list, not a list in the code, says which tables exist: a resource added to
    ``datapackage.json`` is validated and loaded with no other edit.
    """
    resources = package.get("resources")
    return [r for r in resources if _is_table(r)] if isinstance(resources, list) else []


def _is_table(resource: object) -> bool:
    return isinstance(resource, dict) and all(
        isinstance(resource.get(key), kind) for key, kind in (("name", str), ("path", str), ("schema", dict))
    )


def schema_fields(resource: dict) -> list[dict]:
    """The field descriptors of a resource's schema (those that have a name)."""
    fields = resource.get("schema", {}).get("fields", [])
    return (
        [f for f in fields if isinstance(f, dict) and isinstance(f.get("name"), str)]
        if isinstance(fields, list)
        else []
    )


def marked(resource: dict, mark: str) -> dict[str, object]:
    """The fields of ``resource`` that carry the property ``mark``, with its value (``{"cites": ";"}``)."""
    return {f["name"]: f[mark] for f in schema_fields(resource) if mark in f}


def split_list(cell: str, separator: str = settings.LIST_SEPARATOR) -> list[str]:
    """Split a ``separator``-separated cell into its non-empty, stripped items."""
    return [item.strip() for item in cell.split(separator) if item.strip()]


def _required(field: dict) -> bool:
    constraints = field.get("constraints")
    return isinstance(constraints, dict) and constraints.get("required") is True


def _integers(column: pd.Series, field: dict) -> pd.Series:
    """Whole numbers: ``int64`` when the schema requires a value, else nullable ``Int64`` (empty is NA)."""
    if _required(field):
        return column.astype(int)
    return pd.Series([int(v) if v else pd.NA for v in column], index=column.index, dtype="Int64")


def _numbers(column: pd.Series, field: dict) -> pd.Series:
    """Floats; an empty cell is NaN (a number field may be optional, as a briefing step's box is)."""
    return pd.to_numeric(column.where(column != "")).astype(float)


def _booleans(column: pd.Series, field: dict) -> pd.Series:
    """The schema's true and false values (Frictionless's defaults unless it names its own).

    ``bool`` when the schema requires a value; else nullable ``boolean`` (empty is NA), so a
    missing answer is never read as ``False``.
    """
    true = set(field.get("trueValues", TRUE_VALUES))
    false = set(field.get("falseValues", FALSE_VALUES))
    values = [True if v in true else False if v in false else pd.NA for v in column]
    if _required(field):
        return pd.Series([v is True for v in values], index=column.index, dtype=bool)
    return pd.Series(values, index=column.index, dtype="boolean")


#: Table Schema types converted from text; every other type (string, dates, …) stays as written.
CONVERTERS = {"integer": _integers, "number": _numbers, "boolean": _booleans}


def convert(table: pd.DataFrame, resource: dict, *, as_text: tuple[str, ...] = ()) -> pd.DataFrame:
    """Convert a text table by its schema: typed numbers and booleans, lists split on their separator.

    A field marked ``LIST_MARK`` becomes a list of items; partial dates (``DATE_MARK``) and
    URLs stay text (:mod:`geo.evidence.dates` parses a partial date where it is used). ``as_text``
    keeps fields as written, for a special reader whose data needs more than the schema.
    """
    table = table.copy()
    for field in schema_fields(resource):
        name = field["name"]
        if name not in table.columns or name in as_text:
            continue
        if field.get(LIST_MARK) and isinstance(field[LIST_MARK], str):
            table[name] = table[name].map(lambda cell, sep=field[LIST_MARK]: split_list(cell, sep))
        elif field.get("type") in CONVERTERS:
            table[name] = CONVERTERS[field["type"]](table[name], field)
    return table


def load_table(resource: dict, data_dir: Path | str | None = None, *, as_text: tuple[str, ...] = ()) -> pd.DataFrame:
    """Read any table of the package and convert it by its schema: what a new table gets with no code."""
    return convert(read_table(resource["path"], data_dir), resource, as_text=as_text)


def read_places(resource: dict, data_dir: Path | str | None = None) -> gpd.GeoDataFrame:
    """Places as WGS84 points, with ``other_names`` as a list.

    ``geonames_id`` stays text although the schema checks it as an integer: it is a name
    (linked and exported as written), and many places have none.
    """
    places = load_table(resource, data_dir, as_text=("geonames_id",))
    geometry = gpd.points_from_xy(places["lon"], places["lat"], crs=settings.crs)
    return gpd.GeoDataFrame(places, geometry=geometry, crs=settings.crs)


def read_briefing(resource: dict, data_dir: Path | str | None = None) -> pd.DataFrame:
    """Briefing steps in step order (the presenter's order, whatever the file's row order)."""
    return load_table(resource, data_dir).sort_values("step").reset_index(drop=True)


#: Tables whose data needs more than their schema, by resource name; every other table is read by :func:`load_table`.
SPECIAL_READERS = {"places": read_places, "briefing": read_briefing}


def load_tables(data_dir: Path | str | None = None, package: dict | None = None) -> dict[str, pd.DataFrame]:
    """Every table the package describes, by resource name, converted by its schema."""
    package = read_datapackage(data_dir) if package is None else package
    return {r["name"]: SPECIAL_READERS.get(r["name"], load_table)(r, data_dir) for r in tabular_resources(package)}


def load_resource(name: str, data_dir: Path | str | None = None) -> pd.DataFrame:
    """One table by resource name, through its special reader if it has one."""
    resource = {r["name"]: r for r in tabular_resources(read_datapackage(data_dir))}[name]
    return SPECIAL_READERS.get(name, load_table)(resource, data_dir)


def load_places(data_dir: Path | str | None = None) -> gpd.GeoDataFrame:
    """Places as WGS84 points (see :func:`read_places`)."""
    return load_resource("places", data_dir)


def load_corrections(data_dir: Path | str | None = None) -> pd.DataFrame:
    """The corrections log, in the order written (oldest first)."""
    return load_resource("corrections", data_dir)


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


def name_provinces(provinces: gpd.GeoDataFrame, names: pd.DataFrame | None) -> gpd.GeoDataFrame:
    """The provinces with their Uyghur names (``province_names.csv``) as ``name_ug_arabic``; "" where none was read.

    The same column as a place's, so one rule (:func:`geo.rules.labels.place_name`) names both.
    """
    ug = dict(zip(names["iso_3166_2"], names["name_ug_arabic"], strict=True)) if names is not None else {}
    return provinces.assign(name_ug_arabic=provinces["iso_3166_2"].map(ug).fillna(""))


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


#: Columns of the quote check and of the contrary-evidence search a joined claim carries, by new name.
QUOTE_CHECK_COLUMNS = {"checked": "check_date", "quote": "check_quote", "excerpt": "check_excerpt",
                       "excerpt_at": "check_excerpt_at", "found_at": "check_found_at", "relay": "check_relay",
                       "note": "check_note"}  # fmt: skip
CONTRARY_COLUMNS = {"checked": "contrary_date", "queries": "contrary_queries", "found": "contrary_found",
                    "found_at": "contrary_found_at", "verdict": "contrary_verdict"}  # fmt: skip
#: Of those, the ones that hold lists (their fields are marked ``x-list``).
CHECK_LIST_COLUMNS = ("check_found_at", "contrary_queries", "contrary_found_at")


def join_checks(
    claims: pd.DataFrame, quote_audit: pd.DataFrame | None, status_audit: pd.DataFrame | None
) -> pd.DataFrame:
    """Claims with how each was checked: its quote check and, where there is one, its contrary-evidence search.

    List cells (addresses, queries) stay lists; a claim without a row gets empty text.
    A table the package does not describe joins as empty columns, so every view has them.
    """
    out = claims.copy()
    for audit, columns in ((quote_audit, QUOTE_CHECK_COLUMNS), (status_audit, CONTRARY_COLUMNS)):
        frame = audit if audit is not None else pd.DataFrame(columns=["claim", *columns])
        picked = frame.set_index("claim")[list(columns)].rename(columns=columns)
        joined = out[["id"]].join(picked, on="id")
        for name in columns.values():
            empty: list | str = [] if name in CHECK_LIST_COLUMNS else ""
            out[name] = [value if isinstance(value, list) or pd.notna(value) else empty for value in joined[name]]
    return out


#: What answers each claim (``counter_claims.csv``), as claim columns: the first row found, else none found, else not sought.
OTHER_SIDE_COLUMNS = {"found": "other_side", "speaker": "other_side_speaker", "said": "other_side_said",
                      "quote": "other_side_quote", "excerpt_at": "other_side_at", "assessment": "other_side_assessment",
                      "note": "other_side_note"}  # fmt: skip
#: Which answer to a claim is the strongest: a counter-claim found, then a search that found none, then none sought.
ANSWER_ORDER = ("found", "none_found", "not_sought")


def answer_rank(row: dict) -> int:
    """Where a ``counter_claims.csv`` row stands in :data:`ANSWER_ORDER` (0: strongest)."""
    return ANSWER_ORDER.index(row["found"]) if row["found"] in ANSWER_ORDER else len(ANSWER_ORDER)


def join_other_side(claims: pd.DataFrame, counter_claims: pd.DataFrame | None) -> pd.DataFrame:
    """Claims with the strongest answer to each (empty text where the package has no ``counter_claims`` table)."""
    out = claims.copy()
    best: dict[str, dict] = {}
    for row in [] if counter_claims is None else counter_claims.to_dict("records"):
        for claim_id in row["answers"] if isinstance(row["answers"], list) else split_list(row["answers"]):
            held = best.get(claim_id)
            if held is None or answer_rank(row) < answer_rank(held):
                best[claim_id] = row
    for field, column in OTHER_SIDE_COLUMNS.items():
        out[column] = [str(best.get(cid, {}).get(field, "") or "") for cid in out["id"]]
    return out
