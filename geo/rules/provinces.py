"""The province rules: which provinces outside XUAR sources name, and whether Hikvision is named.

The map's shading, the figures, the GeoPackage's provinces layer and the "12 provinces"
panel all read :func:`province_summary`, so they cannot disagree. Nothing here ties a
province to the article's "12 provinces": no source does.
"""

from __future__ import annotations

import pandas as pd

from geo import settings
from geo.rules.drawing import standing

#: Claims in these categories, located outside XUAR, put a province on the province layer.
OUTSIDE_XUAR_CATEGORIES = (
    "ethnicity_analytics_outside_xuar",
    "minority_analytics_outside_xuar",
    "procurement_contract",
)
#: Of those, the categories whose claims target Uyghurs (not ethnic minorities in general).
UYGHUR_CATEGORIES = ("ethnicity_analytics_outside_xuar", "procurement_contract")


def names_hikvision(vendors: pd.Series) -> bool:
    """Whether any of these claims' sources names Hikvision as the vendor (``vendor_hikvision`` = yes)."""
    return bool((vendors == "yes").any())


def named_provinces(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims that name a province outside XUAR as a site of surveillance targeting Uyghurs or other minorities.

    A retracted claim no longer stands, so it names nothing.
    """
    claims = pd.DataFrame(claims.drop(columns="geometry", errors="ignore"))
    in_china_outside_xuar = claims["province"].str.startswith("CN-") & (claims["province"] != settings.XUAR_ISO)
    kept = in_china_outside_xuar & claims["category"].isin(OUTSIDE_XUAR_CATEGORIES)
    return standing(claims[kept])


def province_summary(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per named province (ISO 3166-2 code, sorted): its claims, sources, Hikvision, ties to the "12".

    Columns: ``claims`` and ``sources`` (ids in data order, no repeats), ``hikvision_named``
    (:func:`names_hikvision`), ``uyghur_specific`` (a claim targets Uyghurs, not only ethnic
    minorities in general) and ``tied_to_12`` (claims whose source ties it to the "12").
    """
    named = named_provinces(claims)
    columns = ["claims", "sources", "hikvision_named", "uyghur_specific", "tied_to_12"]
    if named.empty:
        return pd.DataFrame(columns=columns, index=pd.Index([], name="province"))
    grouped = named.groupby("province")
    return pd.DataFrame(
        {
            "claims": grouped["id"].agg(lambda ids: list(dict.fromkeys(ids))),
            "sources": grouped["source"].agg(lambda ids: list(dict.fromkeys(ids))),
            "hikvision_named": grouped["vendor_hikvision"].agg(names_hikvision),
            "uyghur_specific": grouped["category"].agg(lambda c: bool(c.isin(UYGHUR_CATEGORIES).any())),
            "tied_to_12": grouped["sourced_as_one_of_12"].agg(lambda tied: int(tied.astype(bool).sum())),
        }
    )[columns]
