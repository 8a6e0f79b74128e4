"""The shipped evidence base says what the fact sheet says, and nothing it warns against."""

from __future__ import annotations

import pytest

from .conftest import SEED_ARTICLE

ARTICLE_PLACES = {
    # id: (precision, admin level, a name the article uses)
    "xuar": ("region_centroid", "region", "Xinjiang"),
    "pishan": ("county_seat", "county", "Guma"),
    "moyu": ("county_seat", "county", "Karakax"),
    "yutian": ("county_seat", "county", "Keriya"),
    "chengmai": ("county_seat", "county", "Chengmai"),
    "hainan": ("island_centroid", "province", "Hainan Island"),
    "hangzhou": ("city_centre", "city", "Hangzhou"),
    "bethlehem_pa": ("city_centre", "city", "Bethlehem"),
    "santa_clara": ("city_centre", "city", "Santa Clara"),
    "tibet": ("region_seat", "region", "Tibet"),
}


def test_counts(data) -> None:
    assert (len(data.places), len(data.claims), len(data.sources)) == (19, 60, 27)


@pytest.mark.parametrize("place_id", sorted(ARTICLE_PLACES))
def test_every_article_place_is_present_with_honest_precision(data, place_id: str) -> None:
    precision, level, name = ARTICLE_PLACES[place_id]
    place = data.places.set_index("id").loc[place_id]
    assert (place["precision"], place["admin_level"]) == (precision, level)
    names = " ".join([place["name_en"], *place["other_names"]])
    assert name in names
    assert place["named_in_article"] == "yes"


def test_no_place_is_a_facility_pin(data) -> None:
    assert not data.places["precision"].str.contains("facility|building|address").any()


def test_article_claims_c1_to_c22_are_all_stored(data) -> None:
    ghrd = data.claims[data.claims["source"] == "ghrd-putro-2023"]
    assert set(ghrd["article_ref"]) == {f"C{i}" for i in range(1, 23)}


@pytest.mark.parametrize(
    ("claim_id", "garble", "fix"),
    [
        ("c02-chengmai-ghrd", "IPMV", "IPVM"),
        ("c11-hangzhou-ghrd", "Chén Zngnián", "Chen Zongnian"),
        ("c07-santa-clara-ghrd", "subject to US sanctions", "Hikvision, not NVIDIA"),
        ("c01-xuar-ghrd", "July 2023 report (Ingram, 2023)", "IPVM"),
        ("c03-chengmai-ghrd", "to the Chinese government", "Chengmai County government"),
        ("c17-xuar-ghrd", "throughout the whole Uyghur region", "Ürümqi"),
        ("c15-ghrd", "owes the Chinese government $6 billion", "credit lines"),
        ("c14-beijing-ghrd", "overseen by the Politburo", "State Council"),
    ],
)
def test_article_errors_appear_only_with_status_and_correction(data, claim_id: str, garble: str, fix: str) -> None:
    claim = data.claims.set_index("id").loc[claim_id]
    assert garble in claim["quote"]
    assert fix in claim["correction"]
    assert claim["status"] in {"corrected", "corroborated", "partial"}


def test_garbles_never_appear_as_our_own_words(data) -> None:
    ours = " ".join(data.claims["summary"]) + " ".join(data.places["name_en"]) + " ".join(data.sources["title"])
    for garble in ("IPMV", "Zngnián", "Jincheng", "ethnic majority"):
        assert garble not in ours


def test_twelve_provinces_claim_is_stored_unverified_without_a_location(data) -> None:
    claim = data.claims.set_index("id").loc["c09-twelve-provinces-ghrd"]
    assert claim["status"] == "unverified"
    assert claim["place"] == ""
    assert claim["province"] == ""
    assert "12 projects" in claim["correction"].replace("12 government PROJECTS", "12 projects")


def test_no_province_is_marked_as_one_of_the_twelve(data) -> None:
    assert not data.claims["sourced_as_one_of_12"].any()


def test_provinces_named_outside_xuar_have_their_own_sources(data) -> None:
    outside = data.claims[data.claims["category"] == "ethnicity_analytics_outside_xuar"]
    named = set(outside["province"]) - {""}
    assert named == {"CN-GS", "CN-CQ", "CN-ZJ", "CN-SH", "CN-FJ", "CN-SC", "CN-SD", "CN-JS"}
    named_claims = outside[outside["province"] != ""]
    assert (named_claims["source"] != "ghrd-putro-2023").all()  # each named province rests on its own source


def test_hikvision_is_named_only_where_a_source_names_it(data) -> None:
    by_id = data.claims.set_index("id")
    assert by_id.loc["fujian-minjiang-securitycurated-2023", "vendor_hikvision"] == "yes"
    assert by_id.loc["zhejiang-hangzhou-turkistantimes", "vendor_hikvision"] == "no"
    assert by_id.loc["gansu-psd-ipvm-2019", "vendor_hikvision"] == "not_stated"


def test_citation_chain(data) -> None:
    cites = data.sources.set_index("id")["cites"]
    assert "ingram-2023-china-project" in cites["ghrd-putro-2023"]
    assert "ipvm-2023-07-chengmai" in cites["ingram-2023-china-project"]
    assert cites["ipvm-2023-07-chengmai"] == ["chengmai-contract-2022"]


def test_china_project_keeps_both_dates(data) -> None:
    source = data.sources.set_index("id").loc["ingram-2023-china-project"]
    assert (source["published"], source["published_alt"]) == ("2023-08-22", "2023-08-17")
    assert "URL path" in source["date_note"]


def test_every_claim_has_a_source_with_publisher(data) -> None:
    assert data.claims["source_publisher"].ne("").all()


@pytest.mark.skipif(not SEED_ARTICLE.exists(), reason=f"seed article not found at {SEED_ARTICLE}")
def test_article_quotes_are_verbatim(data) -> None:
    article = SEED_ARTICLE.read_text(encoding="utf-8")
    ghrd = data.claims[data.claims["source"] == "ghrd-putro-2023"]
    missing = [cid for cid, quote in zip(ghrd["id"], ghrd["quote"], strict=True) if quote not in article]
    assert missing == []
