"""The briefing deck: reopened with python-pptx (and converted by LibreOffice, slow), its text editable and sourced.

Most tests draw each step's map as a tiny stand-in PNG (a real map costs seconds a step);
one test embeds real maps, and the LibreOffice conversion converts a deck with real maps.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pptx.util import Emu

from geo import settings
from geo.evidence.content import localized
from geo.export import deck, figures, formats, ooxml
from geo.language import bidi, i18n, scripts
from geo.rules import briefing, labels, record
from geo.rules.citations import footnotes

from .conftest import PROJECT

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
NS = {"a": A[1:-1]}
BASE_URL = "https://example.org/app"


def stand_in_map(calls: list | None = None):
    """A writer like :func:`figures.map_png` that returns a small blank PNG of the asked shape, in no time."""

    def write(data, claims, *, size, bounds=None) -> bytes:
        if calls is not None:
            calls.append({"claims": list(claims["id"]), "size": size, "bounds": bounds})
        buffer = io.BytesIO()
        Image.new("RGB", (max(1, round(size[0] * 10)), max(1, round(size[1] * 10))), "white").save(buffer, "PNG")
        return buffer.getvalue()

    return write


@contextmanager
def stand_in_maps(calls: list | None = None):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(figures, "map_png", stand_in_map(calls))
        yield


def make_deck(data, code: str, **options) -> bytes:
    return i18n.in_language(code, deck.to_pptx, localized(data, code), None, BASE_URL, **options)


@pytest.fixture(scope="module")
def decks(data):
    """``decks[code]``: the shipped briefing's deck in each language, with stand-in maps, made once for the module."""
    made: dict[str, bytes] = {}

    class Decks:
        def __getitem__(self, code: str) -> bytes:
            if code not in made:
                with stand_in_maps():
                    made[code] = make_deck(data, code)
            return made[code]

    return Decks()


def opened(content: bytes):
    return Presentation(io.BytesIO(content))


def shape(slide, name: str):
    found = [s for s in slide.shapes if s.name == name]
    assert len(found) == 1, (name, [s.name for s in slide.shapes])
    return found[0]


def step_slides(prs, count: int) -> list:
    return list(prs.slides)[1 : 1 + count]


def local_steps(data, code: str):
    local = localized(data, code)
    return local, briefing.steps(local)


def test_slides_are_title_steps_and_sources_at_16_9(data, decks) -> None:
    prs = opened(decks["en"])
    steps = briefing.steps(data)
    slides = list(prs.slides)
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)
    sources = slides[1 + len(steps) :]
    assert len(slides) == 1 + len(steps) + len(sources)
    assert sources
    assert all(s.shapes.title.text_frame.text.startswith("Sources") for s in sources)
    title = slides[0]
    assert title.shapes.title.text_frame.text == data.title
    subtitle = title.placeholders[1].text_frame.text
    assert f"Briefing, {len(steps)} steps" in subtitle
    assert data.version in subtitle
    assert i18n.date(data.updated) in subtitle  # the dataset's release date (datapackage.json's created)
    assert "CC BY 4.0" in shape(title, "Credit").text_frame.text
    assert figures.attribution(data) == shape(title, "Credit").text_frame.text


def test_the_sources_slides_list_every_source_the_deck_cites_linked(data, decks) -> None:
    prs = opened(decks["en"])
    steps = briefing.steps(data)
    cited = {n.source_id: n for s in steps for n in footnotes(data, briefing.step_claims(data, s))}
    paragraphs = [p for s in list(prs.slides)[1 + len(steps) :] for p in shape(s, "Source list").text_frame.paragraphs]
    assert len(paragraphs) == len(cited)
    links = [r.hyperlink.address for p in paragraphs for r in p.runs if r.hyperlink.address]
    assert sorted(links) == sorted(n.url for n in cited.values() if n.url)  # one link each
    text = "\n".join(p.text for p in paragraphs)
    for note in cited.values():
        assert note.label in text
        if note.url:
            assert note.url in links
    assert re.search(r"\(steps? \d+(, \d+)*\)", text)


@pytest.mark.parametrize("code", ["en", "zh", "ug"])
def test_each_step_slide_has_its_title_caption_and_sources_as_editable_text(data, decks, code: str) -> None:
    prs = opened(decks[code])
    local, steps = local_steps(data, code)
    with i18n.speaking(code):
        for slide, step in zip(step_slides(prs, len(steps)), steps, strict=True):
            assert slide.shapes.title.text_frame.text == f"{step.number}. {step.title}"
            assert shape(slide, "Caption").text_frame.text == step.caption
            notes = footnotes(local, briefing.step_claims(local, step))
            listed = [p.text for p in shape(slide, "Sources").text_frame.paragraphs]
            assert listed[0] == i18n._("Sources (ring colours on the map)")
            assert len(listed) == 1 + len(notes)
            for line, note in zip(listed[1:], notes, strict=True):
                full = f"{deck.MARKER} {figures.short_note(note)}"
                assert line == full or (line.endswith("…") and full.startswith(line[:-1])), line
                assert line.startswith(f"{deck.MARKER} [{note.number}] ")  # the numbers the map's labels carry


def test_every_picture_says_what_the_map_shows_not_its_file_name(data, decks) -> None:
    prs = opened(decks["en"])
    steps = briefing.steps(data)
    pictures = [s for slide in prs.slides for s in slide.shapes if s.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
    assert len(pictures) == len(steps)
    for picture in pictures:
        descr = picture._element.xpath("./p:nvPicPr/p:cNvPr")[0].get("descr")
        assert descr.startswith("Map")
        assert not re.search(r"\.(png|jpe?g)\b", descr, re.IGNORECASE)
    descr = pictures[1]._element.xpath("./p:nvPicPr/p:cNvPr")[0].get("descr")  # step 2: three southern counties
    assert "Pishan County" in descr
    assert "Moyu County" in descr
    assert "rings for 6 sources" in descr
    assert "county seat" in descr
    assert "not a facility" in descr


def test_alt_text_names_the_places_in_view_and_those_left_out(data) -> None:
    step = briefing.steps(data)[0]  # the whole region; Tibet's point lies outside its frame
    claims = briefing.step_claims(data, step)
    text = deck.alt_text(data, claims, step.bounds, 1.4)
    assert text.startswith("Map: ")
    assert "Ürümqi" in text
    assert "Not in this view: Tibet Autonomous Region." in text
    with i18n.speaking("zh"):
        assert "乌鲁木齐" in deck.alt_text(data, claims, step.bounds, 1.4)


@pytest.mark.parametrize("code", ["en", "ug"])
def test_speaker_notes_carry_each_sources_url_and_each_claims_status_and_quote(data, decks, code: str) -> None:
    prs = opened(decks[code])
    local, steps = local_steps(data, code)
    sources = data.sources.set_index("id")
    relayed = countered = 0
    with i18n.speaking(code):
        for slide, step in zip(step_slides(prs, len(steps)), steps, strict=True):
            notes = slide.notes_slide.notes_text_frame.text
            claims = briefing.step_claims(local, step)
            for note in footnotes(local, claims):
                assert note.url is None or note.url in notes
                assert note.label in notes
            for claim in claims.to_dict("records"):
                assert i18n._("Status: {status}").format(status=labels.status(claim["status"])) in notes
                assert claim["id"] in notes
                if claim["quote"]:
                    assert f"“{claim['quote']}”" in notes
                for answer in record.counter_claims_of(local, claim["id"]):  # the other side, for a hostile question
                    if answer["found"] == "found":
                        assert f"“{answer['quote']}”" in notes
                        assert answer["excerpt_at"] in notes
                        assert answer["assessment"] in notes
                        countered += 1
                if claim["quote_via"]:
                    relayed += 1
                    relay = sources.loc[claim["quote_via"]]
                    line = next(line for line in notes.split("\n") if claim["quote"] in line)
                    assert i18n._("as quoted by") in line
                    assert relay["publisher"] in line
                    assert relay["url"] in line
            assert f"{BASE_URL}/?step={step.number}" in notes
    assert relayed >= 1  # step 2 rests on a quote read in another publication
    assert countered >= len(steps)  # every shipped step has a claim someone answered
    title_notes = prs.slides[0].notes_slide.notes_text_frame.text
    assert data.title in title_notes
    assert f"dataset version {data.version}" in title_notes
    assert BASE_URL in title_notes


def runs_of(slide):
    return [r for s in slide.shapes if s.has_text_frame for p in s.text_frame.paragraphs for r in p.runs]


def test_chinese_runs_name_a_chinese_face(data, decks) -> None:
    prs = opened(decks["zh"])
    chinese = [r for slide in prs.slides for r in runs_of(slide) if scripts.has_han(r.text)]
    assert len(chinese) > 20
    for run in chinese:
        rpr = run._r.find(f"{A}rPr")
        assert rpr.find(f"{A}ea").get("typeface") == ooxml.CJK_FONT
        assert rpr.find(f"{A}latin").get("typeface") == ooxml.CJK_FONT
        assert rpr.get("lang") == "zh-CN"


def test_uyghur_paragraphs_run_right_to_left_with_an_arabic_script_face(data, decks) -> None:
    prs = opened(decks["ug"])
    _local, steps = local_steps(data, "ug")
    for slide in step_slides(prs, len(steps)):
        for name in ("Caption",):
            for paragraph in shape(slide, name).text_frame.paragraphs:
                ppr = paragraph._p.find(f"{A}pPr")
                assert (ppr.get("rtl"), ppr.get("algn")) == ("1", "r")
                for run in paragraph.runs:
                    rpr = run._r.find(f"{A}rPr")
                    assert rpr.find(f"{A}cs").get("typeface") == ooxml.ARABIC_FONT
                    assert rpr.get("lang") == "ug-CN"
        title = slide.shapes.title.text_frame.paragraphs[0]._p.find(f"{A}pPr")
        assert title.get("rtl") == "1"
        source_line = shape(slide, "Sources").text_frame.paragraphs[1]._p.find(f"{A}pPr")
        assert source_line.get("rtl") == "0"  # an English source label stays left to right
    english = opened(decks["en"])
    caption = shape(list(english.slides)[1], "Caption").text_frame.paragraphs[0]._p.find(f"{A}pPr")
    assert (caption.get("rtl"), caption.get("algn")) == ("0", "l")


def paragraphs_as_laid_out(text_frame) -> list[deck.Para]:
    out = []
    for p in text_frame.paragraphs:
        if not p.runs:
            continue
        first = p.runs[0].font
        before = p.space_before.pt if p.space_before is not None else 0.0
        out.append(deck.Para(((p.text, None),), first.size.pt, bold=bool(first.bold), space_before=before))
    return out


@pytest.mark.parametrize("code", ["en", "zh", "ug"])
def test_text_fits_its_box_and_the_slide_at_readable_sizes(data, decks, code: str) -> None:
    """Measured as the deck measures it: the shipped captions (Uyghur's step 2 the longest) fit unshrunk."""
    prs = opened(decks[code])
    _local, steps = local_steps(data, code)
    width, height = prs.slide_width, prs.slide_height
    measure = deck.Measure()
    try:
        for slide in prs.slides:
            for item in slide.shapes:
                assert item.left >= 0
                assert item.top >= 0
                assert item.left + item.width <= width, item.name
                assert item.top + item.height <= height, item.name
                if not item.has_text_frame or (item.is_placeholder and not item.text_frame.text):
                    continue
                laid_out = paragraphs_as_laid_out(item.text_frame)
                needed = measure.height(laid_out, Emu(item.width).pt)
                assert needed <= Emu(item.height).pt + 0.5, (item.name, item.text_frame.text[:40])
        for slide in step_slides(prs, len(steps)):
            sizes = {r.font.size.pt for r in shape(slide, "Caption").text_frame.paragraphs[0].runs}
            assert min(sizes) >= 12
            assert min(r.font.size.pt for r in shape(slide, "Sources").text_frame.paragraphs[1].runs) >= 10
            for name in ("Caption", "Sources", "Map"):  # never on top of each other
                a = shape(slide, name)
                for other in ("Caption", "Sources", "Map", "Credit"):
                    b = shape(slide, other)
                    if other != name:
                        apart = (a.left + a.width <= b.left or b.left + b.width <= a.left
                                 or a.top + a.height <= b.top or b.top + b.height <= a.top)  # fmt: skip
                        assert apart, (name, other)
    finally:
        measure.close()


@pytest.mark.parametrize("code", ["en", "zh", "ug"])
def test_every_shipped_step_fits_without_shrinking(data, code: str) -> None:
    local, steps = local_steps(data, code)
    measure = deck.Measure()
    try:
        with i18n.speaking(code):
            for step in steps:
                notes = footnotes(local, briefing.step_claims(local, step))
                layout = deck.step_layout(measure, local, f"{step.number}. {step.title}", step.caption, notes)
                assert layout.fits, (code, step.number)
                _left, _top, map_width, _height = layout.map
                assert map_width >= 0.4 * deck.WIDTH  # the map keeps at least 40 % of the slide, 60 % mostly
    finally:
        measure.close()


@pytest.mark.parametrize("times", [3, 8])
def test_a_caption_longer_than_any_shipped_shrinks_but_stays_on_the_slide(data, times: int) -> None:
    measure = deck.Measure()
    try:
        step = briefing.steps(data)[1]
        notes = footnotes(data, briefing.step_claims(data, step))
        layout = deck.step_layout(measure, data, "A title", step.caption * times, notes)
    finally:
        measure.close()
    assert not layout.fits
    assert layout.caption.paragraphs[0].size < 12
    assert layout.caption.top + layout.caption.height + deck.GAP <= layout.sources.top + 0.01
    assert layout.sources.top + layout.sources.height <= layout.credit.top
    assert layout.credit.top + layout.credit.height <= deck.HEIGHT
    if times == 8:  # not even at the smallest size: the viewer is told to shrink the caption to its box
        assert 0.3 <= layout.caption.scale < 1
        measure = deck.Measure()
        try:
            drawn = deck.scaled_height(measure, layout.caption.paragraphs, layout.caption.width, layout.caption.scale)
        finally:
            measure.close()
        assert drawn <= layout.caption.height
        slide = Presentation().slides.add_slide(Presentation().slide_layouts[6])
        frame = deck.text_box(slide, layout.caption).text_frame
        assert frame._bodyPr.find(f"{A}normAutofit").get("fontScale") == str(round(layout.caption.scale * 100_000))


def test_the_deck_is_the_same_bytes_each_time(data, decks) -> None:
    with stand_in_maps():
        again = make_deck(data, "ug")
    assert again == decks["ug"]
    archive = zipfile.ZipFile(io.BytesIO(again))
    assert {info.date_time for info in archive.infolist()} == {ooxml.ZIP_TIME}
    core = opened(again).core_properties
    assert core.created.date().isoformat() == data.updated
    assert core.modified == core.created
    assert core.revision == 1
    assert core.last_modified_by != "python-pptx"


def test_a_given_date_is_shown_and_stamped(data) -> None:
    with stand_in_maps():
        content = make_deck(data, "en", table=data.briefing.head(1), date="2027-02-14")
    prs = opened(content)
    assert "Feb 14, 2027" in prs.slides[0].placeholders[1].text_frame.text
    assert prs.core_properties.created.date().isoformat() == "2027-02-14"


def test_the_map_picture_is_the_map_panel_alone_at_the_slides_resolution(data) -> None:
    """Real maps: the picture has no title or caption drawn in it, and two pixels per point of the slide."""
    drawn = []

    def panel_only(data, claims, *, size, bounds=None) -> bytes:
        fig = figures.map_panel(data, claims, size=size, bounds=bounds)
        fig.canvas.draw()
        drawn.append([t.get_text() for t in fig.texts] + [t.get_text() for ax in fig.axes for t in ax.texts])
        return figures.figure_bytes(fig)

    step = briefing.steps(data)[1]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(figures, "map_png", panel_only)
        content = deck.to_pptx(data, table=data.briefing[data.briefing["step"] == step.number])
    (texts,) = drawn
    assert not any(step.title in t or step.caption[:30] in t for t in texts)
    assert any(t.startswith("Pishan County [") for t in texts)  # the labels keep their footnote numbers
    picture = next(s for s in list(opened(content).slides)[1].shapes if s.name == "Map")
    image = Image.open(io.BytesIO(picture.image.blob))
    assert abs(image.width - Emu(picture.width).pt * deck.PX_PER_PT) <= 1
    assert abs(image.height - Emu(picture.height).pt * deck.PX_PER_PT) <= 1
    assert len(image.convert("RGB").getcolors(maxcolors=1 << 24)) > 10  # a map, not a blank


def test_the_map_is_drawn_in_the_pictures_shape_for_each_step(data) -> None:
    calls: list = []
    with stand_in_maps(calls):
        prs = opened(deck.to_pptx(data))
    steps = briefing.steps(data)
    assert [c["bounds"] for c in calls] == [s.bounds for s in steps]
    for call, slide in zip(calls, step_slides(prs, len(steps)), strict=True):
        picture = shape(slide, "Map")
        assert call["size"][0] / call["size"][1] == pytest.approx(picture.width / picture.height, rel=1e-3)


# ---- geo.export.ooxml: the XML python-pptx has no API for ---------------------------------------------------------


@pytest.fixture
def text_run():
    slide = Presentation().slides.add_slide(Presentation().slide_layouts[6])
    box = slide.shapes.add_textbox(0, 0, 100, 100)
    run = box.text_frame.paragraphs[0].add_run()
    return box, run


def test_fonts_go_where_the_schema_puts_them_even_after_a_link(text_run) -> None:
    _box, run = text_run
    run.text = "皮山县 IPVM"
    run.hyperlink.address = "https://example.org/"
    ooxml.style_run(run)
    ooxml.style_run(run)  # twice: replaced, not doubled
    rpr = run._r.find(f"{A}rPr")
    assert [child.tag.removeprefix(A) for child in rpr] == ["latin", "ea", "cs", "hlinkClick"]
    assert rpr.get("lang") == "zh-CN"
    assert rpr.get("altLang") == "en-US"


def test_an_english_run_keeps_the_themes_latin_face(text_run) -> None:
    _box, run = text_run
    run.text = "Pishan County"
    ooxml.style_run(run)
    rpr = run._r.find(f"{A}rPr")
    assert rpr.find(f"{A}latin") is None
    assert rpr.find(f"{A}ea").get("typeface") == ooxml.CJK_FONT
    assert rpr.find(f"{A}cs").get("typeface") == ooxml.ARABIC_FONT
    assert rpr.get("lang") is None


def test_direction_and_alt_text(text_run) -> None:
    box, _run = text_run
    paragraph = box.text_frame.paragraphs[0]
    ooxml.set_direction(paragraph, rtl=True)
    assert (paragraph._p.pPr.get("rtl"), paragraph._p.pPr.get("algn")) == ("1", "r")
    ooxml.set_alt_text(box, "A box")
    assert box._element.xpath("./p:nvSpPr/p:cNvPr")[0].get("descr") == "A box"


@pytest.mark.parametrize(
    ("text", "rtl"),
    [
        ("گۇما ناھىيىسى", True),
        ("2. گۇما", True),  # a step number leads a Uyghur title
        ("\u2068IPVM\u2069 نىڭ دوكلاتى", True),  # an isolated Latin word leads a Uyghur sentence
        ("IPVM نىڭ", False),  # not isolated: the Unicode rule reads it left to right
        ("[1] IPVM, “Hikvision”", False),
        ("皮山县", False),
        ("", False),
    ],
)
def test_paragraph_direction_follows_the_first_strong_letter(text: str, rtl: bool) -> None:
    assert bidi.reads_right_to_left(text) is rtl


def test_stable_zip_fixes_times_and_keeps_order_and_content() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<a/>")
        archive.writestr("b.xml", "<b/>")
    fixed = zipfile.ZipFile(io.BytesIO(ooxml.stable_zip(buffer.getvalue())))
    assert fixed.namelist() == ["[Content_Types].xml", "b.xml"]
    assert fixed.read("b.xml") == b"<b/>"
    assert {info.date_time for info in fixed.infolist()} == {ooxml.ZIP_TIME}


# ---- the registry, the pack and the command line -----------------------------------------------------------------


def test_the_deck_is_an_export_format_and_listing_formats_does_not_load_python_pptx() -> None:
    exporter = formats.EXPORTERS["pptx"]
    assert (exporter.filename, exporter.slow, exporter.data_file) == ("briefing.pptx", True, False)
    assert exporter.mime == "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    code = "import sys, geo.export.formats, geo.__main__; assert 'pptx' not in sys.modules, 'pptx imported'"
    subprocess.run([sys.executable, "-c", code], cwd=PROJECT, check=True)


def test_the_pack_holds_the_deck(data) -> None:
    def stand_in(data, claims, base_url="", **layout) -> bytes:
        return b"figure"

    with stand_in_maps(), pytest.MonkeyPatch.context() as patch:
        patch.setattr(figures, "to_png", stand_in)
        patch.setattr(figures, "to_pdf", stand_in)
        table = data.briefing.head(2)
        pack = zipfile.ZipFile(io.BytesIO(formats.to_pack(data, data.claims.head(3), table=table)))
        expected = deck.to_pptx(data, table=table)
    assert pack.read("briefing.pptx") == expected
    assert "  briefing.pptx (" in pack.read("CONTENTS.txt").decode()
    assert {"briefing/step-01.png", "briefing/step-02.pdf"} <= set(pack.namelist())
    assert "briefing/step-03.png" not in pack.namelist()  # the given briefing's steps, not the shipped ones


def briefing_rows() -> tuple[list[str], list[dict]]:
    with (settings.data_dir / settings.BRIEFING_CSV).open(encoding="utf-8", newline="") as table:
        reader = csv.DictReader(table)
        return list(reader.fieldnames or []), list(reader)


def write_briefing(path: Path, rows: list[dict], fields: list[str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_the_cli_makes_a_deck_of_a_presenters_own_two_step_briefing(data, tmp_path) -> None:
    from geo.__main__ import main

    fields, rows = briefing_rows()
    own = [
        {**rows[2], "step": "1", "title": "Sanctions first"},
        {**rows[1], "step": "2", "caption": "Then the counties."},
    ]
    path = write_briefing(tmp_path / "mine.csv", own, fields)
    out = tmp_path / "deck.pptx"
    with stand_in_maps():
        assert main(["export", "--format", "pptx", "--out", str(out), "--briefing", str(path)]) == 0
    slides = list(opened(out.read_bytes()).slides)
    assert "Briefing, 2 steps" in slides[0].placeholders[1].text_frame.text
    assert [s.shapes.title.text_frame.text for s in slides[1:3]] == ["1. Sanctions first", f"2. {rows[1]['title']}"]
    assert shape(slides[2], "Caption").text_frame.text == "Then the counties."
    assert all(s.shapes.title.text_frame.text.startswith("Sources") for s in slides[3:])
    assert "?step=" not in slides[1].notes_slide.notes_text_frame.text  # the dashboard's steps are not these


def test_the_cli_reports_a_bad_briefing_by_row_and_field(tmp_path, capsys) -> None:
    from geo.__main__ import main

    fields, rows = briefing_rows()
    path = write_briefing(tmp_path / "bad.csv", [rows[0], {**rows[1], "zoom": "99"}], fields)
    out = tmp_path / "deck.pptx"
    assert main(["export", "--format", "pptx", "--out", str(out), "--briefing", str(path)]) == 1
    err = capsys.readouterr().err
    assert "bad.csv, row 3, field 'zoom'" in err
    assert not out.exists()
    assert main(["export", "--format", "csv", "--out", str(out), "--briefing", str(path)]) == 2
    assert "--briefing is for" in capsys.readouterr().err


# ---- LibreOffice: the deck opens and draws in another presentation program ---------------------------------------


def require_soffice() -> str:
    """LibreOffice's ``soffice``: fail with the reason in CI when it is missing, skip with it elsewhere."""
    found = shutil.which("soffice")
    if found is None:
        reason = "LibreOffice not found (apt-get install libreoffice-impress)"
        if os.environ.get("CI"):
            pytest.fail(f"required in CI: {reason}")
        pytest.skip(reason)
    return found


@pytest.mark.slow
def test_libreoffice_converts_the_deck_with_every_slide_drawn(data, tmp_path) -> None:
    """The Uyghur deck with real maps, converted headless to PDF: a page per slide, text and maps on them, nothing off the page."""
    from pypdf import PdfReader

    soffice = require_soffice()
    content = make_deck(data, "ug")
    source = tmp_path / "deck.pptx"
    source.write_bytes(content)
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    reader = PdfReader(tmp_path / "deck.pdf")
    assert len(reader.pages) == len(opened(content).slides)
    first = re.sub(r"\s+", " ", reader.pages[0].extract_text())
    assert "Places, claims and sources" in first  # page 1 is drawn, not blank
    steps = briefing.steps(localized(data, "ug"))
    for page in reader.pages[1 : 1 + len(steps)]:
        assert page.images  # the map
        assert page.extract_text().strip()
        x0, y0, x1, y1 = (float(v) for v in page.mediabox)
        assert (x1 - x0) / (y1 - y0) == pytest.approx(16 / 9, rel=1e-3)
        for text, x, y in drawn_words(page):
            assert x0 - 1 <= x <= x1, text  # no text left the slide
            assert y0 - 1 <= y <= y1, text


def drawn_words(page) -> list[tuple[str, float, float]]:
    """Each piece of text on a PDF page with where its baseline starts, in page coordinates."""
    words = []

    def visit(text: str, cm: list, tm: list, _font: object, _size: float) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            words.append((text, x, y))

    page.extract_text(visitor_text=visit)
    return words
