"""What changed after a release (``geo.rules.changes``): each log entry's kind, and only the versions after it."""

from __future__ import annotations

import pandas as pd

from geo import settings
from geo.rules.changes import KINDS, change_kind, changes_since, counts


def test_each_entry_has_the_kind_a_presenter_asks_about() -> None:
    assert change_kind(settings.CLAIMS_CSV, "status", "retracted") == "retracted"
    assert change_kind(settings.CLAIMS_CSV, "status", "corrected") == "corrected"
    assert change_kind(settings.CLAIMS_CSV, "status", "partial") == "restatused"
    assert change_kind(settings.CLAIMS_CSV, "correction", "Wrong as phrased") == "corrected"
    assert change_kind(settings.CLAIMS_CSV, "*", "added") == "claim_added"
    assert change_kind(settings.SOURCES_CSV, "*", "added") == "source_added"
    assert change_kind(settings.SOURCES_CSV, "archive_url", "https://web.archive.org/x") == "source_moved"
    assert change_kind(settings.PLACES_CSV, "notes", "x") == "other"


def test_changes_since_take_only_later_versions_and_count_in_order() -> None:
    log = pd.DataFrame({
        "id": ["a", "b", "c", "d"], "version": ["0.2.0", "0.3.0", "0.10.0", "0.3.0"],
        "table": [settings.CLAIMS_CSV, settings.CLAIMS_CSV, settings.SOURCES_CSV, settings.CLAIMS_CSV],
        "field": ["status", "status", "*", "*"], "after": ["partial", "retracted", "added", "added"],
    })  # fmt: skip
    later = changes_since(log, "0.2.0")
    assert list(later["id"]) == ["b", "c", "d"]  # 0.10.0 is after 0.2.0 (numbers, not text)
    assert counts(later) == {"retracted": 1, "claim_added": 1, "source_added": 1}
    assert list(counts(later)) == [k for k in KINDS if k in counts(later)]
    assert changes_since(log, "not-a-version").empty
    assert changes_since(log, "0.10.0").empty
