"""Static figures without a browser (geopandas + matplotlib): PNG slides and A4 PDF handouts.

A figure must say where it is and what supports it on its own: our boundaries with the
neighbouring provinces and countries named, the shown places as labelled rings (one ring
per source, coloured as on the web map) placed so labels never overprint (adjustText), a
locator inset and a scale bar when the frame is zoomed in, the slide's own sources as
numbered footnotes, and the data attribution. Type sizes are set so a room can read a
1920×1080 slide: body text and labels at least 24 px, footnotes at least 18 px.
Text follows the interface language (:mod:`geo.language.i18n`), drawn with the fonts shipped in
``geo/fonts`` (:mod:`geo.export.typeset`).
"""

from __future__ import annotations

import contextlib
import io
import math
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import geopandas as gpd
import shapely

from geo import settings, style
from geo.export.typeset import FAMILY, family, use_fonts
from geo.language import i18n
from geo.language.i18n import N_, _
from geo.rules import drawing, labels
from geo.rules.citations import Footnote, footnotes
from geo.rules.drawing import RING, extent, level, rings_by_place, shading, whole_area_codes
from geo.rules.provinces import province_summary

if TYPE_CHECKING:
    from collections.abc import Iterator

    import pandas as pd
    from matplotlib import pyplot
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.text import Text

    from geo.evidence.dataset import Dataset

Box = tuple[float, float, float, float]  # west, south, east, north (degrees) or x0, y0, x1, y1 (metres)

WEB_MERCATOR = "EPSG:3857"
SLIDE_PX = (1920, 1080)
DPI = 100
A4_INCHES = (8.27, 11.69)
ATTRIBUTION = N_(
    "Boundaries: Natural Earth (public domain). Points stand for areas (county seats, city centres, region "
    "centroids), never facilities."
)
#: ``gid`` of the artists tests look for.
PLACE_LABEL = "place-label"
BASEMAP_GID = "basemap"  # a basemap layer's gid: "basemap <layer name>"
RING_GID = "ring"  # a ring's gid: "ring <place id> <source id>"
CONTEXT_LABEL = "context-label"
LOCATOR = "locator"
CAPTION = "caption"  # a step's caption (data: translated, or English)


@dataclass(frozen=True)
class TypeSizes:
    """Type sizes of one figure kind, in points (at 100 dpi a point is 100/72 px), and how large it draws lines.

    ``scale`` is points per CSS pixel: the figure draws rings, edges and dashes with the web
    map's values (:mod:`geo.rules.drawing`) times this.
    """

    title: float
    body: float
    label: float
    note: float
    context: float
    scale: float


#: Slides: body and labels 18 pt = 25 px (at least 24 px), footnotes 13.5 pt = 18.75 px (at least 18 px);
#: lines a point per pixel (a 3 px ring is 4 px at 100 dpi, seen from the back of a room).
SLIDE_TYPE = TypeSizes(title=30, body=18, label=18, note=13.5, context=13.5, scale=1.0)
#: Handouts: print sizes.
A4_TYPE = TypeSizes(title=14, body=10, label=9, note=8, context=7.5, scale=0.6)
#: A context label (province, country) is drawn for areas covering at least this share of the frame.
MIN_CONTEXT_SHARE = 0.015
MAX_COUNTRY_LABELS = 12
#: Draw a locator inset when the frame is narrower than this share of China's extent.
LOCATOR_MAX_SHARE = 0.6
#: Draw a scale bar when the frame spans at most this many degrees of latitude (Mercator scale varies).
SCALE_BAR_MAX_LAT_SPAN = 25.0


def px(points: float, dpi: float = DPI) -> float:
    """A type size in points as pixels at ``dpi``."""
    return points * dpi / 72


def _pyplot() -> pyplot:
    """Matplotlib's pyplot on the Agg backend with our fonts, imported on first use (the app's first page never needs it)."""
    import matplotlib as mpl

    mpl.use("Agg")
    import matplotlib.pyplot as plt

    use_fonts()
    return plt


def is_rtl() -> bool:
    """Whether interface text is laid out right to left (Uyghur)."""
    return i18n.language().direction == "rtl"


class Typesetter:
    """Measures, wraps and shortens text for one figure (in pixels, with the figure's fonts)."""

    def __init__(self, fig: Figure) -> None:
        from matplotlib.font_manager import FontProperties

        self.fig = fig
        self.renderer = fig.canvas.get_renderer()
        self._props = FontProperties
        self.dpi = fig.dpi

    def width(self, text: str, size: float, weight: str = "normal") -> float:
        """Pixel width of ``text`` at ``size`` points."""
        props = self._props(family=family(text), size=size, weight=weight)
        width, _height, _descent = self.renderer.get_text_width_height_descent(text, props, ismath=False)
        return width

    def wrap(self, text: str, width_px: float, size: float, weight: str = "normal") -> list[str]:
        """Lines of at most ``width_px``: breaks at spaces, or between Chinese characters."""
        tokens = re.findall(r"[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+", text)
        lines, line = [], ""
        for token in tokens:
            candidate = line + token
            if line and self.width(candidate.rstrip(), size, weight) > width_px:
                lines.append(line.rstrip())
                line = token.lstrip()
            else:
                line = candidate
        if line.strip():
            lines.append(line.rstrip())
        return lines or [""]

    def fit(self, text: str, width_px: float, size: float) -> str:
        """``text`` shortened with an ellipsis to fit ``width_px`` on one line."""
        if self.width(text, size) <= width_px:
            return text
        low, high = 0, len(text)
        while low < high:  # longest prefix that fits with the ellipsis
            middle = (low + high + 1) // 2
            if self.width(text[:middle].rstrip() + "…", size) <= width_px:
                low = middle
            else:
                high = middle - 1
        return text[:low].rstrip() + "…"

    def line_height(self, size: float) -> float:
        """One line of text at ``size`` points, in figure coordinates."""
        return px(size, self.dpi) * 1.32 / (self.fig.get_size_inches()[1] * self.dpi)

    def top_of(self, text: Text) -> float:
        """The upper edge of drawn ``text``, in figure coordinates."""
        return text.get_window_extent(self.renderer).y1 / (self.fig.get_size_inches()[1] * self.dpi)

    def bottom_of(self, text: Text) -> float:
        """The lower edge of drawn ``text``, in figure coordinates."""
        return text.get_window_extent(self.renderer).y0 / (self.fig.get_size_inches()[1] * self.dpi)

    def column_width(self, share: float) -> float:
        """A share of the figure's width, in pixels."""
        return share * self.fig.get_size_inches()[0] * self.dpi


def write(target: Figure | Axes, x: float, y: float, text: str, **style: object) -> Text:
    """Draw interface text, anchored on its right edge when the page is right to left."""
    if is_rtl() and style.pop("mirror", True):
        style.setdefault("ha", "right")
    else:
        style.pop("mirror", None)
    return target.text(x, y, text, fontfamily=family(text), **style)


def view_bounds(data: Dataset, claims: pd.DataFrame) -> Box:
    """The frame of a figure with no frame of its own: the extent of what it draws, else all of China.

    :func:`geo.rules.drawing.extent` frames the places in China and all of any whole region among
    them; places abroad (Santa Clara, Bethlehem) are named under the map instead.
    """
    box = extent(data, claims)
    return box if box is not None else tuple(float(v) for v in data.provinces.total_bounds)


def fit_to_aspect(bounds: Box, aspect: float) -> Box:
    """Grow a Web-Mercator box (x0, y0, x1, y1) so width/height equals the axes' aspect."""
    x0, y0, x1, y1 = bounds
    width, height = x1 - x0, y1 - y0
    if width / height < aspect:
        grow = (height * aspect - width) / 2
        return x0 - grow, y0, x1 + grow, y1
    grow = (width / aspect - height) / 2
    return x0, y0 - grow, x1, y1 + grow


def axes_aspect(ax: Axes) -> float:
    """Width / height of the axes on the page."""
    position = ax.get_position()
    fig_w, fig_h = ax.figure.get_size_inches()
    return (position.width * fig_w) / (position.height * fig_h)


def frame_for(bounds: Box, aspect: float) -> tuple[Box, shapely.Polygon]:
    """A lon/lat box grown to ``aspect`` (width / height) in Web Mercator, and that extent in lon/lat."""
    frame = gpd.GeoSeries([shapely.box(*bounds)], crs=settings.crs).to_crs(WEB_MERCATOR)
    extent = fit_to_aspect(tuple(frame.total_bounds), aspect)
    lonlat = gpd.GeoSeries([shapely.box(*extent)], crs=WEB_MERCATOR).to_crs(settings.crs).iloc[0]
    return extent, lonlat


def mercator_frame(ax: Axes, bounds: Box) -> tuple[Box, shapely.Polygon]:
    """The axes' extent in Web Mercator (the lon/lat box grown to the axes' shape) and that extent in lon/lat."""
    return frame_for(bounds, axes_aspect(ax))


def draw_basemap(ax: Axes, data: Dataset, claims: pd.DataFrame, area: shapely.Polygon, scale: float) -> None:
    """The basemap's layers (:data:`geo.rules.drawing.BASEMAP`, bottom to top), then the provinces sources name, shaded."""
    from matplotlib.colors import to_rgba

    ax.set_facecolor(style.SEA)
    for index, layer in enumerate(drawing.BASEMAP):
        shapes = layer.shapes(data)
        shapes = shapes[shapes.intersects(area)].to_crs(WEB_MERCATOR)
        if shapes.empty:
            continue
        line = {"edgecolor": layer.style.edge, "linewidth": layer.style.edge_width * scale, "zorder": 1 + index / 10}
        fill = "none" if layer.style.fill is None else to_rgba(layer.style.fill, layer.style.fill_opacity)
        shapes.plot(ax=ax, facecolor=fill, **line)
        ax.collections[-1].set_gid(f"{BASEMAP_GID} {layer.name}")
    provinces = data.provinces.set_index("iso_3166_2")
    for code, named in province_summary(claims)["hikvision_named"].items():
        shade = shading(named)
        gpd.GeoSeries([provinces.geometry[code]], crs=settings.crs).to_crs(WEB_MERCATOR).plot(
            ax=ax, facecolor=to_rgba(shade.fill, shade.fill_opacity), edgecolor=shade.edge,
            linewidth=shade.edge_width * scale, zorder=1.5,
        )  # fmt: skip


def draw_rings(ax: Axes, point: shapely.Point, pid: str, sources: list[str], outline: str, colours: dict, scale: float) -> None:
    """A place's rings as the web map draws them (:data:`geo.rules.drawing.RING`): nested, dashed by level, innermost filled.

    Dash lengths are in CSS pixels scaled like the line; matplotlib scales a dash pattern by
    the line width, so the pattern is given in line widths.
    """
    from matplotlib.colors import to_rgba

    width = RING.weight * scale
    dashes = (0, tuple(float(d) / RING.weight for d in outline.split()))
    for index, sid in enumerate(sources):
        fill = to_rgba(colours[sid], RING.fill_opacity) if index == 0 else "none"
        diameter = 2 * RING.radius_of(index) * scale
        ax.scatter(point.x, point.y, s=diameter**2, facecolors=[fill], edgecolors=colours[sid], linewidths=width,
                   linestyles=[dashes], zorder=5 + index, gid=f"{RING_GID} {pid} {sid}")  # fmt: skip


def draw_places(
    ax: Axes, data: Dataset, claims: pd.DataFrame, area: shapely.Polygon, notes: list[Footnote], sizes: TypeSizes
) -> tuple[list[Text], list[str]]:
    """Rings (one per source) and a label per place in the frame; returns the labels and the places left out."""
    number = {n.source_id: n for n in notes}
    colours = {n.source_id: n.colour for n in notes}
    size = sizes.label
    lonlat = data.places.set_index("id")
    points = lonlat.to_crs(WEB_MERCATOR).geometry
    records = lonlat.drop(columns="geometry").to_dict("index")
    texts, outside = [], []
    for pid, sources in rings_by_place(data.sources, claims).items():
        refs = ",".join(str(n) for n in sorted(number[s].number for s in sources))
        name = f"{labels.place_name(records[pid], short=True)} [{refs}]"
        if not area.contains(lonlat.geometry[pid]):
            outside.append(name)
            continue
        point = points[pid]
        draw_rings(ax, point, pid, sources, level(records[pid]["admin_level"]).outline.dash, colours, sizes.scale)
        label = ax.text(point.x, point.y, name, fontsize=size, zorder=20, ha="left", va="center",
                        fontfamily=family(name),
                        bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.85})  # fmt: skip
        label.set_gid(PLACE_LABEL)
        label.place_id = pid  # which place it names (the frame's own province-level places need no grey label)
        texts.append(label)
    return texts, outside


def spread_labels(ax: Axes, texts: list[Text]) -> None:
    """Move place labels apart (adjustText, with leader lines), then settle any pair still touching."""
    if not texts:
        return
    from adjustText import adjust_text

    xs = [t.get_position()[0] for t in texts]
    ys = [t.get_position()[1] for t in texts]
    for text in texts:  # start beside the rings, not on them
        text.set_position(text.get_position())
    adjust_text(texts, x=xs, y=ys, ax=ax, expand=(1.15, 1.4), force_text=(0.3, 0.5), force_static=(0.3, 0.5),
                arrowprops={"arrowstyle": "-", "color": style.FIGURE_TEXT, "lw": 1.0}, iter_lim=400)  # fmt: skip
    settle_overlaps(ax, texts)


def _extent(text: Text, renderer: object) -> object:
    return text.get_window_extent(renderer=renderer).expanded(1.04, 1.1)


def settle_overlaps(ax: Axes, texts: list[Text]) -> None:
    """Push labels that still overlap apart vertically, in display space, until none does (deterministic)."""
    renderer = ax.figure.canvas.get_renderer()
    to_data = ax.transData.inverted()
    for _round in range(50):
        moved = False
        boxes = [_extent(t, renderer) for t in texts]
        for i in range(len(texts)):
            for j in range(i + 1, len(texts)):
                a, b = boxes[i], boxes[j]
                if not a.overlaps(b):
                    continue
                lower = j if b.y0 <= a.y0 else i
                shift = min(a.y1, b.y1) - max(a.y0, b.y0) + 2
                x, y = ax.transData.transform(texts[lower].get_position())
                texts[lower].set_position(to_data.transform((x, y - shift)))
                boxes[lower] = _extent(texts[lower], renderer)
                moved = True
        if not moved:
            return


def country_names() -> dict[str, str]:
    """ISO numeric code -> country name in the current language (Babel's CLDR names via pycountry)."""
    import pycountry
    from babel import Locale

    territories = Locale.parse(i18n.language().locale).territories
    names = {}
    for country in pycountry.countries:
        names[country.numeric] = territories.get(country.alpha_2, country.name)
    return names


def context_labels(
    ax: Axes, data: Dataset, area: shapely.Polygon, size: float, keep_clear: list[Text], labelled: set[str]
) -> list[Text]:
    """Names of the provinces and countries around the frame, in grey, left out where they would overprint.

    ``labelled`` holds the provinces (ISO codes) already named by a place label.
    """
    frame_area = area.area
    candidates: list[tuple[float, shapely.Geometry, str, dict]] = []
    for province in data.provinces.to_dict("records"):
        if province["iso_3166_2"] in labelled:
            continue
        part = province["geometry"].intersection(area)
        if part.area >= MIN_CONTEXT_SHARE * frame_area:
            is_xuar = province["iso_3166_2"] == settings.XUAR_ISO
            font = {"color": style.XUAR if is_xuar else style.CONTEXT_PROVINCE, "style": "italic"}
            candidates.append((part.area, part, labels.place_name(province), font))
    names = country_names()
    countries = []
    for country in data.countries.to_dict("records"):
        if str(country["iso_n3"]) == "156":  # China is drawn by its provinces
            continue
        part = country["geometry"].intersection(area)
        if part.area >= MIN_CONTEXT_SHARE * frame_area:
            name = names.get(str(country["iso_n3"]).zfill(3), country["name"]).upper()
            countries.append((part.area, part, name, {"color": style.CONTEXT_COUNTRY, "weight": "bold"}))
    candidates += sorted(countries, key=lambda c: -c[0])[:MAX_COUNTRY_LABELS]
    renderer = ax.figure.canvas.get_renderer()
    taken = [_extent(t, renderer) for t in keep_clear]
    axes_box = ax.get_window_extent(renderer)
    drawn = []
    for _share, part, name, font in sorted(candidates, key=lambda c: -c[0]):
        text = ax.text(0, 0, name, fontsize=size, ha="center", va="center", zorder=4, fontfamily=family(name),
                       **font)  # fmt: skip
        for x, y in label_spots(part):
            text.set_position((x, y))
            box = _extent(text, renderer)
            inside = axes_box.x0 <= box.x0 and box.x1 <= axes_box.x1 and axes_box.y0 <= box.y0 and box.y1 <= axes_box.y1
            if inside and not any(box.overlaps(t) for t in taken):
                text.set_gid(CONTEXT_LABEL)
                taken.append(box)
                drawn.append(text)
                break
        else:
            text.remove()
    return drawn


def label_spots(part: shapely.Geometry, grid: int = 7) -> list[tuple[float, float]]:
    """Where an area's label may go (Web Mercator): its representative point, then points inside it nearest that."""
    best = part.representative_point()
    west, south, east, north = part.bounds
    spots = [
        shapely.Point(west + (east - west) * (i + 0.5) / grid, south + (north - south) * (j + 0.5) / grid)
        for i in range(grid)
        for j in range(grid)
    ]
    inside = sorted((p for p in spots if part.contains(p)), key=best.distance)
    points = gpd.GeoSeries([best, *inside], crs=settings.crs).to_crs(WEB_MERCATOR)
    return [(p.x, p.y) for p in points]


def draw_locator(fig: Figure, ax: Axes, data: Dataset, extent: Box, avoid: list[Text]) -> Axes | None:
    """A small map of China with the frame marked, in the corner of the map that hides fewest labels."""
    china = gpd.GeoSeries([shapely.union_all(data.provinces.geometry.values)], crs=settings.crs).to_crs(WEB_MERCATOR)
    cx0, cy0, cx1, cy1 = china.total_bounds
    if (extent[2] - extent[0]) > LOCATOR_MAX_SHARE * (cx1 - cx0):
        return None
    position = ax.get_position()
    width = position.width * 0.27
    height = width * axes_aspect(ax) * position.height / position.width / ((cx1 - cx0) / (cy1 - cy0))
    height = min(height, position.height * 0.35)
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in avoid]
    fig_w, fig_h = fig.get_size_inches() * fig.dpi
    corners = [
        (position.x0 + 0.01 * position.width, position.y1 - height - 0.01 * position.height),
        (position.x1 - width - 0.01 * position.width, position.y1 - height - 0.01 * position.height),
        (position.x0 + 0.01 * position.width, position.y0 + 0.08 * position.height),
        (position.x1 - width - 0.01 * position.width, position.y0 + 0.08 * position.height),
    ]

    def hidden(corner: tuple[float, float]) -> int:
        x0, y0 = corner[0] * fig_w, corner[1] * fig_h
        x1, y1 = x0 + width * fig_w, y0 + height * fig_h
        return sum(b.x1 > x0 and b.x0 < x1 and b.y1 > y0 and b.y0 < y1 for b in boxes)

    x, y = min(corners, key=hidden)
    inset = fig.add_axes((x, y, width, height))
    inset.set_gid(LOCATOR)
    pad_x, pad_y = (cx1 - cx0) * 0.04, (cy1 - cy0) * 0.04
    area = gpd.GeoSeries([shapely.box(cx0 - pad_x, cy0 - pad_y, cx1 + pad_x, cy1 + pad_y)], crs=WEB_MERCATOR)
    around = data.countries[data.countries.intersects(area.to_crs(settings.crs).iloc[0])].to_crs(WEB_MERCATOR)
    inset.set_facecolor(style.SEA)
    with no_redraws(fig):
        around.plot(ax=inset, color=style.LAND, edgecolor=style.COUNTRY_EDGE, linewidth=0.3)
        data.provinces.to_crs(WEB_MERCATOR).plot(ax=inset, color=style.LOCATOR_CHINA, edgecolor=style.PROVINCE_EDGE,
                                                 linewidth=0.25)  # fmt: skip
    from matplotlib.patches import Rectangle

    inset.add_patch(Rectangle((extent[0], extent[1]), extent[2] - extent[0], extent[3] - extent[1], fill=False,
                              edgecolor=style.LOCATOR_FRAME, linewidth=2, zorder=10))  # fmt: skip
    inset.set_xlim(cx0 - pad_x, cx1 + pad_x)
    inset.set_ylim(cy0 - pad_y, cy1 + pad_y)
    inset.set_xticks([])
    inset.set_yticks([])
    inset.set_xlabel("")
    inset.set_ylabel("")
    for spine in inset.spines.values():
        spine.set_edgecolor(style.LOCATOR_EDGE)
    return inset


def draw_scale_bar(ax: Axes, area: shapely.Polygon, size: float) -> None:
    """A scale bar true at the frame's middle latitude (Web Mercator stretches distances by 1/cos(latitude))."""
    south, north = area.bounds[1], area.bounds[3]
    if north - south > SCALE_BAR_MAX_LAT_SPAN:
        return
    from matplotlib_scalebar.scalebar import ScaleBar

    latitude = (south + north) / 2
    bar = ScaleBar(math.cos(math.radians(latitude)), units="m", location="lower right", length_fraction=0.18,
                   box_alpha=0.8, font_properties={"size": size, "family": FAMILY})  # fmt: skip
    ax.add_artist(bar)


@contextlib.contextmanager
def no_redraws(fig: Figure) -> Iterator[None]:
    """Let geopandas plot without rendering the whole figure after each layer.

    ``GeoDataFrame.plot`` ends with ``canvas.draw_idle()``, which the Agg canvas carries out at
    once: a slide with its basemap layers and shaded provinces was rendered about ten times
    (4.7 s; 1.7 s without). The final image is drawn once, when it is saved.
    """
    fig.canvas.draw_idle = lambda *args, **kwargs: None
    try:
        yield
    finally:
        del fig.canvas.draw_idle


def draw_map(
    ax: Axes, data: Dataset, claims: pd.DataFrame, bounds: Box, notes: list[Footnote], sizes: TypeSizes
) -> list[str]:
    """The whole map panel; returns the places left out of view (named under the map)."""
    extent, area = mercator_frame(ax, bounds)
    with no_redraws(ax.figure):
        draw_basemap(ax, data, claims, area, sizes.scale)
    ax.set_xlim(extent[0], extent[2])
    ax.set_ylim(extent[1], extent[3])
    ax.set_axis_off()
    ax.add_patch(_pyplot().Rectangle((extent[0], extent[1]), extent[2] - extent[0], extent[3] - extent[1],
                                     facecolor=style.SEA, zorder=-10))  # fmt: skip
    texts, outside = draw_places(ax, data, claims, area, notes, sizes)
    spread_labels(ax, texts)
    drawn = data.places[data.places["id"].isin({t.place_id for t in texts})]
    named = set(drawn.loc[drawn["admin_level"].isin(whole_area_codes()), "iso_3166_2"])
    context = context_labels(ax, data, area, sizes.context, texts, named)
    draw_scale_bar(ax, area, sizes.note)
    draw_locator(ax.figure, ax, data, extent, texts + context)
    return outside


def short_note(note: Footnote) -> str:
    """A footnote on one line: number, publisher, title, date (the URL goes to the PDF's sources page)."""
    return f"[{note.number}] {note.label}"


def draw_notes(
    fig: Figure, notes: list[Footnote], x: float, top: float, bottom: float, width_share: float, size: float,
    *, one_line: bool,
) -> float:  # fmt: skip
    """Numbered sources with their ring colour; one line each on slides, wrapped with URLs in handouts.

    Stops above ``bottom`` and says how many more there are rather than shrinking the type.
    """
    setter = Typesetter(fig)
    line = setter.line_height(size)
    width = setter.column_width(width_share) - px(size) * 1.6
    y = top
    for index, note in enumerate(notes):
        lines = [setter.fit(short_note(note), width, size)] if one_line else setter.wrap(
            f"[{note.number}] {note.text}", width, size)  # fmt: skip
        if y - line * (len(lines) + 1.2) < bottom and index < len(notes) - 1:
            rest = len(notes) - index
            more = i18n.ngettext("… and {count} more source: see the PDF's sources page",
                                 "… and {count} more sources: see the PDF's sources page", rest)  # fmt: skip
            write(fig, x + (width_share if is_rtl() else 0), y, more.format(count=i18n.number(rest)), fontsize=size,
                  va="top", style="italic")  # fmt: skip
            return y - line
        fig.text(x, y, "◯", color=note.colour, fontsize=size + 1, weight="bold", va="top")
        text = fig.text(x + px(size) * 1.6 / setter.column_width(1), y, "\n".join(lines), fontsize=size, va="top",
                        linespacing=1.2)  # fmt: skip
        y = setter.bottom_of(text) - line * 0.3
    return y


def attribution(data: Dataset) -> str:
    """The boundaries' and the data's credit and licence, and what a point stands for (every figure and deck carries it)."""
    data_line = _("Data: {title}, version {version}, CC BY 4.0.").format(title=data.title, version=data.version)
    return _(ATTRIBUTION) + " " + data_line


def _right_column(
    fig: Figure, x: float, width: float, top: float, bottom: float, caption: str, notes: list[Footnote],
    sizes: TypeSizes,
) -> float:  # fmt: skip
    """Caption (data: translated, or English) then the sources; returns how low the text reached."""
    setter = Typesetter(fig)
    y = top
    if caption:
        lines = setter.wrap(caption, setter.column_width(width), sizes.body)
        text = write(fig, x + (width if is_rtl() else 0), y, "\n".join(lines), fontsize=sizes.body, va="top",
                     linespacing=1.25, gid=CAPTION)  # fmt: skip
        y = setter.bottom_of(text) - setter.line_height(sizes.body) * 0.6
    heading = write(fig, x + (width if is_rtl() else 0), y, _("Sources (ring colours on the map)"),
                    fontsize=sizes.note + 2, weight="bold", va="top")  # fmt: skip
    y = setter.bottom_of(heading) - setter.line_height(sizes.note) * 0.4
    return draw_notes(fig, notes, x, y, bottom, width, sizes.note, one_line=True)


def _not_in_view(ax: Axes, outside: list[str], size: float) -> None:
    if outside:
        text = _("Not in this view: {places}").format(places="; ".join(outside))
        # bottom left in every language: the scale bar takes the bottom right
        write(ax, 0.01, 0.01, text, transform=ax.transAxes, fontsize=size, va="bottom", mirror=False,
              bbox={"fc": "white", "alpha": 0.85, "ec": "none"}, zorder=30)  # fmt: skip


def slide(data: Dataset, claims: pd.DataFrame, *, title: str, caption: str = "", bounds: Box | None = None) -> Figure:
    """A 1920×1080 slide: the map on the left; caption and the slide's own sources on the right.

    The right column widens (and the map narrows) until the caption and footnotes fit at
    readable sizes; footnotes that still do not fit are counted, never shrunk.
    """
    notes = footnotes(data, claims)
    sizes = SLIDE_TYPE
    plt = _pyplot()
    fig = plt.figure(figsize=(SLIDE_PX[0] / DPI, SLIDE_PX[1] / DPI), dpi=DPI)
    setter = Typesetter(fig)
    title_lines = setter.wrap(title, setter.column_width(0.96), sizes.title, "bold")[:2]
    fig.text(0.02, 0.975, "\n".join(title_lines), fontsize=sizes.title, weight="bold", va="top")
    top = 0.975 - setter.line_height(sizes.title) * (len(title_lines) + 0.5)
    credit_lines = setter.wrap(attribution(data), setter.column_width(0.96), sizes.note)
    credit = write(fig, 0.98 if is_rtl() else 0.02, 0.012, "\n".join(credit_lines), fontsize=sizes.note,
                   color=style.FIGURE_TEXT, va="bottom")  # fmt: skip
    # measured, not estimated: Arabic script's fonts set taller lines than Latin's
    bottom = setter.top_of(credit) + setter.line_height(sizes.note) * 0.4
    # Widen the text column until everything fits; a caption too long even then (a translation can run
    # longer than its English) is set at the footnotes' size, never smaller.
    tries = [(c, sizes) for c in (0.36, 0.41, 0.46, 0.52, 0.58)] + [(0.58, replace(sizes, body=sizes.note))]
    for column, column_sizes in tries:
        texts_before = len(fig.texts)
        reached = _right_column(fig, 1 - column - 0.015, column, top, bottom, caption, notes, column_sizes)
        if reached >= bottom or (column, column_sizes) == tries[-1]:
            break
        for text in fig.texts[texts_before:]:
            text.remove()
    ax = fig.add_axes((0.015, bottom, 1 - column - 0.05, top - bottom))
    _not_in_view(ax, draw_map(ax, data, claims, bounds or view_bounds(data, claims), notes, sizes), sizes.note)
    return fig


def map_panel(data: Dataset, claims: pd.DataFrame, *, size: tuple[float, float], bounds: Box | None = None) -> Figure:
    """The map panel alone, filling a figure of ``size`` inches at the slide's type sizes.

    For a deck (:mod:`geo.export.deck`), whose slides set the title, caption and sources as
    editable text beside the picture: drawn into the picture as well, they would be there twice.
    Place labels keep their footnote numbers (``[1,2]``), which the slide's sources list repeats.
    """
    notes = footnotes(data, claims)
    fig = _pyplot().figure(figsize=size, dpi=DPI)
    ax = fig.add_axes((0, 0, 1, 1))
    outside = draw_map(ax, data, claims, bounds or view_bounds(data, claims), notes, SLIDE_TYPE)
    _not_in_view(ax, outside, SLIDE_TYPE.note)
    return fig


def map_png(data: Dataset, claims: pd.DataFrame, *, size: tuple[float, float], bounds: Box | None = None) -> bytes:
    """PNG bytes of :func:`map_panel`."""
    return figure_bytes(map_panel(data, claims, size=size, bounds=bounds))


def a4_pages(
    data: Dataset, claims: pd.DataFrame, *, title: str, caption: str = "", bounds: Box | None = None
) -> list[Figure]:
    """An A4 handout: page 1 the map and caption, page 2 every source with its URL."""
    notes = footnotes(data, claims)
    sizes = A4_TYPE
    plt = _pyplot()
    page = plt.figure(figsize=A4_INCHES, dpi=DPI)
    setter = Typesetter(page)
    title_lines = setter.wrap(title, setter.column_width(0.88), sizes.title, "bold")
    page.text(0.06, 0.97, "\n".join(title_lines), fontsize=sizes.title, weight="bold", va="top")
    ax = page.add_axes((0.06, 0.33, 0.88, 0.57))
    _not_in_view(ax, draw_map(ax, data, claims, bounds or view_bounds(data, claims), notes, sizes), sizes.note)
    if caption:
        write(page, 0.94 if is_rtl() else 0.06, 0.31, "\n".join(setter.wrap(caption, setter.column_width(0.88), sizes.body)),
              fontsize=sizes.body, va="top", gid=CAPTION)  # fmt: skip
    footer = attribution(data) + " " + _("Sources: page 2.")
    write(page, 0.94 if is_rtl() else 0.06, 0.03, "\n".join(setter.wrap(footer, setter.column_width(0.88), 7)),
          fontsize=7, color=style.FIGURE_TEXT)  # fmt: skip
    sources = plt.figure(figsize=A4_INCHES, dpi=DPI)
    sources.text(0.06, 0.97, "\n".join(title_lines), fontsize=sizes.title - 2, weight="bold", va="top")
    top = 0.97 - Typesetter(sources).line_height(sizes.title) * (len(title_lines) + 0.6)
    write(sources, 0.94 if is_rtl() else 0.06, top, _("Sources (ring colours on the map)"), fontsize=sizes.note + 2,
          weight="bold", va="top")  # fmt: skip
    draw_notes(sources, notes, 0.06, top - 0.03, 0.06, 0.88, sizes.note if len(notes) <= 24 else 7, one_line=False)
    write(sources, 0.94 if is_rtl() else 0.06, 0.03, "\n".join(Typesetter(sources).wrap(
        attribution(data), Typesetter(sources).column_width(0.88), 7)), fontsize=7, color=style.FIGURE_TEXT)  # fmt: skip
    return [page, sources]


def figure_bytes(fig: Figure) -> bytes:
    """PNG bytes without a software stamp, so the same figure gives the same file."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    _pyplot().close(fig)
    return buffer.getvalue()


def pdf_bytes(pages: list[Figure]) -> bytes:
    """A multi-page PDF without creation dates, so the same pages give the same file."""
    buffer = io.BytesIO()
    from matplotlib.backends.backend_pdf import PdfPages

    with PdfPages(buffer, metadata={"CreationDate": None, "Creator": None, "Producer": None}) as pdf:
        for page in pages:
            pdf.savefig(page)
            _pyplot().close(page)
    return buffer.getvalue()


def to_png(data: Dataset, claims: pd.DataFrame, base_url: str = "", **layout: object) -> bytes:
    """Slide-sized PNG (1920×1080) of the shown claims; ``layout``: ``title``, ``caption``, ``bounds``."""
    del base_url
    return figure_bytes(slide(data, claims, **_with_title(data, layout)))


def to_pdf(data: Dataset, claims: pd.DataFrame, base_url: str = "", **layout: object) -> bytes:
    """Two-page A4 PDF (map, then sources) of the shown claims, for print; ``layout`` as :func:`to_png`."""
    del base_url
    return pdf_bytes(a4_pages(data, claims, **_with_title(data, layout)))


def _with_title(data: Dataset, layout: dict) -> dict:
    """The layout options, titled with the dataset's title when none is given."""
    return {**layout, "title": layout.get("title") or data.title}
