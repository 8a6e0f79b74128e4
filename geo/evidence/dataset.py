"""The dataset as the app and the exports see it: every table, validated, joined once.

:func:`load_dataset` validates (through :mod:`geo.evidence.validate`) and then reads (through
:mod:`geo.evidence.readers`); neither of those imports this module, so the three form no cycle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from geo.errors import DataValidationError
from geo.evidence import readers
from geo.evidence.validate import validate_dataset_once

if TYPE_CHECKING:
    from pathlib import Path

    import geopandas as gpd
    import pandas as pd


@dataclass(frozen=True, eq=False)
class Dataset:
    """The whole validated evidence base.

    Compared and hashed by identity, so derived views can be cached per loaded dataset.
    The named tables are the app's views; ``tables`` holds every table the Data Package
    describes, by resource name, so a new table is loaded without a new attribute. A table
    that also has an attribute is the same frame there, except ``claims``: the table as
    stored, which the attribute joins with its places and sources.
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
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)


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
    tables = readers.load_tables(data_dir, package)
    sources, places = tables["sources"], tables["places"]
    return Dataset(
        sources=sources,
        places=places,
        claims=readers.join_claims(
            readers.join_other_side(
                readers.join_checks(tables["claims"], tables.get("quote_audit"), tables.get("status_audit")),
                tables.get("counter_claims"),
            ),
            places,
            sources,
        ),
        provinces=readers.name_provinces(readers.load_provinces(data_dir), tables.get("province_names")),
        countries=readers.load_countries(data_dir),
        briefing=tables["briefing"],
        corrections=tables["corrections"],
        version=str(package.get("version", "")),
        updated=str(package.get("created", ""))[:10],
        title=str(package.get("title", "")),
        name=str(package.get("name", "")),
        tables=tables,
    )
