"""The dataset as the app and the exports see it: every table, validated, joined once.

:func:`load_dataset` validates (through :mod:`geo.validate`) and then reads (through
:mod:`geo.readers`); neither of those imports this module, so the three form no cycle.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo import readers
from geo.errors import DataValidationError
from geo.validate import validate_dataset_once

if TYPE_CHECKING:
    from pathlib import Path

    import geopandas as gpd
    import pandas as pd


@dataclass(frozen=True, eq=False)
class Dataset:
    """The whole validated evidence base.

    Compared and hashed by identity, so derived views can be cached per loaded dataset.
    """

    sources: pd.DataFrame
    places: gpd.GeoDataFrame
    claims: gpd.GeoDataFrame
    provinces: gpd.GeoDataFrame
    countries: gpd.GeoDataFrame
    briefing: pd.DataFrame
    corrections: pd.DataFrame
    version: str
    updated: str
    title: str
    name: str = ""


def load_dataset(data_dir: Path | str | None = None, *, validate: bool = True) -> Dataset:
    """Load every table, after validation unless told otherwise (a pass is remembered per fingerprint).

    Raises
    ------
    DataValidationError
        If validation finds any problem; ``problems`` lists them all.
    """
    if validate:
        problems = validate_dataset_once(data_dir)
        if problems:
            raise DataValidationError(problems)
    package = readers.read_datapackage(data_dir)
    sources = readers.load_sources(data_dir)
    places = readers.load_places(data_dir)
    claims = readers.join_claims(readers.load_claims(data_dir), places, sources)
    return Dataset(
        sources=sources,
        places=places,
        claims=claims,
        provinces=readers.load_provinces(data_dir),
        countries=readers.load_countries(data_dir),
        briefing=readers.load_briefing(data_dir),
        corrections=readers.load_corrections(data_dir),
        version=str(package.get("version", "")),
        updated=str(package.get("created", ""))[:10],
        title=str(package.get("title", "")),
        name=str(package.get("name", "")),
    )
