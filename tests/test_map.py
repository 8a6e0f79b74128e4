"""Unit tests on the generated folium map, without Streamlit (streamlit-folium style)."""

from __future__ import annotations

import re

import pytest

from geo.html import esc, link
from geo.map import assets
from geo.map.elements import SourceRings
from geo.map.overlays import build_map, claim_layers
from geo.provinces import named_provinces
from geo.style import source_colours


@pytest.fixture(scope="module")
def html(data) -> str:
    return build_map(data, data.claims).get_root().render()


def rings_of(layer) -> list[dict]:
    """The rings a source layer draws (its one SourceRings element)."""
    return [r for child in layer._children.values() if isinstance(child, SourceRings) for r in child.rings]


def ring_layers(data) -> list:
    return [layer for layer in claim_layers(data, data.claims) if rings_of(layer)]


def test_one_overlay_per_source_with_places(data) -> None:
    layers = claim_layers(data, data.claims)
    standing = data.claims[(data.claims["place"] != "") & (data.claims["status"] != "retracted")]
    assert len(ring_layers(data)) == standing["source"].nunique()
    # + the province layer and the map's data that is not a layer: popup store, labels, legend
    assert len(layers) == len(ring_layers(data)) + 4
    names = [layer.layer_name for layer in ring_layers(data)]
    assert any("IPVM" in n and "Hikvision Uyghur Recognition" in n for n in names)


def test_a_retracted_claim_draws_no_ring(data) -> None:
    names = " ".join(layer.layer_name for layer in ring_layers(data))
    assert "securitycurated" not in names  # its only claim is retracted
    assert "IPVM, “Hikvision Wins Project" in names  # the claim that replaces it (Ramadan alerts, 2023)


def test_each_place_popup_is_sent_once_for_all_its_rings(data, html: str) -> None:
    moyu_rings = [r for layer in ring_layers(data) for r in rings_of(layer) if r["popup"] == "moyu"]
    assert len(moyu_rings) >= 5  # one ring per source at Moyu ...
    assert html.count("Moyu County<\\/bdi><\\/h4>") == 1  # ... and one popup for all of them (in a JS string)


def test_place_named_by_several_sources_appears_in_each_layer(data) -> None:
    chengmai = data.places.set_index("id").loc["chengmai"]
    at_chengmai = [
        [r for r in rings_of(layer) if (r["lat"], r["lon"]) == (chengmai["lat"], chengmai["lon"])]
        for layer in ring_layers(data)
    ]
    holding = [rings for rings in at_chengmai if rings]
    expected = data.claims.loc[data.claims["place"] == "chengmai", "source"].nunique()
    assert len(holding) == expected >= 4
    radii = sorted(r["radius"] for rings in holding for r in rings)
    assert len(set(radii)) == len(radii)  # concentric rings: none hides another
    assert sum(r["fill"] for rings in holding for r in rings) == 1  # only the innermost ring is filled


def test_points_are_area_rings_not_pins(data, html: str) -> None:
    assert "L.marker(" not in html.replace('L.marker(spots[i].at, {pane: "geoLabels"', "")  # labels only
    assert "L.circleMarker(" in html
    level_at = {(p.lat, p.lon): p.admin_level for p in data.places.itertuples()}
    dashes_by_level: dict[str, set] = {}
    for layer in ring_layers(data):
        for r in rings_of(layer):
            dashes_by_level.setdefault(level_at[(r["lat"], r["lon"])], set()).add(r["dash"])
    assert dashes_by_level["county"] == {"6 4"}  # county seats stand for the county
    assert dashes_by_level["region"] == {"10 5"}  # regions: the widest dashes


def test_assets_come_from_this_app_not_cdns(html: str) -> None:
    scripts = re.findall(r'<script src="([^"]+)"', html)
    styles = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert scripts == [assets.LEAFLET_JS, assets.JQUERY_JS]
    assert styles == [assets.LEAFLET_CSS]
    assert "cdn." not in html
    assert "code.jquery.com" not in html


def test_tiles_are_optional_and_off_by_default(html: str) -> None:
    assert "tile.openstreetmap.org" in html
    tile_var = re.search(r"var (tile_layer_\w+) = L\.tileLayer\(", html).group(1)
    assert f"{tile_var}.addTo(" not in html


def test_popup_has_names_precision_quote_links_and_detail(html: str) -> None:
    assert "گۇما ناھىيىسى" in html
    assert "皮山县" in html
    assert "county seat: the point stands for the whole county" in html
    assert "https://ipvm.com/reports/hikvision-xinjiang" in html
    assert "/?place=pishan" in html
    assert "Chain: Global Human Rights Defence (GHRD) → IPVM" in html


def test_province_layer_names_provinces_without_tying_them_to_twelve(data, html: str) -> None:
    named = named_provinces(data.claims)
    assert set(named["province"]) == {"CN-CQ", "CN-FJ", "CN-GS", "CN-HI", "CN-JS", "CN-SC", "CN-SD", "CN-SH", "CN-ZJ"}
    assert "one of the article’s “12 provinces”" in html
    assert html.count("#e66101") >= 2  # Hainan and Fujian: Hikvision named


def test_hostile_text_is_escaped_in_popups_and_layer_names(data) -> None:
    attack = '<img src=x onerror="alert(1)">`${alert(2)}`'
    sources = data.sources.copy()
    sources.loc[sources["id"] == "register-2023-07-31", ["title", "url"]] = [attack, "javascript:alert(3)"]
    claims = data.claims.copy()
    claims.loc[claims["source"] == "register-2023-07-31", "summary"] = attack
    claims.loc[claims["source"] == "register-2023-07-31", "source_title"] = attack
    hostile = type(data)(**{**data.__dict__, "sources": sources, "claims": claims})
    out = build_map(hostile, claims).get_root().render()
    assert "<img src=x" not in out
    assert "${alert(2)}" not in out
    assert 'href="javascript:' not in out
    assert esc(attack) in out


def test_esc_and_link() -> None:
    assert esc('<a href="x">`$') == "&lt;a href=&quot;x&quot;&gt;&#96;&#36;"
    assert link("javascript:alert(1)", "x") == "x"
    assert (
        link("https://a.org/?q=<b>", "<b>")
        == '<a href="https://a.org/?q=&lt;b&gt;" target="_blank" rel="noopener noreferrer">&lt;b&gt;</a>'
    )


def test_source_colours_are_distinct_for_every_source_on_the_map(data) -> None:
    from geo.style import UNMAPPED_SOURCE_COLOUR

    colours = source_colours(data.sources, data.claims)
    drawn = {layer.layer_name for layer in ring_layers(data)}
    on_map = [sid for sid, colour in colours.items() if colour != UNMAPPED_SOURCE_COLOUR]
    assert len(on_map) == len(drawn)
    assert len({colours[s] for s in on_map}) == len(on_map)
    assert colours["ohchr-iccpr-1966"] == UNMAPPED_SOURCE_COLOUR  # its claims name no place
