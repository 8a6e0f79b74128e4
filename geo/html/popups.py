"""Popups of the map: a place's header, a source's heading, whole place and province popups, and their pieces.

Claims inside them come from :func:`geo.html.render.claim_html`; every value is escaped. Building
the pieces from DataFrames costs hundreds of milliseconds, so :func:`fragments` prepares them
once per loaded dataset and language (keyed weakly by the dataset, so a reloaded one gets
fresh pieces), and a filter change only picks from them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo import settings
from geo.evidence.cache import per_dataset
from geo.evidence.corrections import latest_changes
from geo.html.escape import esc, link
from geo.html.render import claim_chain_html, claim_html, names_html, swatch
from geo.language.i18n import _, language, number
from geo.rules import labels
from geo.rules.drawing import source_colours

if TYPE_CHECKING:
    import pandas as pd

    from geo.evidence.dataset import Dataset


def source_heading(source: pd.Series, colour: str) -> str:
    """Coloured dot plus the source's short label linked to its URL (http(s) only)."""
    dot = swatch(colour)
    label = labels.source_label(source.to_dict())
    archive_word = _("archive")
    archive = f" [{link(source['archive_url'], archive_word)}]" if source.get("archive_url") else ""
    return f"<div class='src'>{dot} <bdi lang='en'>{link(source['url'], label)}</bdi>{archive}</div>"


def place_header(place: pd.Series) -> str:
    """Top of a place popup: name, names in every script, precision."""
    return (
        f"<h4><bdi>{esc(labels.place_name(place))}</bdi></h4>"
        f"<div class='names'>{names_html(place)}</div>"
        f"<div class='precision'><i>{esc(labels.precision(place['precision']))}</i></div>"
    )


def place_popup_parts(header: str, detail_url: str | None, place_id: str = "") -> tuple[str, str]:
    """A place popup's start (wrapper and header) and end (detail link, close); the count and claims go between.

    The detail link names its place (``data-place``): in the app, a click opens it in the same
    session (``geo/frontend/frame.js``); in a standalone file it is an ordinary link.
    """
    start = f"<div class='place-popup' dir='{language().direction}'>{header}"
    end = "</div>"
    if detail_url:
        open_detail = _("Open the detail view")
        end = (f"<div class='detail'><a href='{esc(detail_url)}' target='_top' data-place='{esc(place_id)}'>"
               f"{esc(open_detail)} ↗</a></div></div>")  # fmt: skip
    return start, end


def popup_count(claims: int, sources: int) -> str:
    """The popup's count line: how many claims from how many sources (escaped HTML)."""
    count = _("{claims} claim(s) from {sources} source(s)").format(claims=number(claims), sources=number(sources))
    return f"<div class='count'>{esc(count)}</div>"


def place_popup(header: str, groups: list[tuple[str, list[str]]], detail_url: str | None, place_id: str = "") -> str:
    """A whole place popup: header, count, each source's claims (the browser assembles the same parts)."""
    start, end = place_popup_parts(header, detail_url, place_id)
    body = "".join(heading + "".join(claims) for heading, claims in groups)
    return start + popup_count(sum(len(c) for _source, c in groups), len(groups)) + body + end


def province_popup_parts(province: pd.Series) -> tuple[str, str]:
    """A province popup's start (names, and that no source ties it to the '12') and end; its claims go between."""
    not_named = _("Not named by any source as one of the article’s “12 provinces”.")
    start = (
        f"<div class='province-popup' dir='{language().direction}'><h4>"
        f"{esc(labels.place_name(province))} <span lang='zh-Hans'>{esc(province['name_zh'])}</span></h4>"
        f"<div>{esc(not_named)}</div>"
    )
    return start, "</div>"


@dataclass(frozen=True)
class Fragments:
    """Prepared HTML fragments for one dataset, in one interface language."""

    claim_html: dict[str, str]
    province_claim_html: dict[str, str]
    source_heading: dict[str, str]
    place_header: dict[str, str]
    colours: dict[str, str]


@per_dataset
def fragments(data: Dataset) -> Fragments:
    """The prepared HTML pieces for ``data`` in the current language, built on first use."""
    colours = source_colours(data.sources, data.claims)
    sources = data.sources.set_index("id", drop=False)
    source_records = sources.to_dict("index")
    claims = list(data.claims.iterrows())
    changes = latest_changes(data.corrections, settings.CLAIMS_CSV)
    return Fragments(
        claim_html={
            row["id"]: claim_html(
                row,
                "popup",
                chain=claim_chain_html(row, source_records),
                change=changes.get(row["id"]),
                relay=source_records.get(row["quote_via"]),
            )
            for _, row in claims
        },
        province_claim_html={
            row["id"]: claim_html(row, "province", source=source_records[row["source"]]) for _, row in claims
        },
        source_heading={sid: source_heading(sources.loc[sid], colours[sid]) for sid in sources.index},
        place_header={row["id"]: place_header(row) for _, row in data.places.iterrows()},
        colours=colours,
    )
