"""Interface languages: every message is extracted, translated in each catalog with the same placeholders, and used."""

from __future__ import annotations

import ast
import difflib
import re

import pytest
from babel.messages.pofile import read_po

from geo import urls
from geo.__main__ import extract_messages
from geo.language import i18n
from geo.rules import labels

from .conftest import PROJECT

TRANSLATED = [code for code in i18n.LANGUAGES if code != i18n.DEFAULT]
MARKERS = {"_", "N_", "ngettext"}
CATALOGS = [i18n.LOCALES_DIR / "messages.pot", *(i18n.catalog_path(code) for code in TRANSLATED)]


def catalog(code: str):
    with i18n.catalog_path(code).open("rb") as po:
        return read_po(po, locale=i18n.LANGUAGES[code].locale)


def template():
    with (i18n.LOCALES_DIR / "messages.pot").open("rb") as pot:
        return read_po(pot)


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{(\w*)\}", text))


def test_the_template_is_exactly_what_the_code_holds(tmp_path) -> None:
    """The committed ``messages.pot`` is, byte for byte, a fresh extract made as ``python -m geo messages`` makes it."""
    out = tmp_path / "messages.pot"
    extract_messages(out)  # in process, the very call the command makes (no interpreter to start)
    fresh, committed = out.read_bytes(), (i18n.LOCALES_DIR / "messages.pot").read_bytes()
    stale = fresh != committed
    diff = difflib.unified_diff(
        committed.decode().splitlines(keepends=True),
        fresh.decode().splitlines(keepends=True),
        "geo/locales/messages.pot (committed)",
        "extracted from the code now",
        n=1,
    )
    assert not stale, (
        "geo/locales/messages.pot is out of date: run `python -m geo messages` (it updates the catalogs too), "
        f"translate what it reports, and commit geo/locales.\n{''.join(diff)[:3000]}"
    )


@pytest.mark.parametrize("path", CATALOGS, ids=lambda path: str(path.relative_to(i18n.LOCALES_DIR)))
def test_no_catalog_has_a_fuzzy_entry_or_a_location_line(path) -> None:
    """Locations churn with every edit (``--no-location``); a fuzzy entry is a guess (``--no-fuzzy-matching``)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if line.startswith("#:")] == []
    assert [line for line in lines if line.startswith("#,") and "fuzzy" in line] == []
    with path.open("rb") as po:
        assert [m.id for m in read_po(po) if m.id and m.fuzzy] == []  # a template without a header reads as fuzzy


def test_no_message_hides_inside_an_f_string() -> None:
    """Babel does not look inside f-string expressions: a ``_()`` there would never be translated."""
    hidden = []
    for path in [*sorted((PROJECT / "geo").rglob("*.py")), PROJECT / "dashboard.py", *sorted((PROJECT / "sections").glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                hidden += [
                    f"{path.name}:{call.lineno}"
                    for call in ast.walk(node)
                    if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id in MARKERS
                ]
    assert hidden == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_is_translated_with_the_same_placeholders(code: str) -> None:
    translations = {m.id: m for m in catalog(code) if m.id}
    missing, wrong = [], []
    for message in template():
        if not message.id:
            continue
        found = translations.get(message.id)
        strings = found.string if found else None
        strings = strings if isinstance(strings, tuple) else (strings,)
        if found is None or not all(strings) or found.fuzzy:
            missing.append(message.id)
            continue
        source = message.id if isinstance(message.id, str) else message.id[-1]
        wrong += [message.id for s in strings if placeholders(s) != placeholders(source)]
    assert missing == []
    assert wrong == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_catalogs_compile_and_say_they_are_unreviewed_drafts(code: str) -> None:
    assert i18n.translations(code).gettext("Legend") != "Legend"
    header = i18n.catalog_path(code).read_text(encoding="utf-8").split("msgid", 1)[0]
    assert "NOT YET REVIEWED" in header  # a machine draft is never presented as reviewed


def test_unknown_language_falls_back_to_english() -> None:
    assert i18n.parse_lang("fr") == "en"
    assert i18n.parse_lang("zh-Hans") == "zh"
    assert i18n.parse_lang("UG") == "ug"
    assert i18n.parse_lang(None) == "en"


def test_language_is_scoped_and_restored() -> None:
    with i18n.speaking("zh"):
        assert i18n._("Legend") == "图例"
        with i18n.speaking("ug"):
            assert i18n.language().direction == "rtl"
        assert i18n.current() == "zh"
    assert i18n._("Legend") == "Legend"


def test_dates_and_numbers_follow_the_locale() -> None:
    assert i18n.date("2023-08-22") == "Aug 22, 2023"
    assert i18n.date("2023") == "2023"
    assert i18n.date("not a date") == "not a date"
    with i18n.speaking("zh"):
        assert i18n.date("2023-08-22") == "2023年8月22日"
        assert i18n.date("2023-08") == "2023年8月"
    assert i18n.number(12345) == "12,345"


def test_place_names_come_from_the_data_in_the_page_script(data) -> None:
    pishan = data.places.set_index("id", drop=False).loc["pishan"]
    hangzhou = data.places.set_index("id", drop=False).loc["hangzhou"]
    chengmai = data.places.set_index("id", drop=False).loc["chengmai"]
    provinces = data.provinces.set_index("iso_3166_2", drop=False)
    assert labels.place_name(pishan) == "Pishan County"
    with i18n.speaking("zh"):
        assert labels.place_name(pishan) == "皮山县"
    with i18n.speaking("ug"):
        assert labels.place_name(pishan) == "گۇما ناھىيىسى"
        assert labels.place_name(hangzhou) == "خاڭجۇ"  # as a Uyghur-language page writes it (places.csv's notes)
        assert labels.place_name(chengmai) == "Chengmai County"  # no Uyghur name read: English, never invented
        assert labels.place_name(provinces.loc["CN-GS"]) == "گەنسۇ"  # province_names.csv, with the passage read
        assert labels.place_name(provinces.loc["CN-GD"]) == "Guangdong"  # none read


def test_links_keep_the_reader_language() -> None:
    assert urls.place_url("moyu", i18n.current()) == "/?place=moyu"
    with i18n.speaking("ug"):
        assert urls.place_url("moyu", i18n.current()) == "/?place=moyu&lang=ug"
        assert urls.step_url(2, i18n.current()) == "/?step=2&lang=ug"


def test_cached_pieces_are_kept_per_language(data) -> None:
    from geo.page import model
    from geo.rules.filters import Filters

    english = model.filtered_view(data, Filters())
    with i18n.speaking("zh"):
        chinese = model.filtered_view(data, Filters())
    assert english is not chinese
    assert "Pishan County" in set(english.places["place"])
    assert "皮山县" in set(chinese.places["place"])
    assert model.filtered_view(data, Filters()) is english


# Issue 21: one term per concept, direction isolates, and a reviewer's record of every string.

REVIEW_DIR = i18n.LOCALES_DIR / "review"


def _messages(code: str):
    from babel.messages.pofile import read_po

    with i18n.catalog_path(code).with_suffix(".po").open("rb") as po:
        for message in read_po(po):
            if message.id:
                ids = message.id if isinstance(message.id, tuple) else (message.id,)
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                yield ids[0], strings[0], message


@pytest.mark.parametrize("code", ["zh", "ug"])
def test_the_catalogs_use_the_glossarys_terms(code: str) -> None:
    from geo.language.glossary import missing_terms

    wrong = [(english[:70], [t.concept for t in missing]) for english, text, _m in _messages(code)
             if (missing := missing_terms(english, text, code))]  # fmt: skip
    assert wrong == []


def test_latin_runs_in_uyghur_are_direction_isolated() -> None:
    from geo.language.bidi import unisolated

    loose = [(english[:50], runs) for english, text, _m in _messages("ug") if (runs := unisolated(text))]
    assert loose == []


@pytest.mark.parametrize("code", ["zh", "ug"])
def test_every_string_has_its_back_translation_for_a_reviewer(code: str) -> None:
    """geo/locales/review/<code>.csv: msgid, msgstr and a back-translation made without the English, side by side."""
    import csv

    with (REVIEW_DIR / f"{code}.csv").open(encoding="utf-8", newline="") as handle:
        review = {row["msgid"]: row for row in csv.DictReader(handle)}
    stale = [english[:60] for english, text, _m in _messages(code)
             if english not in review or review[english]["msgstr"] != text or not review[english]["back_translation"]]  # fmt: skip
    assert stale == []
