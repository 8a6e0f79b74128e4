"""The map's legend (shown in a control on the map) and the caption under the map."""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo.html.escape import esc
from geo.html.render import swatch
from geo.language.i18n import N_, _, number
from geo.rules import drawing, labels
from geo.rules.drawing import OUTLINES, RING, SHADING_LEGEND, drawable, shading, source_colours
from geo.style import LEGEND_FILL, LEGEND_RING

if TYPE_CHECKING:
    import pandas as pd

    from geo.evidence.dataset import Dataset

CAPTION = N_(
    "Rings are area-level points, one ring per source: click one for its place's claims and sources. Labels show "
    "more places as you zoom in; the legend is on the map. Boundaries: Natural Earth (public domain)."
)
#: Shown when the page is not in English: claims' summaries are data, in English until translated.
SUMMARIES_NOTE = N_(
    "Claim summaries and corrections are machine-assisted translations, not yet reviewed by a native speaker: each "
    "has its English original under it in the detail view. Quotes stay in their original language."
)


#: Up to this many sources the legend lists them open; more are listed in a folded section.
SOURCES_OPEN = 8


def _ring(dash: str) -> str:
    """A sample ring drawn as the map draws rings (:data:`geo.rules.drawing.RING`), in neutral colours."""
    size = 2 * (RING.radius + RING.weight)
    return (
        f"<svg width='{size:g}' height='{size:g}' aria-hidden='true'><circle cx='{size / 2:g}' "
        f"cy='{size / 2:g}' r='{RING.radius + 1:g}' fill='{LEGEND_FILL}' fill-opacity='{RING.fill_opacity:g}' "
        f"stroke='{LEGEND_RING}' stroke-width='{RING.weight:g}' stroke-dasharray='{dash}'/></svg>"
    )


def legend_html(data: Dataset, claims: pd.DataFrame) -> str:
    """Legend for the current map: the shown sources by colour, what rings and shadings mean."""
    colours = source_colours(data.sources, data.claims)
    drawn = drawable(claims)
    on_map = set(drawn["source"])
    rows = "".join(
        f"<li>{swatch(colours[s['id']])} {esc(labels.source_label(s, max_title=60))}</li>"
        for s in data.sources.to_dict("records")
        if s["id"] in on_map
    )
    items = [
        *((_ring(outline.dash), _(outline.legend)) for outline in OUTLINES),
        ("", _("nested rings: one per source at that place")),
        *((swatch(layer.style.edge, "▬"), _(layer.legend)) for layer in drawing.BASEMAP if layer.legend),
        *((swatch(shading(named).fill, "■"), _(text)) for named, text in SHADING_LEGEND.items()),
        ("<span class='geo-measure-key' aria-hidden='true'></span>", _(drawing.MEASURE_LEGEND)),
    ]
    styles = "".join(f"<li>{symbol} {esc(text)}</li>" for symbol, text in items)
    sources = _("Sources on the map ({count})").format(count=number(len(on_map)))
    heading = _("Rings and shading")
    return (
        f"<b>{esc(heading)}</b><ul>{styles}</ul>"
        f"<details{' open' if len(on_map) <= SOURCES_OPEN else ''}><summary>{esc(sources)}</summary>"
        f"<ul>{rows}</ul></details>"
    )
