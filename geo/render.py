"""The dataset's own things as HTML: a claim, a status badge, a place's names, a citation chain.

Popups, the detail view, province popups and KML descriptions all show claims; they call
:func:`claim_html` with their ``form``, so what a claim shows (status, summary, quote,
correction, source) and how each value is escaped is decided here once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from geo import citations, labels
from geo.corrections import RowChange
from geo.html import esc, link
from geo.style import STATUS_COLOUR, STATUS_FALLBACK_COLOUR

if TYPE_CHECKING:
    import pandas as pd

QUOTE_CHARS = 220
CORRECTION_CHARS = 400
Form = Literal["popup", "detail", "province", "kml"]


def shorten(text: str, limit: int = QUOTE_CHARS) -> str:
    """Cut long text at a word boundary with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def status_badge(status: str) -> str:
    """Coloured status pill with its label as text (colour is never the only cue)."""
    colour = STATUS_COLOUR.get(status, STATUS_FALLBACK_COLOUR)
    return (
        f'<span class="badge" style="background:{colour};color:#fff;border-radius:8px;'
        f'padding:0 6px;font-size:11px">{esc(labels.STATUS.get(status, status))}</span>'
    )


def names_html(place: Mapping) -> str:
    """All of a place's names, Uyghur Arabic script marked right-to-left."""
    parts = [esc(place[c]) for c in ("name_zh", "name_pinyin", "name_ug_latin") if place.get(c)]
    if place.get("name_ug_arabic"):
        parts.append(f'<span dir="rtl" lang="ug-Arab">{esc(place["name_ug_arabic"])}</span>')
    others = place.get("other_names") or []
    line = " · ".join(parts)
    if others:
        line += f'<br><span class="aka">also: {esc("; ".join(others))}</span>'
    return line


def chain_html(steps: list[str], cited: list[str], publishers: Mapping[str, str]) -> str:
    """One line: who says it → whom they relay → what that source cites (publishers, escaped)."""
    line = " → ".join(esc(publishers.get(s, s)) for s in steps)
    if cited:
        line += " → " + " + ".join(esc(publishers[c]) for c in cited if c in publishers)
    return line


def claim_chain_html(claim: Mapping, sources: pd.DataFrame) -> str:
    """:func:`chain_html` of a claim's citation chain (:func:`geo.citations.chain`)."""
    steps, cited = citations.chain(claim["source"], claim["relayed_from"], sources)
    return chain_html(steps, cited, dict(zip(sources["id"], sources["publisher"], strict=True)))


def change_html(change: RowChange | None) -> str:
    """The claim's last logged change as a short line: added, corrected (which fields) or retracted, and when."""
    if change is None:
        return ""
    if change.kind == "corrected":
        fields = ", ".join(labels.field_label(f) for f in change.fields)
        what = f"Corrected on {change.date} (version {change.version}): {fields}"
    else:
        what = f"{change.kind.capitalize()} on {change.date} (version {change.version})"
    return f"<div class='changed' style='font-size:12px;color:#57606a'>{esc(what)}; see the corrections log</div>"


def relay_html(relay: Mapping | None) -> str:
    """Say whose words a quote is when they are a relay's (the claim's own source could not be read)."""
    if not relay:
        return ""
    return f" <span class='via'>— as quoted by {link(relay.get('url', ''), relay.get('publisher', ''))}</span>"


def claim_html(
    claim: Mapping,
    form: Form,
    *,
    chain: str = "",
    source: Mapping | None = None,
    change: RowChange | None = None,
    relay: Mapping | None = None,
) -> str:
    """One claim as HTML for a popup, the detail view, a province popup or a KML description.

    ``chain`` is :func:`chain_html`'s line (popup, detail); ``source`` the source's row
    (province, KML), linked through :func:`geo.html.link`, so only http(s) URLs become links;
    ``change`` the claim's last logged correction and ``relay`` the source whose text has the
    quote when it is not the claim's own (popup, detail).
    """
    summary = esc(claim["summary"])
    correction = claim.get("correction") or ""
    if form == "kml":
        source = source or {}
        label = f"{source.get('publisher', '')}, {source.get('title', '')} ({source.get('published') or 'n.d.'})"
        fix = f"<br>Correction: {esc(correction)}" if correction else ""
        status = esc(labels.STATUS[claim["status"]])
        return f"<p>[{status}] {summary}{fix}<br>Source: {link(source.get('url', ''), label)}</p>"
    badge = status_badge(claim["status"])
    if form == "province":
        source = source or {}
        vendor = esc(labels.VENDOR[claim["vendor_hikvision"]])
        return (
            f"<div class='claim'>{badge} {summary} <i>({vendor})</i><br>"
            f"Source: {link(source.get('url', ''), labels.source_label(source))}</div>"
        )
    quote = claim.get("quote") or ""
    if form == "popup":
        html = f"<div class='claim'>{badge} {summary}"
        if claim.get("event_date"):
            end = f"–{claim['event_date_end']}" if claim.get("event_date_end") else ""
            html += f" <span class='date'>({esc(claim['event_date'] + end)})</span>"
        if quote:
            html += f"<blockquote>“{esc(shorten(quote))}”{relay_html(relay)}</blockquote>"
        if correction:
            html += f"<div class='correction'><b>Correction:</b> {esc(shorten(correction, CORRECTION_CHARS))}</div>"
        return html + f"<div class='chain'>Chain: {chain}</div>{change_html(change)}</div>"
    html = f"<div style='margin:6px 0 10px 12px'>{badge} <b>{summary}</b> <span style='color:#666'>[{esc(claim['id'])}]</span>"
    if quote:
        locator = f" ({esc(claim['locator'])})" if claim.get("locator") else ""
        html += f"<blockquote style='margin:4px 0 4px 12px'>“{esc(quote)}”{locator}{relay_html(relay)}</blockquote>"
    if correction:
        html += f"<div><b>Correction:</b> {esc(correction)}</div>"
    dates = ", ".join(
        f"{name} {esc(claim[col])}"
        for name, col in (("event", "event_date"), ("until", "event_date_end"), ("reported", "reported_date"))
        if claim.get(col)
    )
    return html + f"<div style='color:#555;font-size:13px'>{dates} · chain: {chain}</div>{change_html(change)}</div>"
