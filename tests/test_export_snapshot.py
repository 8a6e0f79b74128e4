"""Every export, for the default view and a filtered one, is byte-identical to the recorded hashes.

The hashes in ``tests/snapshots/exports.json`` were first recorded before the package was
reorganised (issue 10), proving the move changed no byte a user downloads; since then they
are re-recorded only with a deliberate change of data or format
(``python -m tests.export_snapshot --write``, said in the commit). The libraries that write
the bytes are pinned in ``requirements-dev.txt`` at the recorded versions: under ``CI`` a
format whose writer has another version fails (it would prove nothing); elsewhere it is
skipped, saying which library differs.
"""

from __future__ import annotations

import json
import os

import pytest

from .export_snapshot import SNAPSHOT, changed_writers, compute, library_versions

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("exports")]  # groups: tests/conftest.py


@pytest.fixture(scope="module")
def recorded() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def current(exports) -> dict[str, dict[str, str]]:
    return compute(exports.cli)


@pytest.mark.parametrize("view", ["default", "filtered"])
def test_exports_are_byte_identical_to_the_recorded_hashes(recorded, current, view) -> None:
    versions = library_versions()
    skipped = {}
    for fmt, digest in recorded["sha256"][view].items():
        changed = changed_writers(fmt, recorded["versions"], versions)
        if changed:
            skipped[fmt] = changed  # another GDAL/matplotlib/folium writes other bytes: not a change of ours
            continue
        assert current[view][fmt] == digest, f"{view} view, format {fmt}: bytes changed"
    if skipped:
        reason = f"not compared, written by other library versions than recorded: {skipped}"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; install requirements-dev.txt (it pins them) or re-record")
        pytest.skip(reason)
