"""The translation glossary (``geo/locales/glossary.csv``): one term per concept in each language.

Each row names a concept, the English pattern that finds it, and the accepted forms in
Chinese and Uyghur (``|``-separated, the preferred first; Uyghur forms are stems, so that
suffixes may follow). :func:`missing_terms` is what the catalog test and the content
translations' validation ask: where the English uses a concept, does the translation use
the glossary's term? Quoted titles, code and links are left out: they stay as written.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass

from geo import settings

GLOSSARY = settings.LOCALES_DIR / "glossary.csv"
#: Text that is not translated and so not checked: quoted titles, code spans, links.
_UNTRANSLATED = re.compile(r"\{[^}]*\}|“[^”]*”|\*“[^”]*”\*|`[^`]*`|https?://\S+|\([^)]*GHRD[^)]*\)")


@dataclass(frozen=True)
class Term:
    """One concept: how English says it, and the accepted forms in each language."""

    concept: str
    en: str
    pattern: re.Pattern
    forms: dict[str, tuple[str, ...]]
    reason: str


@functools.cache
def terms() -> tuple[Term, ...]:
    """Every glossary row, patterns compiled."""
    with GLOSSARY.open(encoding="utf-8", newline="") as handle:
        return tuple(
            Term(
                row["concept"],
                row["en"],
                re.compile(row["en_pattern"]),
                {code: tuple(row[code].split("|")) for code in ("zh", "ug")},
                row["reason"],
            )
            for row in csv.DictReader(handle)
        )


def missing_terms(english: str, translation: str, code: str) -> list[Term]:
    """The concepts ``english`` uses whose glossary term ``translation`` (in language ``code``) lacks."""
    checked = _UNTRANSLATED.sub(" ", english)
    return [
        term for term in terms()
        if term.pattern.search(checked) and not any(form in translation for form in term.forms[code])
    ]  # fmt: skip
