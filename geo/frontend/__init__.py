"""The browser's code: JavaScript programs and the stylesheet, kept as real files beside this module.

Python never writes client code in strings. The map's elements inline these files' text
into the page they render (:func:`text`), so the app's map, the offline HTML and the
static site stay self-contained and make no third-party request. The files are linted
(eslint) and their pure functions unit-tested (``node --test tests/js``).
"""

from __future__ import annotations

import functools
from pathlib import Path

FOLDER = Path(__file__).resolve().parent


@functools.cache
def text(name: str) -> str:
    """The text of one file in this folder (read once per process)."""
    return (FOLDER / name).read_text(encoding="utf-8")
