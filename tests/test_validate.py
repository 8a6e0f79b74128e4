"""Each validation rule fails on a small broken copy of the data, naming file, row and field."""

from __future__ import annotations

import subprocess
import sys
import unicodedata

import pytest

from geo import settings
from geo.errors import DataValidationError
from geo.evidence import corrections, readers
from geo.evidence.dataset import load_dataset
from geo.evidence.dates import parse_partial_date
from geo.evidence.validate import (
    Problem,
    data_fingerprint,
    validate_dataset,
    validate_dataset_once,
)
from geo.urls import is_http_url

from .conftest import PROJECT, BrokenData

S, P, C = settings.SOURCES_CSV, settings.PLACES_CSV, settings.CLAIMS_CSV


def only(problems: list[Problem], file: str, field: str) -> Problem:
    hits = [p for p in problems if p.file == file and p.field == field]
    assert len(hits) == 1, problems
    return hits[0]


def test_shipped_data_is_valid() -> None:
    assert validate_dataset(settings.data_dir) == []


@pytest.mark.parametrize(
    ("file", "row_id", "field", "value", "fragment"),
    [
        (P, "pishan", "name_en", "", "required"),
        (C, "c20-pishan-ghrd", "status", "probably", "enum"),
        (S, "register-2023-07-31", "kind", "blog", "enum"),
        (P, "moyu", "lat", "north", "Type Error"),
        (P, "moyu", "lat", "91", "maximum"),
        (P, "yutian", "lon", "-181", "minimum"),
        (C, "c20-moyu-ghrd", "sourced_as_one_of_12", "maybe", "Type Error"),
        (S, "hrw-2013-10-08", "published", "8 Oct 2013", "not an ISO date"),
    ],
)
def test_schema_rules(broken: BrokenData, file: str, row_id: str, field: str, value: str, fragment: str) -> None:
    row = broken.set(file, row_id, field, value)
    problem = only(validate_dataset(broken.dir), file, field)
    assert problem.row == row
    assert fragment in problem.message


def test_duplicate_id_is_reported(broken: BrokenData) -> None:
    row = broken.set(S, "hrw-2013-10-08", "id", "register-2023-07-31")
    problems = [p for p in validate_dataset(broken.dir) if p.file == S and p.field == "id"]
    assert [p.row for p in problems] == [row]
    assert "unique" in problems[0].message.lower()


@pytest.mark.parametrize(
    ("field", "value"),
    [("place", "atlantis"), ("source", "nobody-2020"), ("relayed_from", "nobody-2020")],
)
def test_claim_foreign_keys(broken: BrokenData, field: str, value: str) -> None:
    row = broken.set(C, "c04-chengmai-ghrd", field, value)
    problem = only(validate_dataset(broken.dir), C, field)
    assert (problem.row, problem.value) == (row, value)
    assert "foreign" in problem.message.lower()


def test_parent_must_be_a_place(broken: BrokenData) -> None:
    row = broken.set(P, "pishan", "parent", "hotan")
    problem = only(validate_dataset(broken.dir), P, "parent")
    assert (problem.row, problem.value) == (row, "hotan")


def test_cited_source_must_exist(broken: BrokenData) -> None:
    row = broken.set(S, "ghrd-putro-2023", "cites", "ingram-2023-china-project;ingram-2032")
    problem = only(validate_dataset(broken.dir), S, "cites")
    assert (problem.row, problem.value) == (row, "ingram-2032")


def test_source_cannot_cite_itself(broken: BrokenData) -> None:
    row = broken.set(S, "register-2023-07-31", "cites", "register-2023-07-31")
    problem = only(validate_dataset(broken.dir), S, "cites")
    assert problem.row == row
    assert "itself" in problem.message


def test_every_place_needs_a_claim(broken: BrokenData) -> None:
    claims = broken.table(C)
    claims = claims[claims["place"] != "bethlehem_pa"]
    claims.to_csv(broken.dir / C, index=False, lineterminator="\n")
    problem = only(validate_dataset(broken.dir), P, "id")
    assert (problem.row, problem.value) == (broken.row_of(P, "bethlehem_pa"), "bethlehem_pa")
    assert "no claim" in problem.message


def test_every_claim_needs_a_source(broken: BrokenData) -> None:
    row = broken.set(C, "c05-bethlehem-ghrd", "source", "")
    problem = only(validate_dataset(broken.dir), C, "source")
    assert problem.row == row
    assert "required" in problem.message


def test_swapped_lat_lon_is_named(broken: BrokenData) -> None:
    broken.set(P, "pishan", "lat", "78.2809")
    row = broken.set(P, "pishan", "lon", "37.6168")
    problem = only(validate_dataset(broken.dir), P, "lat, lon")
    assert problem.row == row
    assert "swapped" in problem.message


def test_point_outside_declared_province(broken: BrokenData) -> None:
    row = broken.set(P, "chengmai", "iso_3166_2", "CN-XJ")
    problem = only(validate_dataset(broken.dir), P, "lat, lon")
    assert problem.row == row
    assert "outside province CN-XJ" in problem.message


def test_point_outside_declared_country(broken: BrokenData) -> None:
    row = broken.set(P, "santa_clara", "lon", "121.9552")
    problem = only(validate_dataset(broken.dir), P, "lat, lon")
    assert problem.row == row
    assert "outside country US" in problem.message


#: Links the validator refuses, and dates it does not accept. Each value's verdict is checked in no time by
#: test_is_http_url and test_parse_partial_date; the validator's report of one (file, row, field, value) runs in the
#: quick loop, of the others as slow.
NOT_HTTP = ["javascript:alert(1)", "data:text/html,hi", "ftp://example.org/x", "//example.org", "ipvm.com/reports"]
NOT_DATES = ["2022-13", "2023-02-30", "2023-7", "0000"]


def first_quick(values: list[str]) -> list:
    return [values[0], *(pytest.param(v, marks=pytest.mark.slow) for v in values[1:])]


@pytest.mark.parametrize("url", first_quick(NOT_HTTP))
def test_only_http_urls(broken: BrokenData, url: str) -> None:
    row = broken.set(S, "register-2023-07-31", "url", url)
    problem = only(validate_dataset(broken.dir), S, "url")
    assert (problem.row, problem.value) == (row, url)


def test_archive_url_is_checked_too(broken: BrokenData) -> None:
    row = broken.set(S, "register-2023-07-31", "archive_url", "javascript:void(0)")
    assert only(validate_dataset(broken.dir), S, "archive_url").row == row


@pytest.mark.parametrize("value", first_quick(NOT_DATES))
def test_dates_must_be_real_iso_dates(broken: BrokenData, value: str) -> None:
    row = broken.set(C, "c03-chengmai-ghrd", "event_date", value)
    problem = only(validate_dataset(broken.dir), C, "event_date")
    assert (problem.row, problem.value) == (row, value)


def test_period_cannot_end_before_it_starts(broken: BrokenData) -> None:
    row = broken.set(C, "c18-tibet-ghrd", "event_date_end", "2010")
    problem = only(validate_dataset(broken.dir), C, "event_date_end")
    assert problem.row == row
    assert "before" in problem.message


def test_names_must_be_nfc(broken: BrokenData) -> None:
    value = unicodedata.normalize("NFD", "Ürümqi")
    row = broken.set(P, "urumqi", "name_en", value)
    problem = only(validate_dataset(broken.dir), P, "name_en")
    assert problem.row == row
    assert "NFC" in problem.message


def test_corrected_needs_correction_text(broken: BrokenData) -> None:
    row = broken.set(C, "c07-santa-clara-ghrd", "correction", "")
    problem = only(validate_dataset(broken.dir), C, "correction")
    assert problem.row == row


def test_unknown_province_code(broken: BrokenData) -> None:
    row = broken.set(C, "jiangsu-nanjing-alpermann-2024", "province", "CN-ZZ")
    problem = only(validate_dataset(broken.dir), C, "province")
    assert (problem.row, problem.value) == (row, "CN-ZZ")


def test_missing_file_is_named(broken: BrokenData) -> None:
    (broken.dir / C).unlink()
    problems = validate_dataset(broken.dir)
    assert [(p.file, p.message) for p in problems] == [(C, "file is missing")]


def test_broken_descriptor_is_named(broken: BrokenData) -> None:
    (broken.dir / settings.DATAPACKAGE).write_text("{not json", encoding="utf-8")
    problems = validate_dataset(broken.dir)
    assert len(problems) == 1
    assert problems[0].file == settings.DATAPACKAGE
    assert "not valid JSON" in problems[0].message


def test_several_faults_are_all_reported(broken: BrokenData) -> None:
    broken.set(P, "pishan", "name_en", "")
    broken.set(S, "register-2023-07-31", "url", "javascript:alert(1)")
    broken.set(C, "c03-chengmai-ghrd", "event_date", "2022-13")
    broken.set(C, "c20-pishan-ghrd", "status", "probably")
    found = {(p.file, p.field) for p in validate_dataset(broken.dir)}
    assert {(P, "name_en"), (S, "url"), (C, "event_date"), (C, "status")} <= found


@pytest.mark.parametrize("how", ["in process", pytest.param("as a program", marks=pytest.mark.slow)])
def test_cli_exit_codes_and_report(broken: BrokenData, capsys, monkeypatch, how: str) -> None:
    """``python -m geo validate``; the quick loop calls its ``main`` (tests/test_export.py runs the CLI as a program)."""
    from geo.__main__ import main

    monkeypatch.chdir(PROJECT)

    def cli(*args: str) -> tuple[int, str]:
        if how == "as a program":
            done = subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, text=True, check=False)
            return done.returncode, done.stdout
        code = main(list(args))
        return code, capsys.readouterr().out

    assert cli("validate", "data") == (0, "data: valid\n")
    row = broken.set(P, "pishan", "name_en", "")
    code, report = cli("validate", str(broken.dir))
    assert code == 1
    assert f"places.csv, row {row}, field 'name_en'" in report


@pytest.mark.parametrize(
    ("text", "ok"),
    [("2023", True), ("2023-08", True), ("2023-08-22", True), ("2023-8-22", False), ("2023-02-29", False), ("", False)]
    + [(value, False) for value in NOT_DATES],
)
def test_parse_partial_date(text: str, ok: bool) -> None:
    assert (parse_partial_date(text) is not None) is ok


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://a.org/x", True),
        ("HTTP://a.org", True),
        ("https://", False),
        (" data:x", False),
    ]
    + [(url, False) for url in NOT_HTTP],
)
def test_is_http_url(url: str, ok: bool) -> None:
    assert is_http_url(url) is ok


def test_briefing_step_must_rest_on_existing_claims(broken: BrokenData) -> None:
    row = broken.set(settings.BRIEFING_CSV, "2", "claims", "c20-pishan-ghrd;no-such-claim")
    problem = only(validate_dataset(broken.dir), settings.BRIEFING_CSV, "claims")
    assert (problem.row, problem.value) == (row, "no-such-claim")


def test_briefing_steps_are_numbered_in_order(broken: BrokenData) -> None:
    broken.set(settings.BRIEFING_CSV, "3", "step", "9", log=False)  # renumbering is also a removal: not logged
    problems = [p for p in validate_dataset(broken.dir) if p.file == settings.BRIEFING_CSV and p.field == "step"]
    assert any("in order" in p.message for p in problems)


def test_briefing_step_needs_a_view(broken: BrokenData) -> None:
    row = broken.set(settings.BRIEFING_CSV, "1", "place", "")
    problem = only(validate_dataset(broken.dir), settings.BRIEFING_CSV, "place")
    assert problem.row == row == 2


def test_a_pass_is_remembered_only_for_the_same_bytes(broken: BrokenData, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(settings, "cache_dir", tmp_path / "cache")
    assert validate_dataset_once(broken.dir) == []
    stamps = list((tmp_path / "cache" / "validated").iterdir())
    assert [s.name for s in stamps] == [data_fingerprint(broken.dir)]

    row = broken.set(settings.PLACES_CSV, "pishan", "lat", "95")  # one changed cell: a new fingerprint
    assert data_fingerprint(broken.dir) != stamps[0].name
    problems = validate_dataset_once(broken.dir)
    assert any(p.row == row and p.field == "lat" for p in problems)
    assert len(list((tmp_path / "cache" / "validated").iterdir())) == 1  # failures are not remembered
    with pytest.raises(DataValidationError):
        load_dataset(broken.dir)


# The corrections log: nothing in a published row changes silently.


def test_an_unlogged_edit_of_a_published_row_is_caught(broken: BrokenData) -> None:
    row = broken.set(C, "c22-ghrd", "status", "partial", log=False)
    problem = only(validate_dataset(broken.dir), C, "status")
    assert (problem.row, problem.value) == (row, "partial")
    assert "changed from 'corroborated'" in problem.message
    assert "no entry in corrections.csv" in problem.message


def test_the_same_edit_with_its_log_entry_passes(broken: BrokenData) -> None:
    broken.set(C, "c22-ghrd", "status", "partial")
    broken.set(settings.STATUS_AUDIT_CSV, "c22-ghrd", "status", "partial")  # and its evidence checked again
    assert validate_dataset(broken.dir) == []


def test_a_new_status_without_its_contrary_evidence_check_is_caught(broken: BrokenData) -> None:
    broken.set(C, "c22-ghrd", "status", "partial")
    problem = only(validate_dataset(broken.dir), settings.STATUS_AUDIT_CSV, "status")
    assert (problem.value, problem.row) == (
        "corroborated",
        broken.row_of(settings.STATUS_AUDIT_CSV, "c22-ghrd", key="claim"),
    )
    assert "now 'partial': check it again" in problem.message


def test_a_quote_edited_away_from_its_excerpt_is_caught(broken: BrokenData) -> None:
    broken.set(C, "c08-ghrd", "quote", "IPVM has stated that Hikvision kept selling surveillance products.")
    problem = only(validate_dataset(broken.dir), settings.QUOTE_AUDIT_CSV, "excerpt")
    assert problem.row == broken.row_of(settings.QUOTE_AUDIT_CSV, "c08-ghrd", key="claim")
    assert problem.value == "IPVM has stated that Hikvision kept selling surveillance products."
    assert "not in the excerpt" in problem.message


def test_an_unlogged_new_row_is_caught(broken: BrokenData) -> None:
    claims = broken.table(C)
    claims.loc[len(claims)] = claims.loc[0].to_dict() | {"id": "c99-new"}
    claims.to_csv(broken.dir / C, index=False, lineterminator="\n")
    answered = broken.table(settings.COUNTER_CLAIMS_CSV).set_index("id").loc["background-not-sought", "answers"]
    broken.set(settings.COUNTER_CLAIMS_CSV, "background-not-sought", "answers", answered + ";c99-new")  # its other side
    problem = only(validate_dataset(broken.dir), C, "id")
    assert (problem.row, problem.value) == (len(claims) + 1, "added")
    assert "row added" in problem.message


def test_a_removed_row_is_caught_even_with_a_log_entry(broken: BrokenData) -> None:
    claims = broken.table(C)
    claims[claims["id"] != "c22-ghrd"].to_csv(broken.dir / C, index=False, lineterminator="\n")
    broken.log(C, "c22-ghrd", "*", "added", "")  # a log entry does not make a removal acceptable
    problems = [p for p in validate_dataset(broken.dir) if p.file == C and p.value == "c22-ghrd"]
    assert len(problems) == 1
    assert "never removed" in problems[0].message
    assert "retracted" in problems[0].message


def test_a_log_entry_that_does_not_match_the_data_is_caught(broken: BrokenData) -> None:
    log = broken.table(settings.CORRECTIONS_CSV)
    index = log.index[(log["row_id"] == "hangzhou") & (log["field"] == "name_ug_arabic")][0]  # a 0.4.1 entry
    log.loc[index, "after"] = "Hangzhou"
    log.to_csv(broken.dir / settings.CORRECTIONS_CSV, index=False, lineterminator="\n")
    problem = only(validate_dataset(broken.dir), settings.CORRECTIONS_CSV, "after")
    assert problem.row == int(index) + 2
    assert "does not match the data ('خاڭجۇ')" in problem.message


def test_a_log_entry_needs_a_reason_and_evidence(broken: BrokenData) -> None:
    log = broken.table(settings.CORRECTIONS_CSV)
    log.loc[0, "why"] = " "
    log.loc[1, "evidence"] = "my memory"
    log.to_csv(broken.dir / settings.CORRECTIONS_CSV, index=False, lineterminator="\n")
    problems = validate_dataset(broken.dir)
    assert only(problems, settings.CORRECTIONS_CSV, "why").row == 2
    assert only(problems, settings.CORRECTIONS_CSV, "evidence").value == "my memory"


def test_a_retracted_claim_needs_its_reason(broken: BrokenData) -> None:
    row = broken.set(C, "c22-ghrd", "status", "retracted")
    problem = only(validate_dataset(broken.dir), C, "correction")
    assert problem.row == row
    assert "retracted" in problem.message


def test_the_cli_drafts_entries_for_unlogged_changes(broken: BrokenData, capsys) -> None:
    from geo.__main__ import main

    broken.set(C, "c22-ghrd", "status", "partial", log=False)
    assert main(["corrections", str(broken.dir)]) == 0
    out = capsys.readouterr()
    version = readers.read_datapackage(broken.dir)["version"]
    release = corrections.last_release(version, broken.dir)  # the newest release older than this version
    assert f",{version},claims.csv,c22-ghrd,status,corroborated,partial,WHY,EVIDENCE" in out.out
    assert f"1 unlogged change(s) since release {release}" in out.err


def test_a_province_name_must_be_in_the_passage_it_was_read_in(broken: BrokenData) -> None:
    """A Uyghur province label is sourced like a quote: a name the passage does not hold is reported, with its row."""
    row = broken.set(settings.PROVINCE_NAMES_CSV, "CN-GS", "name_ug_arabic", "گانسۇ")
    problem = only(validate_dataset(broken.dir), settings.PROVINCE_NAMES_CSV, "name_ug_arabic")
    assert problem.row == row
    assert "passage" in problem.message
