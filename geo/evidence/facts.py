"""The facts a translation may not change: numbers (years, amounts, counts) and the ids of claims and sources.

Validation (:mod:`geo.evidence.validate`) and the translated evidence (:mod:`geo.evidence.content`) both ask
:func:`lost_facts`; it lives apart so that neither imports the other.
"""

from __future__ import annotations

import re

#: Numbers (years, amounts, counts) as a translation must keep them: digits, commas dropped.
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
#: Ids of claims and sources (lower-case words joined by hyphens, with a digit in them).
_ID = re.compile(r"(?<![A-Za-z0-9-])[a-z][a-z0-9]*(?:-[a-z0-9]+){2,}(?![A-Za-z0-9-])")  # beside CJK text too


def numbers(text: str) -> set[str]:
    """The numbers in ``text``, as digit strings (30,000 and 30000 are the same number)."""
    return {n.replace(",", "") for n in _NUMBER.findall(text)}


def ids(text: str) -> set[str]:
    """The claim and source ids named in ``text``."""
    return {i for i in _ID.findall(text) if any(ch.isdigit() for ch in i)}


def lost_facts(english: str, translation: str) -> set[str]:
    """Numbers and ids the English has that the translation lacks (a translation never changes a fact)."""
    return (numbers(english) - numbers(translation)) | (ids(english) - ids(translation))
