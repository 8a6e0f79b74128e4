"""The corrections log as readers see it: newest first, each change with its place, and filterable by place."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from geo import settings
from geo.evidence import readers
from geo.evidence.cache import per_dataset
from geo.evidence.readers import split_list
from geo.html.escape import message_html
from geo.language.i18n import N_, _, number
from geo.rules import changes, labels
from geo.urls import safe_url

if TYPE_CHECKING:
    from geo.evidence.dataset import Dataset

#: What the Corrections tab says first (Markdown).
INTRO = N_(
    "Every change to a published row since the first release, newest first, with what it was, what it is, why, and "
    "the evidence. Nothing is removed silently: a claim that no longer stands stays, marked *retracted*, with the "
    "reason. `python -m geo validate` fails if a published row changes without an entry here."
)
TABLE_LABEL = {settings.SOURCES_CSV: N_("source"), settings.PLACES_CSV: N_("place"), settings.CLAIMS_CSV: N_("claim"),
               settings.BRIEFING_CSV: N_("briefing step")}  # fmt: skip


def entry_places(data: Dataset, table: str, row_id: str) -> list[str]:
    """Place ids a logged row is about: a claim's place, a place itself, a source's places, a step's place."""
    claims = data.claims
    if table == settings.CLAIMS_CSV:
        return [p for p in claims.loc[claims["id"] == row_id, "place"] if p]
    if table == settings.PLACES_CSV:
        return [row_id]
    if table == settings.SOURCES_CSV:
        return list(dict.fromkeys(p for p in claims.loc[claims["source"] == row_id, "place"] if p))
    steps = data.briefing[data.briefing["step"].astype(str) == row_id]
    return [p for p in steps["place"] if p]


def evidence_link(data: Dataset, evidence: str) -> str | None:
    """The evidence as a link: its own address, or the URL (else archived copy) of the source it names."""
    if safe_url(evidence):
        return evidence
    source = data.sources[data.sources["id"] == evidence]
    if source.empty:
        return None
    return safe_url(source["url"].iloc[0]) or safe_url(source["archive_url"].iloc[0])


@per_dataset
def corrections_table(data: Dataset) -> pd.DataFrame:
    """Every logged change, newest first, with readable names and a link to its evidence."""
    log = data.corrections
    names = labels.place_names(data)
    places = [entry_places(data, t, r) for t, r in zip(log["table"], log["row_id"], strict=True)]
    table = pd.DataFrame(
        {
            "date": log["date"],
            "place": [", ".join(names.get(p, p) for p in ps) for ps in places],
            "field": log["field"].map(labels.field_label),
            "before": log["before"],
            "after": log["after"],
            "why": log["why"],
            "evidence link": [evidence_link(data, e) for e in log["evidence"]],
            "what": log["table"].map(lambda table: _(TABLE_LABEL[table]) if table in TABLE_LABEL else table),
            "row": log["row_id"],
            "evidence": log["evidence"],
            "version": log["version"],
            "id": log["id"],
            "place ids": [";".join(ps) for ps in places],
        }
    )
    return table.iloc[::-1].sort_values("date", ascending=False, kind="stable").reset_index(drop=True)


def corrections_for(data: Dataset, place: str | None = None) -> pd.DataFrame:
    """:func:`corrections_table`, only the changes about ``place`` when given (without the helper column)."""
    table = corrections_table(data)
    if place:
        table = table[table["place ids"].map(lambda ids: place in split_list(ids))]
    return table.drop(columns="place ids").reset_index(drop=True)


def places_with_corrections(data: Dataset) -> dict[str, str]:
    """Place id -> name for the places the log touches, in the data's order (the filter's choices)."""
    touched = {p for ids in corrections_table(data)["place ids"] for p in split_list(ids)}
    return {pid: name for pid, name in labels.place_names(data).items() if pid in touched}


@per_dataset(by_language=False)
def releases(data: Dataset) -> list[str]:
    """The released versions, oldest first: the snapshot folders, read once per dataset (not on every run)."""
    return readers.release_versions()


def earlier_releases(data: Dataset) -> list[str]:
    """The releases before this dataset's version, oldest first (the "Changed since" choices)."""
    return [v for v in releases(data) if readers.version_key(v) < readers.version_key(data.version)]


def change_counts(data: Dataset, version: str) -> dict[str, int]:
    """How many changes of each kind came after release ``version``, by label in the page's language."""
    return _labelled(changes.changes_since(data.corrections, version))


def _labelled(found: pd.DataFrame) -> dict[str, int]:
    return {_(changes.KINDS[kind]): n for kind, n in changes.counts(found).items()}


def changed_since(data: Dataset, version: str) -> tuple[dict[str, int], pd.DataFrame]:
    """What changed after release ``version``: :func:`change_counts`, and the log rows, each with its kind.

    A version that is not a release of this dataset gives nothing (the page says so).
    """
    found = changes.changes_since(data.corrections, version)
    kinds = dict(zip(found["id"], found["kind"], strict=True))
    table = corrections_for(data)
    table = table[table["id"].isin(kinds)].copy()
    table.insert(0, "change", table["id"].map(lambda entry: _(changes.KINDS[kinds[entry]])))
    return _labelled(found), table.reset_index(drop=True)


def changed_since_html(data: Dataset, version: str) -> str:
    """The line under the title of a page opened with ``?since=``: what changed after that release, kind by kind."""
    if version not in releases(data):
        return message_html("error", _("{version} is not a release of this dataset.").format(version=version))
    counted = change_counts(data, version)
    if not counted:
        return message_html("info", _("Nothing changed after release {version}.").format(version=version))
    parts = ", ".join(f"{number(n)} {label}" for label, n in counted.items())
    note = _("Changed after release {version}: {changes}. Each change is in the Corrections tab, with why and the "
             "evidence.").format(version=version, changes=parts)  # fmt: skip
    return message_html("info", note)
