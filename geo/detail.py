"""The place detail view and the "cite this" line, as escaped HTML."""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo import labels
from geo.display import display
from geo.html import esc, link
from geo.mapping import detail_url
from geo.popups import citation_chain, names_html, status_badge

if TYPE_CHECKING:
    import pandas as pd

    from geo.load import Dataset


def cite_line(data: Dataset, place: pd.Series, base_url: str, accessed: str) -> str:
    """Plain-text citation with the dataset version and a stable URL for the place."""
    url = base_url.split("?", maxsplit=1)[0].rstrip("/") + detail_url(place["id"])
    return (
        f"“{place['name_en']}” (place id {place['id']}), in: {data.title}, dataset version {data.version} "
        f"({data.updated}). {url} (accessed {accessed})."
    )


def place_detail_html(data: Dataset, place_id: str, claims: pd.DataFrame, cite: str) -> str:
    """Every name, precision and coordinate source, every claim grouped by source, and citation."""
    place = data.places.set_index("id", drop=False).loc[place_id]
    sources = data.sources.set_index("id", drop=False)
    colours = display(data).colours
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
        for _, claim in group.iterrows():
            parts.append(
                f"<div style='margin:6px 0 10px 12px'>{status_badge(claim['status'])} "
                f"<b>{esc(claim['summary'])}</b> <span style='color:#666'>[{esc(claim['id'])}]</span>"
            )
            if claim["quote"]:
                locator = f" ({esc(claim['locator'])})" if claim["locator"] else ""
                parts.append(f"<blockquote style='margin:4px 0 4px 12px'>“{esc(claim['quote'])}”{locator}</blockquote>")
            if claim["correction"]:
                parts.append(f"<div><b>Correction:</b> {esc(claim['correction'])}</div>")
            dates = ", ".join(
                f"{name} {esc(claim[col])}"
                for name, col in (("event", "event_date"), ("until", "event_date_end"), ("reported", "reported_date"))
                if claim[col]
            )
            parts.append(
                f"<div style='color:#555;font-size:13px'>{dates} · chain: {citation_chain(claim['source'], claim['relayed_from'], data.sources)}</div></div>"
            )
    parts.append(f"<p style='font-size:13px'><b>Cite this:</b> {esc(cite)}</p>")
    return "".join(parts)
