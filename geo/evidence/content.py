"""The evidence in the page's language: translated claim summaries, corrections and briefing text.

``data/translations.csv`` holds one row per translated field and language, keyed by the
English text it was made from. :func:`localized` gives a copy of the dataset whose text
fields are in the language, each falling back to English when its translation is missing
or stale (its English has changed since), with the English kept beside it (``<field>_en``)
and the language it is in (``<field>_lang``). Every output that reads the dataset (map,
detail view, tables, briefing, slides, exports) then speaks the language with no code of
its own. Quotes are never translated: they are evidence.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from geo.evidence.cache import per_dataset

if TYPE_CHECKING:
    import pandas as pd

    from geo.evidence.dataset import Dataset

#: The fields translated, per table (the attribute of the Dataset and its key column).
TRANSLATED = {"claims": ("id", ("summary", "correction")), "briefing": ("step", ("title", "caption"))}


def _table(data: Dataset) -> pd.DataFrame | None:
    return data.tables.get("translations")


def stale(data: Dataset) -> list[dict]:
    """Translations made from an English text that has since changed (shown in English until translated again).

    ``data`` is the dataset as loaded (in English), not a :func:`localized` copy.
    """
    table = _table(data)
    if table is None:
        return []
    current = {(name, str(row[key]), field): row[field]
               for name, (key, fields) in TRANSLATED.items()
               for row in getattr(data, name).to_dict("records") for field in fields}  # fmt: skip
    return [row for row in table.to_dict("records")
            if current.get((row["table"], row["row_id"], row["field"])) != row["english"]]  # fmt: skip


@per_dataset(by_language=False)
def _copies(data: Dataset) -> dict[str, Dataset]:
    """The localized copies of ``data`` made so far, by language (held while the dataset is, as every cache).

    Never ``data`` itself: a value holding its key would keep the weakly keyed dataset alive.
    """
    return {}


def localized(data: Dataset, code: str) -> Dataset:
    """``data`` with its translated fields in language ``code`` (one copy per language, kept while the data is)."""
    if code == "en":
        return data
    copies = _copies(data)
    if code not in copies:
        copies[code] = _translate(data, code)
    return copies[code]


def _translate(data: Dataset, code: str) -> Dataset:
    table = _table(data)
    if table is None:
        return data
    rows = table[table["lang"] == code]
    found = {(r["table"], r["row_id"], r["field"]): r for r in rows.to_dict("records")}
    changes = {}
    for name, (key, fields) in TRANSLATED.items():
        frame = getattr(data, name).copy()
        for field in fields:
            english = frame[field]
            texts, langs = [], []
            for row_id, text in zip(frame[key].astype(str), english, strict=True):
                entry = found.get((name, row_id, field))
                fresh = entry is not None and entry["english"] == text and text != ""
                texts.append(entry["text"] if fresh else text)
                langs.append(code if fresh else "en")
            frame[f"{field}_en"] = english
            frame[field] = texts
            frame[f"{field}_lang"] = langs
        changes[name] = frame
    return dataclasses.replace(data, **changes)
