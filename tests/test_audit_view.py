"""Users see how each claim and each source was checked: the detail view, the Claims and Sources tabs, the exports."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from geo.evidence.quotes import is_verbatim

from .test_app import open_tab, run


def detail_html(at: AppTest) -> str:
    return " ".join(h.proto.body for h in at.get("html") if "Cite this:" in h.proto.body)


def test_the_detail_view_says_how_each_claim_was_checked(data) -> None:
    at = run(place="chengmai")
    html = detail_html(at)
    claims = data.claims.set_index("id")
    shown = claims[claims["place"] == "chengmai"]
    assert html.count("How we checked this") == len(shown)  # one per claim
    checked = shown[shown["check_excerpt"] != ""]
    assert len(checked)
    for claim_id, claim in checked.iterrows():
        excerpt = claim["check_excerpt"].replace("&", "&amp;").replace("<", "&lt;").replace("'", "&#x27;")
        assert excerpt.split("\n")[0][:60].replace('"', "&quot;") in html, claim_id
    contrary = shown[shown["contrary_verdict"] != ""]
    assert html.count("Evidence against, searched for on") == len(contrary)


def test_the_claims_tab_carries_each_claims_passage_and_where_it_was_read(data) -> None:
    at = open_tab(run(), "Claims")
    table = next(df.value for df in at.dataframe if "excerpt" in df.value.columns)
    assert len(table) == len(data.claims)  # the retracted tombstone too, with its own check
    claims = data.claims.set_index("id")
    with_quote = [
        row for row in table.to_dict("records") if claims.loc[row["id"], "check_quote"].startswith("verbatim")
    ]
    assert len(with_quote) >= 0.9 * len(table)
    for row in with_quote:
        assert is_verbatim(claims.loc[row["id"], "quote"], row["excerpt"]), row["id"]
        assert row["read at"].startswith("https://") or row["read at"].startswith("http://")
    assert table["read on"].ne("").all()


def test_the_sources_tab_opens_a_source_s_check(data) -> None:
    at = open_tab(run(), "Sources and citation chain")
    sources = next(df.value for df in at.dataframe if "check" in df.value.columns)
    read = data.tables["source_audit"].set_index("source")["result"] != "not_found"
    shown_read = sources[sources["id"].map(read)]
    assert len(shown_read) >= len(sources) - 3
    assert shown_read["read on"].ne("").all()  # every source whose page was read has the date it was read
    at.selectbox(key="source_audit").set_value("register-2023-07-31").run()
    panel = next(h.proto.body for h in at.get("html") if "<div class='source-audit'>" in h.proto.body)
    audit = data.tables["source_audit"].set_index("source").loc["register-2023-07-31"]
    assert "theregister.com/2023/07/31" in panel  # where it was read
    assert panel.count("<tr>") == 1 + 5  # title, author, publisher, date and link checked
    for claim_id in data.claims.loc[data.claims["source"] == "register-2023-07-31", "id"]:
        assert f"[{claim_id}]" in panel
    assert audit["checked"] in set(data.sources.set_index("id").loc[["register-2023-07-31"], "accessed"])


@pytest.mark.parametrize("column", ["check_excerpt", "check_excerpt_at", "contrary_found", "contrary_verdict"])
def test_the_claims_csv_carries_the_checks(data, column: str) -> None:
    from geo.export.gis import to_csv

    rows = pd.read_csv(io.BytesIO(to_csv(data, data.claims)), dtype=str, keep_default_na=False)
    by_id = rows.set_index("id")
    assert by_id[column].ne("").any()
    expected = data.claims.set_index("id")[column]
    assert (by_id[column] == expected.loc[by_id.index]).all()


def test_the_geopackage_carries_each_claims_and_each_sources_check_for_gdal(data, tmp_path) -> None:
    """GDAL (ogrinfo) reads the checks back from the GeoPackage: claims' excerpts, sources' checks."""
    from geo.export.gis import to_geopackage

    from .test_export import ogrinfo

    path = tmp_path / "export.gpkg"
    path.write_bytes(to_geopackage(data, data.claims))
    claims = ogrinfo(str(path), "claims")
    for field in ("check_excerpt", "check_excerpt_at", "check_quote", "contrary_found", "contrary_verdict"):
        assert f"{field}: String" in claims
    hotan = data.claims.set_index("id").loc["hotan-county-camp-ipvm-2019"]
    assert hotan["check_excerpt_at"] in claims
    sources = ogrinfo(str(path), "sources")
    for field in ("check_date", "check_result", "check_found_at", "check_title"):
        assert f"{field}: String" in sources
    assert "check_result (String) = found_in_copy" in sources  # the Reuters copy, for one


def test_a_hostile_excerpt_is_text_in_the_claim_check() -> None:
    from geo.html.audit import claim_check_html

    attack = "<script>window.pwned=1</script><img src=x onerror=alert(1)>"
    claim = {"check_quote": "verbatim", "check_excerpt": attack, "check_excerpt_at": "javascript:alert(1)",
             "check_found_at": ["javascript:alert(2)"], "check_date": "2026-12-03", "check_relay": "",
             "check_note": attack, "contrary_verdict": "stands", "contrary_found": attack,
             "contrary_found_at": [], "contrary_queries": [attack], "contrary_date": "2026-12-03"}  # fmt: skip
    html = claim_check_html(claim, {})
    assert "<script" not in html
    assert "<img" not in html
    assert "href=" not in html  # javascript: never becomes a link
    assert html.count("&lt;script&gt;") == 4
