"""Popups of the map: a place's header, a source's heading, whole place and province popups.

Claims inside them come from :func:`geo.render.claim_html`; every value is escaped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo import labels
from geo.html import esc, link
from geo.i18n import _, language, number
from geo.render import names_html

if TYPE_CHECKING:
    import pandas as pd


def source_heading(source: pd.Series, colour: str) -> str:
    """Coloured dot plus the source's short label linked to its URL (http(s) only)."""
    dot = f'<span style="color:{colour}" aria-hidden="true">●</span>'
    label = labels.source_label(source.to_dict())
    archive_word = _("archive")
    archive = f" [{link(source['archive_url'], archive_word)}]" if source.get("archive_url") else ""
    return f"<div class='src'>{dot} <bdi lang='en'>{link(source['url'], label)}</bdi>{archive}</div>"


def place_header(place: pd.Series) -> str:
    """Top of a place popup: name, names in every script, precision."""
    return (
        f"<h4 style='margin:0 0 4px'><bdi>{esc(labels.place_name(place))}</bdi></h4>"
        f"<div class='names'>{names_html(place)}</div>"
        f"<div class='precision'><i>{esc(labels.precision(place['precision']))}</i></div>"
    )


def place_popup(header: str, groups: list[tuple[str, list[str]]], detail_url: str | None) -> str:
    """Popup for one place from prepared fragments: header, then each source's claims."""
    n_claims = sum(len(claims) for _source, claims in groups)
    count = _("{claims} claim(s) from {sources} source(s)").format(claims=number(n_claims), sources=number(len(groups)))
    open_detail = _("Open the detail view")
    html = [
        f"<div class='place-popup' dir='{language().direction}' style='max-width:420px;font-size:13px'>",
        header,
        f"<div class='count'>{esc(count)}</div>",
    ]
    for heading, claims in groups:
        html.append(heading)
        html.extend(claims)
    if detail_url:
        html.append(f"<div class='detail'><a href='{esc(detail_url)}' target='_top'>{esc(open_detail)} ↗</a></div>")
    html.append("</div>")
    return "".join(html)


def province_popup(province: pd.Series, claim_lines: list[str]) -> str:
    """Popup for a province named by sources outside XUAR; states its tie to the '12'."""
    not_named = _("Not named by any source as one of the article’s “12 provinces”.")
    return (
        f"<div dir='{language().direction}' style='max-width:380px;font-size:13px'><h4 style='margin:0 0 4px'>"
        f"{esc(labels.place_name(province))} "
        f"<span lang='zh-Hans'>{esc(province['name_zh'])}</span></h4>"
        f"<div>{esc(not_named)}</div>" + "".join(claim_lines) + "</div>"
    )
