"""Direction isolation: Latin words, numbers and placeholders inside right-to-left text keep their order.

In Uyghur text a run such as ``IPVM, GHRD`` or ``(Putro, 2023)`` is laid out by the Unicode
bidirectional algorithm, which can reorder its parts against the sentence ("GHRD" read
first). Wrapping each left-to-right run in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE
(U+2068 … U+2069) makes it one unit placed as a word. ``python -m geo messages`` applies
:func:`isolate` to every right-to-left catalog, and the translations of the evidence are
checked the same way (:func:`unisolated`).

Three rules keep a Uyghur reader's order: a number with a suffix keeps its hyphen outside
(``[2019]-يىلى``, brackets marking the isolate: the hyphen joins the number to the word that follows it, so it sits between
them, not at the isolate's far end); such a number is a unit of its own, never joined to a
name before it (``[IPVM] [2018]-يىلى``); and a Latin word with accents (pinyin, ``Chén``) is one
word, not cut where its accented letters are.
"""

from __future__ import annotations

import re
import unicodedata

FSI, PDI = "\u2068", "\u2069"
#: Latin letters with their accented forms and combining accents (pinyin: ``Chén Zōngnián``), and digits.
_LATIN = "A-Za-z0-9\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f"
#: A Latin word or number: it starts and ends with a letter, a digit or a sign that belongs to it (``$3+``,
#: ``50%``), so a hyphen or apostrophe that joins it to the right-to-left word after it stays outside.
_WORD = rf"[{_LATIN}$](?:[{_LATIN}$.,/:_+#&'’%-]*[{_LATIN}%+#])?"
#: A number with a suffix of its own (``2019-يىلى``, ``12-ئاينىڭ``): the number alone is the token.
_SUFFIXED = r"[0-9][0-9.,-]*(?=-[\u0600-\u06ff])"
#: One left-to-right token: a code span, a placeholder, a link, or a Latin word or number.
_LTR_WORD = rf"(?:`[^`]*`|\{{[^}}]*\}}|https?://[^\s)]+|{_WORD})"
#: A run of such tokens joined by spaces, commas or " & ", optionally in parentheses, e.g. ``(Putro, 2023)``;
#: a number with a suffix is a run of its own.
_RUN = re.compile(rf"{_SUFFIXED}|\(?{_LTR_WORD}(?:(?:[ ,;]+| & )(?!{_SUFFIXED}){_LTR_WORD})*\)?")


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


#: An isolate and what it holds.
_ISOLATE = re.compile(f"{FSI}([^{FSI}{PDI}]*){PDI}")
#: Characters that join a number or word to the right-to-left word after it: never the last inside an isolate.
_JOINERS = ("-", "'", "’", "/")


def reisolate(text: str) -> str:
    """``text`` with its isolates set by today's rules: a suffix's hyphen moved out, a cut word made whole.

    An isolate that ends in a joining hyphen or apostrophe, or that cuts a word (a Latin letter
    just outside it), is taken apart and the run isolated again; every other isolate stays as
    it is, so two names a translator isolated one by one stay two.
    """

    def latin(char: str) -> bool:
        return bool(char) and re.match(f"[{_LATIN}]", char) is not None

    def unwrap(match: re.Match[str]) -> str:
        inner, before, after = match.group(1), text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1]
        broken = inner.endswith(_JOINERS) or latin(before) or latin(after)
        return inner if broken else match.group()

    return isolate(_ISOLATE.sub(unwrap, text))


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
