"""The official record and the other side, as the views read them: measures by place and country, counter-claims by claim.

``measures.csv`` binds each government measure to the places its named entities are at
(``places``) and to the country that acted (``country``); ``counter_claims.csv`` answers each
claim. A search that found no measure (standing ``not_found_in_pages_read``) is evidence of
absence in the pages read, never a measure: it is listed, never drawn or counted as one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo.evidence import readers
from geo.evidence.cache import per_dataset
from geo.evidence.record import MEASURE_DATES, NOT_FOUND

if TYPE_CHECKING:
    from geo.evidence.dataset import Dataset

def first_date(measure: dict) -> str:
    """The measure's earliest date (announced, published or in force): where a timeline places it."""
    return min((str(measure[f]) for f in MEASURE_DATES[:3] if measure.get(f)), default="")


@per_dataset(by_language=False)
def measures(data: Dataset) -> list[dict]:
    """Every measure found (not a search that found none), earliest first."""
    table = data.tables.get("measures")
    rows = [] if table is None else [r for r in table.to_dict("records") if r["standing"] != NOT_FOUND]
    return sorted(rows, key=lambda r: (first_date(r), r["id"]))


@per_dataset(by_language=False)
def searches_without_a_measure(data: Dataset) -> list[dict]:
    """The searches for a listing that found none in the pages read."""
    table = data.tables.get("measures")
    return [] if table is None else [r for r in table.to_dict("records") if r["standing"] == NOT_FOUND]


def measures_at(data: Dataset, place_id: str) -> list[dict]:
    """The measures that name an entity bound to ``place_id``, earliest first."""
    return [m for m in measures(data) if place_id in (m.get("places") or [])]


@per_dataset(by_language=False)
def measures_by_country(data: Dataset) -> dict[str, list[dict]]:
    """The measures by the ISO 3166-1 numeric code of the country that acted."""
    by_country: dict[str, list[dict]] = {}
    for m in measures(data):
        if m.get("country"):
            by_country.setdefault(str(m["country"]), []).append(m)
    return by_country


@per_dataset(by_language=False)
def _counter_index(data: Dataset) -> dict[str, list[dict]]:
    table = data.tables.get("counter_claims")
    index: dict[str, list[dict]] = {}
    for row in [] if table is None else table.to_dict("records"):
        for claim_id in row.get("answers") or []:
            index.setdefault(claim_id, []).append(row)
    return index


def counter_claims_of(data: Dataset, claim_id: str) -> list[dict]:
    """The rows of ``counter_claims.csv`` that answer ``claim_id``, strongest first (:data:`readers.ANSWER_ORDER`)."""
    return sorted(_counter_index(data).get(claim_id, []), key=readers.answer_rank)
