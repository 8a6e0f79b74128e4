"""The evidence in Chinese and Uyghur: translations keyed by their English, never stale, never changing a fact."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from geo.evidence import content
from geo.evidence.facts import lost_facts
from geo.language import i18n
from geo.language.bidi import unisolated
from geo.language.glossary import missing_terms

LANGS = ("zh", "ug")


def translations(data) -> pd.DataFrame:
    return data.tables["translations"]


def test_every_evidence_field_is_translated_in_each_language(data) -> None:
    table = translations(data)
    for lang in LANGS:
        done = set(zip(table.loc[table["lang"] == lang, "table"], table.loc[table["lang"] == lang, "row_id"],
                       table.loc[table["lang"] == lang, "field"], strict=True))  # fmt: skip
        wanted = {(name, str(row[key]), field)
                  for name, (key, fields) in content.TRANSLATED.items()
                  for row in getattr(data, name).to_dict("records") for field in fields if row[field]}  # fmt: skip
        assert wanted - done == set(), lang


def test_no_translation_is_stale(data) -> None:
    """A changed English field shows in English until translated again: this lists what to translate again."""
    assert [(r["table"], r["row_id"], r["field"], r["lang"]) for r in content.stale(data)] == []


@pytest.mark.parametrize("lang", LANGS)
def test_translations_use_the_glossary_and_keep_every_fact(data, lang: str) -> None:
    rows = translations(data)
    rows = rows[rows["lang"] == lang]
    wrong = [(r["row_id"], r["field"], [t.concept for t in missing])
             for r in rows.to_dict("records") if (missing := missing_terms(r["english"], r["text"], lang))]  # fmt: skip
    assert wrong == []
    assert all(not lost_facts(r["english"], r["text"]) for r in rows.to_dict("records"))
    assert rows["back"].ne("").all()  # each with its back-translation
    assert set(rows["reviewed"]) == {"no"}  # machine-assisted until a native speaker reviews it


def test_uyghur_evidence_isolates_its_latin_runs(data) -> None:
    rows = translations(data)
    loose = [(r["row_id"], unisolated(r["text"])) for r in rows[rows["lang"] == "ug"].to_dict("records")
             if unisolated(r["text"])]  # fmt: skip
    assert loose == []


def test_a_localized_dataset_speaks_the_language_and_keeps_the_english(data) -> None:
    zh = content.localized(data, "zh")
    assert content.localized(data, "zh") is zh  # one copy per language
    assert content.localized(data, "en") is data
    claim = zh.claims.set_index("id").loc["c17-xuar-ghrd"]
    english = data.claims.set_index("id").loc["c17-xuar-ghrd"]
    assert claim["summary_lang"] == "zh"
    assert claim["summary_en"] == english["summary"]
    assert claim["summary"] != english["summary"]
    assert claim["quote"] == english["quote"]  # quotes are evidence: never translated
    assert zh.briefing["caption_lang"].eq("zh").all()


def test_a_changed_english_field_falls_back_to_english(data) -> None:
    import dataclasses

    claims = data.claims.copy()
    claims.loc[claims["id"] == "c10-ghrd", "summary"] = "A new English summary."
    changed = dataclasses.replace(data, claims=claims)
    claim = content.localized(changed, "ug").claims.set_index("id").loc["c10-ghrd"]
    assert (claim["summary"], claim["summary_lang"]) == ("A new English summary.", "en")
    assert [r["row_id"] for r in content.stale(changed) if r["field"] == "summary"] == ["c10-ghrd", "c10-ghrd"]


def test_the_detail_view_shows_the_translation_with_its_english_one_click_away(data) -> None:
    from geo.html.detail import place_detail_html

    zh = content.localized(data, "zh")
    with i18n.speaking("zh"):
        html = place_detail_html(zh, "chengmai", zh.claims, "cite")
    summary = zh.claims.set_index("id").loc["c04-chengmai-ghrd", "summary"]
    assert f'<span lang="zh" dir="ltr">{summary}' in html
    assert "<details class='original'><summary>英文原文</summary>" in html


def test_exports_follow_the_language_with_the_english_beside(data) -> None:
    from geo.export.gis import to_csv

    zh = content.localized(data, "zh")
    with i18n.speaking("zh"):
        rows = pd.read_csv(io.BytesIO(to_csv(zh, zh.claims)), dtype=str, keep_default_na=False).set_index("id")
    english = data.claims.set_index("id")
    assert rows.loc["c09-twelve-provinces-ghrd", "summary"] == zh.claims.set_index("id").loc["c09-twelve-provinces-ghrd", "summary"]
    assert rows.loc["c09-twelve-provinces-ghrd", "summary_en"] == english.loc["c09-twelve-provinces-ghrd", "summary"]
