"""How each claim and each source was checked, as escaped HTML: the audit users can read.

The audit tables (``quote_audit.csv``, ``status_audit.csv``, ``source_audit.csv``) record
where and when each page was read, the passage the quote was found in, and the search for
evidence against each status. The detail view, the Claims and Sources tabs and the exports
show the same records; this module writes the two HTML views of them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from geo.evidence.cache import per_dataset
from geo.html.escape import esc, link
from geo.language.i18n import _, date
from geo.rules import labels
from geo.urls import is_http_url

if TYPE_CHECKING:
    import pandas as pd

    from geo.evidence.dataset import Dataset

#: The recorded fields of a source that its check compares with the page, in the order shown.
SOURCE_FIELDS = {"title": "title", "author": "author", "publisher": "publisher", "date": "published", "url": "url"}


@per_dataset(by_language=False)
def source_audits(data: Dataset) -> dict[str, dict]:
    """Each source's check (``source_audit.csv``) by source id; empty when the package has no such table."""
    table = data.tables.get("source_audit")
    return {} if table is None else {str(r["source"]): r for r in table.to_dict("records")}


@per_dataset
def source_choices(data: Dataset) -> dict[str, str]:
    """Every source (a retracted claim's source was checked too) by id, labelled and sorted by label."""
    labelled = sorted((labels.source_label(record), str(record["id"])) for record in data.sources.to_dict("records"))
    return {sid: label for label, sid in labelled}


def links_html(addresses: Sequence[str]) -> str:
    """Each address as a link showing its host and path (http(s) only; anything else as text)."""
    return " · ".join(link(url, url.split("://", 1)[-1][:90]) for url in addresses if url)


def _read_line(when: str, addresses: Sequence[str]) -> str:
    where = links_html(addresses)
    read = _("Read on {date}:").format(date=date(when)) if when else _("Read at:")
    return f"<p class='check-read'>{esc(read)} <span lang='en' dir='ltr'>{where}</span></p>"


def claim_check_html(claim: Mapping, sources: Mapping[str, Mapping], language: str = "en") -> str:
    """A claim's "How we checked this": the passage read and where, the quote's check, the search for evidence against.

    ``claim`` is a joined claim row (its ``check_*`` and ``contrary_*`` columns);
    ``sources`` the sources' records by id (for the relay's name); ``language`` the
    excerpt's language tag (its source's language).
    """
    if not claim.get("check_quote"):
        return ""
    heading = esc(_("How we checked this"))
    parts = [f"<details class='claim-check'><summary>{heading}</summary>"]
    addresses = [claim.get("check_excerpt_at") or "", *(claim.get("check_found_at") or [])]
    parts.append(_read_line(claim.get("check_date") or "", list(dict.fromkeys(a for a in addresses if a))))
    if claim.get("check_excerpt"):
        label = esc(_("The passage read:"))
        parts.append(
            f"<div class='check-label'>{label}</div>"
            f"<blockquote class='excerpt' lang='{esc(language)}' dir='auto'>{esc(claim['check_excerpt'])}</blockquote>"
        )
    verdict = esc(labels.quote_check(claim["check_quote"]))
    relay = sources.get(claim.get("check_relay") or "")
    if relay:
        named = _("Relay: {publisher}").format(publisher=relay.get("publisher", ""))
        verdict += f" <span lang='en'>{link(relay.get('url', ''), named)}</span>"
    parts.append(f"<p class='check-quote'>{verdict}</p>")
    if claim.get("check_note"):
        parts.append(f"<p class='check-note' lang='en'>{esc(claim['check_note'])}</p>")
    if claim.get("contrary_verdict"):
        searched = _("Evidence against, searched for on {date}:").format(date=date(claim.get("contrary_date") or ""))
        found = f"<span lang='en'>{esc(claim.get('contrary_found') or '')}</span>"
        parts.append(f"<p class='check-contrary'><b>{esc(searched)}</b> {found}</p>")
        if claim.get("contrary_found_at"):
            parts.append(f"<p lang='en' dir='ltr'>{links_html(claim['contrary_found_at'])}</p>")
        parts.append(f"<p class='check-verdict'>{esc(labels.verdict(claim['contrary_verdict']))}</p>")
        queries = claim.get("contrary_queries") or []
        if queries:
            label = esc(_("Searches run:"))
            items = "".join(f"<li lang='en'>{esc(q)}</li>" for q in queries)
            parts.append(f"<div class='check-label'>{label}</div><ul class='check-queries'>{items}</ul>")
    parts.append("</details>")
    return "".join(parts)


def source_audit_html(source: Mapping, audit: Mapping | None, claims: pd.DataFrame) -> str:
    """One source's check: where and when it was read, what its page showed for each field, its claims' quote checks."""
    title = link(source.get("url", ""), labels.source_label(source, max_title=160))
    parts = [f"<div class='source-audit'><h3 lang='en'>{title}</h3>"]
    if audit is None:
        none = _("This source has no check recorded.")
        parts.append(f"<p>{esc(none)}</p></div>")
        return "".join(parts)
    parts.append(_read_line(audit.get("checked") or "", list(audit.get("found_at") or [])))
    parts.append(f"<p>{esc(labels.source_result(audit['result']))}</p>")
    rows = "".join(
        f"<tr><th scope='row'>{esc(labels.field_label(column))}</th>"
        f"<td lang='en'><bdi>{esc(_recorded(source, column))}</bdi></td>"
        f"<td>{esc(labels.field_check(audit.get(field, '')))}</td></tr>"
        for field, column in SOURCE_FIELDS.items()
    )
    head = "".join(f"<th scope='col'>{esc(h)}</th>" for h in (_("field"), _("recorded"), _("the page read")))
    parts.append(f"<table class='source-checks'><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    if audit.get("note"):
        parts.append(f"<p class='check-note' lang='en'>{esc(audit['note'])}</p>")
    own = claims[claims["source"] == source.get("id")]
    if len(own):
        heading = _("Its claims and how their quotes were found")
        parts.append(f"<h4>{esc(heading)}</h4><ul class='source-claims'>")
        for claim in own.to_dict("records"):
            summary = f"<span lang='en'>{esc(claim['summary'])}</span>"
            status = esc(labels.status(claim["status"]))
            check = esc(labels.quote_check(claim.get("check_quote") or "")) if claim.get("check_quote") else ""
            parts.append(f"<li><b>[{status}]</b> {summary} <span class='claim-id'>[{esc(claim['id'])}]</span>"
                         f"<br>{check}</li>")  # fmt: skip
        parts.append("</ul>")
    parts.append("</div>")
    return "".join(parts)


def _recorded(source: Mapping, column: str) -> str:
    value = source.get(column) or ""
    if column == "url" and value and not is_http_url(value):
        return ""
    return value if isinstance(value, str) else str(value)
