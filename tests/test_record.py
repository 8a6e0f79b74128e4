"""The official record and the other side: each rule of measures.csv and counter_claims.csv fails on a broken
copy of the data naming file, row and field, and a place's detail view and a claim show what the data says."""

from __future__ import annotations

import pytest

from geo import settings
from geo.evidence.validate import validate_dataset
from geo.html.detail import place_detail_html
from geo.rules import record

from .conftest import BrokenData
from .test_validate import only

M, CC = settings.MEASURES_CSV, settings.COUNTER_CLAIMS_CSV


def assert_rule(broken: BrokenData, file: str, row_id: str, field: str, value: str, bad_field: str, fragment: str) -> None:
    """Setting one cell breaks one rule, reported at that row, in ``bad_field``, saying ``fragment``."""
    row = broken.set(file, row_id, field, value)
    problem = only(validate_dataset(broken.dir), file, bad_field)
    assert problem.row == row
    assert fragment in problem.message


@pytest.mark.parametrize(
    ("row_id", "field", "value", "bad_field", "fragment"),
    [
        ("us-bis-entity-list-2023", "scope", "In this rule, BIS removes Hikvision from the Entity List.", "scope_excerpt", "not in the passage read"),
        ("us-bis-entity-list-2019", "reason", "entities have been cleared of all human rights violations", "reason_excerpt", "not in the passage read"),
        ("us-bis-entity-list-2023", "scope_at", "", "scope_excerpt", "passage read"),
        ("us-bis-entity-list-2023", "places", "luopu;atlantis", "places", "no place has this id"),
        ("us-bis-entity-list-2023", "claims", "c99-nowhere", "claims", "no claim has this id"),
        ("us-bis-entity-list-2023", "country", "999", "country", "no country"),
        ("no-gpfg-council-on-ethics-2020", "ended", "", "ended", "withdrawn measure needs the date it ended"),
        ("no-gpfg-council-on-ethics-2020", "ended", "2019-12-31", "ended", "ends before"),
        ("us-ofac-sdn-hikvision", "effective", "2020-01-01", "effective", "found no measure has no dates"),
        ("us-ndaa-2019-section-889", "scope", "", "scope", "needs its own words"),
    ],
)
def test_measure_rules(broken: BrokenData, row_id: str, field: str, value: str, bad_field: str, fragment: str) -> None:
    assert_rule(broken, M, row_id, field, value, bad_field, fragment)


@pytest.mark.parametrize(
    ("row_id", "field", "value", "bad_field", "fragment"),
    [
        ("nvidia-register-2023", "quote", "\"We supplied this project,\"", "excerpt", "not in the passage read"),
        ("nvidia-register-2023", "speaker", "", "speaker", "needs this"),
        ("hikvision-globaltimes-2019", "answers", "c01-xuar-ghrd;c77-nothing", "answers", "no claim has this id"),
        ("background-not-sought", "note", "", "note", "why no counter-claim was sought"),
    ],
)
def test_counter_claim_rules(broken: BrokenData, row_id: str, field: str, value: str, bad_field: str, fragment: str) -> None:
    assert_rule(broken, CC, row_id, field, value, bad_field, fragment)


def test_a_claim_with_no_other_side_is_named(broken: BrokenData) -> None:
    broken.set(CC, "nvidia-register-2023", "answers", "c06-santa-clara-ghrd;c07-santa-clara-ghrd;chengmai-gpus-candid-2023")
    problem = only(validate_dataset(broken.dir), settings.CLAIMS_CSV, "id")
    assert problem.value == "nvidia-intel-ipvm-2019"
    assert problem.row == broken.row_of(settings.CLAIMS_CSV, "nvidia-intel-ipvm-2019")


def test_a_new_measure_needs_its_corrections_log_entry(broken: BrokenData) -> None:
    table = broken.table(M)
    table.loc[len(table)] = {**table.iloc[0].to_dict(), "id": "us-new-measure"}
    table.to_csv(broken.dir / M, index=False, lineterminator="\n")
    problem = only(validate_dataset(broken.dir), M, "id")
    assert problem.value == "added"
    assert "no entry in corrections.csv" in problem.message


def test_every_claim_has_its_other_side_or_says_why_not(data) -> None:
    for claim_id in data.claims["id"]:
        rows = record.counter_claims_of(data, claim_id)
        assert rows, claim_id
        assert all(r["found"] != "found" or (r["quote"] and r["speaker"] and r["assessment"]) for r in rows)


def test_moyu_lists_the_2023_rule_that_names_its_subsidiary(data) -> None:
    html = place_detail_html(data, "moyu", data.claims, "cite")
    assert "Government measures that name this place" in html
    assert "FR Doc 2023-06663" in html
    assert "Moyu Haishi Electronic Technology Co." in html
    assert "https://govinfo.gov/content/pkg/FR-2023-03-30/html/2023-06663.htm" in html
    assert "Neither the Chinese Government" not in html  # the ownership counter-claim answers other claims


def test_a_place_no_measure_names_has_no_measures_section(data) -> None:
    assert "Government measures that name this place" not in place_detail_html(data, "chengmai", data.claims, "cite")


def test_the_other_side_is_shown_under_the_claim_it_answers(data) -> None:
    html = place_detail_html(data, "santa_clara", data.claims, "cite")
    claim_at = html.index("[c06-santa-clara-ghrd]")
    answer_at = html.index("We aren&#x27;t participating in this project", claim_at)
    assert answer_at < html.index("</div></div>", claim_at) + 2000  # inside or right after the claim's own block
    assert "Our assessment:" in html


def test_searches_that_found_no_measure_are_never_drawn_as_measures(data) -> None:
    drawn = {m["id"] for m in record.measures(data)}
    searches = {m["id"] for m in record.searches_without_a_measure(data)}
    assert searches == {"us-ofac-sdn-hikvision", "us-uflpa-entity-list-hikvision", "eu-sanctions-hikvision"}  # the DoD list is a measure
    assert drawn.isdisjoint(searches)
    assert set(record.measures_by_country(data)) == {"840", "578", "826", "036", "124"}


def test_the_claims_export_carries_the_other_side(data) -> None:
    import csv
    import io

    from geo.export import gis

    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(gis.to_csv(data, data.claims).decode("utf-8-sig")))}
    nvidia = rows["c06-santa-clara-ghrd"]
    assert nvidia["other_side"] == "found"
    assert nvidia["other_side_speaker"] == "NVIDIA spokesperson"
    assert "We aren't participating in this project" in nvidia["other_side_quote"]
    assert nvidia["other_side_at"].startswith("https://www.theregister.com/")
    assert rows["c05-bethlehem-ghrd"]["other_side"] == "not_sought"
    assert rows["c05-bethlehem-ghrd"]["other_side_note"]  # says why


def test_the_world_map_shades_the_countries_that_acted_and_draws_every_other(data) -> None:
    """Vega-Lite (d3-geo) takes a counter-clockwise outer ring as the whole globe but the country: rings are clockwise."""
    import shapely

    from geo.page.measures import world_spec

    spec = world_spec(data)
    features = spec["data"]["values"] if "values" in spec.get("data", {}) else next(iter(spec["datasets"].values()))
    shaded = {f["properties"]["iso_n3"] for f in features if f["properties"]["count"] > 0}
    assert shaded == {"840", "578", "826", "036", "124"}
    for feature in features:
        for polygon in getattr(shapely.geometry.shape(feature["geometry"]), "geoms", [shapely.geometry.shape(feature["geometry"])]):
            assert not polygon.exterior.is_ccw, feature["properties"]["name"]
