"""Filters, name search in every script, and URL round trips."""

from __future__ import annotations

import pytest

from geo.filters import Filters, apply_filters, filters_from_params, params_from_filters, year_bounds
from geo.load import load_dataset
from geo.mapping import parse_view
from geo.search import fold, matching_places


@pytest.fixture(scope="module")
def data():
    return load_dataset()


@pytest.mark.parametrize("query", ["皮山", "Guma", "گۇما", "Pishan", "pishan", "Píshān", "GUMA"])
def test_search_finds_pishan_in_every_script(data, query: str) -> None:
    assert matching_places(data.places, query) == {"pishan"}


@pytest.mark.parametrize(
    ("query", "place"),
    [("Karakax", "moyu"), ("قاراقاش", "moyu"), ("Keriya", "yutian"), ("Urumqi", "urumqi"), ("澄迈", "chengmai")],
)
def test_search_other_places(data, query: str, place: str) -> None:
    assert place in matching_places(data.places, query)


def test_fold() -> None:
    assert fold("Ürümqi") == "urumqi"
    assert fold("皮山") == "皮山"


def test_filters_narrow_claims(data) -> None:
    everything = apply_filters(data.claims, data.places, Filters())
    assert len(everything) == len(data.claims)
    corrected = apply_filters(data.claims, data.places, Filters(statuses=("corrected",)))
    assert set(corrected["status"]) == {"corrected"}
    counties = apply_filters(data.claims, data.places, Filters(levels=("county",)))
    assert set(counties["place"]) == {"pishan", "moyu", "yutian", "chengmai", "jinyun"}
    one_source = apply_filters(data.claims, data.places, Filters(sources=("register-2023-07-31",)))
    assert set(one_source["source"]) == {"register-2023-07-31"}
    pishan = apply_filters(data.claims, data.places, Filters(query="皮山"))
    assert set(pishan["place"]) == {"pishan"}


def test_year_range_keeps_overlapping_periods(data) -> None:
    low, high = year_bounds(data.claims)
    assert (low, high) == (1966, 2024)
    in_2020 = apply_filters(data.claims, data.places, Filters(year_from=2020, year_to=2020))
    assert "c18-xuar-ghrd" in set(in_2020["id"])  # Chen in XUAR 2016-2021 spans 2020
    assert "c22-ghrd" not in set(in_2020["id"])


def test_params_round_trip() -> None:
    filters = Filters(
        sources=("a", "b"), statuses=("corrected",), levels=("county",), year_from=2016, year_to=2019, query="皮山"
    )
    params = params_from_filters(filters)
    assert params == {
        "source": "a,b",
        "status": "corrected",
        "level": "county",
        "from": "2016",
        "to": "2019",
        "q": "皮山",
    }
    assert filters_from_params(params) == filters
    assert params_from_filters(Filters()) == {}


def test_malformed_params_are_ignored() -> None:
    filters = filters_from_params({"from": "20x6", "to": "99999", "q": "x" * 500})
    assert (filters.year_from, filters.year_to) == (None, None)
    assert len(filters.query) == 200


@pytest.mark.parametrize(
    ("params", "view"),
    [
        ({"lat": "37.5", "lng": "79", "zoom": "7"}, ((37.5, 79.0), 7)),
        ({"lat": "x", "lng": "79", "zoom": "7"}, None),
        ({"lat": "95", "lng": "0", "zoom": "3"}, None),
        ({}, None),
    ],
)
def test_parse_view(params, view) -> None:
    assert parse_view(params) == view
