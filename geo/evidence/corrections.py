"""The corrections log: what changed in a published row since the last release, and whether the log says so.

A release keeps a copy of its published tables in ``data/releases/<version>/``. Every
difference between that copy and the current tables (a changed cell, an added row) must
be explained by entries of ``corrections.csv`` for the current version, and every such
entry must match the data: its ``before`` is the released value (or the previous entry's
``after``) and the last ``after`` is the value now. Rows are never removed; a claim that
no longer stands becomes a tombstone with status ``retracted``. These functions return
plain records; :mod:`geo.evidence.validate` turns them into problems.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from geo import settings
from geo.evidence import readers

if TYPE_CHECKING:
    from pathlib import Path

#: ``field`` of a log entry recording a new row; its ``after`` is :data:`ADDED`.
WHOLE_ROW = "*"
ADDED = "added"


@dataclass(frozen=True)
class Change:
    """One cell (or, with ``field == "*"``, one row) that differs from the last release."""

    table: str
    row_id: str
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class Mismatch:
    """A difference between the data and the log, for the person fixing it."""

    table: str
    row_id: str
    field: str | None
    value: str
    message: str
    log_row: int | None = None  # spreadsheet row of corrections.csv, when an entry is at fault


@dataclass(frozen=True)
class RowChange:
    """What the log says last happened to one row: added, corrected (which fields) or retracted, and when."""

    kind: str  # "added", "corrected" or "retracted"
    date: str
    version: str
    fields: tuple[str, ...] = ()


def latest_changes(log: pd.DataFrame, table: str) -> dict[str, RowChange]:
    """Per row of ``table``: its most recent logged change (one date; all fields changed that day).

    Plain records, not a pandas group per row: this runs for every page's first view.
    """
    by_row: dict[str, list[dict]] = {}
    for entry in log.to_dict("records"):
        if entry["table"] == table:
            by_row.setdefault(str(entry["row_id"]), []).append(entry)
    out: dict[str, RowChange] = {}
    for row_id, entries in by_row.items():
        date = max(e["date"] for e in entries)
        latest = [e for e in entries if e["date"] == date]
        fields = tuple(dict.fromkeys(e["field"] for e in latest if e["field"] != WHOLE_ROW))
        retracted = any(e["field"] == "status" and e["after"] == "retracted" for e in latest)
        added = any(e["field"] == WHOLE_ROW for e in latest)
        kind = "retracted" if retracted else "added" if added else "corrected"
        out[row_id] = RowChange(kind, date, str(latest[-1]["version"]), fields)
    return out


def last_release(version: str, data_dir: Path | str | None = None) -> str | None:
    """The newest release snapshot older than ``version`` (None before the first release)."""
    current = readers.version_key(version)
    older = [v for v in readers.release_versions(data_dir) if readers.version_key(v) < current]
    return older[-1] if older else None


def released_tables(release: str, data_dir: Path | str | None = None) -> dict[str, pd.DataFrame]:
    """The published tables as they were in ``release`` (text cells, as written).

    A table published after that release was empty in it: each of its rows is a row added since.
    """
    folder = readers.release_dir(release, data_dir)
    return {
        name: readers.read_table(name, folder) if (folder / name).exists() else pd.DataFrame(columns=[key], dtype=str)
        for name, key in settings.PUBLISHED_TABLES.items()
    }


def _rows(table: pd.DataFrame, key: str) -> dict[str, dict[str, str]]:
    return {str(record[key]): {k: str(v) for k, v in record.items()} for record in table.to_dict("records")}


def diff(released: dict[str, pd.DataFrame], current: dict[str, pd.DataFrame]) -> tuple[list[Change], list[Change]]:
    """Changed cells and added rows since the release, and released rows that are gone.

    A column the release did not have counts as empty there, so adding a column needs no
    entry until a published row gets a value in it.
    """
    changes, removed = [], []
    for name, key in settings.PUBLISHED_TABLES.items():
        before, after = _rows(released[name], key), _rows(current[name], key)
        removed += [Change(name, rid, WHOLE_ROW, "", "") for rid in before if rid not in after]
        for rid, row in after.items():
            if rid not in before:
                changes.append(Change(name, rid, WHOLE_ROW, "", ADDED))
                continue
            old = before[rid]
            changes += [
                Change(name, rid, field, old.get(field, ""), row.get(field, ""))
                for field in dict.fromkeys([*old, *row])
                if old.get(field, "") != row.get(field, "")
            ]
    return changes, removed


def check_log(
    log: pd.DataFrame, version: str, released: dict[str, pd.DataFrame], current: dict[str, pd.DataFrame]
) -> list[Mismatch]:
    """Every change since the release has entries for ``version``, and every such entry matches the data."""
    changes, removed = diff(released, current)
    mismatches = [
        Mismatch(c.table, c.row_id, None, c.row_id, "this row of the last release is gone: rows are never removed "
                 "(a claim that no longer stands stays, with status 'retracted' and the reason)")
        for c in removed
    ]  # fmt: skip
    entries: dict[tuple[str, str, str], list[tuple[int, dict]]] = {}
    for index, entry in enumerate(log.to_dict("records")):
        if entry["version"] == version:
            entries.setdefault((entry["table"], entry["row_id"], entry["field"]), []).append((index + 2, entry))
    changed = {(c.table, c.row_id, c.field): c for c in changes}
    for key, change in changed.items():
        chain = entries.get(key, [])
        if not chain:
            what = "row added" if change.field == WHOLE_ROW else f"changed from {change.before!r}"
            mismatches.append(
                Mismatch(*key, change.after, f"{what} since the last release, with no entry in corrections.csv")
            )
            continue
        mismatches += _check_chain(key, chain, change.before, change.after)
    for key, chain in entries.items():
        if key not in changed:
            table, row_id, field = key
            now = _cell(current, table, row_id, field)
            mismatches += _check_chain(key, chain, _cell(released, table, row_id, field), now)
    return mismatches


def _cell(tables: dict[str, pd.DataFrame], table: str, row_id: str, field: str) -> str | None:
    """A cell's text (``"added"`` for a row, with field ``*``), or None when the table or row is unknown."""
    if table not in settings.PUBLISHED_TABLES or table not in tables:
        return None
    rows = _rows(tables[table], settings.PUBLISHED_TABLES[table])
    if row_id not in rows:
        return None
    return ADDED if field == WHOLE_ROW else rows[row_id].get(field, "")


def _check_chain(
    key: tuple[str, str, str], chain: Iterable[tuple[int, dict]], released: str | None, now: str | None
) -> list[Mismatch]:
    """Entries for one cell must run from the released value to the current one, each from the last."""
    table, row_id, field = key
    if now is None:
        row, _ = next(iter(chain))
        return [Mismatch(table, row_id, field, row_id, "log entry names a table, row or field not in the data", row)]
    expected = "" if field == WHOLE_ROW else (released if released is not None else "")
    problems = []
    last_row, last_after = None, expected
    for row, entry in chain:
        if entry["before"] != last_after:
            problems.append(
                Mismatch(table, row_id, field, entry["before"], f"log entry's 'before' should be {last_after!r}", row)
            )
        last_row, last_after = row, entry["after"]
    if last_after != now:
        problems.append(
            Mismatch(
                table, row_id, field, last_after, f"log entry's 'after' does not match the data ({now!r})", last_row
            )
        )
    return problems


def unlogged(log: pd.DataFrame, version: str, released: dict, current: dict) -> list[Change]:
    """Changes since the release that the log does not record yet (what ``python -m geo corrections`` drafts)."""
    logged = {(e["table"], e["row_id"], e["field"]) for e in log.to_dict("records") if e["version"] == version}
    changes, _ = diff(released, current)
    return [c for c in changes if (c.table, c.row_id, c.field) not in logged]
