"""The dataset's own things as HTML: a claim, a status badge, a place's names, a citation chain.

Popups, the detail view, province popups and KML descriptions all show claims; they call
:func:`claim_html` with their ``form``, so what a claim shows (status, summary, quote,
correction, source) and how each value is escaped is decided here once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from geo.evidence.corrections import RowChange
from geo.html.escape import esc, link
from geo.language import i18n, scripts
from geo.language.i18n import _, date
from geo.rules import citations, labels
from geo.style import STATUS

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


def swatch(colour: str, shape: str = "●") -> str:
    """A colour sample beside a label (a source's ring colour, a shading): decorative, so hidden from screen readers.

    The colour is data (a source's palette colour), so it is the one inline style this HTML keeps.
    """
    return f'<span class="geo-swatch" style="color:{esc(colour)}" aria-hidden="true">{shape}</span>'


def status_badge(status: str) -> str:
    """Coloured status pill with its label as text (colour is never the only cue)."""
    known = status if status in STATUS else "as_reported"
    return f'<span class="badge status-{known}">{esc(labels.status(status))}</span>'


def names_html(place: Mapping) -> str:
    """All of a place's names, each marked with its language; Uyghur Arabic script right-to-left."""
    parts = []
    for column, lang in (("name_en", "en"), ("name_zh", "zh-Hans"), ("name_pinyin", "zh-Latn"),
                         ("name_ug_latin", "ug-Latn")):  # fmt: skip
        if place.get(column):
            parts.append(f'<span lang="{lang}">{esc(place[column])}</span>')
    if place.get("name_ug_arabic"):
        parts.append(f'<span dir="rtl" lang="ug-Arab">{esc(place["name_ug_arabic"])}</span>')
    others = place.get("other_names") or []
    line = " · ".join(parts)
    if others:
        also = _("also:")
        line += f'<br><span class="aka">{esc(also)} <bdi>{esc("; ".join(others))}</bdi></span>'
    return line


def chain_html(steps: list[str], cited: list[str], publishers: Mapping[str, str]) -> str:
    """One line: who says it → whom they relay → what that source cites (publishers, escaped)."""
    line = " → ".join(esc(publishers.get(s, s)) for s in steps)
    if cited:
        line += " → " + " + ".join(esc(publishers[c]) for c in cited if c in publishers)
    return line


def claim_chain_html(claim: Mapping, sources: pd.DataFrame | Mapping[str, Mapping]) -> str:
    """:func:`chain_html` of a claim's citation chain (:func:`geo.rules.citations.chain`).

    ``sources`` is the sources table, or its records by id (faster when called per claim).
    """
    records = sources if isinstance(sources, Mapping) else sources.set_index("id", drop=False).to_dict("index")
    cites = {sid: record["cites"] for sid, record in records.items()}
    steps, cited = citations.chain(claim["source"], claim["relayed_from"], cites)
    return chain_html(steps, cited, {sid: record["publisher"] for sid, record in records.items()})


def change_html(change: RowChange | None) -> str:
    """The claim's last logged change as a short line: added, corrected (which fields) or retracted, and when."""
    if change is None:
        return ""
    when = {"date": date(change.date), "version": change.version}
    if change.kind == "corrected":
        fields = ", ".join(labels.field_label(f) for f in change.fields)
        what = _("Corrected on {date} (version {version}): {fields}").format(fields=fields, **when)
    elif change.kind == "retracted":
        what = _("Retracted on {date} (version {version})").format(**when)
    else:
        what = _("Added on {date} (version {version})").format(**when)
    see = _("see the corrections log")
    return f"<div class='changed'>{esc(what)}; {esc(see)}</div>"


def relay_html(relay: Mapping | None) -> str:
    """Say whose words a quote is when they are a relay's (the claim's own source could not be read)."""
    if not relay:
        return ""
    quoted_by = esc(_("as quoted by"))
    return f" <span class='via'>— {quoted_by} {link(relay.get('url', ''), relay.get('publisher', ''))}</span>"


def text_html(record: Mapping, field: str, *, original: bool = False) -> str:
    """A data text field in the language it is in (a translation, or English), marked so browsers and readers know.

    With ``original``, a translated field is followed by its English original (:func:`original_html`).
    """
    lang = record.get(f"{field}_lang") or "en"
    direction = i18n.LANGUAGES[lang].direction if lang in i18n.LANGUAGES else "ltr"
    html = f'<span lang="{esc(lang)}" dir="{direction}">{esc(record.get(field) or "")}</span>'
    return html + original_html(record, field) if original else html


def original_html(record: Mapping, field: str) -> str:
    """A translated field's English original, folded: evidence stays one click from its source text.

    :func:`geo.evidence.content.localized` keeps it as ``<field>_en``; an English field has none to show.
    """
    english = record.get(f"{field}_en") or ""
    if (record.get(f"{field}_lang") or "en") == "en" or not english:
        return ""
    label = esc(_("English original"))
    return f"<details class='original'><summary>{label}</summary><span lang='en' dir='ltr'>{esc(english)}</span></details>"


def claim_html(
    claim: Mapping,
    form: Form,
    *,
    chain: str = "",
    source: Mapping | None = None,
    change: RowChange | None = None,
    relay: Mapping | None = None,
    check: str = "",
    other_side: str = "",
) -> str:
    """One claim as HTML for a popup, the detail view, a province popup or a KML description.

    ``chain`` is :func:`chain_html`'s line (popup, detail); ``source`` the source's row
    (province, KML), linked through :func:`geo.html.escape.link`, so only http(s) URLs become links;
    ``change`` the claim's last logged correction and ``relay`` the source whose text has the
    quote when it is not the claim's own (popup, detail); ``check`` how the claim was checked
    (detail, :func:`geo.html.audit.claim_check_html`); ``other_side`` what answers it (detail,
    :func:`geo.html.record.other_side_html`).
    """
    summary = text_html(claim, "summary")  # translated evidence, or English
    words = {"correction": esc(_("Correction:")), "source": esc(_("Source:")), "chain": esc(_("Chain:"))}
    quote_lang = esc(scripts.text_language(claim.get("quote") or "", claim.get("source_language") or "und"))
    correction = claim.get("correction") or ""
    if form == "kml":
        source = source or {}
        published = source.get("published") or _("n.d.")
        label = f"{source.get('publisher', '')}, {source.get('title', '')} ({published})"
        fix = f"<br>{words['correction']} {text_html(claim, 'correction')}" if correction else ""
        status = esc(labels.status(claim["status"]))
        return f"<p>[{status}] {summary}{fix}<br>{words['source']} {link(source.get('url', ''), label)}</p>"
    badge = status_badge(claim["status"])
    if form == "province":
        source = source or {}
        vendor = esc(labels.vendor(claim["vendor_hikvision"]))
        return (
            f"<div class='claim'>{badge} {summary} <i>({vendor})</i><br>"
            f"{words['source']} {link(source.get('url', ''), labels.source_label(source))}</div>"
        )
    quote = claim.get("quote") or ""
    if form == "popup":
        html = f"<div class='claim'>{badge} {summary}"
        if claim.get("event_date"):
            end = f"–{date(claim['event_date_end'])}" if claim.get("event_date_end") else ""
            html += f" <span class='date'>({esc(date(claim['event_date']) + end)})</span>"
        if quote:
            html += (
                f'<blockquote lang="{quote_lang}" dir="auto">“{esc(shorten(quote))}”{relay_html(relay)}</blockquote>'
            )
        if correction:
            fix = text_html({**claim, "correction": shorten(correction, CORRECTION_CHARS)}, "correction")
            html += f"<div class='correction'><b>{words['correction']}</b> {fix}</div>"
        return html + f"<div class='chain'>{words['chain']} {chain}</div>{change_html(change)}</div>"
    html = f"<div class='detail-claim'>{badge} <b>{summary}</b> <span class='claim-id'>[{esc(claim['id'])}]</span>"
    html += original_html(claim, "summary")
    if quote:
        locator = f" ({esc(claim['locator'])})" if claim.get("locator") else ""
        html += f"<blockquote lang='{quote_lang}' dir='auto'>“{esc(quote)}”{locator}{relay_html(relay)}</blockquote>"
    if correction:
        html += f"<div><b>{words['correction']}</b> {text_html(claim, 'correction', original=True)}</div>"
    dates = ", ".join(
        f"{esc(name)} {esc(date(claim[col]))}"
        for name, col in ((_("event"), "event_date"), (_("until"), "event_date_end"), (_("reported"), "reported_date"))
        if claim.get(col)
    )
    chain_word = esc(_("chain:"))
    return html + f"<div class='claim-dates'>{dates} · {chain_word} {chain}</div>{change_html(change)}{other_side}{check}</div>"
