"""A briefing as a PowerPoint deck (python-pptx): a presenter edits the words, the map stays sourced.

One slide per briefing step: its map as a picture (the figures' renderer, map panel only,
with the place labels' footnote numbers), and its title, caption and numbered sources as
editable text beside it, so nothing is drawn twice and every word can be changed or
translated in the presentation program. The speaker notes carry what the slide has no room
for: each source's full citation and URL, and each claim's status and verbatim quote. A
title slide says what the data is and how to cite it; the last slides list every source
cited, linked.

Text is measured with the figures' fonts (:class:`Measure`) and set at the largest size
that fits, down to a floor; line spacing is fixed in points so the measure holds whatever
font the viewer has (Noto Sans Arabic's own line height is twice its size). What
python-pptx cannot say (alt text, direction, Chinese and Arabic-script faces, stable zip
times) is in :mod:`geo.export.ooxml`. The deck speaks the current language
(:func:`geo.language.i18n.in_language`) and its bytes depend on its input only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from geo import style
from geo.export import figures, ooxml
from geo.export.bibliography import DATASET_PUBLISHER
from geo.language import bidi, i18n, scripts
from geo.language.i18n import _, ngettext, number
from geo.rules import labels, record
from geo.rules.briefing import Step, step_claims, steps
from geo.rules.citations import NO_URL, Footnote, footnotes
from geo.rules.drawing import rings_by_place
from geo.urls import app_base, safe_url, since_url, step_url

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

    import pandas as pd

    from geo.evidence.dataset import Dataset

#: The deck's media type (the download and the export registry).
MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
#: The slide in EMU (16:9, 13.333 × 7.5 in) and in points, the unit of the layout below.
SLIDE_EMU = (12192000, 6858000)
EMU_PER_PT = 12700
WIDTH, HEIGHT = SLIDE_EMU[0] / EMU_PER_PT, SLIDE_EMU[1] / EMU_PER_PT  # 960 × 540 pt
MARGIN = 20.0
GAP = 14.0
INSET = 3.0  # a text box's inner margin, each side
#: The map picture's pixels per point: 1920 across the slide, the PNG slide's resolution (its type sizes too).
PX_PER_PT = 2
#: The text column's share of the slide, narrowest first: the map keeps the left 62 % unless the text needs more
#: (the last only when a caption would go below 14 pt in the others: :func:`layout_tries`).
COLUMNS = (0.34, 0.40, 0.46, 0.52)
TITLE_SIZES = (28, 26, 24, 22, 20)
TITLE_LINES = 2
ONE_LINE_TITLE = 24  # a title shrinks to this size to stay on one line
#: Caption sizes in points, largest first; the map narrows before the caption goes below 14 pt, 12 pt is the floor.
CAPTION_SIZES = (20, 18, 16, 14)
SMALL_CAPTION_SIZES = (13, 12)
#: Shares of the floor sizes tried when even they do not fit (a presenter's caption longer than any shipped).
BELOW_FLOOR = (11 / 12, 10 / 12, 9 / 12, 8 / 12)
#: The shares a viewer is told to draw text at (``normAutofit``) when even that does not fit.
SHRINK = (0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3)
#: The slide's sources: (size, one line each) — full labels first, then one line each (the notes have them whole).
NOTE_MODES = ((12, False), (11, True), (10, True))
CREDIT_SIZES = (10, 9, 8)
SOURCE_LIST_SIZE = 12
TITLE_SLIDE_SIZES = (40, 36, 32, 28)
#: Line pitch per size, by script: fixed in points so the measured height is the drawn one.
PITCH = {"latin": 1.2, "han": 1.4, "arabic": 1.5}
#: A measured line must fit in this share of its box: the viewer's fonts and line breaker may differ a little.
WIDTH_SAFETY = 0.94
PARAGRAPH_GAP = 3.0
#: The file's date when the dataset has no release date and none is given (it must not be today: same input, same bytes).
FALLBACK_DATE = "2026-01-01"
#: Drawn in a source's ring colour before its line on a slide.
MARKER = "●"


def pitch(text: str, size: float) -> float:
    """Line pitch in points for ``text`` at ``size``: Arabic script and Chinese need taller lines than Latin."""
    script = "arabic" if scripts.has_arabic(text) else "han" if scripts.has_han(text) else "latin"
    return round(size * PITCH[script], 1)


@dataclass(frozen=True)
class Para:
    """One paragraph to set: runs of text (each with a link or None), type size, weight, colour."""

    runs: tuple[tuple[str, str | None], ...]
    size: float
    bold: bool = False
    colour: str | None = None
    space_before: float = 0.0
    #: a run coloured like a source's ring, drawn before the text
    marker: str | None = None

    @property
    def text(self) -> str:
        """The paragraph's text as the deck holds it (marker included)."""
        return (f"{MARKER} " if self.marker else "") + "".join(text for text, _link in self.runs)


def para(text: str, size: float, **options: Any) -> Para:
    """A paragraph of one plain run."""
    return Para(((text, None),), size, **options)


class Measure:
    """Lines and heights of text in points, measured with the figures' fonts.

    DejaVu Sans, which the figures set Latin text in, is wider than the viewer's Calibri (or
    LibreOffice's Carlito), so Latin text that fits here fits there; Chinese and Uyghur are
    measured with the very faces the deck names (Noto Sans CJK SC, Noto Sans Arabic). Each
    word is shaped once (matplotlib, libraqm: joined Uyghur letters) at :data:`REFERENCE`
    points and scaled: laying out whole lines costs 3 ms each, a minute for a Uyghur deck.
    """

    REFERENCE = 100.0
    #: What a line may break after: a run of non-space characters with its spaces, or one Chinese character.
    TOKENS = re.compile(r"[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+")

    def __init__(self) -> None:
        self.fig = figures._pyplot().figure(figsize=(1, 1), dpi=72)  # 72 dpi: a pixel is a point
        self.setter = figures.Typesetter(self.fig)
        self._widths: dict[tuple[str, bool], float] = {}

    def close(self) -> None:
        """Release the measuring figure."""
        figures._pyplot().close(self.fig)

    def width(self, text: str, size: float, *, bold: bool = False) -> float:
        """Width of ``text`` on one line, in points: its words' widths and its spaces'."""
        total = 0.0
        for token in self.TOKENS.findall(text):
            word = token.rstrip()
            total += self._word(word, bold) * size if word else 0.0
            total += (len(token) - len(word)) * self._word(" ", bold) * size
        return total

    def _word(self, word: str, bold: bool) -> float:
        key = (word, bold)
        if key not in self._widths:
            weight = "bold" if bold else "normal"
            self._widths[key] = self.setter.width(word, self.REFERENCE, weight) / self.REFERENCE
        return self._widths[key]

    def lines(self, text: str, width: float, size: float, *, bold: bool = False) -> int:
        """How many lines ``text`` takes in ``width`` points, broken at spaces or between Chinese characters.

        A word longer than a line counts as the lines it takes when broken (a URL).
        """
        usable = width * WIDTH_SAFETY
        space = self._word(" ", bold) * size
        count, line = 1, 0.0
        for token in self.TOKENS.findall(text):
            word = token.rstrip()
            spaces = (len(token) - len(word)) * space
            if not word:
                line += spaces if line else 0.0
                continue
            advance = self._word(word, bold) * size
            if line and line + advance > usable:
                count += 1
                line = 0.0
            if advance > usable:
                extra = math.ceil(advance / usable) - 1
                count += extra
                advance -= extra * usable
            line += advance + spaces
        return count

    def height(self, paragraphs: Iterable[Para], width: float) -> float:
        """Height of ``paragraphs`` in a box ``width`` wide, inner margins included."""
        total = 2 * INSET
        for p in paragraphs:
            lines = self.lines(p.text, width - 2 * INSET, p.size, bold=p.bold)
            total += p.space_before + lines * pitch(p.text, p.size)
        return total

    def fit(self, text: str, width: float, size: float) -> str:
        """``text`` shortened with an ellipsis to one line of a box ``width`` wide (character by character)."""
        usable = (width - 2 * INSET) * WIDTH_SAFETY
        if self.width(text, size) <= usable:
            return text
        room = usable - self.width("…", size)
        used, cut = 0.0, 0
        for index, ch in enumerate(text):
            used += self.width(ch, size) if ch.strip() else self._word(" ", False) * size
            if used > room:
                cut = index
                break
        return text[:cut].rstrip() + "…"


@dataclass(frozen=True)
class TextBox:
    """A text box to place: where (points) and what."""

    name: str
    left: float
    top: float
    width: float
    height: float
    paragraphs: list[Para] = field(default_factory=list)
    #: the share the viewer draws the text at (``normAutofit``), below 1 only when it cannot fit otherwise
    scale: float = 1.0


@dataclass(frozen=True)
class StepLayout:
    """Where a step slide's title, map, caption, sources and credit go, and whether all of it fits unshrunk."""

    title: TextBox
    map: tuple[float, float, float, float]  # left, top, width, height in points
    caption: TextBox
    sources: TextBox
    credit: TextBox
    fits: bool


def _hex(colour: str) -> str:
    """A CSS hex colour (three or six digits after the hash) as the six digits DrawingML's ``srgbClr`` takes."""
    value = colour.lstrip("#")
    return "".join(c * 2 for c in value) if len(value) == 3 else value


def _largest(
    measure: Measure, make: Callable[[float], list[Para]], sizes: Iterable[float], width: float, height: float
) -> list[Para]:
    """The paragraphs ``make(size)`` gives at the largest size that fits ``height``, else at the smallest."""
    paragraphs: list[Para] = []
    for size in sizes:
        paragraphs = make(size)
        if measure.height(paragraphs, width) <= height:
            break
    return paragraphs


def title_box(measure: Measure, text: str) -> TextBox:
    """A slide's title across the top: on one line if it fits at 24 pt or more, else at the largest size on two lines."""
    width = WIDTH - 2 * MARGIN

    def lines(size: float) -> int:
        return measure.lines(text, width - 2 * INSET, size, bold=True)

    one_line = [s for s in TITLE_SIZES if s >= ONE_LINE_TITLE and lines(s) == 1]
    size = next(iter(one_line), next((s for s in TITLE_SIZES if lines(s) <= TITLE_LINES), TITLE_SIZES[-1]))
    paragraphs = [para(text, size, bold=True)]
    return TextBox("Title", MARGIN, 12.0, width, measure.height(paragraphs, width), paragraphs)


def credit_box(measure: Measure, data: Dataset) -> TextBox:
    """The data's credit and licence along the bottom of a slide (as on the PNG slides)."""
    width = WIDTH - 2 * MARGIN
    paragraphs = _largest(measure, lambda s: [para(figures.attribution(data), s, colour=style.FIGURE_TEXT)],
                          CREDIT_SIZES, width, 40.0)  # fmt: skip
    height = measure.height(paragraphs, width)
    return TextBox("Credit", MARGIN, HEIGHT - 6.0 - height, width, height, paragraphs)


def note_paragraphs(
    measure: Measure, notes: list[Footnote], width: float, size: float, *, one_line: bool
) -> list[Para]:
    """The slide's sources: a heading, then ``[n] label`` per source after a dot in its ring colour."""
    out = [para(_("Sources (ring colours on the map)"), size + 1, bold=True)]
    for note in notes:
        text = figures.short_note(note)
        if one_line:
            text = measure.fit(f"{MARKER} {text}", width, size)[2:]
        out.append(para(text, size, marker=note.colour, space_before=0.0 if one_line else PARAGRAPH_GAP))
    return out


def layout_tries() -> list[tuple[float, float, tuple[tuple[float, bool], ...]]]:
    """(column share, caption size, the sources' modes) in order of preference.

    The map keeps the left 62 % while the caption can be 14 pt or more, then narrows to the
    left 52 %; then the caption goes to 13 and 12 pt (the floor) in those columns; only then
    does the map narrow further. Below the floor (a caption longer than any shipped) the
    caption and the sources shrink together, and ``fits`` is false.
    """
    usual, last = COLUMNS[:-1], COLUMNS[-1]
    tries = [(c, s, NOTE_MODES) for c in usual for s in CAPTION_SIZES]
    tries += [(c, s, NOTE_MODES) for s in SMALL_CAPTION_SIZES for c in usual]
    tries += [(last, s, NOTE_MODES) for s in (*CAPTION_SIZES[-1:], *SMALL_CAPTION_SIZES)]
    floor, note_floor = SMALL_CAPTION_SIZES[-1], NOTE_MODES[-1][0]
    return tries + [(last, floor * scale, ((note_floor * scale, True),)) for scale in BELOW_FLOOR]


def scaled_height(measure: Measure, paragraphs: list[Para], width: float, scale: float) -> float:
    """Height of ``paragraphs`` drawn at ``scale`` of their size and pitch (how ``normAutofit`` shrinks them)."""
    return measure.height([dataclasses.replace(p, size=p.size * scale) for p in paragraphs], width)


def step_layout(measure: Measure, data: Dataset, title: str, caption: str, notes: list[Footnote]) -> StepLayout:
    """The largest caption and map that fit (:func:`layout_tries`), with the slide's sources wrapped, else one line each.

    ``fits`` is false when the caption had to go below the floor; if even the smallest try
    does not fit, the caption's box is cut to what is left and the text boxes shrink their
    text on opening (``normAutofit``), so nothing leaves the slide.
    """
    head = title_box(measure, title)
    credit = credit_box(measure, data)
    top, bottom = head.top + head.height + 6.0, credit.top - 6.0
    available = bottom - top
    chosen = None
    for column, size, modes in layout_tries():
        width = column * WIDTH
        lines = [para(text, size) for text in caption.split("\n") if text.strip()]
        caption_height = measure.height(lines, width) if lines else 0.0
        for note_size, one_line in modes:
            listed = note_paragraphs(measure, notes, width, note_size, one_line=one_line)
            listed_height = measure.height(listed, width)
            fits = caption_height + GAP + listed_height <= available
            chosen = (width, lines, caption_height, listed, listed_height, fits)
            if fits:
                break
        if chosen[-1]:
            break
    width, lines, caption_height, listed, listed_height, fits = chosen
    below_floor = bool(lines) and lines[0].size < SMALL_CAPTION_SIZES[-1]
    scales = {"caption": 1.0, "sources": 1.0}
    if not fits:
        listed_height = min(listed_height, available / 2)
        caption_height = available - GAP - listed_height
        for key, paragraphs, room in (("caption", lines, caption_height), ("sources", listed, listed_height)):
            fitting = (s for s in (1.0, *SHRINK) if scaled_height(measure, paragraphs, width, s) <= room)
            scales[key] = next(fitting, SHRINK[-1])
    left = WIDTH - MARGIN - width
    return StepLayout(
        title=head,
        map=(MARGIN, top, left - GAP - MARGIN, available),
        caption=TextBox("Caption", left, top, width, caption_height, lines, scales["caption"]),
        sources=TextBox("Sources", left, top + caption_height + GAP, width, listed_height, listed, scales["sources"]),
        credit=credit,
        fits=fits and not below_floor,
    )


def alt_text(data: Dataset, claims: pd.DataFrame, bounds: tuple[float, float, float, float], aspect: float) -> str:
    """What a step's map shows, for a screen reader: the places ringed in view, how many sources, what a point is.

    The frame is the one the map is drawn in (the step's box grown to the picture's shape),
    so a place named here is on the picture and one left out is said to be.
    """
    rings = rings_by_place(data.sources, claims)
    places = data.places.set_index("id")
    records = places.drop(columns="geometry").to_dict("index")
    _extent, area = figures.frame_for(bounds, aspect)
    shown = [pid for pid in rings if area.contains(places.geometry[pid])]
    outside = [labels.place_name(records[pid], short=True) for pid in rings if pid not in shown]
    if shown:
        names = "; ".join(labels.place_name(records[pid], short=True) for pid in shown)
        count = len({sid for pid in shown for sid in rings[pid]})
        text = ngettext("Map: {places}, with rings for {count} source.", "Map: {places}, with rings for {count} sources.",
                        count).format(places=names, count=number(count))  # fmt: skip
        kinds = ", ".join(dict.fromkeys(labels.precision(records[pid]["precision"], short=True) for pid in shown))
        text += " " + _("Each point stands for an area ({kinds}), not a facility.").format(kinds=kinds)
    else:
        text = _("Map of the step's area; no place in it is marked.")
    if outside:
        text += " " + _("Not in this view: {places}").format(places="; ".join(outside)) + "."
    return text


def source_label(source: Mapping) -> str:
    """A source as the footnotes write it: author, publisher, “title” (date)."""
    author = f"{source['author']}, " if source.get("author") else ""
    published = source.get("published") or _("n.d.")
    return f"{author}{source['publisher']}, “{source['title']}” ({published})"


def step_notes(data: Dataset, step: Step, claims: pd.DataFrame, notes: list[Footnote], link: str) -> list[str]:
    """Speaker notes of a step: each source whole with its URL, then each claim's status and verbatim quote."""
    number_of = {n.source_id: n.number for n in notes}
    sources = data.sources.set_index("id").to_dict("index")
    lines = [f"{step.number}. {step.title}", "", _("Sources on this slide (numbers as on the map):")]
    lines += [f"[{n.number}] {n.label}. {n.url or NO_URL}" for n in notes]
    lines += ["", _("Claims this step rests on:")]
    for claim in claims.to_dict("records"):
        ref = f"[{number_of[claim['source']]}] " if claim["source"] in number_of else ""
        lines.append("")
        lines.append(f"{ref}{claim['summary']} ({claim['id']})")
        lines.append(_("Status: {status}").format(status=labels.status(claim["status"])))
        if claim.get("correction"):
            lines.append(_("Correction:") + " " + claim["correction"])
        if claim.get("quote"):
            quote = f"“{claim['quote']}”"
            relay = sources.get(claim.get("quote_via") or "")
            if relay:
                url = safe_url(relay.get("url")) or NO_URL
                quote += " — " + _("as quoted by") + f" {source_label(relay)}. {url}"
            lines.append(quote)
        else:
            lines.append(_("No quote: the claim is a summary."))
        lines += other_side_lines(record.counter_claims_of(data, claim["id"]))
    if link:
        lines += ["", _("This step in the dashboard: {url}").format(url=link)]
    return lines


def other_side_lines(rows: list[dict]) -> list[str]:
    """What answers a claim, for the presenter asked a hostile question: who, when, the words and where, our view."""
    lines = []
    for row in rows:
        if row["found"] == "found":
            said = f" ({row['said']})" if row.get("said") else ""
            lines.append(_("The other side:") + f" {row['speaker']}{said}: “{row['quote']}” {safe_url(row['excerpt_at']) or NO_URL}")
            lines.append(_("Our assessment:") + " " + row["assessment"])
        elif row["found"] == "none_found":
            lines.append(_("No counter-claim found after searching:") + " " + " | ".join(row.get("queries") or []))
        else:
            lines.append(_("No counter-claim sought:") + " " + row.get("note", ""))
    return lines


def title_notes(data: Dataset, base_url: str) -> list[str]:
    """Speaker notes of the title slide: how to cite the dataset, and where the dashboard is."""
    updated = f" ({data.updated})" if data.updated else ""
    lines = [_("Cite this:"), f"{data.title}, dataset version {data.version}{updated}. CC BY 4.0."]
    if base_url:
        lines[-1] += f" {app_base(base_url)}"
        lines += ["", _("Dashboard: {url}").format(url=app_base(base_url))]
    lines += ["", _("Each step's speaker notes give its sources in full, with their URLs, and the status and "
                    "verbatim quote of each claim it rests on.")]  # fmt: skip
    return lines


def _emu(points: float) -> int:
    return round(points * EMU_PER_PT)


def _place(shape: Any, box: TextBox) -> None:
    shape.left, shape.top, shape.width, shape.height = _emu(box.left), _emu(box.top), _emu(box.width), _emu(box.height)
    shape.name = box.name


def fill(frame: Any, paragraphs: list[Para], *, shrink: bool = True, scale: float = 1.0) -> None:
    """Set ``paragraphs`` into a text frame: sizes, fixed line pitch, direction, per-script faces and languages.

    ``shrink``: the viewer may shrink the text to its box (``normAutofit``), at ``scale`` from the start.
    """
    from pptx.dml.color import RGBColor
    from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
    from pptx.util import Pt

    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.TOP
    frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE if shrink else MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = Pt(INSET)
    if shrink and scale < 1:
        ooxml.set_font_scale(frame, scale)
    frame.clear()
    for index, spec in enumerate(paragraphs):
        p = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        p.line_spacing = Pt(pitch(spec.text, spec.size))
        if spec.space_before:
            p.space_before = Pt(spec.space_before)
        runs = ([(f"{MARKER} ", None, spec.marker)] if spec.marker else []) + [
            (t, u, spec.colour) for t, u in spec.runs
        ]
        for text, url, colour in runs:
            if not text:
                continue
            run = p.add_run()
            run.text = text
            run.font.size = Pt(spec.size)
            run.font.bold = spec.bold
            if colour:
                run.font.color.rgb = RGBColor.from_string(_hex(colour))
            if url:
                run.hyperlink.address = url
            ooxml.style_run(run)
        ooxml.set_direction(p, rtl=bidi.reads_right_to_left(spec.text))


def text_box(slide: Any, box: TextBox) -> Any:
    """A text box on ``slide`` holding ``box``'s paragraphs."""
    shape = slide.shapes.add_textbox(_emu(box.left), _emu(box.top), _emu(box.width), _emu(box.height))
    shape.name = box.name
    fill(shape.text_frame, box.paragraphs, scale=box.scale)
    return shape


def set_title(slide: Any, box: TextBox) -> None:
    """Fill the slide's title placeholder (a real title: outline view and screen readers find it) at ``box``."""
    _place(slide.shapes.title, box)
    fill(slide.shapes.title.text_frame, box.paragraphs)


def set_notes(slide: Any, lines: list[str]) -> None:
    """Speaker notes, one paragraph per line, with the same faces and directions as the slides."""
    fill(slide.notes_slide.notes_text_frame, [para(line, 12) for line in lines], shrink=False)


def _map_size(layout: StepLayout) -> tuple[float, float]:
    """The map picture's figure size in inches at the figures' dpi, so it has :data:`PX_PER_PT` pixels per point."""
    _left, _top, width, height = layout.map
    return width * PX_PER_PT / figures.DPI, height * PX_PER_PT / figures.DPI


def step_slide(prs: Any, measure: Measure, data: Dataset, step: Step, link: str) -> StepLayout:
    """One step: title, map picture with alt text, caption, the slide's sources, credit, speaker notes."""
    claims = step_claims(data, step)
    notes = footnotes(data, claims)
    title = f"{step.number}. {step.title}"
    layout = step_layout(measure, data, title, step.caption, notes)
    slide = prs.slides.add_slide(prs.slide_layouts[5])  # "Title Only"
    set_title(slide, layout.title)
    left, top, width, height = layout.map
    png = figures.map_png(data, claims, size=_map_size(layout), bounds=step.bounds)
    picture = slide.shapes.add_picture(io.BytesIO(png), _emu(left), _emu(top), _emu(width), _emu(height))
    picture.name = "Map"
    ooxml.set_alt_text(picture, alt_text(data, claims, step.bounds, width / height))
    for box in (layout.caption, layout.sources, layout.credit):
        if box.paragraphs:
            text_box(slide, box)
    set_notes(slide, step_notes(data, step, claims, notes, link))
    return layout


def title_slide(prs: Any, measure: Measure, data: Dataset, count: int, date: str, base_url: str) -> None:
    """The dataset's title, the briefing's length, version and date, and the data's credit and licence."""
    slide = prs.slides.add_slide(prs.slide_layouts[0])  # "Title Slide"
    width = WIDTH - 4 * MARGIN
    title = _largest(measure, lambda s: [para(data.title, s, bold=True)], TITLE_SLIDE_SIZES, width, 200.0)
    set_title(slide, TextBox("Title", 2 * MARGIN, 110.0, width, measure.height(title, width), title))
    lines = [para(ngettext("Briefing, {count} step", "Briefing, {count} steps", count).format(count=number(count)), 24)]
    if data.updated:
        version = _("Dataset version {version}, last updated {updated}.").format(
            version=data.version, updated=i18n.date(data.updated))  # fmt: skip
    else:
        version = _("Dataset version {version}").format(version=data.version)
    lines.append(para(version, 18, space_before=6.0))
    since = since_url(data.version, app_base(base_url) if base_url else "")  # a deck is reused for months
    lines.append(para(_("What changed after this version: {address}").format(address=since), 14, space_before=6.0))
    if date and date != data.updated:
        lines.append(para(i18n.date(date), 18, space_before=6.0))
    top = 110.0 + measure.height(title, width) + 16.0
    subtitle = slide.placeholders[1]
    _place(subtitle, TextBox("Subtitle", 2 * MARGIN, top, width, measure.height(lines, width), lines))
    fill(subtitle.text_frame, lines)
    text_box(slide, credit_box(measure, data))
    set_notes(slide, title_notes(data, base_url))


def source_slides(prs: Any, measure: Measure, data: Dataset, deck: list[tuple[Step, pd.DataFrame]]) -> int:
    """Every source the deck's slides cite, numbered across the deck, linked, with the steps citing it; as many slides as needed."""
    import pandas as pd

    if not deck:
        return 0
    every = pd.concat([claims for _step, claims in deck]).drop_duplicates("id")
    notes = footnotes(data, every)
    cited_in: dict[str, list[int]] = {}
    for step, claims in deck:
        for note in footnotes(data, claims):
            cited_in.setdefault(note.source_id, []).append(step.number)
    width = WIDTH - 2 * MARGIN
    entries = []
    for note in notes:
        numbers = cited_in.get(note.source_id, [])
        where = ngettext("step {steps}", "steps {steps}", len(numbers)).format(steps=", ".join(map(str, numbers)))
        runs = ((f"[{note.number}] {note.label}. ", None), (note.url or NO_URL, note.url), (f" ({where})", None))
        entries.append(Para(runs, SOURCE_LIST_SIZE, space_before=PARAGRAPH_GAP, marker=note.colour))
    pages: list[list[Para]] = [[]]
    head = title_box(measure, _("Sources"))
    top = head.top + head.height + 6.0
    available = HEIGHT - MARGIN - top
    for entry in entries:
        if pages[-1] and measure.height([*pages[-1], entry], width) > available:
            pages.append([])
        pages[-1].append(entry)
    for index, page in enumerate(pages, start=1):
        slide = prs.slides.add_slide(prs.slide_layouts[5])
        text = _("Sources") if len(pages) == 1 else _("Sources ({page} of {pages})").format(
            page=number(index), pages=number(len(pages)))  # fmt: skip
        set_title(slide, title_box(measure, text))
        text_box(slide, TextBox("Source list", MARGIN, top, width, measure.height(page, width), page))
    return len(pages)


def _timestamp(date: str) -> dt.datetime:
    """An ISO date (or a partial one) as midnight of that day, for the file's created and modified times."""
    parts = [int(p) for p in date.split("-")[:3]]
    return dt.datetime(parts[0], *[*parts[1:], 1, 1][:2])


def to_pptx(
    data: Dataset, claims: pd.DataFrame | None = None, base_url: str = "", *, table: pd.DataFrame | None = None,
    date: str | None = None,
) -> bytes:  # fmt: skip
    """A 16:9 deck of a briefing: title slide, a slide per step, the sources; notes on every step.

    ``claims`` is ignored (the head is the export formats' writer signature): a deck shows a
    briefing, ``table`` (a presenter's own briefing, :mod:`geo.rules.briefing_file`) or the shipped
    one. ``date`` (ISO) is the deck's date; by default the dataset's release date, never
    today, so the same input gives the same bytes.
    """
    del claims
    from pptx import Presentation

    date = date or data.updated or FALLBACK_DATE
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_EMU
    deck = [(step, step_claims(data, step)) for step in steps(data, table)]
    measure = Measure()
    try:
        title_slide(prs, measure, data, len(deck), date, base_url)
        for step, _claims in deck:
            link = f"{app_base(base_url)}{step_url(step.number, i18n.current())}" if base_url and table is None else ""
            step_slide(prs, measure, data, step, link)
        source_slides(prs, measure, data, deck)
    finally:
        measure.close()
    core = prs.core_properties
    core.title = data.title
    core.subject = ngettext("Briefing, {count} step", "Briefing, {count} steps", len(deck)).format(count=len(deck))
    core.author = core.last_modified_by = DATASET_PUBLISHER
    core.keywords = core.comments = core.category = ""
    core.language = i18n.language().html_lang
    core.revision = 1
    core.created = core.modified = core.last_printed = _timestamp(date)
    core.version = data.version
    out = io.BytesIO()
    prs.save(out)
    return ooxml.stable_zip(out.getvalue())
