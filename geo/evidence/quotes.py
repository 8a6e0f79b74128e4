"""Is a quote verbatim in the passage it was read in? One normalisation, documented here and nowhere else.

A quote is checked against its excerpt (``quote_audit.csv``): the whole sentence or
sentences read at the source's address, copied as the page shows them. Only typography
that copying cannot keep stable is normalised: typographic quotes and apostrophes become
straight ones, and every run of whitespace becomes one space, except a line break right
after a hyphen, which goes (a document's line wrap inside "day-to-⏎day"). Nothing else:
not case, not dashes, not spelling. A cut inside a quote is shown by an ellipsis (… or ...); the pieces
between cuts must appear in the excerpt in order. A quote that stops before its sentence
ends shows the cut instead of adding a full stop, which the substring test enforces.
"""

from __future__ import annotations

import re

#: Characters made straight before comparing (and nothing else is changed but whitespace).
STRAIGHT = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'", "′": "'"})
_SPACE = re.compile(r"\s+")
_WRAPPED_HYPHEN = re.compile(r"-[ \t]*\n\s*")
_CUT = re.compile(r"\s*(?:…|\.\.\.)\s*")


def normalise(text: str) -> str:
    """Straight quotes and apostrophes, one space for any run of whitespace (none after a wrapped hyphen), no space at the ends."""
    return _SPACE.sub(" ", _WRAPPED_HYPHEN.sub("-", text.translate(STRAIGHT))).strip()


def pieces(quote: str) -> list[str]:
    """The quote's verbatim runs between cuts, normalised (a leading or trailing cut leaves no empty piece)."""
    return [piece for piece in (normalise(p) for p in _CUT.split(quote)) if piece]


def missing_piece(quote: str, excerpt: str) -> str | None:
    """The first piece of ``quote`` not found in ``excerpt`` after the pieces before it (None: verbatim)."""
    text, start = normalise(excerpt), 0
    for piece in pieces(quote):
        found = text.find(piece, start)
        if found < 0:
            return piece
        start = found + len(piece)
    return None


def is_verbatim(quote: str, excerpt: str) -> bool:
    """Whether every piece of the quote is in the excerpt, in order."""
    return bool(pieces(quote)) and missing_piece(quote, excerpt) is None
