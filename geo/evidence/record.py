"""Rules of the two tables that hold the official record and the other side of each claim.

``measures.csv``: a government measure states its own words (or a relay's, named in the
``_via`` field) inside the passage read, is dated, and binds only places and claims that
exist; a search that found no measure says so and carries no dates or words. ``counter_claims.csv``:
every claim is answered (a counter-claim found, none found after named searches, or none
sought and why), and a counter-claim found is verbatim in its passage, with who and when.
Quotes are checked under :mod:`geo.evidence.quotes`' one normalisation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from geo import settings
from geo.evidence import quotes, readers

if TYPE_CHECKING:
    import pandas as pd

#: A measure's dates, in the order they can happen (an effective date may come before publication).
MEASURE_DATES = ("announced", "published", "effective", "ended")
#: The standing of a search that found no measure: it carries no dates and no words of a measure.
NOT_FOUND = "not_found_in_pages_read"


class ProblemMaker(Protocol):
    """How :mod:`geo.evidence.validate` builds a problem (file, row, field, value, message)."""

    def __call__(self, file: str, row: int | None, field: str | None, value: str | None, message: str) -> object:
        """A problem in ``file`` at ``row`` and ``field``, with the bad ``value`` and what is wrong."""


def _words_problems(row: pd.Series, words: str, make: ProblemMaker, where: tuple[str, int]) -> list[object]:
    """The measure's or counter-claim's words (``words`` is scope, reason or quote) are inside their passage."""
    excerpt_field, at_field = {"quote": ("excerpt", "excerpt_at")}.get(words, (f"{words}_excerpt", f"{words}_at"))
    if not row[words]:
        return []
    if not (row[excerpt_field] and row[at_field]):
        return [make(*where, excerpt_field, "", f"the {words} needs the passage read ({excerpt_field}) and its address ({at_field})")]
    piece = quotes.missing_piece(row[words], row[excerpt_field])
    return [] if piece is None else [make(*where, excerpt_field, piece, f"this part of the {words} is not in the passage read")]


def check_measures(tables: dict[str, pd.DataFrame], countries: set[str], make: ProblemMaker) -> list[object]:
    """Each measure's words are in their passages, its dates hang together, and what it binds exists."""
    measures = tables.get(settings.MEASURES_CSV)
    if measures is None:
        return []
    places, claims = set(tables[settings.PLACES_CSV]["id"]), set(tables[settings.CLAIMS_CSV]["id"])
    problems: list[object] = []
    for i, row in measures.iterrows():
        where = (settings.MEASURES_CSV, int(i) + 2)
        problems += _words_problems(row, "scope", make, where) + _words_problems(row, "reason", make, where)
        dated = [field for field in MEASURE_DATES if row[field]]
        if row["standing"] == NOT_FOUND:
            problems += [make(*where, field, row[field], "a search that found no measure has no dates") for field in dated]
            if row["scope"]:
                problems.append(make(*where, "scope", row["scope"], "a search that found no measure has no words of one"))
        else:
            if not dated:
                problems.append(make(*where, "announced", "", "a measure needs at least one date"))
            if not row["scope"]:
                problems.append(make(*where, "scope", "", "a measure needs its own words (or a relay's, in scope_via)"))
        if row["standing"] == "withdrawn" and not row["ended"]:
            problems.append(make(*where, "ended", "", "a withdrawn measure needs the date it ended"))
        if row["ended"] and any(row[f] and row[f] > row["ended"] for f in ("announced", "effective")):
            problems.append(make(*where, "ended", row["ended"], "ends before it was announced or took effect"))
        if row["country"] and row["country"] not in countries:
            problems.append(make(*where, "country", row["country"], "no country has this ISO 3166-1 numeric code"))
        problems += [make(*where, "places", p, "no place has this id") for p in readers.split_list(row["places"]) if p not in places]
        problems += [make(*where, "claims", c, "no claim has this id") for c in readers.split_list(row["claims"]) if c not in claims]
    return problems


def check_counter_claims(tables: dict[str, pd.DataFrame], make: ProblemMaker) -> list[object]:
    """Every claim is answered, and every counter-claim found is verbatim, with who said it and when."""
    counter = tables.get(settings.COUNTER_CLAIMS_CSV)
    if counter is None:
        return []
    claims = tables[settings.CLAIMS_CSV]
    claim_ids, name = set(claims["id"]), settings.COUNTER_CLAIMS_CSV
    problems: list[object] = []
    answered: set[str] = set()
    for i, row in counter.iterrows():
        where = (name, int(i) + 2)
        ids = readers.split_list(row["answers"])
        answered.update(ids)
        problems += [make(*where, "answers", c, "no claim has this id") for c in ids if c not in claim_ids]
        if row["found"] == "found":
            problems += [make(*where, f, "", "a counter-claim found needs this") for f in ("speaker", "said", "source", "quote") if not row[f]]
            problems += _words_problems(row, "quote", make, where)
        elif row["found"] == "none_found" and not row["queries"]:
            problems.append(make(*where, "queries", "", "say which searches found nothing"))
        elif row["found"] == "not_sought" and not row["note"]:
            problems.append(make(*where, "note", "", "say why no counter-claim was sought"))
    problems += [
        make(settings.CLAIMS_CSV, int(i) + 2, "id", cid, f"the claim has no row in {name} (its other side, or why none)")
        for i, cid in claims["id"].items()
        if cid not in answered
    ]
    return problems
