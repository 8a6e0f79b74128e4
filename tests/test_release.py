"""The release is one version everywhere it is stated, with notes and a citation file."""

from __future__ import annotations

import tomllib

import yaml

import geo
from geo import readers

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
    assert releases
    assert readers.version_key(releases[-1]) < readers.version_key(data.version)
    assert f"## {releases[-1]} " in notes
