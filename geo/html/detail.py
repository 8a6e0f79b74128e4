"""The place detail view and its "cite this" line, as escaped HTML."""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo import settings
from geo.evidence.corrections import latest_changes
from geo.html.audit import claim_check_html
from geo.html.escape import esc, link
from geo.html.record import measures_html, other_side_html
from geo.html.render import claim_chain_html, claim_html, names_html, swatch
from geo.language import i18n
from geo.language.i18n import _, ngettext, number
from geo.language.scripts import text_language
from geo.rules import labels, record
from geo.rules.drawing import source_colours
from geo.urls import app_base, place_url

if TYPE_CHECKING:
    import pandas as pd

    from geo.evidence.dataset import Dataset


def cite_line(data: Dataset, place: pd.Series, base_url: str, accessed: str) -> str:
    """Plain-text citation with the dataset version and a stable URL for the place (names and title in English)."""
    url = place_url(place["id"], i18n.current(), app_base(base_url))
    return (
        f"“{place['name_en']}” (place id {place['id']}), in: {data.title}, dataset version {data.version} "
        f"({data.updated}). {url} (accessed {accessed})."
    )


def _row(heading: str, value_html: str) -> str:
    return f"<tr><th scope='row'>{esc(heading)}</th><td>{value_html}</td></tr>"


def place_detail_html(data: Dataset, place_id: str, claims: pd.DataFrame, cite: str) -> str:
    """Every name, precision and coordinate source, every claim grouped by source, and citation."""
    place = data.places.set_index("id", drop=False).loc[place_id]
    sources = data.sources.set_index("id", drop=False)
    colours = source_colours(data.sources, data.claims)
    changes = latest_changes(data.corrections, settings.CLAIMS_CSV)
    records = sources.to_dict("index")
    here = claims[claims["place"] == place_id]
    parts = [
        f"<div class='place-detail'><h3><bdi>{esc(labels.place_name(place))}</bdi></h3>",
        f"<div>{names_html(place)}</div>",
        "<table class='place-facts'>",
        _row(_("Precision"), esc(labels.precision(place["precision"]))),
        _row(_("Coordinates"), f"<span dir='ltr'>{place['lat']:.4f}, {place['lon']:.4f}</span> (WGS84)"),
        _row(_("Coordinate source"), f"<span lang='en'>{esc(place['coord_source'])}</span>"),
        _row(_("Admin level"), f"{esc(labels.level(place['admin_level']))}, {esc(place['iso_3166_2'])}"),
    ]
    if place.get("geonames_id"):
        gid = str(place["geonames_id"])
        parts.append(_row("GeoNames", link("https://www.geonames.org/" + gid, gid)))
    if place.get("notes"):
        parts.append(_row(_("Notes"), f"<span lang='en'>{esc(place['notes'])}</span>"))
    parts.append("</table>")
    parts.append(measures_html(record.measures_at(data, place_id)))
    count = ngettext(
        "{claims} claim(s) from {sources} source match the current filters.",
        "{claims} claim(s) from {sources} sources match the current filters.",
        here["source"].nunique(),
    ).format(claims=number(len(here)), sources=number(here["source"].nunique()))
    parts.append(f"<p><b>{esc(count)}</b></p>")
    for source_id, group in here.groupby("source", sort=False):
        source = sources.loc[source_id]
        dot = swatch(colours[source_id])
        archive = " · " + link(source["archive_url"], _("archived copy")) if source.get("archive_url") else ""
        title = link(source["url"], labels.source_label(source.to_dict(), max_title=120))
        parts.append(f"<h4>{dot} <span lang='en'>{title}</span>{archive}</h4>")
        if source.get("date_note"):
            parts.append(f"<div lang='en' class='date-note'>{esc(source['date_note'])}</div>")
        parts.extend(
            claim_html(
                claim,
                "detail",
                chain=claim_chain_html(claim, records),
                change=changes.get(claim["id"]),
                relay=records.get(claim["quote_via"]),
                check=claim_check_html(claim, records, text_language(claim["quote"], source["language"] or "und")),
                other_side=other_side_html(record.counter_claims_of(data, claim["id"])),
            )
            for _index, claim in group.iterrows()
        )
    cite_this = _("Cite this:")
    parts.append(f"<p class='cite-line'><b>{esc(cite_this)}</b> <span lang='en'>{esc(cite)}</span></p></div>")
    return "".join(parts)
