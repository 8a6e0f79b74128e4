"""A presenter's own briefing as a file: read and checked, written, and carried in a link.

The file has the schema of ``data/briefing.csv`` (the shipped steps are simply the default
briefing), so what the app checks in the dataset it checks here: numbered steps, a place or
a box, a zoom, claims that exist. A bad file changes nothing and is reported by row and
field. Nothing is stored on the server: the presenter keeps the file, and a short briefing
also travels in its link (the CSV, compressed, in one query parameter).
"""

from __future__ import annotations

import base64
import binascii
import csv
import dataclasses
import functools
import io
import unicodedata
import zlib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import pandas as pd

from geo import settings
from geo.errors import BriefingFileError
from geo.evidence import readers, validate
from geo.evidence.validate import Problem
from geo.language import i18n
from geo.language.scripts import has_arabic, has_han
from geo.rules.drawing import Box

if TYPE_CHECKING:
    from geo.evidence.dataset import Dataset

#: The file name offered for download.
FILE_NAME = "my-briefing.csv"
#: Limits that keep a file a briefing (and the server safe from a huge upload).
MAX_BYTES = 300_000
MAX_STEPS = 60
MAX_TITLE = 200
MAX_CAPTION = 3_000
#: Longest link parameter offered; longer briefings are shared as a file (browsers and chat apps cut long links).
MAX_LINK = 1_800


def _resource() -> dict:
    return _briefing_resource(str(settings.data_dir))


@functools.cache
def _briefing_resource(data_dir: str) -> dict:
    package = readers.read_datapackage(data_dir)
    return next(r for r in readers.tabular_resources(package) if r["name"] == "briefing")


def fields() -> list[str]:
    """The briefing schema's columns, in order (from ``datapackage.json``: the one home of the schema)."""
    return [f["name"] for f in readers.schema_fields(_resource())]


def _text_table(content: bytes, name: str) -> pd.DataFrame:
    """The file's cells as text, NFC-normalised (nothing else changed), or a BriefingFileError."""
    if len(content) > MAX_BYTES:
        raise BriefingFileError([Problem(name, None, None, None, f"the file is over {MAX_BYTES:,} bytes")])
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BriefingFileError([Problem(name, None, None, None, f"not UTF-8 text ({error.reason})")]) from None
    try:
        table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise BriefingFileError([Problem(name, None, None, None, f"not a CSV table ({error})")]) from None
    return table.map(lambda cell: unicodedata.normalize("NFC", cell.strip()))


def _cell_problems(table: pd.DataFrame, name: str, place_ids: set[str]) -> list[Problem]:
    problems = []
    for index, row in table.iterrows():
        at = index + 2  # spreadsheet rows: the header is row 1
        for field, limit in (("title", MAX_TITLE), ("caption", MAX_CAPTION)):
            if not row[field]:
                problems.append(Problem(name, at, field, "", "required"))
            elif len(row[field]) > limit:
                problems.append(Problem(name, at, field, row[field][:40] + "…", f"longer than {limit} characters"))
        if row["place"] and row["place"] not in place_ids:
            problems.append(Problem(name, at, "place", row["place"], "no place has this id"))
        zoom = row["zoom"]
        if not (zoom.isdigit() and 1 <= int(zoom) <= 18):
            problems.append(Problem(name, at, "zoom", zoom, "a whole number from 1 to 18"))
        for field, low, high in (("west", -180, 180), ("south", -90, 90), ("east", -180, 180), ("north", -90, 90)):
            value = row[field]
            number = validate._number(value) if value else None
            if value and (number is None or not low <= number <= high):
                problems.append(Problem(name, at, field, value, f"a number from {low} to {high}"))
    return problems


def read_briefing_file(content: bytes, data: Dataset, name: str = FILE_NAME) -> pd.DataFrame:
    """The briefing in ``content`` as a table like ``data.briefing``; raises BriefingFileError listing every fault.

    Columns are the schema's (extra or missing ones are named); each step needs a title, a
    caption, a place or a full box, a zoom, and claims of this dataset.
    """
    table = _text_table(content, name)
    missing = [f for f in fields() if f not in table.columns]
    extra = [c for c in table.columns if c not in fields()]
    problems = [Problem(name, 1, f, None, "this column is missing") for f in missing]
    problems += [Problem(name, 1, c, None, "not a briefing column (expected: " + ", ".join(fields()) + ")")
                 for c in extra]  # fmt: skip
    if problems:
        raise BriefingFileError(problems)
    if table.empty:
        raise BriefingFileError([Problem(name, None, None, None, "the briefing has no steps")])
    if len(table) > MAX_STEPS:
        raise BriefingFileError([Problem(name, None, None, None, f"more than {MAX_STEPS} steps")])
    problems = [dataclasses.replace(p, file=name) for p in validate.check_briefing(table, set(data.claims["id"]))]
    problems += _cell_problems(table, name, set(data.places["id"]))
    if problems:
        raise BriefingFileError(problems)
    return readers.convert(table[fields()], _resource()).sort_values("step").reset_index(drop=True)


def _cell(value: object) -> str:
    if isinstance(value, list | tuple):
        return settings.LIST_SEPARATOR.join(str(v) for v in value)
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".")
    return str(value)


def to_csv(table: pd.DataFrame) -> bytes:
    """The briefing as a UTF-8 CSV in the schema's columns (English text columns as written, never the translation)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(fields())
    for row in table.sort_values("step").to_dict("records"):
        writer.writerow([_cell(row.get(f"{f}_en", row.get(f))) for f in fields()])
    return buffer.getvalue().encode("utf-8")


def to_link(table: pd.DataFrame) -> str | None:
    """The briefing as one URL-safe parameter value, or None when it is too long for a link (share the file)."""
    packed = base64.urlsafe_b64encode(zlib.compress(to_csv(table), 9)).decode("ascii").rstrip("=")
    return packed if len(packed) <= MAX_LINK else None


def from_link(value: str, data: Dataset) -> pd.DataFrame:
    """The briefing a link carries (:func:`to_link`), checked like a file; BriefingFileError if it is not one."""
    name = "link"
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        content = zlib.decompressobj().decompress(raw, MAX_BYTES + 1)
    except (binascii.Error, ValueError, zlib.error):
        raise BriefingFileError([Problem(name, None, None, None, "the link does not hold a briefing")]) from None
    return read_briefing_file(content, data, name)


def new_step(
    *, title: str, caption: str, claim_ids: Iterable[str], zoom: int, place: str = "", box: Box | None = None
) -> dict:
    """One step's row (its number is set by :func:`renumber`): a place, or a box, with a zoom and the claims shown."""
    west, south, east, north = (round(v, 4) for v in box) if box and not place else (float("nan"),) * 4
    return {
        "step": 0, "title": unicodedata.normalize("NFC", title.strip()),
        "caption": unicodedata.normalize("NFC", caption.strip()), "place": place, "west": west, "south": south,
        "east": east, "north": north, "zoom": int(zoom), "claims": list(claim_ids),
    }  # fmt: skip


def renumber(rows: Iterable[Mapping]) -> pd.DataFrame:
    """Rows in their given order as a briefing table, numbered 1, 2, 3, … (after an add, move or removal)."""
    records = [{f: row[f] for f in fields()} | {"step": n} for n, row in enumerate(rows, start=1)]
    return pd.DataFrame(records, columns=fields())


def script_language(text: str) -> str:
    """The language a presenter's own text is most likely in, by its script (Arabic script: ug; Han: zh).

    Own text carries no language of its own; browsers and screen readers need one to read it.
    """
    return "ug" if has_arabic(text) else "zh" if has_han(text) else i18n.DEFAULT


def with_languages(table: pd.DataFrame) -> pd.DataFrame:
    """The table with ``title_lang`` and ``caption_lang`` guessed from each text's script, as pages mark text."""
    table = table.copy()
    for field in ("title", "caption"):
        table[f"{field}_lang"] = table[field].map(script_language)
    return table


def check(table: pd.DataFrame, data: Dataset) -> pd.DataFrame:
    """A table built in the app, checked as its file would be (what is presented is what downloads)."""
    return read_briefing_file(to_csv(table), data, FILE_NAME)
