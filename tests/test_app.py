"""App logic through Streamlit's AppTest: filters, counts, payload, URL state."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from geo import settings
from geo.page.session import Key
from geo.page.uploads import held_layer

from .conftest import PROJECT
from .mapdata import handed_messages

APP = str(PROJECT / "dashboard.py")
CLAIMS = pd.read_csv(settings.data_dir / settings.CLAIMS_CSV, dtype=str, keep_default_na=False)
TOTAL = len(CLAIMS)  # every claim, the retracted tombstone too (the count line counts rows)
VERSION = json.loads((settings.data_dir / settings.DATAPACKAGE).read_text(encoding="utf-8"))["version"]


def run(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def count_line(at: AppTest) -> str:
    return next(m.value for m in at.markdown if "claims shown" in m.value)


def payload(at: AppTest) -> dict:
    component = at.get("component_instance")[0]
    return json.loads(component.proto.json_args)


def map_message(at: AppTest) -> dict:
    """The message the page hands the map (the script after the map element): view, fit, the URL's own parameters."""
    messages = handed_messages(" ".join(h.proto.body for h in at.get("html")))
    assert len(messages) == 1
    return messages[0]


def table_places(at: AppTest) -> list[tuple[str, str]]:
    """(place id, name) of each row of the places table, in order (each name links to its detail view)."""
    table = next(h.proto.body for h in at.get("html") if "class='places'" in h.proto.body)
    return re.findall(r"\?place=([a-z_]+)[^']*' data-place='\1'><bdi>([^<]*)</bdi>", table)


def step_title(at: AppTest) -> str:
    """The briefing step's title as shown (text, without its markup)."""
    heading = next(h.proto.body for h in at.get("html") if "class='step-title'" in h.proto.body)
    return re.sub(r"<[^>]+>", "", heading)


def open_tab(at: AppTest, label: str) -> AppTest:
    """Show another tab (its content is built only when it is open)."""
    at.session_state["tab"] = label
    return at.run()


@pytest.fixture(scope="module")
def default_app() -> AppTest:
    return run()


def test_default_view_shows_every_claim(default_app: AppTest) -> None:
    assert not default_app.exception
    assert count_line(default_app).startswith(f"**{TOTAL} of {TOTAL} claims shown**")


def test_map_payload_is_offline_and_never_reruns_on_pan_zoom_or_click(default_app: AppTest) -> None:
    args = payload(default_app)
    assert args["js_links"] == ["/app/static/vendor/leaflet/leaflet.js", "/app/static/vendor/jquery/jquery.min.js"]
    assert args["returned_objects"] == []
    assert "L.circleMarker(" in args["script"]  # the rings are drawn from the model inside the map
    assert len(map_message(default_app)["view"]["rings"]) > 40


def test_status_filter_changes_counts_and_payload(default_app: AppTest) -> None:
    at = run()
    before, map_before = map_message(at)["view"], payload(at)["script"]
    at.sidebar.multiselect(key="statuses").set_value(["unverified"]).run()
    unverified = (CLAIMS["status"] == "unverified").sum()
    assert count_line(at).startswith(f"**{unverified} of {TOTAL} claims shown**")
    after = map_message(at)["view"]
    assert len(after["rings"]) < len(before["rings"])
    assert payload(at)["script"] == map_before  # the map itself is not re-sent: only the view changed
    assert at.query_params["status"] == ["unverified"] or at.query_params["status"] == "unverified"


@pytest.mark.parametrize("query", ["皮山", "Guma", "گۇما", "Pishan"])
def test_search_in_every_script(query: str) -> None:
    at = run()
    at.sidebar.text_input(key="query").set_value(query).run()
    assert count_line(at).startswith(f"**3 of {TOTAL} claims shown**")
    assert [pid for pid, _name in table_places(at)] == ["pishan"]


def test_filter_params_restore_state() -> None:
    at = run(status="corrected", q="Chengmai")
    assert at.sidebar.multiselect(key="statuses").value == ["corrected"]
    assert at.sidebar.text_input(key="query").value == "Chengmai"
    assert count_line(at).startswith(f"**0 of {TOTAL}")
    at = run(level="county", **{"from": "2017", "to": "2017"})
    assert at.sidebar.slider(key="years").value == (2017, 2017)
    assert f"of {TOTAL} claims shown" in count_line(at)
    assert not count_line(at).startswith(f"**{TOTAL} of")


def test_place_param_opens_detail_view() -> None:
    at = run(place="chengmai")
    detail = " ".join(h.proto.body for h in at.get("html"))
    assert "Chengmai County" in detail
    assert "Cite this:" in detail
    assert f"dataset version {VERSION}" in detail
    assert "https://www.theregister.com/2023/07/31/beijing_hikvision_nvidia_uyghur/" in detail
    assert payload(at)["zoom"] == 8  # a county's detail view frames the county


def test_unknown_place_param_is_ignored() -> None:
    at = run(place="<script>")
    assert not at.exception
    assert not any("Cite this:" in h.proto.body for h in at.get("html"))


def test_picking_a_place_opens_its_detail_view() -> None:
    at = run()
    at.selectbox(key="place_picker_0").set_value("moyu").run()
    assert at.query_params["place"] in ("moyu", ["moyu"])
    assert any("Moyu County" in h.proto.body and "Cite this:" in h.proto.body for h in at.get("html"))
    assert at.selectbox(key="place_picker_1").value == ""  # a new, empty picker, so closing the detail does not reopen it
    at.button(key="close_detail").click().run()
    assert "place" not in at.query_params
    assert not any("Cite this:" in h.proto.body for h in at.get("html"))


def legend(at: AppTest) -> str:
    """The legend's HTML as the map receives it (in the view the page hands it)."""
    return map_message(at)["view"]["legend"]


def test_legend_on_the_map_lists_shown_sources_only() -> None:
    at = run(source="register-2023-07-31")
    assert "The Register" in legend(at)
    assert "Biometric Update" not in legend(at)
    assert "Sources on the map (1)" in legend(at)


def test_language_comes_from_the_url_and_the_switch_writes_it_back() -> None:
    at = run(lang="zh")
    assert not at.exception
    assert any("条说法" in m.value for m in at.markdown)
    assert at.sidebar.header[0].value == "筛选"
    assert [t.label for t in at.tabs][:2] == ["地点", "说法"]
    assert "圆环与着色" in legend(at)  # the legend on the map too
    at.selectbox(key="language").set_value("ug").run()
    assert at.query_params["lang"] in ("ug", ["ug"])
    assert at.sidebar.header[0].value == "سۈزگۈچلەر"
    at.selectbox(key="language").set_value("en").run()
    assert "lang" not in at.query_params
    assert at.sidebar.header[0].value == "Filters"


def test_place_names_follow_the_language() -> None:
    at = run(lang="zh", q="Guma")
    assert table_places(at) == [("pishan", "皮山县")]
    at = run(lang="ug", q="Guma")
    assert table_places(at) == [("pishan", "گۇما ناھىيىسى")]


def test_twelve_provinces_panel_states_reported_named_and_unnamed(default_app: AppTest) -> None:
    panel = next(h.proto.body for h in default_app.get("html") if "Reported:" in h.proto.body)
    assert "12 Chinese provinces outside XUAR" in panel
    assert "unverified" in panel
    assert "9 province(s)" in panel
    assert "Hainan (Hikvision named)" in panel
    assert "Tied to the “12” by a source:</b> 0" in panel
    assert "12 of the 12" in panel


def test_briefing_opens_the_step_in_the_url_and_steps_both_ways() -> None:
    at = run(step="4")
    assert step_title(at).startswith("4. May 2022")
    assert "Step 4 of 9" in " ".join(h.proto.body for h in at.get("html"))
    at.button(key="next").click().run()
    assert at.query_params["step"] in ("5", ["5"])
    assert step_title(at).startswith("5. December 2022: the Chengmai contract")
    at.button(key="previous").click().run()
    at.button(key="previous").click().run()
    assert step_title(at).startswith("3. October 2019")
    step = " ".join(h.proto.body for h in at.get("html"))
    assert "Bureau of Industry and Security" in step  # numbered source footnote
    assert "https://federalregister.gov/d/2019-22210" in step
    at.button(key="last_step").click().run()
    assert step_title(at).startswith("9. What governments did")
    at.button(key="first_step").click().run()
    assert step_title(at).startswith("1. Xinjiang from 2016")


def test_briefing_first_and_last_steps_disable_navigation() -> None:
    at = run(step="1")
    assert at.button(key="previous").disabled
    assert at.button(key="first_step").disabled
    at = run(step="99")
    assert step_title(at).startswith("9. What governments did")
    assert at.button(key="next").disabled
    assert at.button(key="last_step").disabled


def test_exit_briefing_returns_to_the_explorer() -> None:
    at = run(step="2")
    at.button(key="exit").click().run()
    assert "step" not in at.query_params
    assert count_line(at).startswith(f"**{TOTAL} of {TOTAL} claims shown**")


def add_layer(at: AppTest, content: bytes, filename: str = "mine.csv") -> AppTest:
    at.sidebar.file_uploader(key="upload_file").set_value((filename, content, "text/csv"))
    at.run()
    at.sidebar.text_input(key="upload_name").set_value("My sites")
    at.sidebar.text_input(key="upload_source").set_value("Field notes, 2026")
    at.run()
    return at.sidebar.button(key="upload_add").click().run()


def test_upload_adds_a_layer_and_its_table_only_in_this_session() -> None:
    at = add_layer(run(), b"site,lat,lon\nA,37.6,78.3\nB,,79\nC,19.7,110.0\n")
    assert not at.exception
    messages = " ".join(h.proto.body for h in at.get("html"))
    assert "Your layer “My sites” (source: Field notes, 2026): 2 row(s) shown, 1 left out" in messages
    feature_group = payload(at)["feature_group"]
    assert "geo.addCanvasPoints(" in feature_group  # one canvas layer for every point
    assert "My sites" in feature_group
    open_tab(at, "Your layer")
    rows = next(df.value for df in at.dataframe if "site" in df.value.columns)
    assert list(rows["site"]) == ["A", "C"]
    other = run()  # a second session on the same server
    assert "My sites" not in payload(other)["feature_group"]
    assert "uploaded" not in other.session_state


def test_bad_upload_shows_the_message_and_the_app_still_works() -> None:
    at = add_layer(run(), "name,lat,lon\nZürich,47.3,8.5\n".encode("latin-1"))
    assert not at.exception
    assert any("mine.csv: the file is not UTF-8 text" in h.proto.body for h in at.get("html"))
    assert "uploaded" not in at.session_state
    assert count_line(at).startswith(f"**{TOTAL} of {TOTAL} claims shown**")


def test_uploaded_text_is_escaped_everywhere() -> None:
    attack = '<img src=x onerror="window.pwned=1">'
    at = add_layer(run(), f"name,lat,lon\n{attack.replace(chr(34), '')},37.6,78.3\n".encode())
    feature_group = payload(at)["feature_group"]
    assert "<img src=x" not in feature_group
    assert "&lt;img src=x" in feature_group


def test_province_shading_of_an_upload_is_optional() -> None:
    at = add_layer(run(), b"site,lat,lon\nA,20.03,110.35\nB,19.7,110.0\nC,37.6,78.3\n")
    assert "points per province" not in payload(at)["feature_group"]
    at.sidebar.checkbox(key="upload_choropleth").check().run()
    assert "My sites: points per province" in payload(at)["feature_group"]  # listed in the map's layer control
    open_tab(at, "Your layer")
    provinces = next(df.value for df in at.dataframe if "iso_3166_2" in df.value.columns)
    assert dict(zip(provinces["iso_3166_2"], provinces["points"], strict=True)) == {"CN-HI": 2, "CN-XJ": 1}


def test_default_payload_is_small_because_the_basemap_is_fetched_once(default_app: AppTest) -> None:
    args = payload(default_app)
    assert len(default_app.get("component_instance")[0].proto.json_args) < 300_000
    assert "/app/static/basemap/countries-" in args["script"]


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [("missing", "claims.csv: file is missing"), ("invalid", "places.csv, row 5, field 'name_en'")],
)
def test_broken_data_shows_the_validator_report_not_a_traceback(tmp_path, monkeypatch, breakage, expected) -> None:
    from geo import settings

    from .conftest import BrokenData

    broken = BrokenData(tmp_path)
    if breakage == "missing":
        (broken.dir / "claims.csv").unlink()
    else:
        broken.set("places.csv", "pishan", "name_en", "")
    monkeypatch.setattr(settings, "data_dir", broken.dir)
    at = run()
    assert not at.exception
    assert "cannot show unvalidated data" in at.error[0].value
    assert expected in at.code[0].value
    assert not at.get("component_instance")  # no map from unvalidated data


def zip_bomb() -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("huge.csv", b"0" * 50_000_000)
    return buffer.getvalue()


HOSTILE_UPLOADS = {
    "too large": ("big.csv", lambda: b"lat,lon\n" + b"1,2\n" * 6_000_000, "the limit is 20 MB"),
    "too many rows": ("rows.csv", lambda: b"lat,lon\n" + b"1,2\n" * 200_001, "the limit is 200,000"),
    "zip archive named .geojson": ("bomb.geojson", zip_bomb, "compressed archives"),
    "gzip named .csv": (
        "bomb.csv",
        lambda: __import__("gzip").compress(b"lat,lon\n" + b"1,2\n" * 1_000_000),
        "compressed archives",
    ),
    "malformed CSV": ("bad.csv", lambda: b'lat,lon\n"1,2\n3,4,5\n', "cannot be read"),
    "malformed GeoJSON": ("bad.geojson", lambda: b'{"type": "FeatureCollection", "features": [', "cannot be read"),
    "malformed GeoPackage": ("bad.gpkg", lambda: b"SQLite format 3\x00" + b"\x00" * 100, "cannot be read"),
    "Latin-1 text": ("latin.csv", lambda: "lat,lon,name\n1,2,Zürich\n".encode("latin-1"), "not UTF-8"),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE_UPLOADS))
def test_hostile_upload_gets_a_message_and_the_app_keeps_working(kind: str) -> None:
    filename, make, message = HOSTILE_UPLOADS[kind]
    at = add_layer(run(), b"site,lat,lon\nA,37.6,78.3\n")  # an earlier, good layer
    at = add_layer(at, make(), filename)
    assert not at.exception
    assert any(message in h.proto.body for h in at.get("html")), [h.proto.body[:200] for h in at.get("html")]
    assert held_layer(at.session_state).layer.summary.startswith("1 row(s) shown")  # nothing half-applied
    assert count_line(at).startswith(f"**{TOTAL} of {TOTAL} claims shown**")


def test_nan_inf_and_gigantic_values_are_listed_not_fatal() -> None:
    at = add_layer(run(), b"site,lat,lon\nA,nan,1\nB,inf,2\nC,1e308,1e308\nD,19.7,110\n")
    assert not at.exception
    assert held_layer(at.session_state).layer.summary.startswith("1 row(s) shown, 3 left out")


def test_public_hosting_configuration() -> None:
    import tomllib

    config = tomllib.loads((PROJECT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["maxUploadSize"] <= 25
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["toolbarMode"] == "viewer"
    assert config["client"]["showErrorDetails"] == "none"


@pytest.mark.slow
def test_the_running_app_compresses_its_websocket_for_clients_that_offer_it() -> None:
    """The hosted page's bytes on the wire: permessage-deflate, negotiated with a real client (as Chromium offers it)."""
    import asyncio

    from bench.wsclient import StreamlitSession

    from .server import streamlit_server

    async def visit(url: str) -> tuple[str, int, int]:
        async with StreamlitSession(url) as session:
            run = await session.run()
            return session.socket.response.headers.get("Sec-WebSocket-Extensions", ""), session.wire_bytes, run.payload_bytes

    with streamlit_server(PROJECT / "dashboard.py", cwd=PROJECT) as url:
        extensions, wire, payload = asyncio.run(visit(url))
    assert "permessage-deflate" in extensions
    assert wire < payload / 2  # the page's messages, compressed on the wire


def test_corrections_tab_lists_the_log_newest_first_and_filters_by_place() -> None:
    at = open_tab(run(), "Corrections")
    log = next(df.value for df in at.dataframe if "why" in df.value.columns)
    entries = pd.read_csv(settings.data_dir / settings.CORRECTIONS_CSV, dtype=str)["id"]
    assert len(log) == len(entries)
    assert list(log["id"][:2]) == [entries.iloc[-1], entries.iloc[-2]]  # newest first
    at.selectbox(key="corrections_place").set_value("fuzhou_minjiang").run()
    fujian = next(df.value for df in at.dataframe if "why" in df.value.columns)
    assert "retracted" in set(fujian["after"])
    assert set(fujian["place"]) == {"Fuzhou, Fujian (Minjiang University)"}


def test_detail_view_says_when_a_claim_was_corrected() -> None:
    at = run(place="moyu")
    detail = " ".join(h.proto.body for h in at.get("html") if "Cite this:" in h.proto.body)
    assert "Corrected on Dec 3, 2026 (version 0.3.0): status" in detail  # the AFP tender: as reported, not corroborated
    assert "as quoted by" in detail  # the Moyu Project quote is the relay's
    assert "The Geneva Daily" in detail


def test_open_place_preselects_its_corrections() -> None:
    at = open_tab(run(place="moyu"), "Corrections")
    assert at.selectbox(key="corrections_place").value == "moyu"


def test_every_drawn_ring_has_a_row_in_the_places_table(default_app: AppTest, data) -> None:
    """The keyboard route to every ring: the places table lists each drawn place; selecting a row opens it."""
    claims = data.claims
    drawn = set(claims.loc[(claims["place"] != "") & (claims["status"] != "retracted"), "place"])
    assert drawn <= {pid for pid, _name in table_places(default_app)}
    assert not default_app.dataframe  # a first page sends no data grid: the map comes first


def test_the_recipe_for_a_language_followed_literally_opens_every_tab(monkeypatch) -> None:
    """docs/developing.md, "A language", before its catalog is translated: every tab opens (About once raised).

    The recipe's first steps are an entry in ``LANGUAGES`` and its name columns; until its catalog
    has translations the page is in English, and nothing may fail on the way.
    """
    from geo.language import i18n
    from geo.rules import labels

    monkeypatch.setitem(i18n.LANGUAGES, "fr", i18n.Language("fr", "Français", "fr", "ltr", "fr"))
    monkeypatch.setitem(labels.NAME_COLUMNS, "fr", ("name_en",))
    tabs = 10
    for index in range(tabs):
        at = AppTest.from_file(APP, default_timeout=60)
        at.query_params["lang"] = "fr"
        at.session_state[Key.OPEN_TAB] = index
        at.run()
        assert not at.exception, (index, at.exception)
        assert at.session_state[Key.OPEN_TAB] == index  # that tab was built
    assert "Français" in " ".join(m.value for m in at.markdown)  # the About tab names the new language


def test_since_a_release_says_what_changed_after_it_and_lists_each_change() -> None:
    """``?since=0.2.0``: a presenter's deck of 0.2.0 meets every later change, counted under the title and listed."""
    at = run(since="0.2.0")
    assert not at.exception
    note = " ".join(h.proto.body for h in at.get("html") if "Changed after release 0.2.0" in h.proto.body)
    log = pd.read_csv(settings.data_dir / settings.CORRECTIONS_CSV, dtype=str, keep_default_na=False)
    later = log[log["version"].map(lambda v: tuple(map(int, v.split("."))) > (0, 2, 0))]
    restatused = later[(later["table"] == "claims.csv") & (later["field"] == "status")
                       & ~later["after"].isin(["retracted", "corrected"])]  # fmt: skip
    assert f"{len(restatused)} claims re-statused" in note
    at = open_tab(at, "Corrections")
    changes = next(df.value for df in at.dataframe if "change" in df.value.columns)
    assert set(changes["id"]) == set(later["id"])  # every later entry, no earlier one
    assert at.query_params["since"] in ("0.2.0", ["0.2.0"])
    at.selectbox(key="changes_since").set_value("0.4.0").run()
    assert at.query_params["since"] in ("0.4.0", ["0.4.0"])  # the address says the release picked
    changes = next(df.value for df in at.dataframe if "change" in df.value.columns)
    assert set(changes["id"]) == set(log.loc[log["version"] == VERSION, "id"])


def test_since_an_unknown_release_says_so() -> None:
    at = run(since="9.9.9")
    assert not at.exception
    assert any("9.9.9 is not a release of this dataset." in h.proto.body for h in at.get("html"))
