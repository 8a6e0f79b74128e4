"""What changed after a release: the corrections log's entries since it, by kind (``?since=VERSION``).

A presenter reuses a deck for months; the deck names its dataset version, and this says what
has changed since: claims added, re-statused, corrected or retracted, sources added or moved.
Every entry stays one row of the log, so each kind links back to the entries it counts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo import settings
from geo.evidence.readers import version_key
from geo.rules.labels import CHANGE_KINDS as KINDS

if TYPE_CHECKING:
    import pandas as pd


def change_kind(table: str, field: str, after: str) -> str:
    """Which kind of change one log entry is (a key of :data:`KINDS`)."""
    if table == settings.CLAIMS_CSV:
        if field == "*":
            return "claim_added"
        if field == "status":
            return after if after in ("retracted", "corrected") else "restatused"
        if field == "correction":
            return "corrected"
    if table == settings.SOURCES_CSV:
        if field == "*":
            return "source_added"
        if field in ("url", "archive_url"):
            return "source_moved"
    return "other"


def changes_since(corrections: pd.DataFrame, version: str) -> pd.DataFrame:
    """The log's entries of every version after ``version`` (none for a version that is not dotted numbers), with their kind."""
    since = version_key(version)
    if not since:
        return corrections.iloc[0:0].assign(kind=[])
    later = corrections[corrections["version"].map(lambda v: version_key(str(v)) > since)]
    kinds = [change_kind(t, f, str(a)) for t, f, a in zip(later["table"], later["field"], later["after"], strict=True)]
    return later.assign(kind=kinds)


def counts(changes: pd.DataFrame) -> dict[str, int]:
    """How many entries of each kind, in :data:`KINDS`' order, kinds with none left out."""
    found = changes["kind"].value_counts()
    return {kind: int(found[kind]) for kind in KINDS if kind in found.index}
