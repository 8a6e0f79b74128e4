"""docs/developing.md's recipe for a data table: its CSV and its resource in datapackage.json, nothing else.

A table is added to a copy of the data exactly as the recipe says, and is then loaded with
its types converted and validated cell by cell, with no change to the code.
"""

from __future__ import annotations

import csv
import json
import warnings

import pandas as pd
import pytest

from geo import settings
from geo.evidence import readers
from geo.evidence.dataset import load_dataset
from geo.evidence.validate import Problem, validate_dataset

from .conftest import BrokenData

NAME, FILE = "camera_counts", "camera_counts.csv"
#: The new table's resource, as a contributor would write it: types, an enum, marks, a foreign key to claims.
RESOURCE = {
    "name": NAME,
    "path": FILE,
    "profile": "tabular-data-resource",
    "format": "csv",
    "encoding": "utf-8",
    "schema": {
        "primaryKey": ["id"],
        "foreignKeys": [{"fields": ["claim"], "reference": {"resource": "claims", "fields": ["id"]}}],
        "fields": [
            {"name": "id", "type": "string", "constraints": {"required": True, "unique": True}},
            {"name": "claim", "type": "string", "constraints": {"required": True}},
            {"name": "kind", "type": "string", "constraints": {"required": True, "enum": ["cameras", "contracts"]}},
            {"name": "count", "type": "integer", "constraints": {"required": True, "minimum": 0}},
            {"name": "share", "type": "number"},
            {"name": "confirmed", "type": "boolean"},
            {"name": "counted", "type": "string", "x-date": "partial"},
            {"name": "vendors", "type": "string", "x-list": ";"},
            {"name": "link", "type": "string", "x-url": "http"},
        ],
    },
}
ROWS = [
    {"id": "n1", "claim": "c04-chengmai-ghrd", "kind": "cameras", "count": "30000", "share": "0.5",
     "confirmed": "true", "counted": "2017-04", "vendors": "Hikvision; Dahua", "link": "https://example.org/a"},
    {"id": "n2", "claim": "c20-pishan-ghrd", "kind": "contracts", "count": "5", "share": "",
     "confirmed": "", "counted": "2017", "vendors": "", "link": ""},
]  # fmt: skip


def add_table(data: BrokenData, rows: list[dict[str, str]], resource: dict = RESOURCE) -> None:
    """The recipe, literally: write the CSV into data/ and append its resource to datapackage.json."""
    with (data.dir / resource["path"]).open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=[f["name"] for f in resource["schema"]["fields"]], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    descriptor = data.dir / settings.DATAPACKAGE
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    package["resources"].append(resource)
    descriptor.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def problems_in(data: BrokenData, file: str = FILE) -> list[Problem]:
    return [p for p in validate_dataset(data.dir) if p.file == file]


def test_a_new_table_is_loaded_with_its_types(broken: BrokenData, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(settings, "cache_dir", tmp_path / "cache")
    add_table(broken, ROWS)
    table = load_dataset(broken.dir).tables[NAME]  # validated first: the new table is valid
    assert table["count"].tolist() == [30000, 5]
    assert str(table["count"].dtype) == "int64"  # required: a plain integer column
    assert table["share"].iloc[0] == 0.5
    assert pd.isna(table["share"].iloc[1])
    assert table["confirmed"].dtype == "boolean"  # optional: an empty answer is NA, never False
    assert table["confirmed"].iloc[0]
    assert pd.isna(table["confirmed"].iloc[1])
    assert table["vendors"].tolist() == [["Hikvision", "Dahua"], []]
    assert table["counted"].tolist() == ["2017-04", "2017"]  # partial dates stay as written


def test_every_resource_is_in_the_dataset(data) -> None:
    package = readers.read_datapackage()
    assert list(data.tables) == [r["name"] for r in package["resources"]]
    assert {"source_audit", "quote_audit"} <= set(data.tables)
    assert data.tables["places"] is data.places
    assert data.tables["sources"]["cites"].map(type).eq(list).all()


@pytest.mark.parametrize(
    ("field", "value", "fragment"),
    [
        ("kind", "drones", "enum"),
        ("counted", "2017-13", "not an ISO date"),
        ("claim", "no-such-claim", "foreign"),
        ("count", "many", "Type Error"),
        ("link", "javascript:alert(1)", "http"),
        ("vendors", "Hikvision;Dahua\u0301", "NFC"),
    ],
)
def test_a_bad_cell_in_a_new_table_is_named(broken: BrokenData, field: str, value: str, fragment: str) -> None:
    add_table(broken, [ROWS[0], ROWS[1] | {field: value}])
    problems = problems_in(broken)
    assert [(p.row, p.field) for p in problems] == [(3, field)], problems
    assert fragment.lower() in problems[0].message.lower()
    assert str(problems[0]).startswith(f"{FILE}, row 3, field '{field}': ")


def test_a_list_field_marked_as_urls_is_checked_item_by_item(broken: BrokenData) -> None:
    fields = [f | {"x-list": ";"} if f["name"] == "link" else f for f in RESOURCE["schema"]["fields"]]
    add_table(
        broken,
        [ROWS[0] | {"link": "https://a.org; file:///etc/passwd"}],
        RESOURCE | {"schema": RESOURCE["schema"] | {"fields": fields}},
    )
    problem = problems_in(broken)[0]
    assert (problem.row, problem.field, problem.value) == (2, "link", "file:///etc/passwd")


def test_a_csv_without_a_resource_is_named(broken: BrokenData) -> None:
    (broken.dir / FILE).write_text("id\nn1\n", encoding="utf-8")
    problems = problems_in(broken, settings.DATAPACKAGE)
    assert [(p.field, p.value) for p in problems] == [("resources", FILE)]


@pytest.mark.parametrize(
    ("mark", "value", "fragment"),
    [("x-dates", "partial", "unknown field property"), ("x-date", "full", '"partial"'), ("x-list", "", "separator")],
)
def test_a_misspelt_mark_is_named(broken: BrokenData, mark: str, value: str, fragment: str) -> None:
    fields = [{"name": "id", "type": "string"}, {"name": "counted", "type": "string", mark: value}]
    add_table(broken, [{"id": "n1", "counted": "2017"}], RESOURCE | {"schema": {"fields": fields}})
    problems = problems_in(broken, settings.DATAPACKAGE)
    assert [p.field for p in problems] == [f"{NAME}.counted"]
    assert fragment in problems[0].message


def test_frictionless_accepts_the_marks_without_a_warning() -> None:
    from frictionless import Package

    package = readers.read_datapackage()
    marked = [f for r in package["resources"] for f in r["schema"]["fields"] if set(f) & set(readers.MARKS)]
    assert len(marked) == 37  # 14, the audit tables' addresses, queries and dates (0.3.0); measures and counter-claims (0.4.0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warnings.simplefilter("ignore", ResourceWarning)  # files Frictionless leaves to the garbage collector
        report = Package(str(settings.data_dir / settings.DATAPACKAGE)).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])
