"""Table views for the tabs: display columns only, links restricted to http(s), labels in the page's language.

Column names are stable English keys (tests and the dashboard refer to them);
:func:`headers` gives each its heading in the page's language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from geo.html.audit import SOURCE_FIELDS, source_audit_html, source_audits, source_choices
from geo.html.escape import esc
from geo.language import i18n
from geo.language.i18n import N_, _
from geo.rules import labels
from geo.rules.citations import used_sources
from geo.urls import place_url, safe_url

if TYPE_CHECKING:
    from collections.abc import Mapping

    from geo.evidence.dataset import Dataset

#: Headings of every table column, by key (translated when shown).
__all__ = [
    "HEADERS",
    "PLACE_COLUMNS",
    "claims_table",
    "headers",
    "places_html",
    "places_table",
    "source_audit_html",  # how a source was checked (the Sources tab), from geo.html.audit
    "source_audits",
    "source_check_line",
    "source_choices",
    "sources_table",
]

HEADERS = {
    "id": N_("id"),
    "place": N_("place"),
    "Chinese": N_("Chinese"),
    "Uyghur (Arabic script)": N_("Uyghur (Arabic script)"),
    "Uyghur (Latin)": N_("Uyghur (Latin)"),
    "level": N_("level"),
    "precision": N_("precision"),
    "claims": N_("claims"),
    "sources": N_("sources"),
    "lat": N_("lat"),
    "lon": N_("lon"),
    "detail": N_("detail"),
    "status": N_("status"),
    "summary": N_("summary"),
    "quote": N_("quote"),
    "correction": N_("correction"),
    "event": N_("event"),
    "reported": N_("reported"),
    "source": N_("source"),
    "link": N_("link"),
    "publisher": N_("publisher"),
    "title": N_("title"),
    "kind": N_("kind"),
    "published": N_("published"),
    "other date": N_("other date"),
    "date note": N_("date note"),
    "cites": N_("cites"),
    "archive": N_("archive"),
    "date": N_("date"),
    "field": N_("field"),
    "before": N_("before"),
    "after": N_("after"),
    "why": N_("why"),
    "evidence link": N_("evidence link"),
    "what": N_("what"),
    "row": N_("row"),
    "evidence": N_("evidence"),
    "version": N_("version"),
    "upload_row": N_("row in your file"),
    "nearest_place": N_("nearest place id"),
    "nearest_place_name": N_("nearest place"),
    "distance_km": N_("distance (km)"),
    "points": N_("points"),
    "median_km": N_("median (km)"),
    "min_km": N_("nearest (km)"),
    "max_km": N_("farthest (km)"),
    "iso_3166_2": N_("ISO 3166-2"),
    "name_en": N_("name (English)"),
    "name_zh": N_("name (Chinese)"),
    "province": N_("province"),
    "quote check": N_("quote check"),
    "excerpt": N_("passage read"),
    "read at": N_("read at"),
    "read on": N_("read on"),
    "evidence against": N_("evidence against"),
    "verdict": N_("verdict"),
    "check": N_("check"),
    "summary (English)": N_("summary (English)"),
}


def headers(frame: pd.DataFrame) -> dict[str, str]:
    """Column key -> heading in the page's language, for every column of ``frame``."""
    return {column: _(HEADERS[column]) if column in HEADERS else column for column in frame.columns}


#: Columns of the places table as shown on the page, with the language of their text.
PLACE_COLUMNS = {"place": "", "Chinese": "zh-Hans", "Uyghur (Arabic script)": "ug-Arab", "Uyghur (Latin)": "ug-Latn",
                 "level": "", "precision": "", "claims": "", "sources": ""}  # fmt: skip


def places_html(places: pd.DataFrame) -> str:
    """The places table as plain HTML: a real table (headers for screen readers), each name a link to its detail view.

    Light enough to come with a first page (a data grid's code would delay the map), and
    every place reachable with the keyboard: Tab to its link, Enter. A link names its place
    (``data-place``): a plain click opens it in this session (``geo/frontend/page.js``), a
    click with a modifier in a new tab, as any link.
    """
    titles = [_(HEADERS[column]) for column in PLACE_COLUMNS]
    head = "".join(f"<th scope='col'>{esc(title)}</th>" for title in titles)
    rows = []
    for record in places.to_dict("records"):
        name = f"<a href='{esc(record['detail'])}' data-place='{esc(record['id'])}'><bdi>{esc(record['place'])}</bdi></a>"
        cells = [f"<th scope='row'>{name}</th>"]
        for column, lang in list(PLACE_COLUMNS.items())[1:]:
            marks = f" lang='{lang}' dir='{'rtl' if lang == 'ug-Arab' else 'ltr'}'" if lang else ""
            cells.append(f"<td{marks}>{esc(record[column])}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        "<table class='places'>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def places_table(data: Dataset, claims: pd.DataFrame) -> pd.DataFrame:
    """One row per place that has a shown claim, with counts and a detail link."""
    located = pd.DataFrame({"place": claims["place"], "source": claims["source"]})
    located = located[located["place"] != ""]
    counts = pd.DataFrame(
        {"claims": located["place"].value_counts(), "sources": located.drop_duplicates()["place"].value_counts()}
    )
    places = pd.DataFrame(data.places).drop(columns="geometry").join(counts, on="id", how="inner")
    return pd.DataFrame(
        {
            "id": places["id"],
            "place": places["id"].map(labels.place_names(data)),
            "Chinese": places["name_zh"],
            "Uyghur (Arabic script)": places["name_ug_arabic"],
            "Uyghur (Latin)": places["name_ug_latin"],
            "level": places["admin_level"].map(labels.level),
            "precision": places["precision"].map(lambda code: labels.precision(code, short=True)),
            "claims": places["claims"],
            "sources": places["sources"],
            "lat": places["lat"],
            "lon": places["lon"],
            "detail": places["id"].map(lambda pid: place_url(pid, i18n.current())),
        }
    ).reset_index(drop=True)


def claims_table(data: Dataset, claims: pd.DataFrame) -> pd.DataFrame:
    """One row per shown claim with its source and status."""
    names = labels.place_names(data)
    return pd.DataFrame(
        {
            "id": claims["id"],
            "place": claims["place"].map(lambda pid: names.get(pid, "")),
            "status": claims["status"].map(labels.status),
            "summary": claims["summary"],
            "summary (English)": claims.get("summary_en", claims["summary"]),
            "quote": claims["quote"],
            "correction": claims["correction"],
            "event": claims["event_date"],
            "reported": claims["reported_date"],
            "source": claims["source_publisher"] + ": " + claims["source_title"],
            "link": claims["source_url"].map(safe_url),
            "quote check": claims["check_quote"].map(lambda code: labels.quote_check(code) if code else ""),
            "excerpt": claims["check_excerpt"],
            "read at": claims["check_excerpt_at"].map(safe_url),
            "read on": claims["check_date"],
            "evidence against": claims["contrary_found"],
            "verdict": claims["contrary_verdict"].map(lambda code: labels.verdict(code) if code else ""),
        }
    ).reset_index(drop=True)


def source_check_line(audit: Mapping | None) -> str:
    """A source's check in one line: what its page showed for each recorded field."""
    if not audit:
        return ""
    return "; ".join(
        f"{labels.field_label(column)}: {labels.field_check(audit.get(field, ''))}"
        for field, column in SOURCE_FIELDS.items()
    )


def sources_table(data: Dataset, claims: pd.DataFrame) -> pd.DataFrame:
    """Sources behind the shown claims, with their dates, citation lists and how each was checked."""
    used = used_sources(data.sources, claims)
    audits = source_audits(data)
    first_address = {sid: next(iter(a.get("found_at") or []), "") for sid, a in audits.items()}
    return pd.DataFrame(
        {
            "id": used["id"],
            "publisher": used["publisher"],
            "title": used["title"],
            "kind": used["kind"],
            "published": used["published"],
            "other date": used["published_alt"],
            "date note": used["date_note"],
            "cites": used["cites"].map(", ".join),
            "link": used["url"].map(safe_url),
            "archive": used["archive_url"].map(safe_url),
            "read on": used["accessed"],
            "read at": used["id"].map(lambda sid: safe_url(first_address.get(sid, ""))),
            "check": used["id"].map(lambda sid: source_check_line(audits.get(sid))),
        }
    ).reset_index(drop=True)
