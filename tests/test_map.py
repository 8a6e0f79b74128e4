"""Unit tests on the generated folium map, without Streamlit (streamlit-folium style)."""

from __future__ import annotations

import json
import re

import pytest

from geo import frontend, style
from geo.html.escape import esc, link
from geo.map import assets
from geo.map.assembly import app_map, standalone_map
from geo.map.handoff import view_script
from geo.map.overlays import claim_model, claim_view
from geo.rules.drawing import BASEMAP, HOME, RING, source_colours
from geo.rules.provinces import named_provinces

from .mapdata import claim_layers_calls, handed_messages

#: Published basemap files, as the app passes them (the map only carries their addresses).
LINKS = {layer.name: f"/app/static/basemap/{layer.name}-0.json" for layer in BASEMAP}


@pytest.fixture(scope="module")
def html(data) -> str:
    """The map the app sends (every claim; the filters' view is handed to it by the page), rendered."""
    return app_map(data, LINKS, HOME.center, HOME.zoom).get_root().render()


@pytest.fixture(scope="module")
def view(data) -> dict:
    return claim_view(data, data.claims)


def model_of(data, claims=None) -> dict:
    """The claim model as the browser parses it."""
    return json.loads(claim_model(data, data.claims if claims is None else claims).json)


def rings_by_source(view: dict) -> dict[str, list[list]]:
    out: dict[str, list[list]] = {}
    for ring in view["rings"]:
        out.setdefault(ring[1], []).append(ring)
    return out


def test_one_overlay_per_source_with_places(data, view) -> None:
    standing = data.claims[(data.claims["place"] != "") & (data.claims["status"] != "retracted")]
    model = model_of(data)
    assert [s["id"] for s in model["sources"]] == [s for s in data.sources["id"] if s in set(standing["source"])]
    assert set(rings_by_source(view)) == set(standing["source"])
    names = [s["name"] for s in model["sources"]]
    assert any("IPVM" in n and "Hikvision Uyghur Recognition" in n for n in names)


def test_a_retracted_claim_draws_no_ring(data, view) -> None:
    retracted = data.claims[data.claims["status"] == "retracted"]
    assert list(retracted["source"]) == ["securitycurated-2023-11-14"]  # the one tombstone (at Fuzhou)
    names = " ".join(s["name"] for s in model_of(data)["sources"])
    assert "securitycurated" not in names  # its only claim is retracted
    assert "IPVM, “Hikvision Wins Project" in names  # the claim that replaces it (Ramadan alerts, 2023)
    assert set(retracted["source"]).isdisjoint(rings_by_source(view))
    fuzhou = {ring[1] for ring in view["rings"] if ring[0] == "fuzhou_minjiang"}
    assert fuzhou == {"ipvm-2023-11-13-fasting"}  # the place keeps the standing claim's ring only


def test_each_place_popup_is_sent_once_for_all_its_rings(data, view) -> None:
    model = model_of(data)
    moyu_rings = [r for r in view["rings"] if r[0] == "moyu"]
    assert len(moyu_rings) >= 5  # one ring per source at Moyu ...
    assert model["places"]["moyu"]["start"].count("Moyu County</bdi></h4>") == 1  # ... one popup, built from parts
    groups = view["popups"]["moyu"]["groups"]
    assert [g[0] for g in groups] == [r[1] for r in moyu_rings]  # grouped by source, in ring order
    assert all(cid in model["claims"] for _sid, cids in groups for cid in cids)


def test_place_named_by_several_sources_nests_one_ring_per_source(data, view) -> None:
    at_chengmai = [r for r in view["rings"] if r[0] == "chengmai"]
    expected = data.claims.loc[data.claims["place"] == "chengmai", "source"].nunique()
    assert len(at_chengmai) == expected >= 4
    indexes = [r[2] for r in at_chengmai]
    assert indexes == list(range(expected))  # concentric: RING.radius_of(index), none hides another
    assert model_of(data)["style"]["ring"] == RING.browser()  # the browser draws with the one style record
    order = list(data.sources["id"])
    assert [r[1] for r in at_chengmai] == sorted((r[1] for r in at_chengmai), key=order.index)


def test_a_view_of_fewer_claims_renests_the_rings(data) -> None:
    one_source = data.claims[data.claims["source"] == "register-2023-07-31"]
    rings = claim_view(data, one_source)["rings"]
    assert {r[2] for r in rings} == {0}  # alone at its places: the innermost, filled ring
    assert {r[0] for r in rings} == {"chengmai", "santa_clara"}


def test_points_are_area_rings_not_pins(data, html: str) -> None:
    pins = [line for line in html.splitlines() if "L.marker(" in line]
    assert len(pins) == 2  # the label layer's (non-interactive, in the labels' pane) and a measure's square badge
    assert "L.marker(spot.at, {pane: options.labelPane, interactive: false" in pins[0]
    assert "L.marker([m.lat, m.lon], {icon: icon" in pins[1]  # a divIcon square beside a place, never a pin for it
    assert 'className: "geo-measure"' in html
    # each ring is a circle marker of the model's ring style: tests/js/claim-layers.test.js draws a model
    levels = dict(zip(data.places["id"], data.places["admin_level"], strict=True))
    dashes_by_level: dict[str, set] = {}
    for pid, place in model_of(data)["places"].items():
        dashes_by_level.setdefault(levels[pid], set()).add(place["dash"])
    assert dashes_by_level["county"] == {"6 4"}  # county seats stand for the county
    assert dashes_by_level["region"] == {"10 5"}  # regions: the widest dashes


def test_a_filter_change_sends_a_view_not_the_map(data) -> None:
    narrow = data.claims[data.claims["place"] == "pishan"]
    script = view_script(json.dumps(claim_view(data, narrow)), "home", work=True, report_view=True)
    assert len(script) < 12_000  # the whole model is many times that, and is not re-sent
    assert "<" not in script.removeprefix("<script>").removesuffix("</script>")  # survives the page's sanitiser
    [message] = handed_messages(script)
    assert message["fit"] == "home"
    assert message["work"] is True  # leaving the page would lose the visitor's work: the page asks first
    assert message["viewNames"] == ["lat", "lng", "zoom"]  # the explorer's map reports its view under these names
    assert {r[0] for r in message["view"]["rings"]} == {"pishan"}
    [briefing] = handed_messages(view_script(json.dumps(claim_view(data, narrow))))
    assert briefing["viewNames"] is None  # a briefing step frames its own map: no view is reported
    assert briefing["work"] is False


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
    assert "geo.addClaimLayers(map_" in html
    assert f", {tile_var}, JSON.parse(" in html  # handed to the claim layers, which only list it in the control
    assert not re.search(r"\btiles\.addTo\(", frontend.text("claim-layers.js"))


def test_popup_has_names_precision_quote_links_and_detail(html: str) -> None:
    assert "گۇما ناھىيىسى" in html
    assert "皮山县" in html
    assert "county seat: the point stands for the whole county" in html
    assert "https://ipvm.com/reports/hikvision-xinjiang" in html
    assert "/?place=pishan" in html
    assert "Chain: Global Human Rights Defence (GHRD) → IPVM" in html


def test_province_layer_names_provinces_without_tying_them_to_twelve(data, html: str, view) -> None:
    named = named_provinces(data.claims)
    assert set(named["province"]) == {"CN-CQ", "CN-FJ", "CN-GS", "CN-HI", "CN-JS", "CN-SC", "CN-SD", "CN-SH", "CN-ZJ"}
    not_named = "Not named by any source as one of the article’s “12 provinces”."
    [(model, _options)] = claim_layers_calls(html)
    starts = [f["properties"]["start"] for f in model["provinces"]["features"]]
    assert len(starts) == len(set(named["province"])) == sum(not_named in start for start in starts)
    assert set(view["provinces"]) == set(named["province"])
    orange = {code for code, p in view["provinces"].items() if p["colour"] == style.HIKVISION_PROVINCE}
    assert {"CN-HI", "CN-FJ"} <= orange  # Hikvision named


def test_hostile_text_is_escaped_in_popups_and_layer_names(data) -> None:
    attack = '<img src=x onerror="alert(1)">`${alert(2)}`'
    sources = data.sources.copy()
    sources.loc[sources["id"] == "register-2023-07-31", ["title", "url"]] = [attack, "javascript:alert(3)"]
    claims = data.claims.copy()
    claims.loc[claims["source"] == "register-2023-07-31", "summary"] = attack
    claims.loc[claims["source"] == "register-2023-07-31", "source_title"] = attack
    hostile = type(data)(**{**data.__dict__, "sources": sources, "claims": claims})
    out = standalone_map(hostile, claims).get_root().render()
    assert "<img src=x" not in out
    assert "${alert(2)}" not in out
    assert "javascript:" not in out  # the popups travel as JSON text: no escaped form of the link either
    assert esc(attack) in out


def test_esc_and_link() -> None:
    assert esc('<a href="x">`$') == "&lt;a href=&quot;x&quot;&gt;&#96;&#36;"
    assert link("javascript:alert(1)", "x") == "x"
    assert (
        link("https://a.org/?q=<b>", "<b>")
        == '<a href="https://a.org/?q=&lt;b&gt;" target="_blank" rel="noopener noreferrer">&lt;b&gt;</a>'
    )


def test_source_colours_are_distinct_for_every_source_on_the_map(data) -> None:
    from geo.style import UNMAPPED_SOURCE

    colours = source_colours(data.sources, data.claims)
    drawn = {s["id"] for s in model_of(data)["sources"]}
    on_map = [sid for sid, colour in colours.items() if colour != UNMAPPED_SOURCE]
    assert len(on_map) == len(drawn)
    assert len({colours[s] for s in on_map}) == len(on_map)
    assert colours["ohchr-iccpr-1966"] == UNMAPPED_SOURCE  # its claims name no place
