"""The official record and the other side as escaped HTML: a place's measures, and what answers a claim.

The texts are the data's, in English (marked ``lang="en"``, and ``dir="ltr"`` so a right-to-left
page sets them as one run): their translations are not made yet, and the interface around them is
in the page's language.
"""

from __future__ import annotations

from collections.abc import Sequence

from geo.html.escape import esc, link
from geo.language.i18n import _, date
from geo.rules import labels


def _quote(text: str, at: str) -> str:
    read_here = _("read here")
    return f"<blockquote lang='en' dir='ltr'>“{esc(text)}” {link(at, read_here)}</blockquote>" if text else ""


def _dates(measure: dict) -> str:
    names = (("announced", _("announced")), ("published", _("published")), ("effective", _("in force")), ("ended", _("ended")))
    return ", ".join(f"{esc(name)} {esc(date(str(measure[f])))}" for f, name in names if measure.get(f))


def measure_html(measure: dict) -> str:
    """One measure: who acted and how, its number and dates, where it stands, its own words and who it names."""
    number = f" <span class='measure-number'>({esc(measure['number'])})</span>" if measure.get("number") else ""
    parts = [
        f"<div class='measure'><div lang='en' dir='ltr'><b>{esc(measure['authority'])}</b>: {esc(measure['instrument'])}{number}</div>",
        f"<div class='claim-dates'>{esc(labels.measure_kind(measure['kind']))} · {_dates(measure)} · "
        f"<b>{esc(labels.measure_standing(measure['standing']))}</b></div>",
        f"<div class='date-note' lang='en' dir='ltr'>{esc(measure['standing_note'])}</div>",
        _quote(measure.get("scope", ""), measure.get("scope_at", "")),
        _quote(measure.get("reason", ""), measure.get("reason_at", "")),
    ]
    if measure.get("entities"):
        named, names_word = "; ".join(measure["entities"]), _("Names:")
        parts.append(f"<div><b>{esc(names_word)}</b> <span lang='en' dir='ltr'>{esc(named)}</span></div>")
    if measure.get("note"):
        parts.append(f"<div class='date-note' lang='en' dir='ltr'>{esc(measure['note'])}</div>")
    return "".join(parts) + "</div>"


def measures_html(measures: Sequence[dict]) -> str:
    """A place's measures under one heading; nothing when none names it."""
    if not measures:
        return ""
    items, heading = "".join(measure_html(m) for m in measures), _("Government measures that name this place")
    return f"<section class='measures'><h4>{esc(heading)}</h4>{items}</section>"


def other_side_html(rows: Sequence[dict]) -> str:
    """What answers a claim: the strongest counter-claim found with our assessment, or that none was found or sought."""
    parts = []
    words = {"found": _("The other side:"), "assessment": _("Our assessment:"),
             "none_found": _("No counter-claim found after searching:"), "not_sought": _("No counter-claim sought:")}
    for row in rows:
        if row["found"] == "found":
            said = f" ({esc(date(str(row['said'])))})" if row.get("said") else ""
            parts.append(
                f"<div><b>{esc(words['found'])}</b> <span lang='en' dir='ltr'>{esc(row['speaker'])}</span>{said}"
                f"{_quote(row['quote'], row['excerpt_at'])}"
                f"<div><b>{esc(words['assessment'])}</b> <span lang='en' dir='ltr'>{esc(row['assessment'])}</span></div></div>"
            )
        elif row["found"] == "none_found":
            searched = " | ".join(row.get("queries") or [])
            parts.append(f"<div><b>{esc(words['none_found'])}</b> <span lang='en' dir='ltr'>{esc(searched)}</span></div>")
        else:
            parts.append(f"<div><b>{esc(words['not_sought'])}</b> <span lang='en' dir='ltr'>{esc(row.get('note', ''))}</span></div>")
    return f"<div class='other-side'>{''.join(parts)}</div>" if parts else ""
