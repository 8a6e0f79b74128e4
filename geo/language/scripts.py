"""Which writing system a text is in: one rule for the figures' fonts, the deck's font slots and a presenter's text.

Uyghur is written in Arabic script, Chinese in Han characters; everything else here is drawn
and marked as Latin text.
"""

from __future__ import annotations


def is_arabic_script(char: str) -> bool:
    """Whether ``char`` is an Arabic-script letter or form (Uyghur is written in it)."""
    code = ord(char)
    return 0x0600 <= code <= 0x06FF or 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF


def is_han(char: str) -> bool:
    """Whether ``char`` is Chinese: a CJK ideograph or radical, or a full-width form."""
    return "\u2e80" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or "\uff00" <= char <= "\uffef"


def has_arabic(text: str) -> bool:
    """Whether ``text`` has Arabic-script letters."""
    return any(is_arabic_script(ch) for ch in text)


def has_han(text: str) -> bool:
    """Whether ``text`` has Chinese characters."""
    return any(is_han(ch) for ch in text)


def text_language(text: str, default: str) -> str:
    """The language tag of a text by its script: Chinese in Han characters, Uyghur in Arabic script, else ``default``.

    A quote says which language it is in (``lang``) for screen readers and fonts: a quote in
    Chinese or Uyghur is marked so even when its source is in another language.
    """
    if has_han(text):
        return "zh"
    if has_arabic(text):
        return "ug"
    return default
