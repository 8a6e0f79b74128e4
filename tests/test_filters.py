"""Filters, name search in every script, and URL round trips."""

from __future__ import annotations

from dataclasses import fields

import pytest

from geo.evidence.dates import year_bounds
from geo.rules.filters import Filters, apply_filters, filters_from_params, params_from_filters
from geo.rules.search import fold, matching_places
from geo.urls import parse_view


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
    assert set(counties["place"]) == {"pishan", "moyu", "yutian", "luopu", "chengmai", "jinyun", "hotan_county"}
    one_source = apply_filters(data.claims, data.places, Filters(sources=("register-2023-07-31",)))
    assert set(one_source["source"]) == {"register-2023-07-31"}
    pishan = apply_filters(data.claims, data.places, Filters(query="皮山"))
    assert set(pishan["place"]) == {"pishan"}


def test_year_range_keeps_overlapping_periods(data) -> None:
    low, high = year_bounds(data.claims)
    assert (low, high) == (1966, 2024)
    in_2020 = apply_filters(data.claims, data.places, Filters(years=(2020, 2020)))
    assert "c18-xuar-ghrd" in set(in_2020["id"])  # Chen in XUAR 2016-2021 spans 2020
    assert "c22-ghrd" not in set(in_2020["id"])


def test_params_round_trip() -> None:
    filters = Filters(sources=("a", "b"), statuses=("corrected",), levels=("county",), years=(2016, 2019), query="皮山")
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
    assert filters.years == (None, None)
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


def test_every_filter_is_declared_once_and_drives_type_url_and_cli() -> None:
    from geo.__main__ import _filter_options
    from geo.rules.filters import FILTERS

    assert [f.name for f in fields(Filters)] == [f.attr for f in FILTERS]
    assert list(_filter_options()) == [key for f in FILTERS for key in f.keys]
    for f in FILTERS:
        assert f.from_params({}) == f.default
        assert f.to_params(f.default) == {}


@pytest.mark.parametrize(
    ("attr", "value"),
    [("query", "Moyu"), ("sources", ("register-2023-07-31",)), ("categories", ("financing",)),
     ("statuses", ("partial",)), ("levels", ("city",)), ("years", (2018, 2019))],
)  # fmt: skip
def test_each_filter_narrows_the_claims_and_survives_the_url(data, attr: str, value) -> None:
    filters = Filters(**{attr: value})
    shown = apply_filters(data.claims, data.places, filters)
    assert 0 < len(shown) < len(data.claims)
    assert filters_from_params(params_from_filters(filters)) == filters
