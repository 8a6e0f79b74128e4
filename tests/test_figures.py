"""Slides and handouts a room can read: labels never overprint, type is large enough, each slide says where it is."""

from __future__ import annotations

import csv
import warnings
from pathlib import Path

import matplotlib
import pytest
import shapely

from geo import settings
from geo.build.fontsubset import missing_characters
from geo.export import figures, typeset
from geo.language import i18n
from geo.rules import briefing
from geo.rules.citations import footnotes

#: 24 px and 18 px at the slide's 100 dpi, in points.
BODY_PT = 24 * 72 / figures.DPI
FOOTNOTE_PT = 18 * 72 / figures.DPI


def drawn(fig):
    """Draw the figure (positions are final only then) and return its renderer."""
    fig.canvas.draw()
    return fig.canvas.get_renderer()


def texts_with(fig, gid: str):
    return [t for ax in fig.axes for t in ax.texts if t.get_gid() == gid and t.get_visible()]


def step_slide(data, number: int):
    step = briefing.steps(data)[number - 1]
    claims = briefing.step_claims(data, step)
    return step, claims, figures.slide(data, claims, title=step.title, caption=step.caption, bounds=step.bounds)


class Slides:
    """Slides by number (0: the default view, 1 onwards: the briefing steps), each drawn once, when first asked for."""

    def __init__(self, data, default_slide) -> None:
        self.data = data
        self.made = {0: (None, data.claims, default_slide)}  # shared with other modules: never closed here

    def __getitem__(self, number: int):
        if number not in self.made:
            step, claims, fig = step_slide(self.data, number)
            drawn(fig)
            self.made[number] = (step, claims, fig)
        return self.made[number]

    def close(self) -> None:
        for number, (_step, _claims, fig) in self.made.items():
            if number:
                figures._pyplot().close(fig)


@pytest.fixture(scope="module")
def slides(data, default_slide):
    made = Slides(data, default_slide)
    yield made
    made.close()


def briefing_steps() -> int:
    """The number of briefing steps, read at collection (the ``data`` fixture is not there yet)."""
    with (settings.data_dir / settings.BRIEFING_CSV).open(encoding="utf-8", newline="") as table:
        return sum(1 for _row in csv.DictReader(table))


#: Slides whose every label and type size the quick loop checks: the default view (0), a whole region (1), three
#: counties (2), the world (3), many provinces (7) and a step that names no place (8); the other steps run as slow.
QUICK_SLIDES = (0, 1, 2, 3, 7, 8)
SLIDES = [n if n in QUICK_SLIDES else pytest.param(n, marks=pytest.mark.slow) for n in range(briefing_steps() + 1)]


def test_every_briefing_step_is_checked(data) -> None:
    assert briefing_steps() == len(data.briefing)


@pytest.mark.parametrize("number", SLIDES)
def test_place_labels_never_overlap_and_stay_on_the_map(slides, number: int) -> None:
    _step, claims, fig = slides[number]
    renderer = fig.canvas.get_renderer()
    labels = texts_with(fig, figures.PLACE_LABEL)
    assert bool(labels) == (claims["place"] != "").any(), number  # step 8 (a treaty) names no place
    boxes = [t.get_window_extent(renderer) for t in labels]
    axes = fig.axes[0].get_window_extent(renderer)
    for i, a in enumerate(boxes):
        inside = axes.x0 - 1 <= a.x0 and a.x1 <= axes.x1 + 1 and axes.y0 - 1 <= a.y0 and a.y1 <= axes.y1 + 1
        assert inside, number
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b), (number, labels[i].get_text())
    context = [t.get_window_extent(renderer) for t in texts_with(fig, figures.CONTEXT_LABEL)]
    assert not any(c.overlaps(b) for c in context for b in boxes), number


@pytest.mark.parametrize("number", SLIDES)
def test_every_drawn_place_is_labelled(slides, number: int) -> None:
    _step, claims, fig = slides[number]
    rings = {a.get_gid().split(" ")[1] for ax in fig.axes for a in ax.collections
             if (a.get_gid() or "").startswith(figures.RING_GID + " ")}  # fmt: skip
    labelled = {t.place_id for t in texts_with(fig, figures.PLACE_LABEL)}
    assert rings == labelled
    assert bool(rings) == (claims["place"] != "").any()  # step 8 (a treaty) names no place


@pytest.mark.parametrize("number", SLIDES)
def test_type_is_readable_from_the_back_of_a_room(slides, number: int) -> None:
    _step, _claims, fig = slides[number]
    sizes = [t.get_fontsize() for t in fig.texts] + [t.get_fontsize() for ax in fig.axes for t in ax.texts]
    assert min(sizes) >= FOOTNOTE_PT, number  # footnotes, attribution, context names: at least 18 px
    labels = texts_with(fig, figures.PLACE_LABEL)
    assert all(t.get_fontsize() >= BODY_PT for t in labels), number  # labels and body: at least 24 px
    assert figures.SLIDE_TYPE.body >= BODY_PT


def test_a_slide_lists_only_its_own_sources(data, slides) -> None:
    _step, claims, fig = slides[2]
    text = " ".join(t.get_text() for t in fig.texts)
    own = footnotes(data, claims)
    assert f"[{len(own)}]" in text
    assert f"[{len(own) + 1}]" not in text
    assert "The Register" not in text  # a source of another step


def test_the_whole_area_of_interest_is_in_frame(data, slides) -> None:
    _step, _claims, fig = slides[1]  # Xinjiang: the whole region, not a box around its centroid
    ax = fig.axes[0]
    xuar = data.provinces.loc[data.provinces["iso_3166_2"] == settings.XUAR_ISO].to_crs(figures.WEB_MERCATOR)
    west, south, east, north = xuar.total_bounds
    assert ax.get_xlim()[0] <= west
    assert east <= ax.get_xlim()[1]
    assert ax.get_ylim()[0] <= south
    assert north <= ax.get_ylim()[1]


def test_a_zoomed_in_slide_says_where_it_is(slides) -> None:
    _step, _claims, fig = slides[2]  # three counties: a locator, a scale bar, the region named
    assert any(ax.get_gid() == figures.LOCATOR for ax in fig.axes)
    assert any(type(a).__name__ == "ScaleBar" for a in fig.axes[0].artists)
    context = " ".join(t.get_text() for t in texts_with(fig, figures.CONTEXT_LABEL))
    assert "Xinjiang Uyghur Autonomous Region" in context
    _step, _claims, world = slides[3]  # a world view needs neither
    assert not any(ax.get_gid() == figures.LOCATOR for ax in world.axes)
    assert not any(type(a).__name__ == "ScaleBar" for a in world.axes[0].artists)


def test_neighbouring_provinces_and_countries_are_named(slides) -> None:
    _step, _claims, fig = slides[7]
    context = " ".join(t.get_text() for t in texts_with(fig, figures.CONTEXT_LABEL))
    assert "Sichuan" in context
    assert "MYANMAR" in context.upper()


@pytest.mark.parametrize("code", ["zh", "ug"])
def test_slides_in_chinese_and_uyghur_have_every_glyph(data, code: str) -> None:
    with i18n.speaking(code), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _step, _claims, fig = step_slide(data, 1)
        drawn(fig)
    missing = [str(w.message) for w in caught if "missing from" in str(w.message)]
    names = " ".join(t.get_text() for t in texts_with(fig, figures.PLACE_LABEL))
    figures._pyplot().close(fig)
    assert missing == []
    assert ("乌鲁木齐" if code == "zh" else "ئۈرۈمچى") in names


def test_shipped_fonts_cover_every_character_figures_draw(data) -> None:
    """If this fails after a data or catalog change, run ``python -m geo fonts`` (see geo/fonts/README.md)."""
    assert missing_characters(data) == {"Noto Sans CJK SC": set(), "Noto Sans Arabic": set()}
    claim_text = " ".join(data.tables["translations"]["text"])
    assert "月" in claim_text  # the check reads the data's text columns (it read none when pandas made them ``str``)


@pytest.mark.parametrize("weight", ["normal", "bold"])
def test_figures_take_their_fonts_from_the_project_and_matplotlib_only(weight: str) -> None:
    """Not from the machine: a system Noto (this machine has Debian's) would change a figure's bytes."""
    from matplotlib import font_manager

    figures._pyplot()  # registers the fonts
    allowed = (settings.FONTS_DIR, Path(matplotlib.get_data_path()))
    for family in typeset.FAMILY:
        found = Path(font_manager.findfont(font_manager.FontProperties(family=family, weight=weight)))
        assert any(found.is_relative_to(folder) for folder in allowed), f"{family} {weight}: {found}"


def test_frame_of_a_province_level_step_is_its_boundary(data) -> None:
    step = briefing.steps(data)[0]
    xuar = data.provinces.loc[data.provinces["iso_3166_2"] == settings.XUAR_ISO].geometry.iloc[0]
    assert shapely.box(*step.bounds).contains(xuar)


@pytest.mark.parametrize(
    ("code", "number"),
    [(c, n) if (c, n) == ("ug", 2) else pytest.param(c, n, marks=pytest.mark.slow)  # the longest caption, quick
     for c in ("zh", "ug") for n in range(1, briefing_steps() + 1)],
)  # fmt: skip
def test_translated_captions_fit_the_slide_in_each_language(data, code: str, number: int) -> None:
    """Each step's translated caption and footnotes stay inside the slide (Uyghur shaped, right-aligned)."""
    from geo.evidence.content import localized

    local = localized(data, code)
    with i18n.speaking(code), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _step, _claims, fig = step_slide(local, number)
        renderer = drawn(fig)
    try:
        captions = [t for t in fig.texts if t.get_gid() == figures.CAPTION]
        assert len(captions) == 1
        caption = captions[0]
        row = local.briefing.set_index("step").loc[number]
        assert row["caption_lang"] == code  # the translation, not the English
        assert caption.get_text().replace("\n", "").replace(" ", "")[:12] == row["caption"].replace(" ", "")[:12]
        box = caption.get_window_extent(renderer)
        width, height = fig.get_size_inches() * fig.dpi
        assert (box.x0, box.y0) >= (0, 0)  # no overflow off the slide
        assert box.x1 <= width
        assert box.y1 <= height
        assert caption.get_horizontalalignment() == ("right" if code == "ug" else "left")
        boxes = [(t.get_text()[:30], t.get_window_extent(renderer)) for t in fig.texts if t.get_text().strip()]
        clashes = [(a, b) for i, (a, box_a) in enumerate(boxes) for b, box_b in boxes[i + 1:] if box_a.overlaps(box_b)]
        assert clashes == []  # title, caption, sources heading, footnotes and attribution never overlap
        assert [str(w.message) for w in caught if "missing from" in str(w.message)] == []
    finally:
        figures._pyplot().close(fig)
