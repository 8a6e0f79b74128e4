"""Exports: read back by independent readers, filtered like the view, byte-identical from CLI and app."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

import numpy as np
import pyogrio
import pytest
from PIL import Image

from geo.export import bibliography, figures, formats, gis, offline
from geo.language import i18n
from geo.rules.citations import footnotes
from geo.rules.filters import Filters, apply_filters

from .conftest import PROJECT, stand_in_figures
from .export_snapshot import BASE_URL

UYGHUR = "گۇما ناھىيىسى"
CHINESE = "皮山县"


@pytest.fixture(scope="module")
def written(data, tmp_path_factory):
    """Each GIS export of the full dataset, written to disk once."""
    folder = tmp_path_factory.mktemp("exports")
    paths = {}
    for name, writer in (
        ("claims.geojson", gis.to_geojson),
        ("export.gpkg", gis.to_geopackage),
        ("places.kml", gis.to_kml),
    ):
        paths[name] = folder / name
        paths[name].write_bytes(writer(data, data.claims, "https://example.org/app"))
    return paths


CLI_FILTERS = ["--status", "corrected,partial", "--base-url", "http://h"]


def cli_view(data):
    """The claims the app shows for :data:`CLI_FILTERS`."""
    return apply_filters(data.claims, data.places, Filters(statuses=("corrected", "partial")))


@pytest.fixture(scope="module")
def app_export(data):
    """``app_export(fmt)``: what the app's download gives for the CLI's filters, each format made once for the module."""
    made: dict[str, bytes] = {}

    def write(fmt: str) -> bytes:
        if fmt not in made:
            made[fmt] = formats.EXPORTERS[fmt].write(data, cli_view(data), "http://h")
        return made[fmt]

    return write


def ogrinfo(*args: str) -> str:
    if shutil.which("ogrinfo") is None:
        reason = "GDAL's ogrinfo not found (apt-get install gdal-bin)"
        if os.environ.get("CI"):
            pytest.fail(f"required in CI: {reason}")
        pytest.skip(reason)
    out = subprocess.run(["ogrinfo", "-ro", "-al", *args], capture_output=True, text=True, check=True)
    return out.stdout


def test_geojson_read_back(data, written) -> None:
    frame = pyogrio.read_dataframe(written["claims.geojson"])
    assert len(frame) == len(data.claims)
    assert set(gis.CLAIM_COLUMNS) - {"place_lat", "place_lon", "sourced_as_one_of_12"} <= set(frame.columns)
    pishan = frame[frame["place"] == "pishan"].iloc[0]
    assert pishan["place_name_ug_arabic"].encode() == UYGHUR.encode()
    assert pishan["place_name_zh"].encode() == CHINESE.encode()
    text = ogrinfo(str(written["claims.geojson"]))
    assert f"Feature Count: {len(data.claims)}" in text
    assert UYGHUR in text
    assert CHINESE in text


def test_geopackage_layers_read_back(data, written) -> None:
    path = written["export.gpkg"]
    layers = dict(pyogrio.list_layers(path))
    assert set(layers) == {"places", "claims", "sources", "provinces"}
    assert layers["sources"] is None  # a plain table
    places = pyogrio.read_dataframe(path, layer="places")
    claims = pyogrio.read_dataframe(path, layer="claims")
    sources = pyogrio.read_dataframe(path, layer="sources", read_geometry=False)
    provinces = pyogrio.read_dataframe(path, layer="provinces")
    assert len(claims) == len(data.claims)
    assert len(places) == data.claims.loc[data.claims["place"] != "", "place"].nunique()
    standing = data.claims[data.claims["status"] != "retracted"]
    cited = set(standing["source"]) | set(standing["relayed_from"]) | set(standing["quote_via"])  # says, relays, quoted
    assert set(sources["id"]) == cited - {""}
    assert len(provinces) == 33
    assert not provinces["tied_to_reported_12"].any()
    row = places[places["id"] == "pishan"].iloc[0]
    assert row["name_ug_arabic"].encode() == UYGHUR.encode()
    assert row["name_zh"].encode() == CHINESE.encode()
    text = ogrinfo(str(path), "places")
    assert f"Feature Count: {len(places)}" in text
    assert UYGHUR in text
    for field in ("name_ug_arabic", "precision_label", "view_url", "sources"):
        assert f"{field}: String" in text


def test_kml_carries_names_and_sources(data, written) -> None:
    frame = pyogrio.read_dataframe(written["places.kml"])
    assert len(frame) == data.claims.loc[data.claims["place"] != "", "place"].nunique()
    description = "Description" if "Description" in frame.columns else "description"  # KML or LIBKML driver
    pishan = frame[frame["Name"] == "Pishan County"].iloc[0]
    assert UYGHUR in pishan[description]
    assert "ipvm.com/reports/hikvision-xinjiang" in pishan[description]
    text = ogrinfo(str(written["places.kml"]))
    assert "Pishan County" in text


def test_kml_description_escapes_hostile_text(data) -> None:
    claims = data.claims.copy()
    claims.loc[claims["place"] == "pishan", "summary"] = "<script>alert(1)</script>"
    claims.loc[claims["place"] == "pishan", "source_url"] = "javascript:alert(2)"
    raw = gis.to_kml(data, claims).decode()
    assert "<script>" not in raw
    assert "&lt;script&gt;" not in raw.replace("&amp;lt;script&amp;gt;", "")  # double-escaped: shown literally
    assert "javascript:" not in raw  # no link, and no text, in any placemark


def test_csv_rows_link_back_and_keep_scripts(data) -> None:
    shown = apply_filters(data.claims, data.places, Filters(statuses=("corrected",)))
    raw = gis.to_csv(data, shown, "https://example.org/app")
    frame = __import__("pandas").read_csv(io.BytesIO(raw), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert len(frame) == len(shown)
    assert set(frame["status"]) == {"corrected"}
    row = frame[frame["place"] == "xuar"].iloc[0]
    assert row["view_url"] == "https://example.org/app/?place=xuar"
    assert row["place_name_ug_arabic"] == "شىنجاڭ ئۇيغۇر ئاپتونوم رايونى"
    assert {"source_title", "source_publisher", "source_url", "place_precision", "place_lat", "place_lon"} <= set(
        frame.columns
    )


def test_exports_follow_the_filters(data) -> None:
    shown = apply_filters(data.claims, data.places, Filters(sources=("register-2023-07-31",)))
    items = json.loads(bibliography.to_csl_json(data, shown))
    assert [i["id"] for i in items] == ["ipvm-2023-07-chengmai", "register-2023-07-31", data.name]  # + the dataset
    assert items[-1]["version"] == data.version
    geo = json.loads(gis.to_geojson(data, shown))
    assert {f["properties"]["source"] for f in geo["features"]} == {"register-2023-07-31"}


def test_bibliography_reads_in_csl_and_bibtex_readers(data) -> None:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = json.loads(bibliography.to_csl_json(data, data.claims))
    styled = CitationStylesBibliography(
        CitationStylesStyle("harvard-cite-them-right", validate=False), CiteProcJSON(items), formatter.plain
    )
    for item in items:
        styled.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in styled.bibliography()]
    assert len(rendered) == len(items)
    assert any("Hikvision, Nvidia named in contract" in entry and "The Register" in entry for entry in rendered)

    import bibtexparser

    library = bibtexparser.loads(bibliography.to_bibtex(data, data.claims).decode())
    assert len(library.entries) == len(items)
    register = next(e for e in library.entries if e["ID"] == "register-2023-07-31")
    assert register["url"] == "https://www.theregister.com/2023/07/31/beijing_hikvision_nvidia_uyghur/"


def test_bibtex_escapes_latex_specials() -> None:
    assert bibliography.bibtex_escape("A & B_1 {x} 50%") == r"A \& B\_1 \{x\} 50\%"


PISHAN_BOUNDS = (76.0, 35.5, 81.0, 39.5)


@pytest.fixture(scope="module")
def pishan_png(data) -> tuple:
    """The claims a search for Pishan shows, and their slide PNG around Pishan, made once for the module."""
    shown = apply_filters(data.claims, data.places, Filters(query="Pishan"))
    return shown, figures.to_png(data, shown, title="t", bounds=PISHAN_BOUNDS)


def test_png_slide_has_pixels_where_the_points_are(data, pishan_png) -> None:
    shown, png = pishan_png
    with_points = Image.open(io.BytesIO(png)).convert("RGB")
    blank = figures.to_png(data, shown.iloc[0:0], title="t", bounds=PISHAN_BOUNDS)
    without = Image.open(io.BytesIO(blank)).convert("RGB")
    assert with_points.size == (1920, 1080)
    # the map occupies the left 58 %: the rings and label must change pixels there
    box = (0, 100, int(1920 * 0.58), 1000)
    a, b = np.asarray(with_points.crop(box)), np.asarray(without.crop(box))
    assert int((a != b).any(axis=2).sum()) > 200
    assert len(with_points.crop(box).getcolors(maxcolors=1 << 24)) > 10  # not blank


@pytest.fixture(scope="module")
def counties_pdf(data) -> tuple:
    """The county-level claims and their A4 PDF, made once for the module."""
    shown = apply_filters(data.claims, data.places, Filters(levels=("county",)))
    return shown, figures.to_pdf(data, shown, title="Counties")


def test_pdf_has_two_pages_and_footnotes_list_the_sources(data, counties_pdf) -> None:
    from pypdf import PdfReader

    shown, pdf = counties_pdf
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    text = " ".join(page.extract_text() for page in reader.pages)
    flat = re.sub(r"\s+", "", text)
    standing = shown[shown["status"] != "retracted"]
    expected = data.sources[data.sources["id"].isin(set(standing["source"]))]  # sources.csv order, as numbered
    assert [n.source_id for n in footnotes(data, shown)] == list(expected["id"])
    for number, source in enumerate(expected.to_dict("records"), start=1):
        assert f"[{number}] " in text
        assert re.sub(r"\s+", "", source["title"])[:30] in flat, source["id"]  # each source's own title, in full
    assert "Natural Earth" in text


def test_figures_are_deterministic(data, pishan_png, counties_pdf) -> None:
    """The same claims drawn again give the same bytes (each first made for another test)."""
    shown, png = pishan_png
    assert figures.to_png(data, shown, title="t", bounds=PISHAN_BOUNDS) == png
    shown, pdf = counties_pdf
    assert figures.to_pdf(data, shown, title="Counties") == pdf


def test_pack_contains_what_it_lists(data, pack) -> None:
    archive = zipfile.ZipFile(io.BytesIO(pack))
    names = set(archive.namelist())
    listed = {
        line.split(" (")[0].strip()
        for line in archive.read("CONTENTS.txt").decode().splitlines()
        if line.startswith("  ")
    }
    assert listed == names - {"CONTENTS.txt"}
    steps = len(data.briefing)
    assert {f"briefing/step-{n:02d}.png" for n in range(1, steps + 1)} <= names
    assert {f"briefing/step-{n:02d}.pdf" for n in range(1, steps + 1)} <= names
    assert {"map.html", "claims.csv", "places-claims-sources.gpkg", "sources.csl.json", "sources.bib"} <= names


@pytest.mark.slow
@pytest.mark.xdist_group("exports")
def test_static_site(data, exports) -> None:
    site = exports.cli("site")  # the CLI's, shared with the export snapshot
    assert (site / "index.html").read_bytes() == offline.to_html(data, data.claims, BASE_URL)
    assert (site / "data" / "claims.csv").exists()
    assert (site / "figures" / "map.png").stat().st_size > 50_000
    listed = (site / "CONTENTS.txt").read_text(encoding="utf-8")
    assert all(path.name in listed for path in site.rglob("*") if path.is_file() and path.name != "CONTENTS.txt")


#: Formats whose comparison runs as slow: the figures (the quick loop checks their bytes repeat in
#: test_figures_are_deterministic). The pack is not made twice with real figures here: the one below,
#: with stand-in figures, proves the CLI assembles the app's pack, and the figures' own comparisons
#: (png, pdf, pptx) prove the CLI draws the app's figures.
SLOW_FORMATS = {"png", "pdf", "pptx"}


@pytest.mark.parametrize(
    "fmt",
    [pytest.param(f, marks=pytest.mark.slow) if f in SLOW_FORMATS else f for f in formats.EXPORTERS if f != "pack"],
)  # the CLI's path is the same for every format: the quick loop checks it with the others
def test_cli_writes_the_same_bytes_as_the_app_function(tmp_path, app_export, fmt: str) -> None:
    from geo.__main__ import main

    out = tmp_path / "out"
    assert main(["export", "--format", fmt, "--out", str(out), *CLI_FILTERS]) == 0
    assert out.read_bytes() == app_export(fmt)


def test_cli_writes_the_same_pack_as_the_app_function_with_stand_in_figures(data, tmp_path) -> None:
    from geo.__main__ import main

    out = tmp_path / "out"
    with stand_in_figures():  # each names the step's claims and layout, so a step drawn otherwise differs
        assert main(["export", "--format", "pack", "--out", str(out), *CLI_FILTERS]) == 0
        assert out.read_bytes() == formats.EXPORTERS["pack"].write(data, cli_view(data), "http://h")


def test_exports_follow_the_chosen_language(data, tmp_path) -> None:
    from geo.__main__ import main

    out = tmp_path / "places.kml"
    assert main(["export", "--format", "kml", "--out", str(out), "--lang", "zh", "--q", "Guma"]) == 0
    names = [n.text for n in ET.parse(out).iter("{http://www.opengis.net/kml/2.2}name")]
    assert "皮山县" in names
    assert "县城：该点代表整个县" in out.read_text(encoding="utf-8")  # the precision, in Chinese
    html = tmp_path / "map.html"
    assert main(["export", "--format", "html", "--out", str(html), "--lang", "ug"]) == 0
    page = html.read_text(encoding="utf-8")
    assert '<html lang="ug-Arab">' in page
    assert "گۇما ناھىيىسى" in page
    assert i18n.current() == "en"  # the CLI's language does not leak into what runs next


def test_the_cli_runs_as_a_program(data, tmp_path) -> None:
    out = tmp_path / "claims.csv"
    subprocess.run(
        [sys.executable, "-m", "geo", "export", "--format", "csv", "--out", str(out), *CLI_FILTERS],
        cwd=PROJECT, check=True, capture_output=True,
    )  # fmt: skip
    assert out.read_bytes() == gis.to_csv(data, cli_view(data), "http://h")


@pytest.mark.slow
def test_the_offline_map_is_the_same_bytes_whatever_the_hash_seed(tmp_path) -> None:
    """Set and dict order must not leak into a file: two processes with other string hashes write the same map."""
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"map-{seed}.html"
        subprocess.run(
            [sys.executable, "-m", "geo", "export", "--format", "html", "--out", str(out)],
            cwd=PROJECT, check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed},
        )  # fmt: skip
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_pack_and_site_data_files_are_the_data_formats_of_the_registry(data) -> None:
    files = formats.data_files(data, data.claims, "")
    assert list(files) == [e.filename for e in formats.EXPORTERS.values() if e.data_file]
    assert list(files) == [
        "claims.csv", "claims.geojson", "places-claims-sources.gpkg", "places.kml", "sources.csl.json", "sources.bib",
    ]  # fmt: skip


def test_offline_html_inlines_every_asset(data) -> None:
    html = offline.to_html(data, data.claims).decode()
    assert "<script src=" not in html
    assert '<link rel="stylesheet"' not in html
    assert "/app/static" not in html
    assert "?place=" not in html  # no app to link back to without a base URL
