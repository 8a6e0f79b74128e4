"""The export formats by name, and the bundles made of them (briefing pack, static site).

One table, :data:`EXPORTERS`, serves the CLI (``python -m geo export --format NAME``) and
the dashboard's download buttons, so both produce the same bytes for the same filters.
The data files of the pack and the site are the formats marked ``data_file``. Heavy
writers import their libraries on first use (matplotlib inside :mod:`geo.export.figures`,
python-pptx inside :mod:`geo.export.deck`), so listing the formats costs nothing.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.export import bibliography, deck, figures, gis, offline
from geo.html import embed
from geo.language.i18n import N_, _, number
from geo.rules.briefing import step_claims, steps

if TYPE_CHECKING:
    from pathlib import Path

    import pandas as pd

    from geo.evidence.dataset import Dataset

Writer = Callable[["Dataset", "pd.DataFrame", str], bytes]


@dataclass(frozen=True)
class Exporter:
    """How one format is named, labelled and written; ``data_file`` formats go into the pack and site."""

    name: str
    label: str  # an English message id: translate it where it is shown
    filename: str
    mime: str
    writer: Writer
    data_file: bool = False
    slow: bool = False  # made on request (figures, the offline map, the pack), not each time the list is shown

    def write(self, data: Dataset, claims: pd.DataFrame, base_url: str = "") -> bytes:
        """Write the shown claims in this format."""
        return self.writer(data, claims, base_url)


def briefing_figures(data: Dataset, table: pd.DataFrame | None = None) -> dict[str, bytes]:
    """One slide PNG and one A4 PDF per briefing step (of ``table``, the shipped briefing by default), by step number."""
    files = {}
    for step in steps(data, table):
        claims = step_claims(data, step)
        title = f"{step.number}. {step.title}"
        options = {"title": title, "caption": step.caption, "bounds": step.bounds}
        files[f"briefing/step-{step.number:02d}.png"] = figures.to_png(data, claims, **options)
        files[f"briefing/step-{step.number:02d}.pdf"] = figures.to_pdf(data, claims, **options)
    return files


def _contents(files: dict[str, bytes], intro: str) -> bytes:
    sizes = [_("{name} ({size} bytes)").format(name=name, size=number(len(content))) for name, content in files.items()]
    contents = _("Contents:")
    lines = [intro, "", contents] + [f"  {line}" for line in sizes]
    return ("\n".join(lines) + "\n").encode("utf-8")


def data_files(data: Dataset, claims: pd.DataFrame, base_url: str) -> dict[str, bytes]:
    """The shown claims in every data format (the ``data_file`` exporters), for the pack and the site."""
    return {e.filename: e.write(data, claims, base_url) for e in EXPORTERS.values() if e.data_file}


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """A zip with fixed timestamps, so the same content gives the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return buffer.getvalue()


def to_pack(data: Dataset, claims: pd.DataFrame, base_url: str = "", *, table: pd.DataFrame | None = None) -> bytes:
    """Briefing pack: offline HTML map, one PNG and PDF per briefing step, the deck, CSV, GeoPackage, bibliography.

    ``table`` is a presenter's own briefing (:mod:`geo.rules.briefing_file`); the shipped one by default.
    """
    files = {"map.html": offline.to_html(data, claims, base_url)}
    files.update(briefing_figures(data, table))
    files["briefing.pptx"] = deck.to_pptx(data, claims, base_url, table=table)
    files.update(data_files(data, claims, base_url))
    intro = "\n".join(
        (
            _("Briefing pack: {title}, dataset version {version}.").format(title=data.title, version=data.version),
            _("map.html opens in any browser with no network (web tiles are an optional layer)."),
            _("Points stand for areas (county seats, city centres), never facilities."),
        )
    )
    files = {"CONTENTS.txt": _contents(files, intro), **files}
    return zip_bytes(files)


def write_site(data: Dataset, claims: pd.DataFrame, out_dir: Path, base_url: str = "") -> dict[str, int]:
    """A static site any web host can serve: the offline map as index.html, data files, figures."""
    files = {"index.html": offline.to_html(data, claims, base_url)}
    files["embed.html"] = embed.site_embed_page(data.title).encode("utf-8")
    files.update({f"data/{name}": content for name, content in data_files(data, claims, base_url).items()})
    files["figures/map.png"] = figures.to_png(data, claims)
    files["figures/map.pdf"] = figures.to_pdf(data, claims)
    files.update({f"figures/{name}": content for name, content in briefing_figures(data).items()})
    intro = _("Static site: {title}, dataset version {version}.").format(title=data.title, version=data.version)
    files["CONTENTS.txt"] = _contents(files, intro)
    for name, content in files.items():
        path = out_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return {name: len(content) for name, content in files.items()}


EXPORTERS: dict[str, Exporter] = {
    e.name: e
    for e in (
        Exporter("csv", N_("CSV (one row per claim)"), "claims.csv", "text/csv", gis.to_csv, data_file=True),
        Exporter("geojson", N_("GeoJSON"), "claims.geojson", "application/geo+json", gis.to_geojson, data_file=True),
        Exporter(
            "gpkg", N_("GeoPackage (QGIS)"), "places-claims-sources.gpkg", "application/geopackage+sqlite3",
            gis.to_geopackage, data_file=True,
        ),
        Exporter(
            "kml", N_("KML (Google Earth)"), "places.kml", "application/vnd.google-earth.kml+xml", gis.to_kml,
            data_file=True,
        ),
        Exporter(
            "csl-json", N_("Bibliography, CSL-JSON (Zotero)"), "sources.csl.json",
            "application/vnd.citationstyles.csl+json", bibliography.to_csl_json, data_file=True,
        ),
        Exporter(
            "bibtex", N_("Bibliography, BibTeX"), "sources.bib", "application/x-bibtex", bibliography.to_bibtex,
            data_file=True,
        ),
        Exporter("html", N_("Offline HTML map"), "map.html", "text/html", offline.to_html, slow=True),
        Exporter("png", N_("Slide PNG (1920×1080)"), "map.png", "image/png", figures.to_png, slow=True),
        Exporter("pdf", N_("A4 PDF (map and sources)"), "map.pdf", "application/pdf", figures.to_pdf, slow=True),
        Exporter(
            "pptx", N_("PowerPoint deck of the briefing (16:9, sources in speaker notes)"), "briefing.pptx",
            deck.MIME, deck.to_pptx, slow=True,
        ),
        Exporter("pack", N_("Briefing pack (zip)"), "briefing-pack.zip", "application/zip", to_pack, slow=True),
    )
}  # fmt: skip
