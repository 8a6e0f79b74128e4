"""Text of the About / method tab and the "12 provinces" panel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo import settings
from geo.html import esc
from geo.provinces import province_summary

if TYPE_CHECKING:
    import pandas as pd

    from geo.dataset import Dataset

METHOD = """
**What this is.** Every place named in one article — Global Human Rights Defence,
*"Tech Company, Hikvision Has Been Accused of Selling Uyghur-Tracking Surveillance
Cameras…"* (Putro, 2023) — with each claim the article makes and the sources that
corroborate, qualify or correct it. A claim records who says it, where in the source
(quote and locator), when, and its status.

**Status.** *as reported*: stated by that source, not cross-checked; *corroborated*: an
independent source supports it; *partial*: a source supports part of it; *unverified*: no
source found supports it; *corrected*: the article is wrong and the correction is shown.

**Precision.** Every point stands for an area — a county seat, a city centre, a region
centroid — never a facility, and is drawn as a dashed ring, not a pin. No source here
locates a camera, camp or building. Coordinates are WGS84; Chinese web-map coordinates
(GCJ-02) were converted before use.

**Map data and privacy.** The basemap is Natural Earth (public domain) drawn by this app.
Leaflet and jQuery are served by this app from installed packages. With web tiles off (the
default) your browser contacts no other host. If you switch on the "Web tiles" layer, your
browser requests map images from tile.openstreetmap.org, which then sees your IP address
and the area you view.

**Licences.** Code MIT; data tables CC BY 4.0; boundaries Natural Earth (public domain).

**Corrections.** Open an issue naming the claim id (shown in the detail view and the
claims table), or edit `data/claims.csv` in a pull request; `python -m geo validate`
checks the change.
"""


def known_errors_html(claims: pd.DataFrame) -> str:
    """Bullet list of the article's claims that carry a correction."""
    article = claims[(claims["source"] == "ghrd-putro-2023") & (claims["correction"] != "")]
    items = "".join(
        f"<li><b>{esc(row['article_ref'])}</b> “{esc(row['quote'][:160])}” → {esc(row['correction'])}</li>"
        for _, row in article.drop_duplicates("article_ref").iterrows()
    )
    return f"<ul>{items}</ul>"


def twelve_provinces_panel(data: Dataset) -> str:
    """Reported versus named: what the article says, what sources name, what stays unnamed."""
    provinces = data.provinces.set_index("iso_3166_2")
    named = province_summary(data.claims)
    codes = list(named.index)

    def qualifiers(code: str) -> str:
        notes = ["Hikvision named"] if named.loc[code, "hikvision_named"] else []
        if not named.loc[code, "uyghur_specific"]:
            notes.append("ethnic-minority people, not Uyghurs specifically")
        return f" ({'; '.join(notes)})" if notes else ""

    listed = ", ".join(f"{esc(provinces.loc[c, 'name_en'])}{esc(qualifiers(c))}" for c in codes)
    tied = int(named["tied_to_12"].sum())
    return (
        f"<div style='border-left:4px solid #e66101;padding:4px 10px;background:#fff7ef'>"
        f"<b>Reported:</b> Hikvision products used in {settings.REPORTED_PROVINCE_COUNT} Chinese provinces outside "
        f"XUAR (IPVM, as relayed by the GHRD article; <i>unverified</i> — no province is named)."
        f"<br><b>Named by sources:</b> {len(codes)} province(s) as sites of surveillance targeting Uyghurs or "
        f"other minorities outside XUAR"
        f"{': ' + listed if codes else ''}. Any vendor; different dates."
        f"<br><b>Tied to the “12” by a source:</b> {tied}. "
        f"<b>Unnamed:</b> {settings.REPORTED_PROVINCE_COUNT - tied} of the {settings.REPORTED_PROVINCE_COUNT}."
        f"</div>"
    )
