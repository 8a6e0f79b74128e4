"""The shipped evidence base says what the fact sheet says, and nothing it warns against."""

from __future__ import annotations

import pytest

from .conftest import SEED_ARTICLE

ARTICLE_PLACES = {
    # id: (precision, admin level, a name the article uses or implies, named in the article)
    "xuar": ("region_centroid", "region", "Xinjiang", "yes"),
    "pishan": ("county_seat", "county", "Guma", "yes"),
    "moyu": ("county_seat", "county", "Karakax", "yes"),
    "yutian": ("county_seat", "county", "Keriya", "yes"),
    "chengmai": ("county_seat", "county", "Chengmai", "yes"),
    "hainan": ("island_centroid", "province", "Hainan Island", "yes"),
    "hangzhou": ("city_centre", "city", "Hangzhou", "yes"),
    "bethlehem_pa": ("city_centre", "city", "Bethlehem", "yes"),
    "santa_clara": ("city_centre", "city", "California", "implied"),  # the article says only "California-based"
    "tibet": ("region_seat", "region", "Tibet", "yes"),
}


def test_counts(data) -> None:
    assert (len(data.places), len(data.claims), len(data.sources)) == (21, 74, 68)


@pytest.mark.parametrize("place_id", sorted(ARTICLE_PLACES))
def test_every_article_place_is_present_with_honest_precision(data, place_id: str) -> None:
    precision, level, name, named = ARTICLE_PLACES[place_id]
    place = data.places.set_index("id").loc[place_id]
    assert (place["precision"], place["admin_level"]) == (precision, level)
    names = " ".join([place["name_en"], *place["other_names"]])
    assert name in names
    assert place["named_in_article"] == named


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
        ("c07-santa-clara-ghrd", "subject to US sanctions", "NVIDIA is not among them"),
        ("c01-xuar-ghrd", "July 2023 report (Ingram, 2023)", "IPVM"),
        ("c03-chengmai-ghrd", "$6 million in facial-recognition-technology equipment", "Chengmai County"),
        ("c17-xuar-ghrd", "throughout the whole Uyghur region", "Ürümqi"),
        ("c15-ghrd", "owes the Chinese government $6 billion", "lines of credit"),
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
    assert "'12 recent government projects across China'" in claim["correction"]


def test_no_province_is_marked_as_one_of_the_twelve(data) -> None:
    assert not data.claims["sourced_as_one_of_12"].any()


def test_provinces_named_outside_xuar_have_their_own_sources(data) -> None:
    from geo.rules.provinces import named_provinces

    named = named_provinces(data.claims)
    assert set(named["province"]) == {"CN-GS", "CN-CQ", "CN-ZJ", "CN-SH", "CN-FJ", "CN-SC", "CN-SD", "CN-JS", "CN-HI"}
    for code, claims in named.groupby("province"):  # each named province rests on a source other than the article
        assert (claims["source"] != "ghrd-putro-2023").any(), code
    assert "retracted" not in set(named["status"])


def test_fujian_is_described_as_its_source_describes_it(data) -> None:
    claim = data.claims.set_index("id").loc["fujian-minjiang-ipvm-2023"]
    assert claim["category"] == "minority_analytics_outside_xuar"  # ethnic-minority students, not Uyghurs
    assert "ethnic minority students" in claim["quote"]
    assert claim["source"] == "ipvm-2023-11-13-fasting"


def test_hikvision_is_named_only_where_a_source_names_it(data) -> None:
    by_id = data.claims.set_index("id")
    assert by_id.loc["fujian-minjiang-ipvm-2023", "vendor_hikvision"] == "yes"
    assert by_id.loc["zhejiang-hangzhou-turkistantimes", "vendor_hikvision"] == "no"
    assert by_id.loc["gansu-psd-ipvm-2019", "vendor_hikvision"] == "not_stated"


def test_citation_chain(data) -> None:
    cites = data.sources.set_index("id")["cites"]
    assert "ingram-2023-china-project" in cites["ghrd-putro-2023"]
    assert "ipvm-2023-07-chengmai" in cites["ingram-2023-china-project"]
    assert cites["ipvm-2023-07-chengmai"] == ["chengmai-contract-2022"]


def test_china_project_keeps_both_dates(data) -> None:
    source = data.sources.set_index("id").loc["ingram-2023-china-project"]
    assert (source["published"], source["published_alt"]) == (
        "2023-08-17",
        "2023-08-22",
    )  # the date seen on the source first
    assert "URL path" in source["date_note"]


def test_every_claim_has_a_source_with_publisher(data) -> None:
    assert data.claims["source_publisher"].ne("").all()


@pytest.mark.skipif(not SEED_ARTICLE.exists(), reason=f"seed article not found at {SEED_ARTICLE}")
def test_article_quotes_are_verbatim(data) -> None:
    article = SEED_ARTICLE.read_text(encoding="utf-8")
    ghrd = data.claims[data.claims["source"] == "ghrd-putro-2023"]
    missing = [cid for cid, quote in zip(ghrd["id"], ghrd["quote"], strict=True) if quote not in article]
    assert missing == []


# The 0.2.0 evidence pass (issue 11): what the audit found is fixed, and every change is in the open.


def test_every_source_and_every_claim_is_audited(data) -> None:
    from geo import settings
    from geo.evidence import readers

    sources = readers.read_table(settings.SOURCE_AUDIT_CSV)
    quotes = readers.read_table(settings.QUOTE_AUDIT_CSV)
    assert sorted(sources["source"]) == sorted(data.sources["id"])
    assert sorted(quotes["claim"]) == sorted(data.claims["id"])
    found = sources[sources["result"] != "not_found"]
    assert (found["found_at"] != "").all()  # the address of the page read


def test_quotes_found_only_in_a_relay_are_attributed_to_it(data) -> None:
    from geo import settings
    from geo.evidence import readers

    audit = readers.read_table(settings.QUOTE_AUDIT_CSV).set_index("claim")
    claims = data.claims.set_index("id")
    in_relay = audit[audit["quote"] == "verbatim_in_relay"]
    assert set(in_relay.index) == {"chengmai-contract-ipvm-2023", "moyu-project-ipvm-2023", "xuar-offices-ipvm-2020"}
    for claim_id, row in in_relay.iterrows():
        assert claims.loc[claim_id, "quote_via"] == row["relay"] != ""
    assert set(claims.index[claims["quote_via"] != ""]) == set(in_relay.index)


@pytest.mark.parametrize(
    ("table", "row_id", "field", "value"),
    [
        ("claims", "nvidia-register-2023", "quote",
         "We aren't participating in this project and aren't aware of any Nvidia customer supplying it"),
        ("claims", "moyu-project-ipvm-2023", "quote_via", "genevadaily-2023-04-18"),
        ("claims", "c20-moyu-ghrd", "status", "corroborated"),
        ("claims", "c17-xuar-ghrd", "status", "partial"),
        ("claims", "c14-beijing-ghrd", "status", "partial"),
        ("claims", "c20-yutian-ghrd", "status", "partial"),
        ("claims", "fujian-minjiang-securitycurated-2023", "status", "retracted"),
        ("claims", "zhejiang-hangzhou-turkistantimes", "reported_date", "2023"),
        ("sources", "turkistantimes-ipvm-hangzhou", "published", "2023"),
        ("sources", "reuters-2019-hikvision-xinjiang", "author", "Cate Cadell"),
        ("sources", "chinadaily-2016-08-30", "title", "New Xinjiang chief sees growth ahead"),
        ("sources", "globaltimes-2018-07-02", "title", "Surveillance tech grows in Xinjiang, necessary to counter terrorism"),
        ("places", "santa_clara", "named_in_article", "implied"),
    ],
)  # fmt: skip
def test_each_defect_the_check_found_is_fixed_and_logged(data, table: str, row_id: str, field: str, value) -> None:
    """The 0.2.0 fix is logged for 0.2.0; a later release may change the cell again, in the log too."""
    rows = getattr(data, table).set_index("id")
    log = data.corrections
    entry = log[(log["table"] == f"{table}.csv") & (log["row_id"] == row_id) & (log["field"] == field)]
    assert list(entry.loc[entry["version"] == "0.2.0", "after"]) == [value]
    assert rows.loc[row_id, field] == entry["after"].iloc[-1]
    assert (entry["why"] != "").all()
    assert (entry["evidence"] != "").all()


def test_the_register_summary_no_longer_states_what_its_text_lacks(data) -> None:
    claims = data.claims.set_index("id")
    assert "T4" not in claims.loc["chengmai-contract-register-2023", "summary"]
    relay = claims.loc["chengmai-gpus-candid-2023"]
    assert relay["source"] == "candid-technology-2023"
    assert "eight Nvidia T4 GPUs" in relay["quote"]


def test_the_retracted_claim_stays_as_a_tombstone_with_its_reason(data) -> None:
    claim = data.claims.set_index("id").loc["fujian-minjiang-securitycurated-2023"]
    assert claim["status"] == "retracted"
    assert "fujian-minjiang-ipvm-2023" in claim["correction"]
    assert claim["summary"]  # what was published stays readable


def test_hikvisions_documented_xinjiang_projects_are_on_county_seats(data) -> None:
    claims = data.claims.set_index("id")
    places = data.places.set_index("id")
    for county in ("luopu", "moyu", "pishan", "urumqi", "yutian"):
        claim = claims.loc[f"{county}-subsidiary-reuters-2024"]
        assert claim["source"] == "reuters-2024-12-13-hikvision-exits"
        assert (claim["vendor_hikvision"], claim["event_date"]) == ("yes", "2017")
        assert places.loc[county, "precision"] in {"county_seat", "city_centre"}
        assert not claim["sourced_as_one_of_12"]
    assert "~$46 million" in claims.loc["moyu-ppp-ipvm-2018", "quote"]
    assert places.loc["luopu", "geonames_id"] == "1280691"


def test_this_release_logs_each_change_once(data) -> None:
    """Each changed cell of this release has one entry, and each new row one: counted against the last snapshot."""
    from geo.evidence import corrections

    log = data.corrections[data.corrections["version"] == data.version]
    assert not log.duplicated(["table", "row_id", "field"]).any()
    released = corrections.released_tables(corrections.last_release(data.version))
    added = log[log["field"] == "*"]
    current = {"sources.csv": data.sources, "places.csv": data.places, "claims.csv": data.claims}
    for table, frame in current.items():
        assert (added["table"] == table).sum() == len(frame) - len(released[table]), table


# The 0.3.0 evidence pass (issue 20): every quote proved against the passage read, every status
# tested against the strongest evidence found, every source read with its date and address.


def test_every_quote_is_verbatim_in_the_passage_read(data) -> None:
    """At least 95 % of quotes are inside their excerpt under geo.evidence.quotes' one normalisation; the rest say why."""
    from geo.evidence.quotes import is_verbatim

    quoted = data.claims[data.claims["quote"] != ""]
    proved = [is_verbatim(q, e) for q, e in zip(quoted["quote"], quoted["check_excerpt"], strict=True)]
    assert sum(proved) / len(quoted) >= 0.95
    for claim, ok in zip(quoted.to_dict("records"), proved, strict=True):
        if not ok:
            assert claim["check_quote"] == "not_found", claim["id"]
            assert claim["check_note"], claim["id"]  # the reason
        else:
            assert claim["check_excerpt_at"].startswith(("https://", "http://")), claim["id"]


def test_a_quote_read_only_in_a_copy_says_where(data) -> None:
    copies = data.claims[data.claims["check_quote"] == "verbatim_in_copy"]
    ghrd = copies[copies["source"] == "ghrd-putro-2023"]
    assert (ghrd["check_note"].str.contains("seed copy")).all()  # the stored page's index stops at paragraph 4
    assert set(copies["source"]) >= {"ghrd-putro-2023", "reuters-2024-12-13-hikvision-exits"}


def test_every_status_but_as_reported_was_tested_against_evidence(data) -> None:
    needs = data.claims[(data.claims["status"] != "as_reported") | (data.claims["correction"] != "")]
    assert len(needs) >= 36
    for claim in needs.to_dict("records"):
        assert claim["contrary_queries"], claim["id"]  # the searches run
        assert claim["contrary_found"], claim["id"]  # what they found
        assert claim["contrary_verdict"] in {"stands", "changed"}, claim["id"]


def test_a_changed_verdict_has_its_log_entry(data) -> None:
    log = data.corrections[data.corrections["version"].isin(["0.3.0", "0.4.0"])]  # the status audit began in 0.3.0
    changed = set(data.claims.loc[data.claims["contrary_verdict"] == "changed", "id"])
    logged = set(log.loc[(log["table"] == "claims.csv") & log["field"].isin(["status", "correction"]), "row_id"])
    assert changed == logged


def test_every_source_read_has_its_date_and_address(data) -> None:
    audit = data.tables["source_audit"].set_index("source")
    sources = data.sources.set_index("id")
    read = audit[audit["result"] != "not_found"]
    assert len(read) >= len(audit) - 3  # the contract, the white paper and IPVM's July 2023 page are not public
    for sid, row in read.iterrows():
        assert sources.loc[sid, "accessed"] == row["checked"], sid
        assert row["found_at"], sid


ARCHIVES = ("web.archive.org", "archive.ph", "archive.today", "archive.is", "webcitation.org")


def test_an_archive_link_is_an_archive(data) -> None:
    links = [u for u in data.sources["archive_url"] if u]
    assert all(any(host in u for host in ARCHIVES) for u in links)


@pytest.mark.parametrize(
    ("row_id", "field", "check"),
    [
        ("c17-xuar-ghrd", "correction", lambda t: "projects named by sources" in t and "whole Uyghur region" not in t),
        ("c10-ghrd", "status", lambda t: t == "partial"),
        ("c20-yutian-ghrd", "correction", lambda t: "did have" not in t and "does not name those governments" in t),
        ("luopu-subsidiary-reuters-2024", "article_ref", lambda t: t == ""),
        ("c11-hangzhou-ghrd", "correction", lambda t: "25 June 2014" in t and "mirror" in t),
        ("c01-xuar-ghrd", "correction", lambda t: t.startswith("The article adds 'in the Xinjiang Uyghur Autonomous")),
    ],
)
def test_each_defect_issue_20_lists_is_fixed_and_logged(data, row_id: str, field: str, check) -> None:
    value = data.claims.set_index("id").loc[row_id, field]
    assert check(value)
    log = data.corrections
    entry = log[(log["version"] == "0.3.0") & (log["row_id"] == row_id) & (log["field"] == field)]
    assert list(entry["after"]) == [value]


def test_the_briefing_no_longer_counts_luopu_or_blames_the_china_project(data) -> None:
    captions = data.briefing.set_index("step")["caption"]
    assert "fifth such" not in captions[2]
    assert "attributes 'a July 2023 report' to The China Project" not in captions[6]
    assert "not 'the Chinese government'" not in captions[5]


def test_securitycurated_is_its_own_page_relaying_the_register_of_november(data) -> None:
    source = data.sources.set_index("id").loc["securitycurated-2023-11-14"]
    assert source["url"].startswith("https://securitycurated.com/cyber-crime/beijing-reportedly-asked-hikvision")
    assert (
        source["title"] == "Beijing reportedly asked Hikvision to identify fasting students in Muslim-majority province"
    )
    assert source["cites"] == ["register-2023-11-14"]
    assert data.tables["source_audit"].set_index("source").loc["ghrd-putro-2023", "result"] == "found"


def test_the_hotan_county_camp_is_a_county_seat_not_a_facility_pin(data) -> None:
    place = data.places.set_index("id").loc["hotan_county"]
    claim = data.claims.set_index("id").loc["hotan-county-camp-ipvm-2019"]
    assert (place["precision"], place["admin_level"], place["parent"]) == ("county_seat", "county", "hotan_pref")
    assert claim["place"] == "hotan_county"
    assert claim["vendor_hikvision"] == "yes"
    assert not claim["sourced_as_one_of_12"]
    assert data.places.set_index("id").loc["xuhui_shanghai", "geonames_id"] == "1787957"
