"""Name search across every script: English, pinyin, Chinese, Uyghur Latin and Arabic."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

NAME_FIELDS = ("id", "name_en", "name_zh", "name_pinyin", "name_ug_latin", "name_ug_arabic")


def fold(text: str) -> str:
    """Case-fold and drop diacritics (Píshān → pishan, Ürümqi → urumqi); CJK and Arabic letters stay."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", kept).strip()


def place_names(place: pd.Series) -> list[str]:
    """Every name a place is known by, in every script."""
    names = [str(place[f]) for f in NAME_FIELDS if place.get(f)]
    return names + list(place.get("other_names") or [])


def matching_places(places: pd.DataFrame, query: str) -> set[str]:
    """Ids of places any of whose names contains the query (folded); empty query matches all."""
    needle = fold(query)
    if not needle:
        return set(places["id"])
    return {
        pid
        for pid, (_, place) in zip(places["id"], places.iterrows(), strict=True)
        if any(needle in fold(name) for name in place_names(place))
    }
