"""One drawing rule for every output: each draws exactly the drawable claims, and a retracted claim cites nothing.

The rule lives in :mod:`geo.rules.drawing`. These tests read what each output really contains
(the map the app sends, the offline HTML, the figures' artists, KML, GeoPackage, CSV,
bibliographies, the PDF's text) and compare it with the rule, so a writer that forgets
the rule fails here, whichever writer it is.
"""

from __future__ import annotations

import io
import json
import zipfile

import pandas as pd
import pyogrio
import pytest

from geo import style
from geo.export import bibliography, figures, gis, offline
from geo.rules import drawing

from .mapdata import claim_layers_calls, handed_messages, rings

RETRACTED_ONLY_SOURCE = "securitycurated-2023-11-14"  # its one claim, at Fuzhou, was retracted in 0.2.0


def drawn_pairs(data, claims) -> set[tuple[str, str]]:
    """(place, source) of every ring the rule draws for ``claims``."""
    shown = drawing.drawable(claims)
    return set(zip(shown["place"], shown["source"], strict=True))


def mentions(text: str, source: pd.Series) -> bool:
    """Whether ``text`` names the source: its id, its title (escaped or not) or its publisher."""
    from geo.html.escape import esc

    needles = {source["id"], source["title"], esc(source["title"]), source["publisher"]}
    return any(needle and needle in text for needle in needles)


@pytest.fixture(scope="module")
def tombstoned(data) -> pd.Series:
    """The source whose every claim is retracted (the test needs one, or it proves nothing)."""
    by_source = data.claims.groupby("source")["status"].agg(lambda s: set(s) == {"retracted"})
    only_retracted = sorted(by_source[by_source].index)
    assert only_retracted == [RETRACTED_ONLY_SOURCE]
    return data.sources.set_index("id", drop=False).loc[RETRACTED_ONLY_SOURCE]


def test_the_rule_keeps_standing_claims_at_a_place(data) -> None:
    shown = drawing.drawable(data.claims)
    assert "retracted" not in set(shown["status"])
    assert "" not in set(shown["place"])
    assert len(shown) == ((data.claims["status"] != "retracted") & (data.claims["place"] != "")).sum()
    assert "fujian-minjiang-securitycurated-2023" not in set(shown["id"])


def test_the_map_the_app_sends_draws_the_drawable_set(data, tombstoned) -> None:
    from .test_app import run

    at = run()
    sent = json.loads(at.get("component_instance")[0].proto.json_args)["script"]
    page = " ".join(h.proto.body for h in at.get("html"))
    [handed] = handed_messages(page)
    assert rings(handed["view"]) == drawn_pairs(data, data.claims)  # the view the page hands the map
    [(model, options)] = claim_layers_calls(sent)
    assert rings(options["initial"]["view"]) == drawn_pairs(data, data.claims)  # what it draws before the page runs
    assert {s["id"] for s in model["sources"]} == {s for _p, s in drawn_pairs(data, data.claims)}
    assert not mentions(sent, tombstoned)
    assert not mentions(page, tombstoned)


def test_the_offline_map_draws_the_drawable_set(data, tombstoned) -> None:
    html = offline.to_html(data, data.claims).decode("utf-8")
    [(_model, options)] = claim_layers_calls(html)
    assert rings(options["initial"]["view"]) == drawn_pairs(data, data.claims)
    assert not mentions(html, tombstoned)


def test_the_figures_draw_the_drawable_set_and_cite_no_tombstone(data, tombstoned, default_slide) -> None:
    rings = {
        tuple(artist.get_gid().split(" ")[1:])
        for ax in default_slide.axes
        for artist in ax.collections
        if (artist.get_gid() or "").startswith(figures.RING_GID + " ")
    }
    countries = dict(zip(data.places["id"], data.places["country"], strict=True))
    in_frame = {(p, s) for p, s in drawn_pairs(data, data.claims) if countries[p] == drawing.FOCUS_COUNTRY}
    assert rings == in_frame  # places abroad (Santa Clara, Bethlehem) are named under the map, not drawn
    notes = {n.source_id for n in figures.footnotes(data, data.claims)}
    assert tombstoned["id"] not in notes


@pytest.mark.parametrize("view", ["tombstone place", pytest.param("default", marks=pytest.mark.slow)])
def test_the_pdf_cites_no_tombstone(data, tombstoned, view: str) -> None:
    """The A4 PDF's text; the quick loop's view is the retracted claim's place (it and the claim that stands there)."""
    from pypdf import PdfReader

    claims = data.claims
    if view != "default":
        places = set(claims.loc[claims["source"] == tombstoned["id"], "place"])
        claims = claims[claims["place"].isin(places)]
        assert set(claims["source"]) > {tombstoned["id"]}  # the tombstone, and a source that stands at its place
    pdf = figures.to_pdf(data, claims)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert not mentions(text, tombstoned)


def test_kml_places_are_the_drawn_places(data, tombstoned, tmp_path) -> None:
    path = tmp_path / "places.kml"
    path.write_bytes(gis.to_kml(data, data.claims))
    placemarks = pyogrio.read_dataframe(path)
    place_ids = placemarks["id2"] if "id2" in placemarks else placemarks["id"]  # GDAL's KML id is the placemark's
    assert set(place_ids) == {p for p, _s in drawn_pairs(data, data.claims)}
    assert not mentions(path.read_text(encoding="utf-8"), tombstoned)


def test_tables_keep_the_tombstone_as_its_own_row_only(data, tombstoned, tmp_path) -> None:
    """CSV, GeoJSON and the GeoPackage's claims layer keep the retracted claim's row; nothing else names its source."""
    tombstone = set(data.claims.loc[data.claims["source"] == tombstoned["id"], "id"])
    csv = pd.read_csv(io.BytesIO(gis.to_csv(data, data.claims)), dtype=str, keep_default_na=False)
    naming = csv[csv.apply(lambda row: mentions(" ".join(row), tombstoned), axis=1)]
    assert set(naming["id"]) == tombstone
    assert set(naming["status"]) == {"retracted"}
    path = tmp_path / "export.gpkg"
    path.write_bytes(gis.to_geopackage(data, data.claims))
    for layer, _geometry in pyogrio.list_layers(path):
        frame = pyogrio.read_dataframe(path, layer=layer, read_geometry=False)
        rows = frame[frame.apply(lambda row: mentions(" ".join(map(str, row)), tombstoned), axis=1)]
        if layer == "claims":
            assert set(rows["id"]) == tombstone
        else:
            assert rows.empty, layer


def test_bibliographies_cite_no_tombstone(data, tombstoned) -> None:
    for write in (bibliography.to_csl_json, bibliography.to_bibtex):
        assert not mentions(write(data, data.claims).decode("utf-8"), tombstoned), write.__name__


def test_the_briefing_pack_cites_no_tombstone(tombstoned, pack) -> None:
    with zipfile.ZipFile(io.BytesIO(pack)) as archive:
        for name in archive.namelist():
            if name.endswith((".kml", ".bib", ".json", ".html", ".txt")):
                assert not mentions(archive.read(name).decode("utf-8"), tombstoned), name


def test_a_new_basemap_layer_is_drawn_by_every_output(monkeypatch) -> None:
    """docs/developing.md's recipe, literally: one entry in ``geo.rules.drawing.BASEMAP``; the web map, legend and figures follow."""
    from geo.evidence.dataset import load_dataset
    from geo.html.legend import legend_html
    from geo.map.assembly import app_map
    from geo.map.basemap import basemap_layers

    tibet = drawing.BasemapLayer(
        "tibet", lambda d: d.provinces[d.provinces["iso_3166_2"] == "CN-XZ"], drawing.AreaStyle(style.MUTED, 1.5),
        decimals=2, legend="Tibet's outline (a test layer)",
    )  # fmt: skip
    monkeypatch.setattr(drawing, "BASEMAP", (*drawing.BASEMAP, tibet))
    data = load_dataset()  # a fresh dataset: prepared shapes are cached per dataset
    published = basemap_layers(data)  # what the app publishes as files
    assert list(published) == [layer.name for layer in drawing.BASEMAP]
    links = {name: f"/app/static/basemap/{name}.json" for name in published}
    html = app_map(data, links, drawing.HOME.center, drawing.HOME.zoom).get_root().render()
    assert '"url":"/app/static/basemap/tibet.json"' in html
    assert '"pane":"basemap-tibet"' in html
    assert "Tibet&#x27;s outline (a test layer)" in legend_html(data, data.claims)
    no_claims = data.claims.iloc[0:0]  # the basemap alone: rings and shading would add seconds, not layers
    fig = figures.slide(data, no_claims, title="t", bounds=(78, 26, 100, 37))
    gids = {c.get_gid() for ax in fig.axes for c in ax.collections}
    figures._pyplot().close(fig)
    assert {f"{figures.BASEMAP_GID} {layer.name}" for layer in drawing.BASEMAP} <= gids
