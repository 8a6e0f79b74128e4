"""Shared fixtures: the shipped data folder and a way to break a copy of it one cell at a time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from geo import settings

PROJECT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = PROJECT.parent / "shared" / "seed" / "000_030e18b3e0a7e353.txt"


class BrokenData:
    """A copy of ``data/`` in a temporary folder, edited cell by cell."""

    def __init__(self, root: Path) -> None:
        self.dir = root / "data"
        shutil.copytree(settings.data_dir, self.dir)

    def table(self, name: str) -> pd.DataFrame:
        return pd.read_csv(self.dir / name, dtype=str, keep_default_na=False)

    def set(self, name: str, row_id: str, field: str, value: str) -> int:
        """Set one cell of the row whose id is ``row_id``; return its spreadsheet row."""
        table = self.table(name)
        matches = table.index[table["id"] == row_id]
        assert len(matches) == 1, row_id
        table.loc[matches[0], field] = value
        table.to_csv(self.dir / name, index=False, lineterminator="\n")
        return int(matches[0]) + 2

    def row_of(self, name: str, row_id: str) -> int:
        table = self.table(name)
        return int(table.index[table["id"] == row_id][0]) + 2


@pytest.fixture
def broken(tmp_path: Path) -> BrokenData:
    return BrokenData(tmp_path)
