"""The few OOXML details python-pptx has no API for, set on its elements directly.

python-pptx (1.0.2, frozen) writes a picture's file name as its alt text, has no
paragraph direction, sets only the ``latin`` typeface of a run (Chinese is drawn with the
``ea`` face, Arabic script with the ``cs`` face, so a viewer falls back to any font it
finds), and stamps every zip member with the time of writing. Each helper here is a few
lines of lxml on the elements python-pptx builds (upstream, scanny/python-pptx: issues 1139
and 512 on alt text, 751 and 851 on direction, 720 and 768 on East Asian fonts). Only
duck-typed python-pptx objects come in, so this module imports nothing of python-pptx.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from geo.language.scripts import has_arabic, has_han

#: Typefaces by script: the families the figures draw with (``geo/fonts``), so deck and figures match.
CJK_FONT = "Noto Sans CJK SC"
ARABIC_FONT = "Noto Sans Arabic"
#: BCP 47 tags PowerPoint and LibreOffice know, for spelling, line breaking and shaping.
LANG_ZH = "zh-CN"
LANG_UG = "ug-CN"
ALT_LANG = "en-US"  # the language a run falls back to in the editor's interface
#: Every zip member's time, as :func:`geo.export.formats.zip_bytes` writes it.
ZIP_TIME = (2026, 1, 1, 0, 0, 0)
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
#: What follows a run's ``a:cs`` in ``a:rPr`` (CT_TextCharacterProperties): fonts go before these.
_AFTER_CS = ("a:sym", "a:hlinkClick", "a:hlinkMouseOver", "a:rtl", "a:extLst")
_AFTER_EA = ("a:cs", *_AFTER_CS)
_AFTER_LATIN = ("a:ea", *_AFTER_EA)


def set_alt_text(shape: Any, text: str) -> None:
    """Set a picture's (or any shape's) alt text.

    python-pptx has no API for it and writes the image's file name (``image.png``) as
    ``descr``, which a screen reader then reads out.
    """
    shape._element.xpath("./*[1]/p:cNvPr")[0].set("descr", text)


def set_direction(paragraph: Any, *, rtl: bool) -> None:
    """Make a paragraph right to left and right-aligned (``<a:pPr rtl="1" algn="r">``), or left to right.

    python-pptx has no paragraph direction; without ``rtl`` a viewer lays Uyghur out left
    to right, with the sentence's punctuation on the wrong side.
    """
    ppr = paragraph._p.get_or_add_pPr()
    ppr.set("rtl", "1" if rtl else "0")
    ppr.set("algn", "r" if rtl else "l")


def set_font_scale(frame: Any, scale: float) -> None:
    """Tell the viewer to draw a shrink-to-fit frame's text at ``scale`` of its size from the start.

    python-pptx writes ``<a:normAutofit/>`` with no ``fontScale``: PowerPoint then draws the
    text unshrunk, over what lies below, until someone edits it.
    """
    autofit = frame._bodyPr.find(f"{{{_A}}}normAutofit")
    if autofit is not None:
        autofit.set("fontScale", str(round(scale * 100_000)))


def _set_typeface(rpr: Any, tag: str, typeface: str, successors: tuple[str, ...]) -> None:
    for old in rpr.findall(f"{{{_A}}}{tag}"):
        rpr.remove(old)
    element = rpr.makeelement(f"{{{_A}}}{tag}", {"typeface": typeface})
    rpr.insert_element_before(element, *successors)


def set_fonts(run: Any, *, latin: str | None = None, ea: str | None = None, cs: str | None = None) -> None:
    """Set a run's typefaces per script: ``latin``, East Asian (``ea``) and complex script (``cs``).

    python-pptx's ``font.name`` writes ``a:latin`` only; Chinese characters take the ``ea``
    face and Arabic script the ``cs`` face, which it cannot set.
    """
    rpr = run._r.get_or_add_rPr()
    for tag, typeface, successors in (("latin", latin, _AFTER_LATIN), ("ea", ea, _AFTER_EA), ("cs", cs, _AFTER_CS)):
        if typeface:
            _set_typeface(rpr, tag, typeface, successors)


def set_language(run: Any, lang: str, alt_lang: str | None = ALT_LANG) -> None:
    """Tag a run's language (``lang``, ``altLang``): python-pptx knows Microsoft's enumeration only, without ``ug-CN``."""
    rpr = run._r.get_or_add_rPr()
    rpr.set("lang", lang)
    if alt_lang:
        rpr.set("altLang", alt_lang)


def style_run(run: Any) -> None:
    """Fonts and language for a run by its script: any Chinese or Uyghur text shows with a face that has it.

    Every run names the Chinese (``ea``) and Arabic-script (``cs``) faces, so a quote or name
    in either script anywhere is covered; a run with Chinese also takes the Chinese face for
    its Latin letters and punctuation (one face for one sentence), and is tagged ``zh-CN``; a
    run with Arabic script is tagged ``ug-CN``.
    """
    text = run.text
    han = has_han(text)
    set_fonts(run, latin=CJK_FONT if han else None, ea=CJK_FONT, cs=ARABIC_FONT)
    if has_arabic(text):
        set_language(run, LANG_UG)
    elif han:
        set_language(run, LANG_ZH)


def stable_zip(content: bytes) -> bytes:
    """The same zip with every member's time fixed (python-pptx stamps the time of writing), members in order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info))
    return out.getvalue()
