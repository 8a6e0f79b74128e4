"""Text in static figures: fonts that cover Chinese and Uyghur.

Matplotlib's bundled DejaVu Sans has no Han characters and only part of Uyghur's letters.
So figures use the Noto subsets shipped in ``geo/fonts`` (SIL OFL 1.1; see its README,
rebuilt by ``python -m geo fonts``) besides DejaVu Sans. Shaping (joined Arabic letters)
and right-to-left ordering are done by matplotlib itself: from 3.11 it lays text out with
libraqm (HarfBuzz + FriBidi), checked by eye on Uyghur labels against UKIJ Tuz, a Uyghur
font. Nothing is downloaded at run time: the fonts are package data.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from geo import settings
from geo.language.scripts import has_arabic

FONTS_DIR = settings.FONTS_DIR
#: Font files shipped with the package, by family name as matplotlib reads it from the file.
FONT_FILES = {
    "Noto Sans Arabic": FONTS_DIR / "NotoSansArabic-Regular.subset.ttf",
    "Noto Sans CJK SC": FONTS_DIR / "NotoSansCJKsc-Regular.subset.otf",
}
#: Families in fallback order. Line spacing follows the first, so DejaVu Sans leads; text with Arabic
#: script uses :data:`ARABIC_FAMILY` instead (DejaVu lacks some of Uyghur's joined forms).
FAMILY = ["DejaVu Sans", "Noto Sans CJK SC", "Noto Sans Arabic"]
ARABIC_FAMILY = ["Noto Sans Arabic", "DejaVu Sans", "Noto Sans CJK SC"]


def family(text: str) -> list[str]:
    """The font families to draw ``text`` with: Noto Sans Arabic first when it has Arabic script."""
    return ARABIC_FAMILY if has_arabic(text) else FAMILY


@functools.cache
def use_fonts() -> None:
    """Make matplotlib see only its bundled fonts and the shipped ones (once per process).

    Matplotlib's font list also holds the machine's fonts; with Noto installed system-wide it
    picked a system Noto Sans Arabic or CJK (a bold, or another version) over the shipped subset,
    so a figure's bytes depended on the machine. Those are dropped before the shipped ones are added.
    """
    import matplotlib
    from matplotlib import font_manager, rcParams

    bundled = Path(matplotlib.get_data_path()) / "fonts"
    manager = font_manager.fontManager
    manager.ttflist = [font for font in manager.ttflist if Path(font.fname).is_relative_to(bundled)]
    manager.afmlist = [font for font in manager.afmlist if Path(font.fname).is_relative_to(bundled)]
    for path in FONT_FILES.values():
        manager.addfont(str(path))  # also empties the font lookup cache
    # The subsets are Regular only: bold text in them is drawn regular, which is said once here, not per lookup.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    rcParams["font.family"] = FAMILY
    rcParams["pdf.fonttype"] = 42  # embed TrueType/OpenType outlines: text stays selectable and searchable
    rcParams["axes.unicode_minus"] = False
