"""A presenter's own briefing: the file (read, checked, written, in a link), the steps kept in the session, the tab."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from geo import settings
from geo.errors import BriefingFileError
from geo.evidence.content import localized
from geo.page import own_steps
from geo.page.session import Key
from geo.page.state import MapView
from geo.rules import briefing, briefing_file

from .test_app import APP, step_title

SHIPPED = (settings.data_dir / settings.BRIEFING_CSV).read_bytes()


def two_steps() -> pd.DataFrame:
    return briefing_file.renumber([
        briefing_file.new_step(title="Guma <b>first</b>", caption="Pishan & co.", claim_ids=["c20-pishan-ghrd"],
                               zoom=7, place="pishan"),
        briefing_file.new_step(title="Hainan", caption="Chengmai", claim_ids=["c02-chengmai-ghrd", "c07-santa-clara-ghrd"],
                               zoom=6, box=(108.5, 18.2, 111.5, 20.9)),
    ])  # fmt: skip


def problems(content: bytes, data) -> list[str]:
    with pytest.raises(BriefingFileError) as caught:
        briefing_file.read_briefing_file(content, data, "mine.csv")
    return [str(p) for p in caught.value.problems]


def test_the_shipped_briefing_is_simply_the_default_file(data) -> None:
    assert briefing_file.to_csv(data.briefing) == SHIPPED  # written back byte for byte
    assert briefing_file.to_csv(localized(data, "ug").briefing) == SHIPPED  # a file holds the English
    table = briefing_file.read_briefing_file(SHIPPED, data)
    assert [s.claim_ids for s in briefing.steps(data, table)] == [s.claim_ids for s in briefing.steps(data)]


def test_a_file_round_trips_and_a_short_one_fits_a_link(data) -> None:
    table = two_steps()
    again = briefing_file.read_briefing_file(briefing_file.to_csv(table), data)
    assert briefing_file.to_csv(again) == briefing_file.to_csv(table)
    link = briefing_file.to_link(table)
    assert link
    assert len(link) <= briefing_file.MAX_LINK
    assert briefing_file.to_csv(briefing_file.from_link(link, data)) == briefing_file.to_csv(table)
    steps = briefing.steps(data, again)
    assert steps[1].bounds == (108.5, 18.2, 111.5, 20.9)
    assert steps[0].claim_ids == ("c20-pishan-ghrd",)


def test_a_long_briefing_gets_no_link(data) -> None:
    assert briefing_file.to_link(data.briefing) is None  # the shipped eight steps: share the file


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda t: t.replace(b"pishan,", b"atlantis,"), "mine.csv, row 2, field 'place': no place has this id"),
        (lambda t: t.replace(b",7,", b",40,"), "mine.csv, row 2, field 'zoom': a whole number from 1 to 18"),
        (lambda t: t.replace(b"c20-pishan-ghrd", b"c99-made-up"), "mine.csv, row 2, field 'claims': no claim has this id"),
        (lambda t: t.replace(b"108.5", b"west"), "mine.csv, row 3, field 'west': a number from -180 to 180"),
        (lambda t: t.replace(b",Chengmai,", b",,"), "mine.csv, row 3, field 'caption': required"),
        (lambda t: t.replace(b"\n2,", b"\n5,"), "field 'step': steps must be numbered 1, 2, 3"),
        (lambda t: t.replace(b"caption,", b"words,"), "mine.csv, row 1, field 'caption': this column is missing"),
        (lambda t: b"\xff\xfe" + t, "mine.csv: not UTF-8 text"),
        (lambda t: t.split(b"\n")[0] + b"\n", "mine.csv: the briefing has no steps"),
    ],
)  # fmt: skip
def test_a_bad_file_is_refused_by_row_and_field(data, edit, expected) -> None:
    found = problems(edit(briefing_file.to_csv(two_steps())), data)
    assert any(expected in p for p in found), found


def test_a_link_that_holds_no_briefing_is_refused(data) -> None:
    with pytest.raises(BriefingFileError, match="link"):
        briefing_file.from_link("not-a-briefing!!", data)


def test_the_view_on_screen_becomes_a_step(data) -> None:
    shown = data.claims[data.claims["place"] == "pishan"]
    at_place = own_steps.captured_step(data, shown, "pishan", None, "T", "C")
    assert (at_place["place"], at_place["zoom"], at_place["claims"]) == ("pishan", 8, list(shown["id"]))
    view = MapView.parse({"lat": "37.6", "lng": "78.3", "zoom": "7"})
    moved = own_steps.captured_step(data, shown, None, view, "T", "C")
    assert moved["place"] == ""
    assert moved["zoom"] == 7
    assert moved["west"] < 78.3 < moved["east"]
    assert moved["south"] < 37.6 < moved["north"]
    fitted = own_steps.captured_step(data, shown, None, None, "T", "C")  # no view reported: fit what is shown
    assert fitted["west"] < 78.28 < fitted["east"]
    assert fitted["zoom"] >= 5


def test_steps_are_added_moved_edited_and_removed() -> None:
    session: dict = {}
    for name in ("a", "b", "c"):
        own_steps.add(session, briefing_file.new_step(title=name, caption=name, claim_ids=["c01"], zoom=4, place="xuar"))
    own_steps.move(session, 2, -1)
    assert [r["title"] for r in own_steps.rows(session)] == ["a", "c", "b"]
    uid = own_steps.rows(session)[0]["uid"]
    own_steps.edit(session, uid, "title", "  first ")
    own_steps.edit(session, uid, "caption", "   ")  # never emptied
    own_steps.remove(session, 1)
    table = own_steps.table(session)
    assert list(table["title"]) == ["first", "b"]
    assert list(table["step"]) == [1, 2]
    assert list(table["caption"]) == ["a", "b"]


def test_the_tab_presents_downloads_and_reopens_a_briefing(data) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[Key.TAB] = "My briefing"
    at.run()
    at.button(key=Key.MY_SHIPPED).click().run()
    assert len(at.session_state[Key.MY_STEPS]) == len(data.briefing)
    at.button(key="my_remove_" + str(at.session_state[Key.MY_STEPS][0]["uid"])).click().run()
    at.text_input(key="my_title_" + str(at.session_state[Key.MY_STEPS][0]["uid"])).input("<i>Mine</i>").run()
    at.button(key=Key.MY_PRESENT).click().run()
    assert at.query_params["step"] in ("1", ["1"])
    assert at.query_params["briefing"] in ("mine", ["mine"])
    assert step_title(at) == "1. &lt;i&gt;Mine&lt;/i&gt;"  # the presenter's text, escaped
    assert f"Step 1 of {len(data.briefing) - 1}" in " ".join(h.proto.body for h in at.get("html"))  # one removed
    at.button(key="next").click().run()
    assert at.query_params["briefing"] in ("mine", ["mine"])
    assert step_title(at).startswith("2. ")


def test_a_shared_link_presents_its_briefing_and_a_broken_one_says_why(data) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["step"] = "2"
    at.query_params["briefing"] = briefing_file.to_link(two_steps())
    at.run()
    assert step_title(at) == "2. Hainan"
    assert "Step 2 of 2" in " ".join(h.proto.body for h in at.get("html"))
    broken = AppTest.from_file(APP, default_timeout=60)
    broken.query_params["step"] = "1"
    broken.query_params["briefing"] = "garbage"
    broken.run()
    assert "cannot be shown" in broken.error[0].value
    assert not broken.exception


@pytest.mark.parametrize(("query", "disabled"), [("no such place anywhere", True), ("Guma", False)])
def test_a_view_showing_no_claim_cannot_become_a_step(query: str, disabled: bool) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["q"] = query
    at.run()
    add = next(b for b in at.get("form_submit_button") if b.proto.label == "Add step")
    assert add.proto.disabled is disabled  # a step must rest on at least one claim (the file's rule)
