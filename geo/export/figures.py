"""Static figures without a browser (geopandas + matplotlib): PNG for slides, PDF for print.

Each figure has our boundaries, the shown places as labelled rings (one ring per source,
as on the web map), a legend by source with numbers, numbered source footnotes and the
data attribution, so a slide or handout carries its own provenance.
"""

from __future__ import annotations

import io
import textwrap
from typing import TYPE_CHECKING

import geopandas as gpd
import shapely

from geo import settings
from geo.citations import Footnote, footnotes
from geo.provinces import province_summary
from geo.style import (
    COUNTRY_EDGE,
    HIKVISION_PROVINCE,
    LAND_COLOUR,
    OTHER_PROVINCE,
    PROVINCE_EDGE,
    SEA_COLOUR,
    XUAR_COLOUR,
)

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib import pyplot
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from geo.dataset import Dataset

WEB_MERCATOR = "EPSG:3857"
SLIDE_PX = (1920, 1080)
A4_INCHES = (8.27, 11.69)
ATTRIBUTION = (
    "Boundaries: Natural Earth (public domain). Points stand for areas (county seats, city centres, "
    "region centroids), never facilities."
)


def _pyplot() -> pyplot:
    """Matplotlib's pyplot on the Agg backend, imported on first use (the app's first page never needs it)."""
    import matplotlib as mpl

    mpl.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def view_bounds(data: Dataset, claims: pd.DataFrame, pad: float = 2.0) -> tuple[float, float, float, float]:
    """Lon/lat box around the shown places in China (or all shown places when none is in China)."""
    points = data.places[data.places["id"].isin(set(claims["place"]))]
    chinese = points[points["country"] == "CN"]
    points = chinese if not chinese.empty else points
    if points.empty:
        minx, miny, maxx, maxy = data.provinces.total_bounds
        return minx, miny, maxx, maxy
    minx, miny, maxx, maxy = points.total_bounds
    return minx - pad, miny - pad, maxx + pad, maxy + pad


def fit_to_aspect(bounds: tuple[float, float, float, float], aspect: float) -> tuple[float, float, float, float]:
    """Grow a Web-Mercator box (x0, y0, x1, y1) so width/height equals the axes' aspect."""
    x0, y0, x1, y1 = bounds
    width, height = x1 - x0, y1 - y0
    if width / height < aspect:
        grow = (height * aspect - width) / 2
        return x0 - grow, y0, x1 + grow, y1
    grow = (width / aspect - height) / 2
    return x0, y0 - grow, x1, y1 + grow


def _short_name(name: str) -> str:
    return name.split(" (", maxsplit=1)[0].split(",", maxsplit=1)[0]


def draw_map(
    ax: Axes, data: Dataset, claims: pd.DataFrame, bounds: tuple[float, float, float, float], notes: list[Footnote]
) -> list[str]:
    """Boundaries, province shading, XUAR outline and labelled rings; returns places left out of view."""
    box = shapely.box(*bounds)
    ax.set_facecolor(SEA_COLOUR)
    countries = data.countries[data.countries.intersects(box)].to_crs(WEB_MERCATOR)
    countries.plot(ax=ax, color=LAND_COLOUR, edgecolor=COUNTRY_EDGE, linewidth=0.5)
    provinces = data.provinces.to_crs(WEB_MERCATOR)
    for code, hikvision in province_summary(claims)["hikvision_named"].items():
        colour = HIKVISION_PROVINCE if hikvision else OTHER_PROVINCE
        provinces[provinces["iso_3166_2"] == code].plot(ax=ax, color=colour, alpha=0.45, linewidth=0)
    provinces.boundary.plot(ax=ax, color=PROVINCE_EDGE, linewidth=0.5)
    provinces[provinces["iso_3166_2"] == settings.XUAR_ISO].boundary.plot(ax=ax, color=XUAR_COLOUR, linewidth=2)
    number = {n.source_id: n for n in notes}
    mapped = claims[claims["place"] != ""]
    lonlat = data.places.set_index("id")
    places = lonlat.to_crs(WEB_MERCATOR)
    outside = []
    for pid, group in mapped.groupby("place", sort=False):
        point = places.geometry[pid]
        sources = list(dict.fromkeys(group["source"]))
        if not box.contains(lonlat.geometry[pid]):
            outside.append(
                f"{_short_name(places.loc[pid, 'name_en'])} [{','.join(str(number[s].number) for s in sources)}]"
            )
            continue
        for ring, sid in enumerate(sources):
            ax.scatter(
                point.x,
                point.y,
                s=(9 + 5 * ring) ** 2,
                facecolors="none",
                edgecolors=number[sid].colour,
                linewidths=2.2,
                zorder=5 + ring,
            )
        refs = ",".join(str(number[s].number) for s in sources)
        ax.annotate(
            f"{_short_name(places.loc[pid, 'name_en'])} [{refs}]",
            (point.x, point.y),
            xytext=(10 + 5 * len(sources), 4),
            textcoords="offset points",
            fontsize=9,
            zorder=20,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75},
        )
    frame = gpd.GeoSeries([box], crs=settings.crs).to_crs(WEB_MERCATOR)
    position = ax.get_position()
    fig_w, fig_h = ax.figure.get_size_inches()
    x0, y0, x1, y1 = fit_to_aspect(tuple(frame.total_bounds), (position.width * fig_w) / (position.height * fig_h))
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_axis_off()
    ax.add_patch(_pyplot().Rectangle((x0, y0), x1 - x0, y1 - y0, facecolor=SEA_COLOUR, zorder=-10))
    return outside


def draw_notes(fig: Figure, notes: list[Footnote], x: float, top: float, width_chars: int, size: float) -> float:
    """Numbered sources, each with its ring colour: the legend and the footnotes in one list."""
    line = size * 1.35 / (fig.get_size_inches()[1] * 72)  # one text line in figure coordinates
    y = top
    for note in notes:
        lines = textwrap.wrap(f"[{note.number}] {note.text}", width=width_chars) or [""]
        fig.text(x, y, "◯", color=note.colour, fontsize=size + 1, weight="bold", va="top")
        fig.text(x + 0.018, y, "\n".join(lines), fontsize=size, va="top")
        y -= line * len(lines) + line * 0.35
    return y


def _line_height(fig: Figure, size: float) -> float:
    return size * 1.35 / (fig.get_size_inches()[1] * 72)


def _sources_block(fig: Figure, notes: list[Footnote], x: float, top: float, width: int, size: float) -> None:
    fig.text(x, top, "Sources (ring colours on the map)", fontsize=size + 1, weight="bold", va="top")
    draw_notes(fig, notes, x, top - 1.8 * _line_height(fig, size + 1), width, size)


def _attribution(data: Dataset) -> str:
    return f"{ATTRIBUTION} Data: {data.title}, version {data.version}, CC BY 4.0."


def slide(data: Dataset, claims: pd.DataFrame, *, title: str, caption: str = "", bounds=None) -> Figure:
    """A 1920×1080 slide: map on the left; caption, legend by source and footnotes on the right."""
    notes = footnotes(data, claims)
    fig = _pyplot().figure(figsize=(SLIDE_PX[0] / 100, SLIDE_PX[1] / 100), dpi=100)
    ax = fig.add_axes((0.02, 0.07, 0.56, 0.8))
    fig.text(0.02, 0.97, textwrap.fill(title, 90), fontsize=22, weight="bold", va="top")
    width, size = (95, 10) if len(notes) <= 12 else (120, 6.5)
    _finish_map(ax, data, claims, bounds, notes)
    top = 0.87
    if caption:
        wrapped = textwrap.fill(caption, width=int(width * 0.75))
        fig.text(0.6, top, wrapped, fontsize=size + 3, va="top")
        top -= (wrapped.count("\n") + 2.2) * _line_height(fig, size + 3)
    _sources_block(fig, notes, 0.6, top, width, size)
    fig.text(0.02, 0.015, textwrap.fill(_attribution(data), 200), fontsize=8, color="#444")
    return fig


def a4_pages(data: Dataset, claims: pd.DataFrame, *, title: str, caption: str = "", bounds=None) -> list[Figure]:
    """An A4 handout: page 1 the map and caption, page 2 the numbered sources."""
    notes = footnotes(data, claims)
    page = _pyplot().figure(figsize=A4_INCHES, dpi=100)
    page.text(0.06, 0.97, textwrap.fill(title, 70), fontsize=14, weight="bold", va="top")
    ax = page.add_axes((0.06, 0.3, 0.88, 0.6))
    _finish_map(ax, data, claims, bounds, notes)
    if caption:
        page.text(0.06, 0.27, textwrap.fill(caption, 100), fontsize=10, va="top")
    page.text(0.06, 0.03, textwrap.fill(_attribution(data) + " Sources: page 2.", 120), fontsize=7, color="#444")
    sources = _pyplot().figure(figsize=A4_INCHES, dpi=100)
    sources.text(0.06, 0.97, textwrap.fill(title, 70), fontsize=12, weight="bold", va="top")
    _sources_block(sources, notes, 0.06, 0.93, 115, 7.5 if len(notes) <= 20 else 6.5)
    sources.text(0.06, 0.03, textwrap.fill(_attribution(data), 120), fontsize=7, color="#444")
    return [page, sources]


def _finish_map(ax: Axes, data: Dataset, claims: pd.DataFrame, bounds, notes: list[Footnote]) -> None:
    outside = draw_map(ax, data, claims, bounds or view_bounds(data, claims), notes)
    if outside:
        ax.text(0.01, 0.01, "Not in this view: " + "; ".join(outside), transform=ax.transAxes, fontsize=9,
                va="bottom", bbox={"fc": "white", "alpha": 0.8, "ec": "none"})  # fmt: skip


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


def to_png(
    data: Dataset, claims: pd.DataFrame, base_url: str = "", *, title: str = "", caption: str = "", bounds=None
) -> bytes:
    """Slide-sized PNG (1920×1080) of the shown claims."""
    del base_url
    return figure_bytes(slide(data, claims, title=title or data.title, caption=caption, bounds=bounds))


def to_pdf(
    data: Dataset, claims: pd.DataFrame, base_url: str = "", *, title: str = "", caption: str = "", bounds=None
) -> bytes:
    """Two-page A4 PDF (map, then sources) of the shown claims, for print."""
    del base_url
    return pdf_bytes(a4_pages(data, claims, title=title or data.title, caption=caption, bounds=bounds))
