"""Rebuild the font subsets in ``geo/fonts`` from full Noto fonts (``python -m geo fonts``).

Chinese: Noto Sans CJK SC cut down to the Han characters and CJK punctuation that figures
can draw (the data's names, the translated catalogs, country names in Chinese). Arabic
script: Noto Sans Arabic cut down to the Arabic blocks, including every presentation form,
so any Uyghur text shapes. Run it after adding Chinese text to the data or catalogs;
``tests/test_fonts.py`` fails, naming the missing characters, when it is needed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from geo.export.typeset import FONT_FILES
from geo.language.scripts import is_arabic_script

if TYPE_CHECKING:
    from geo.evidence.dataset import Dataset

#: Where Debian's fonts-noto-cjk and fonts-noto-core put the full fonts.
DEBIAN_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
DEBIAN_ARABIC = Path("/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf")
CJK_FAMILY_INDEX_NAME = "Noto Sans CJK SC"
ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF), (0x200C, 0x200F))


def is_cjk(char: str) -> bool:
    """Han characters, CJK punctuation and full-width forms (what DejaVu Sans lacks)."""
    code = ord(char)
    return 0x2E80 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF or 0x3000 <= code <= 0x303F


def figure_texts(data: Dataset) -> list[str]:
    """Every text a figure can draw besides Latin: data tables (translations too), catalogs and country names."""
    from babel import Locale

    from geo.language import i18n

    frames = (data.provinces, *data.tables.values())  # every table as stored (translations too); joins repeat them
    # Text columns by kind, not by ``dtype == object``: from pandas 3 text is a ``str`` column, and
    # that test found none, so the subsets lacked the data's Chinese (machines with Noto filled the gap).
    texts = [str(v) for frame in frames
             for column in frame.columns if pd.api.types.is_string_dtype(frame[column]) for v in frame[column]]  # fmt: skip
    for code in i18n.LANGUAGES:
        path = i18n.catalog_path(code)
        if path.exists():
            texts.append(path.read_text(encoding="utf-8"))
        texts.extend(Locale.parse(i18n.LANGUAGES[code].locale).territories.values())
    return texts


def needed_cjk(data: Dataset) -> set[str]:
    """The CJK characters the figures need."""
    return {ch for text in figure_texts(data) for ch in text if is_cjk(ch)}


def missing_characters(data: Dataset) -> dict[str, set[str]]:
    """Characters a figure may draw that the shipped fonts lack, by font (empty when all are covered)."""
    from fontTools.ttLib import TTFont

    cjk = set(TTFont(FONT_FILES["Noto Sans CJK SC"]).getBestCmap())
    arabic = set(TTFont(FONT_FILES["Noto Sans Arabic"]).getBestCmap())
    wanted_arabic = {ch for text in figure_texts(data) for ch in text if is_arabic_script(ch)}
    return {
        "Noto Sans CJK SC": {ch for ch in needed_cjk(data) if ord(ch) not in cjk},
        "Noto Sans Arabic": {ch for ch in wanted_arabic if ord(ch) not in arabic},
    }


def _subset(source: Path, out: Path, unicodes: set[int], font_number: int = 0) -> int:
    from fontTools import subset

    options = subset.Options()
    options.font_number = font_number
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["DSIG"]
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(unicodes))
    subsetter.subset(font)
    subset.save_font(font, str(out), options)
    return out.stat().st_size


def cjk_font_number(path: Path) -> int:
    """The index of Noto Sans CJK SC in Debian's collection file."""
    from fontTools.ttLib import TTCollection

    names = [font["name"].getDebugName(1) for font in TTCollection(str(path)).fonts]
    return names.index(CJK_FAMILY_INDEX_NAME)


def build(data: Dataset, *, cjk: Path = DEBIAN_CJK, arabic: Path = DEBIAN_ARABIC) -> dict[str, int]:
    """Write both subsets into ``geo/fonts``; returns their sizes in bytes."""
    for path in (cjk, arabic):
        if not path.exists():
            msg = f"{path} not found: install Debian fonts-noto-cjk and fonts-noto-core, or pass the font's path"
            raise FileNotFoundError(msg)
    han = {ord(ch) for ch in needed_cjk(data)}
    number = cjk_font_number(cjk) if cjk.suffix == ".ttc" else 0
    arabic_codes = {c for low, high in ARABIC_RANGES for c in range(low, high + 1)}
    return {
        FONT_FILES["Noto Sans CJK SC"].name: _subset(cjk, FONT_FILES["Noto Sans CJK SC"], han, number),
        FONT_FILES["Noto Sans Arabic"].name: _subset(arabic, FONT_FILES["Noto Sans Arabic"], arabic_codes),
    }
