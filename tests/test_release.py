"""The release is one version everywhere it is stated, with notes and a citation file."""

from __future__ import annotations

import tomllib

import pytest
import yaml

import geo
from geo.evidence import readers

from .conftest import PROJECT


def test_the_version_is_the_same_everywhere(data) -> None:
    citation = yaml.safe_load((PROJECT / "CITATION.cff").read_text(encoding="utf-8"))
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert data.version == geo.__version__ == project["version"] == str(citation["version"])
    assert str(citation["date-released"]) == data.updated


def test_the_release_has_notes_and_the_last_release_a_snapshot(data) -> None:
    notes = (PROJECT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {data.version} " in notes
    releases = readers.release_versions()
    assert len(releases) >= 2
    assert readers.version_key(releases[-1]) <= readers.version_key(data.version)
    for version in releases:
        assert f"## {version} " in notes


def test_a_published_release_is_frozen(data) -> None:
    """Once the current version has its snapshot, the tables are what was published: a change needs a new version."""
    from geo import settings

    if data.version not in readers.release_versions():
        pytest.skip(f"{data.version} is not published yet (no data/releases/{data.version}/)")
    folder = readers.release_dir(data.version)
    for name in (
        *settings.PUBLISHED_TABLES,
        settings.SOURCE_AUDIT_CSV,
        settings.QUOTE_AUDIT_CSV,
        settings.STATUS_AUDIT_CSV,
    ):
        assert (folder / name).read_bytes() == (settings.data_dir / name).read_bytes(), name
