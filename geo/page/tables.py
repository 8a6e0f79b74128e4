"""Table views for the tabs: display columns only, links restricted to http(s)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from geo import labels
from geo.citations import used_sources
from geo.urls import place_url, safe_url

if TYPE_CHECKING:
    from geo.dataset import Dataset


def places_table(data: Dataset, claims: pd.DataFrame) -> pd.DataFrame:
    """One row per place that has a shown claim, with counts and a detail link."""
    located = pd.DataFrame({"place": claims["place"], "source": claims["source"]})
    located = located[located["place"] != ""]
    counts = pd.DataFrame(
        {"claims": located["place"].value_counts(), "sources": located.drop_duplicates()["place"].value_counts()}
    )
    places = pd.DataFrame(data.places).drop(columns="geometry").join(counts, on="id", how="inner")
    return pd.DataFrame(
        {
            "id": places["id"],
            "place": places["name_en"],
            "Chinese": places["name_zh"],
            "Uyghur (Arabic script)": places["name_ug_arabic"],
            "Uyghur (Latin)": places["name_ug_latin"],
            "level": places["admin_level"],
            "precision": places["precision"].map(labels.PRECISION_SHORT),
            "claims": places["claims"],
            "sources": places["sources"],
            "lat": places["lat"],
            "lon": places["lon"],
            "detail": places["id"].map(place_url),
        }
    ).reset_index(drop=True)


def claims_table(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per shown claim with its source and status."""
    return pd.DataFrame(
        {
            "id": claims["id"],
            "place": claims["place_name_en"].fillna(""),
            "status": claims["status"].map(labels.STATUS),
            "summary": claims["summary"],
            "quote": claims["quote"],
            "correction": claims["correction"],
            "event": claims["event_date"],
            "reported": claims["reported_date"],
            "source": claims["source_publisher"] + ": " + claims["source_title"],
            "link": claims["source_url"].map(safe_url),
        }
    ).reset_index(drop=True)


def sources_table(data: Dataset, claims: pd.DataFrame) -> pd.DataFrame:
    """Sources behind the shown claims, with their dates and citation lists."""
    used = used_sources(data.sources, claims)
    return pd.DataFrame(
        {
            "id": used["id"],
            "publisher": used["publisher"],
            "title": used["title"],
            "kind": used["kind"],
            "published": used["published"],
            "other date": used["published_alt"],
            "date note": used["date_note"],
            "cites": used["cites"].map(", ".join),
            "link": used["url"].map(safe_url),
            "archive": used["archive_url"].map(safe_url),
        }
    ).reset_index(drop=True)
