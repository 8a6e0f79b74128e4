"""Direction isolation: Latin words, numbers and placeholders inside right-to-left text keep their order.

In Uyghur text a run such as ``IPVM, GHRD`` or ``(Putro, 2023)`` is laid out by the Unicode
bidirectional algorithm, which can reorder its parts against the sentence ("GHRD" read
first). Wrapping each left-to-right run in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE
(U+2068 … U+2069) makes it one unit placed as a word. ``python -m geo messages`` applies
:func:`isolate` to every right-to-left catalog, and the translations of the evidence are
checked the same way (:func:`unisolated`).
"""

from __future__ import annotations

import re
import unicodedata

FSI, PDI = "\u2068", "\u2069"
#: One left-to-right token: a code span, a placeholder, a link, or a Latin word or number.
_LTR_WORD = r"(?:`[^`]*`|\{[^}]*\}|https?://[^\s)]+|[A-Za-z0-9$][A-Za-z0-9$.,/:_+#&'’%-]*)"
#: A run of such tokens joined by spaces or commas, optionally in parentheses, e.g. ``(Putro, 2023)``.
_RUN = re.compile(rf"\(?{_LTR_WORD}(?:[ ,;]+{_LTR_WORD})*\)?")


def _trim(run: str) -> str:
    """A run without trailing punctuation, and with a parenthesis only when it holds both of a pair."""
    run = run.rstrip(".,;:")
    if run.endswith(")") and not run.startswith("("):
        run = run[:-1]
    if run.startswith("(") and not run.endswith(")"):
        run = run[1:]
    return run


def isolate(text: str) -> str:
    """``text`` with every left-to-right run wrapped in an isolate (idempotent: isolated runs are left as they are)."""
    out, position = [], 0
    for match in _RUN.finditer(text):
        start, run = match.start(), _trim(match.group())
        if not run or run in ("(", ")"):
            continue
        if start > 0 and text[start - 1] == FSI:
            continue
        if not match.group().startswith(run):  # a lone "(" was dropped from the front
            start += 1
        end = start + len(run)
        out.append(text[position:start] + FSI + run + PDI)
        position = end
    return "".join(out) + text[position:]


def unisolated(text: str) -> list[str]:
    """Left-to-right runs of ``text`` not inside an isolate (what :func:`isolate` would still wrap)."""
    plain = re.sub(f"{FSI}[^{PDI}]*{PDI}", " ", text)
    return [run for m in _RUN.finditer(plain) if (run := _trim(m.group()).strip("()"))]


def reads_right_to_left(text: str) -> bool:
    """Whether a paragraph of ``text`` reads right to left: its first strong letter outside direction isolates.

    The Unicode rule (P2-P3), as a viewer would apply it with no paragraph direction given:
    a Uyghur sentence that starts with an isolated Latin word (``IPVM``) is still right to left.
    """
    depth = 0
    for ch in text:
        if ch == FSI:
            depth += 1
        elif ch == PDI:
            depth = max(depth - 1, 0)
        elif depth == 0:
            kind = unicodedata.bidirectional(ch)
            if kind in ("R", "AL"):
                return True
            if kind == "L":
                return False
    return False
