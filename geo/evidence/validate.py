"""Validate the dataset: schema (Frictionless) plus the rules that make it evidence.

Every problem names the file, the row (header is row 1, as in a spreadsheet), the field
and the bad value, and all problems are reported at once, so one run fixes everything.

Which tables exist, and which fields hold partial dates or URLs, is read from the Data
Package itself (its resources, and the ``x-date`` and ``x-url`` marks on their fields), so
every table it describes gets the schema, foreign-key, NFC, URL and date checks with no
list here to keep in sync. Rules that only one table needs (citations, points, briefing
steps, the corrections log) are below; a new table may add its own, or none.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import shapely

from geo import settings, urls
from geo.evidence import corrections, dates, facts, quotes, readers, record

if TYPE_CHECKING:
    from collections.abc import Iterator

    import geopandas as gpd

#: ISO 3166-1 alpha-2 -> numeric code used by the Natural Earth countries layer.
COUNTRY_NUMERIC = {"CN": "156", "US": "840"}
#: Tables the rules below and the app read: the package must describe them (any other table is optional).
NEEDED_TABLES = (*settings.PUBLISHED_TABLES, settings.CORRECTIONS_CSV)


@dataclass(frozen=True)
class Problem:
    """One fault in one cell (or file), described for the person who will fix it."""

    file: str
    row: int | None
    field: str | None
    value: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.field:
            where += f", field '{self.field}'"
        value = f" (value: {self.value!r})" if self.value not in (None, "") else ""
        return f"{where}: {self.message}{value}"


def _row(index: int) -> int:
    """Spreadsheet row of a DataFrame index: the header is row 1."""
    return int(index) + 2


def tables_of(package: dict) -> tuple[str, ...]:
    """The files of every table the package describes, in its order."""
    return tuple(r["path"] for r in readers.tabular_resources(package))


def check_marks(package: dict) -> list[Problem]:
    """Each ``x-`` field property is one this code knows, with a value it knows, on a text field.

    A misspelt mark would otherwise be ignored without a word, and its field left unchecked.
    """
    problems = []
    for resource in readers.tabular_resources(package):
        for field in readers.schema_fields(resource):
            where = f"{resource['name']}.{field['name']}"
            for key, value in field.items():
                if not key.startswith("x-"):
                    continue
                allowed = readers.MARKS.get(key, ())
                if key not in readers.MARKS:
                    message = f"unknown field property '{key}' (known: {', '.join(readers.MARKS)})"
                elif not isinstance(value, str) or not value or (allowed and value not in allowed):
                    message = f"'{key}' must be " + (
                        " or ".join(f'"{v}"' for v in allowed) or 'its separator, e.g. ";"'
                    )
                elif field.get("type", "string") != "string":
                    message = f"'{key}' applies to fields of type string"
                else:
                    continue
                problems.append(Problem(settings.DATAPACKAGE, None, where, str(value), message))
    return problems


def check_files(data_dir: Path) -> tuple[list[Problem], dict | None]:
    """The package descriptor parses and describes every CSV (those the code needs first); every file it names exists."""
    descriptor = data_dir / settings.DATAPACKAGE
    if not descriptor.exists():
        return [Problem(settings.DATAPACKAGE, None, None, None, f"file is missing from {data_dir}")], None
    try:
        package = json.loads(descriptor.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return [Problem(settings.DATAPACKAGE, None, None, None, f"is not valid JSON: {exc}")], None
    problems = []
    tables = tables_of(package)
    expected = dict.fromkeys([*NEEDED_TABLES, *tables, settings.PROVINCES_FILE, settings.COUNTRIES_FILE])
    problems += [
        Problem(settings.DATAPACKAGE, None, "resources", name, "the package must describe this table")
        for name in NEEDED_TABLES
        if name not in tables
    ]
    problems += [
        Problem(settings.DATAPACKAGE, None, "resources", path.name, "no resource describes this CSV: add its schema")
        for path in sorted(data_dir.glob("*.csv"))
        if path.name not in tables and path.name not in NEEDED_TABLES
    ]
    problems += [
        Problem(name, None, None, None, "file is missing") for name in expected if not (data_dir / name).exists()
    ]
    return problems, package


def check_schema(data_dir: Path) -> list[Problem]:
    """Types, required fields, enums, patterns, unique and foreign keys, via Frictionless."""
    from frictionless import Package

    report = Package(str(data_dir / settings.DATAPACKAGE)).validate()
    problems = [Problem(settings.DATAPACKAGE, None, None, None, e.message) for e in report.errors]
    for task in report.tasks:
        for error in task.errors:
            field = getattr(error, "field_name", None)
            value = getattr(error, "cell", None)
            if error.type == "foreign-key":
                field = ", ".join(error.field_names)
                value = ", ".join(str(c) for c in error.field_cells)
            problems.append(
                Problem(
                    Path(task.place).name,
                    getattr(error, "row_number", None),
                    field,
                    value,
                    f"{error.title}: {error.note}",
                )
            )
    return problems


def _text_cells(table: pd.DataFrame) -> Iterator[tuple[int, str, str]]:
    for column in table.columns:
        for index, value in table[column].items():
            if value:
                yield index, column, value


def check_text(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """Text is NFC-normalised, so the same name is always the same bytes."""
    return [
        Problem(
            name, _row(i), col, value, "text is not NFC-normalised (normalise with unicodedata.normalize('NFC', ...))"
        )
        for name, table in tables.items()
        for i, col, value in _text_cells(table)
        if unicodedata.normalize("NFC", value) != value
    ]


def _marked_values(tables: dict[str, pd.DataFrame], package: dict, mark: str) -> Iterator[tuple[str, int, str, str]]:
    """``(file, index, field, value)`` for each non-empty value of the fields marked ``mark``; each item of a list."""
    for resource in readers.tabular_resources(package):
        table, separators = tables[resource["path"]], readers.marked(resource, readers.LIST_MARK)
        for field in readers.marked(resource, mark):
            if field not in table.columns:
                continue  # the schema check reports the missing column
            separator = separators.get(field)
            for i, cell in table[field].items():
                items = readers.split_list(cell, separator) if isinstance(separator, str) and separator else [cell]
                yield from ((resource["path"], i, field, item) for item in items if item)


def check_urls(tables: dict[str, pd.DataFrame], package: dict) -> list[Problem]:
    """Links (fields marked ``x-url``) are absolute http(s) URLs only: no javascript:, data:, file: or relative links."""
    return [
        Problem(name, _row(i), field, url, "URL must start with http:// or https:// and name a host")
        for name, i, field, url in _marked_values(tables, package, readers.URL_MARK)
        if not urls.is_http_url(url)
    ]


def check_dates(tables: dict[str, pd.DataFrame], package: dict) -> list[Problem]:
    """Dates (fields marked ``x-date``) are real ISO dates (YYYY, YYYY-MM or YYYY-MM-DD).

    A claim's period does not end before it starts.
    """
    problems = [
        Problem(name, _row(i), field, text, "not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
        for name, i, field, text in _marked_values(tables, package, readers.DATE_MARK)
        if dates.parse_partial_date(text) is None
    ]
    claims = tables[settings.CLAIMS_CSV]
    for i, (start, end) in claims[["event_date", "event_date_end"]].iterrows():
        first, last = dates.parse_partial_date(start), dates.parse_partial_date(end)
        if first and last and last < first:
            problems.append(
                Problem(settings.CLAIMS_CSV, _row(i), "event_date_end", end, f"ends before event_date {start}")
            )
    return problems


def check_references(tables: dict[str, pd.DataFrame], province_codes: set[str]) -> list[Problem]:
    """Links the schema cannot express: citation lists, province codes, coverage, corrections."""
    sources, places, claims = (tables[n] for n in (settings.SOURCES_CSV, settings.PLACES_CSV, settings.CLAIMS_CSV))
    source_ids = set(sources["id"])
    problems = [
        Problem(settings.SOURCES_CSV, _row(i), "cites", cited, "cites a source id that is not in sources.csv")
        for i, cell in sources["cites"].items()
        for cited in readers.split_list(cell)
        if cited not in source_ids
    ]
    problems += [
        Problem(settings.SOURCES_CSV, _row(i), "cites", sid, "a source cannot cite itself")
        for i, sid, cell in zip(sources.index, sources["id"], sources["cites"], strict=True)
        if sid in readers.split_list(cell)
    ]
    for i, claim in claims.iterrows():
        if claim["province"] and province_codes and claim["province"] not in province_codes:
            problems.append(
                Problem(
                    settings.CLAIMS_CSV,
                    _row(i),
                    "province",
                    claim["province"],
                    "no province boundary has this ISO 3166-2 code",
                )
            )
        if claim["relayed_from"] and claim["relayed_from"] == claim["source"]:
            problems.append(
                Problem(
                    settings.CLAIMS_CSV,
                    _row(i),
                    "relayed_from",
                    claim["relayed_from"],
                    "a claim cannot be relayed from its own source",
                )
            )
        if claim["status"] in ("corrected", "retracted") and not claim["correction"].strip():
            problems.append(
                Problem(
                    settings.CLAIMS_CSV,
                    _row(i),
                    "correction",
                    "",
                    f"status '{claim['status']}' needs the correction text (what is wrong, or why it was retracted)",
                )
            )
    claimed = set(claims["place"]) - {""}
    parents_of_claimed = set(places.loc[places["id"].isin(claimed), "parent"])
    problems += [
        Problem(
            settings.PLACES_CSV, _row(i), "id", pid, "place has no claim (and is not the parent of a place with one)"
        )
        for i, pid in places["id"].items()
        if pid not in claimed and pid not in parents_of_claimed
    ]
    return problems


#: Quote-check results that say the quote was found: they need the excerpt it was found in.
FOUND_QUOTES = ("verbatim", "verbatim_in_copy", "verbatim_in_relay")


def _audit_problems(claim_ids: set[str], audit: pd.DataFrame, key: str, name: str, what: str) -> list[Problem]:
    """Every id has exactly one audit row, and the audit names no unknown id (the schema's keys check the rest)."""
    return [
        Problem(name, None, key, cid, f"{what} has no row in {name}") for cid in sorted(claim_ids - set(audit[key]))
    ]


def check_audit(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """How each claim was checked is in the data, and it agrees with the claim as it stands.

    Every claim has its quote check; a quote found verbatim is inside the excerpt read
    (under :mod:`geo.evidence.quotes`' one normalisation); a quote not found says why; every claim
    has its contrary-evidence search (and, as reported, its corroboration search), for the status
    it has now; every source has its check.
    """
    claims, sources = tables[settings.CLAIMS_CSV], tables[settings.SOURCES_CSV]
    problems: list[Problem] = []
    quote_audit = tables.get(settings.QUOTE_AUDIT_CSV)
    if quote_audit is not None:
        problems += _audit_problems(set(claims["id"]), quote_audit, "claim", settings.QUOTE_AUDIT_CSV, "claim")
        quote_of = dict(zip(claims["id"], claims["quote"], strict=True))
        for i, row in quote_audit.iterrows():
            quote = quote_of.get(row["claim"], "")
            where = (settings.QUOTE_AUDIT_CSV, _row(i))
            if row["quote"] in FOUND_QUOTES:
                if not quote:
                    problems.append(Problem(*where, "quote", row["quote"], "the claim has no quote: use no_quote"))
                elif not (row["excerpt"] and row["excerpt_at"]):
                    problems.append(
                        Problem(*where, "excerpt", "", "a quote found needs the excerpt read and its address")
                    )
                elif (piece := quotes.missing_piece(quote, row["excerpt"])) is not None:
                    problems.append(
                        Problem(*where, "excerpt", piece, "this part of the claim's quote is not in the excerpt")
                    )
            elif row["quote"] == "no_quote" and quote:
                problems.append(Problem(*where, "quote", "no_quote", "the claim has a quote: check it"))
            elif row["quote"] == "not_found" and not row["note"]:
                problems.append(Problem(*where, "note", "", "a quote not found needs the reason in note"))
    status_audit = tables.get(settings.STATUS_AUDIT_CSV)
    if status_audit is not None:
        problems += _audit_problems(  # since 0.4.0 every claim: as reported ones are searched for corroboration
            set(claims["id"]), status_audit, "claim", settings.STATUS_AUDIT_CSV,
            "claim (each is searched: for evidence against it, and for corroboration when as reported)",
        )  # fmt: skip
        status_of = dict(zip(claims["id"], claims["status"], strict=True))
        problems += [
            Problem(settings.STATUS_AUDIT_CSV, _row(i), "status", row["status"],
                    f"the claim's status is now '{status_of[row['claim']]}': check it again")
            for i, row in status_audit.iterrows()
            if row["claim"] in status_of and row["status"] != status_of[row["claim"]]
        ]  # fmt: skip
    source_audit = tables.get(settings.SOURCE_AUDIT_CSV)
    if source_audit is not None:
        problems += _audit_problems(set(sources["id"]), source_audit, "source", settings.SOURCE_AUDIT_CSV, "source")
    return problems


def check_province_names(tables: dict[str, pd.DataFrame], province_codes: set[str]) -> list[Problem]:
    """A province's Uyghur name names a province of the map and is in the passage it was read in (as a quote is)."""
    table = tables.get(settings.PROVINCE_NAMES_CSV)
    if table is None:
        return []
    problems = []
    for i, row in table.iterrows():
        where = (settings.PROVINCE_NAMES_CSV, _row(i))
        if row["iso_3166_2"] not in province_codes:
            problems.append(Problem(*where, "iso_3166_2", row["iso_3166_2"], "no province of the map has this code"))
        if row["name_ug_arabic"] not in row["excerpt"]:
            problems.append(Problem(*where, "name_ug_arabic", row["name_ug_arabic"], "the passage read does not hold it"))
    return problems


def check_translations(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """A translation names a row and field that exist, and keeps every number and id its English has.

    A translation whose English has since changed is not an error: the page shows the
    English until it is translated again (``tests/test_i18n.py`` lists such stale rows).
    """
    table = tables.get(settings.TRANSLATIONS_CSV)
    if table is None:
        return []
    keys = {"claims": set(tables[settings.CLAIMS_CSV]["id"]), "briefing": set(tables[settings.BRIEFING_CSV]["step"])}
    problems = []
    for i, row in table.iterrows():
        where = (settings.TRANSLATIONS_CSV, _row(i))
        if row["row_id"] not in keys.get(row["table"], set()):
            problems.append(Problem(*where, "row_id", row["row_id"], f"no row of {row['table']} has this id"))
        lost = facts.lost_facts(row["english"], row["text"])
        if lost:
            problems.append(
                Problem(*where, "text", ", ".join(sorted(lost)), "the translation drops or changes these numbers or ids")
            )
    return problems


def check_briefing(briefing: pd.DataFrame, claim_ids: set[str]) -> list[Problem]:
    """Steps run 1..N, each has a view (a place or a full box) and rests on existing claims."""
    name = settings.BRIEFING_CSV
    problems = []
    numbers = [int(n) for n in briefing["step"] if n.isdigit()]
    if numbers != list(range(1, len(briefing) + 1)):
        problems.append(
            Problem(name, None, "step", ",".join(briefing["step"]), "steps must be numbered 1, 2, 3, … in order")
        )
    for i, row in briefing.iterrows():
        box = [row[k] for k in ("west", "south", "east", "north")]
        if not row["place"] and not all(box):
            problems.append(Problem(name, _row(i), "place", "", "give a place or all of west, south, east, north"))
        if all(box):
            west, south, east, north = (_number(v) for v in box)
            if None not in (west, south, east, north) and (west >= east or south >= north):
                problems.append(
                    Problem(
                        name,
                        _row(i),
                        "west, south, east, north",
                        ", ".join(box),
                        "box must have west < east and south < north",
                    )
                )
        ids = readers.split_list(row["claims"])
        if not ids:
            problems.append(Problem(name, _row(i), "claims", "", "a step must rest on at least one claim"))
        problems += [
            Problem(name, _row(i), "claims", cid, "no claim has this id") for cid in ids if cid not in claim_ids
        ]
    return problems


def check_log_entries(log: pd.DataFrame, source_ids: set[str]) -> list[Problem]:
    """Each corrections-log entry names a published table, a version, a reason and its evidence."""
    name = settings.CORRECTIONS_CSV
    problems = []
    for i, entry in log.iterrows():
        if entry["table"] not in settings.PUBLISHED_TABLES:
            problems.append(Problem(name, _row(i), "table", entry["table"], "not one of the published tables"))
        if not readers.version_key(entry["version"]):
            problems.append(Problem(name, _row(i), "version", entry["version"], "not a version such as 0.2.0"))
        if not entry["why"].strip():
            problems.append(Problem(name, _row(i), "why", "", "say why the value changed"))
        evidence = entry["evidence"].strip()
        if not (evidence in source_ids or urls.is_http_url(evidence)):
            problems.append(
                Problem(name, _row(i), "evidence", evidence, "give a source id from sources.csv or an http(s) address")
            )
    return problems


def check_corrections(data_dir: Path, tables: dict[str, pd.DataFrame], version: str) -> list[Problem]:
    """Every change to a published row since the last release is in the log, and the log matches the data."""
    log = tables[settings.CORRECTIONS_CSV]
    problems = check_log_entries(log, set(tables[settings.SOURCES_CSV]["id"]))
    release = corrections.last_release(version, data_dir)
    if release is None:
        return problems  # nothing released before this version: nothing to compare with
    released = corrections.released_tables(release, data_dir)
    current = {name: tables[name] for name in settings.PUBLISHED_TABLES}
    for m in corrections.check_log(log, version, released, current):
        where = f"{m.table}, {m.row_id}" + (f", field '{m.field}'" if m.field and m.field != "*" else "")
        if m.log_row is not None:
            problems.append(Problem(settings.CORRECTIONS_CSV, m.log_row, "after", m.value, f"{where}: {m.message}"))
            continue
        key = settings.PUBLISHED_TABLES[m.table]
        rows = tables[m.table].index[tables[m.table][key] == m.row_id]
        row = _row(rows[0]) if len(rows) else None
        field = m.field if m.field != corrections.WHOLE_ROW else key
        hint = "; `python -m geo corrections` drafts the entry" if "no entry" in m.message else ""
        message = f"{m.message} (release {release}, version {version}){hint}"
        problems.append(Problem(m.table, row, field, m.value, message))
    return problems


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if pd.notna(value) else None


def check_points(places: pd.DataFrame, provinces: gpd.GeoDataFrame, countries: gpd.GeoDataFrame) -> list[Problem]:
    """Each point lies inside its declared province (China) or country; flags swapped lat/lon."""
    by_province = provinces.set_index("iso_3166_2").geometry
    by_country = countries.set_index("iso_n3").geometry
    problems = []
    for i, place in places.iterrows():
        lat, lon = _number(place["lat"]), _number(place["lon"])
        if lat is None or lon is None:
            continue  # the schema check reports it
        code = place["iso_3166_2"]
        if code in by_province.index:
            area, label = by_province[code], f"province {code}"
        elif COUNTRY_NUMERIC.get(place["country"]) in by_country.index:
            area, label = by_country[COUNTRY_NUMERIC[place["country"]]], f"country {place['country']}"
        else:
            problems.append(
                Problem(settings.PLACES_CSV, _row(i), "iso_3166_2", code, "no boundary to check this point against")
            )
            continue
        if shapely.intersects(area, shapely.Point(lon, lat)):
            continue
        hint = (
            "latitude and longitude look swapped"
            if shapely.intersects(area, shapely.Point(lat, lon))
            else "check the coordinate and the code"
        )
        problems.append(
            Problem(
                settings.PLACES_CSV,
                _row(i),
                "lat, lon",
                f"{place['lat']}, {place['lon']}",
                f"point is outside {label}: {hint}",
            )
        )
    return problems


def validate_dataset(data_dir: Path | str | None = None) -> list[Problem]:
    """Run every check and return every problem found (empty list: the data is valid)."""
    data_dir = readers.resolve(data_dir)
    problems, package = check_files(data_dir)
    if package is None or any(p.field is None and p.row is None and p.file != settings.DATAPACKAGE for p in problems):
        return problems  # without the files the remaining checks cannot run
    problems += check_schema(data_dir)
    problems += check_marks(package)
    names = dict.fromkeys([*NEEDED_TABLES, *tables_of(package)])  # a needed table is checked even if undescribed
    tables = {name: readers.read_table(name, data_dir) for name in names}
    provinces, countries = readers.load_provinces(data_dir), readers.load_countries(data_dir)
    problems += check_text(tables)
    problems += check_urls(tables, package)
    problems += check_dates(tables, package)
    problems += check_references(tables, set(provinces["iso_3166_2"]))
    problems += check_points(tables[settings.PLACES_CSV], provinces, countries)
    problems += check_briefing(tables[settings.BRIEFING_CSV], set(tables[settings.CLAIMS_CSV]["id"]))
    problems += check_audit(tables)
    problems += record.check_measures(tables, set(countries["iso_n3"]), Problem)
    problems += record.check_counter_claims(tables, Problem)
    problems += check_translations(tables)
    problems += check_province_names(tables, set(provinces["iso_3166_2"]))
    problems += check_corrections(data_dir, tables, str(package.get("version", "")))
    return problems


#: The code a validation result depends on: this whole wing (every rule it checks with, the quote and fact
#: rules included) and the root modules under it. A folder, not a list of modules, so a new rule counts.
VALIDATOR_CODE = (Path(__file__).resolve().parent, Path(settings.__file__).resolve().parent)


def validator_files() -> list[Path]:
    """The Python files :data:`VALIDATOR_CODE` names: the ``evidence`` wing and ``geo``'s root modules, sorted."""
    wing, root = VALIDATOR_CODE
    return sorted(wing.glob("*.py")) + sorted(root.glob("*.py"))


def data_fingerprint(data_dir: Path | str | None = None) -> str:
    """SHA-256 over every file in the data folder, the validator's code (:data:`VALIDATOR_CODE`) and Frictionless's version.

    Two folders with the same fingerprint get the same validation result, byte for byte.
    """
    from importlib.metadata import version

    digest = hashlib.sha256(version("frictionless").encode())
    for path in validator_files():
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update(readers.files_digest(data_dir))
    return digest.hexdigest()


def validate_dataset_once(data_dir: Path | str | None = None) -> list[Problem]:
    """:func:`validate_dataset`, skipped when these exact bytes already passed this exact validator.

    A pass is remembered as an empty file named by :func:`data_fingerprint` in
    ``settings.cache_dir`` (like datasette's ``inspect`` file for immutable databases), so a
    restarted app does not spend ~0.8 s of its first page load re-validating unchanged data.
    Any change to a data file or to the validator gives a new fingerprint and a full run;
    failures are never remembered.
    """
    stamp = settings.cache_dir / "validated" / data_fingerprint(data_dir)
    if stamp.exists():
        return []
    problems = validate_dataset(data_dir)
    if not problems:
        with contextlib.suppress(OSError):  # a read-only disk only costs the next start a re-validation
            stamp.parent.mkdir(parents=True, exist_ok=True)
            stamp.touch()
    return problems
