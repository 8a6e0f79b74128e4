"""The export formats by name: file extension, media type and the function that writes it.

One table serves the CLI (``python -m geo export --format NAME``) and the dashboard's
download buttons, so both produce the same bytes for the same filters.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.briefing import step_claims, steps

if TYPE_CHECKING:
    from pathlib import Path

    import pandas as pd

    from geo.load import Dataset


@dataclass(frozen=True)
class Exporter:
    """How one format is named, labelled and written.

    ``target`` names the writer as ``module:function`` and is imported on first use, so the
    app does not load matplotlib or GDAL writers until someone asks for a file.
    """

    name: str
    label: str
    filename: str
    mime: str
    target: str

    def write(self, data: Dataset, claims: pd.DataFrame, base_url: str = "") -> bytes:
        """Write the shown claims in this format."""
        module, function = self.target.split(":")
        return getattr(importlib.import_module(module), function)(data, claims, base_url)


def briefing_figures(data: Dataset) -> dict[str, bytes]:
    """One slide PNG and one A4 PDF per briefing step, named by step number."""
    from geo import figures

    files = {}
    for step in steps(data):
        claims = step_claims(data, step)
        title = f"{step.number}. {step.title}"
        options = {"title": title, "caption": step.caption, "bounds": step.bounds}
        files[f"briefing/step-{step.number:02d}.png"] = figures.to_png(data, claims, **options)
        files[f"briefing/step-{step.number:02d}.pdf"] = figures.to_pdf(data, claims, **options)
    return files


def _contents(files: dict[str, bytes], intro: str) -> bytes:
    lines = [intro, "", "Contents:"] + [f"  {name} ({len(content):,} bytes)" for name, content in files.items()]
    return ("\n".join(lines) + "\n").encode("utf-8")


def data_files(data: Dataset, claims: pd.DataFrame, base_url: str) -> dict[str, bytes]:
    """The shown claims in every data format, for the pack and the static site."""
    from geo import export

    return {
        "claims.csv": export.to_csv(data, claims, base_url),
        "claims.geojson": export.to_geojson(data, claims, base_url),
        "places-claims-sources.gpkg": export.to_geopackage(data, claims, base_url),
        "places.kml": export.to_kml(data, claims, base_url),
        "sources.csl.json": export.to_csl_json(data, claims, base_url),
        "sources.bib": export.to_bibtex(data, claims, base_url),
    }


def to_pack(data: Dataset, claims: pd.DataFrame, base_url: str = "") -> bytes:
    """Briefing pack: offline HTML map, one PNG and PDF per briefing step, CSV, GeoPackage, bibliography."""
    from geo import export, offline

    files = {"map.html": offline.to_html(data, claims, base_url)}
    files.update(briefing_figures(data))
    files.update(data_files(data, claims, base_url))
    intro = (
        f"Briefing pack: {data.title}, dataset version {data.version}.\n"
        "map.html opens in any browser with no network (web tiles are an optional layer).\n"
        "Points stand for areas (county seats, city centres), never facilities."
    )
    files = {"CONTENTS.txt": _contents(files, intro), **files}
    return export.zip_bytes(files)


def write_site(data: Dataset, claims: pd.DataFrame, out_dir: Path, base_url: str = "") -> dict[str, int]:
    """A static site any web host can serve: the offline map as index.html, data files, figures."""
    from geo import figures, offline

    files = {"index.html": offline.to_html(data, claims, base_url)}
    files.update({f"data/{name}": content for name, content in data_files(data, claims, base_url).items()})
    files["figures/map.png"] = figures.to_png(data, claims)
    files["figures/map.pdf"] = figures.to_pdf(data, claims)
    files.update({f"figures/{name}": content for name, content in briefing_figures(data).items()})
    files["CONTENTS.txt"] = _contents(files, f"Static site: {data.title}, dataset version {data.version}.")
    for name, content in files.items():
        path = out_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return {name: len(content) for name, content in files.items()}


EXPORTERS: dict[str, Exporter] = {
    e.name: e
    for e in (
        Exporter("csv", "CSV (one row per claim)", "claims.csv", "text/csv", "geo.export:to_csv"),
        Exporter("geojson", "GeoJSON", "claims.geojson", "application/geo+json", "geo.export:to_geojson"),
        Exporter(
            "gpkg",
            "GeoPackage (QGIS)",
            "places-claims-sources.gpkg",
            "application/geopackage+sqlite3",
            "geo.export:to_geopackage",
        ),
        Exporter(
            "kml", "KML (Google Earth)", "places.kml", "application/vnd.google-earth.kml+xml", "geo.export:to_kml"
        ),
        Exporter(
            "csl-json",
            "Bibliography, CSL-JSON (Zotero)",
            "sources.csl.json",
            "application/vnd.citationstyles.csl+json",
            "geo.export:to_csl_json",
        ),
        Exporter("bibtex", "Bibliography, BibTeX", "sources.bib", "application/x-bibtex", "geo.export:to_bibtex"),
        Exporter("html", "Offline HTML map", "map.html", "text/html", "geo.offline:to_html"),
        Exporter("png", "Slide PNG (1920×1080)", "map.png", "image/png", "geo.figures:to_png"),
        Exporter("pdf", "A4 PDF (map and sources)", "map.pdf", "application/pdf", "geo.figures:to_pdf"),
        Exporter("pack", "Briefing pack (zip)", "briefing-pack.zip", "application/zip", "geo.formats:to_pack"),
    )
}
