"""HTML for popups and panels: every value escaped through :mod:`geo.html`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo import labels
from geo.html import esc, link

if TYPE_CHECKING:
    import pandas as pd

QUOTE_CHARS = 220


def shorten(text: str, limit: int = QUOTE_CHARS) -> str:
    """Cut long text at a word boundary with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def names_html(place: pd.Series) -> str:
    """All of a place's names, Uyghur Arabic script marked right-to-left."""
    parts = [esc(place[c]) for c in ("name_zh", "name_pinyin", "name_ug_latin") if place.get(c)]
    if place.get("name_ug_arabic"):
        parts.append(f'<span dir="rtl" lang="ug-Arab">{esc(place["name_ug_arabic"])}</span>')
    others = place.get("other_names") or []
    line = " · ".join(parts)
    if others:
        line += f'<br><span class="aka">also: {esc("; ".join(others))}</span>'
    return line


def status_badge(status: str) -> str:
    """Coloured status pill with its label as text (colour is never the only cue)."""
    colour = labels.STATUS_COLOUR.get(status, "#5f6b7a")
    return (
        f'<span class="badge" style="background:{colour};color:#fff;border-radius:8px;'
        f'padding:0 6px;font-size:11px">{esc(labels.STATUS.get(status, status))}</span>'
    )


def citation_chain(source_id: str, relayed_from: str, sources: pd.DataFrame) -> str:
    """One line: who says it → whom they relay → what that source cites."""
    by_id = sources.set_index("id")
    steps = [source_id] + ([relayed_from] if relayed_from else [])
    last = steps[-1]
    cited = [c for c in by_id.loc[last, "cites"] if c not in steps] if last in by_id.index else []
    names = [esc(by_id.loc[s, "publisher"]) if s in by_id.index else esc(s) for s in steps]
    line = " → ".join(names)
    if cited:
        line += " → " + " + ".join(esc(by_id.loc[c, "publisher"]) for c in cited if c in by_id.index)
    return line


def claim_html(claim: pd.Series, sources: pd.DataFrame) -> str:
    """One claim: status, summary, short quote, correction and citation chain."""
    html = f"<div class='claim'>{status_badge(claim['status'])} {esc(claim['summary'])}"
    if claim.get("event_date"):
        end = f"–{claim['event_date_end']}" if claim.get("event_date_end") else ""
        html += f" <span class='date'>({esc(claim['event_date'] + end)})</span>"
    if claim.get("quote"):
        html += f"<blockquote>“{esc(shorten(claim['quote']))}”</blockquote>"
    if claim.get("correction"):
        html += f"<div class='correction'><b>Correction:</b> {esc(shorten(claim['correction'], 400))}</div>"
    html += f"<div class='chain'>Chain: {citation_chain(claim['source'], claim['relayed_from'], sources)}</div></div>"
    return html


def source_heading(source: pd.Series, colour: str) -> str:
    """Coloured dot plus the source's short label linked to its URL (http(s) only)."""
    dot = f'<span style="color:{colour}">●</span>'
    label = labels.source_label(source.to_dict())
    archive = f" [{link(source['archive_url'], 'archive')}]" if source.get("archive_url") else ""
    return f"<div class='src'>{dot} {link(source['url'], label)}{archive}</div>"


def place_header(place: pd.Series) -> str:
    """Top of a place popup: name, names in every script, precision."""
    return (
        f"<h4 style='margin:0 0 4px'>{esc(place['name_en'])}</h4>"
        f"<div class='names'>{names_html(place)}</div>"
        f"<div class='precision'><i>{esc(labels.PRECISION.get(place['precision'], place['precision']))}</i></div>"
    )


def place_popup(header: str, groups: list[tuple[str, list[str]]], detail_url: str | None) -> str:
    """Popup for one place from prepared fragments: header, then each source's claims."""
    n_claims = sum(len(claims) for _, claims in groups)
    html = [
        "<div class='place-popup' style='max-width:420px;font-size:13px'>",
        header,
        f"<div class='count'>{n_claims} claim(s) from {len(groups)} source(s)</div>",
    ]
    for heading, claims in groups:
        html.append(heading)
        html.extend(claims)
    if detail_url:
        html.append(f"<div class='detail'><a href='{esc(detail_url)}' target='_top'>Open the detail view ↗</a></div>")
    html.append("</div>")
    return "".join(html)


def province_claim_html(claim: pd.Series, source: dict) -> str:
    """One claim as a line of a province's popup: status, summary, vendor, linked ``source``."""
    return (
        f"<div class='claim'>{status_badge(claim['status'])} {esc(claim['summary'])} "
        f"<i>({esc(labels.VENDOR[claim['vendor_hikvision']])})</i><br>"
        f"Source: {link(source['url'], labels.source_label(source))}</div>"
    )


def province_popup(province: pd.Series, claim_lines: list[str]) -> str:
    """Popup for a province named by sources outside XUAR; states its tie to the '12'."""
    return (
        f"<div style='max-width:380px;font-size:13px'><h4 style='margin:0 0 4px'>{esc(province['name_en'])} "
        f"{esc(province['name_zh'])}</h4>"
        "<div><b>Not</b> named by any source as one of the article's “12 provinces”.</div>"
        + "".join(claim_lines)
        + "</div>"
    )
