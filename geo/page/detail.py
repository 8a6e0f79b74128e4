"""The place detail view and its "cite this" line, as escaped HTML."""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo import labels, settings
from geo.corrections import latest_changes
from geo.html import esc, link
from geo.render import claim_chain_html, claim_html, names_html
from geo.style import source_colours
from geo.urls import app_base, place_url

if TYPE_CHECKING:
    import pandas as pd

    from geo.dataset import Dataset


def cite_line(data: Dataset, place: pd.Series, base_url: str, accessed: str) -> str:
    """Plain-text citation with the dataset version and a stable URL for the place."""
    url = place_url(place["id"], app_base(base_url))
    return (
        f"“{place['name_en']}” (place id {place['id']}), in: {data.title}, dataset version {data.version} "
        f"({data.updated}). {url} (accessed {accessed})."
    )


def place_detail_html(data: Dataset, place_id: str, claims: pd.DataFrame, cite: str) -> str:
    """Every name, precision and coordinate source, every claim grouped by source, and citation."""
    place = data.places.set_index("id", drop=False).loc[place_id]
    sources = data.sources.set_index("id", drop=False)
    colours = source_colours(data.sources, data.claims)
    changes = latest_changes(data.corrections, settings.CLAIMS_CSV)
    records = sources.to_dict("index")
    here = claims[claims["place"] == place_id]
    parts = [
        f"<h3 style='margin-bottom:4px'>{esc(place['name_en'])}</h3>",
        f"<div>{names_html(place)}</div>",
        "<table style='margin:6px 0;font-size:14px'>",
        f"<tr><th style='text-align:left;padding-right:8px'>Precision</th><td>{esc(labels.PRECISION.get(place['precision'], place['precision']))}</td></tr>",
        f"<tr><th style='text-align:left'>Coordinates</th><td>{place['lat']:.4f}, {place['lon']:.4f} (WGS84)</td></tr>",
        f"<tr><th style='text-align:left'>Coordinate source</th><td>{esc(place['coord_source'])}</td></tr>",
        f"<tr><th style='text-align:left'>Admin level</th><td>{esc(place['admin_level'])}, {esc(place['iso_3166_2'])}</td></tr>",
    ]
    if place.get("geonames_id"):
        gid = str(place["geonames_id"])
        parts.append(
            f"<tr><th style='text-align:left'>GeoNames</th><td>{link('https://www.geonames.org/' + gid, gid)}</td></tr>"
        )
    if place.get("notes"):
        parts.append(f"<tr><th style='text-align:left'>Notes</th><td>{esc(place['notes'])}</td></tr>")
    parts.append("</table>")
    parts.append(
        f"<p><b>{len(here)} claim(s)</b> from {here['source'].nunique()} source(s) match the current filters.</p>"
    )
    for source_id, group in here.groupby("source", sort=False):
        source = sources.loc[source_id]
        dot = f"<span style='color:{colours.get(source_id, '#333')}'>●</span>"
        archive = f" · {link(source['archive_url'], 'archived copy')}" if source.get("archive_url") else ""
        parts.append(
            f"<h4 style='margin:10px 0 2px'>{dot} {link(source['url'], labels.source_label(source.to_dict(), max_title=120))}{archive}</h4>"
        )
        if source.get("date_note"):
            parts.append(f"<div style='color:#555;font-size:13px'>{esc(source['date_note'])}</div>")
        parts.extend(
            claim_html(
                claim,
                "detail",
                chain=claim_chain_html(claim, data.sources),
                change=changes.get(claim["id"]),
                relay=records.get(claim["quote_via"]),
            )
            for _, claim in group.iterrows()
        )
    parts.append(f"<p style='font-size:13px'><b>Cite this:</b> {esc(cite)}</p>")
    return "".join(parts)
