"""Every colour of the map, the page, the legend and the figures, as named tokens, and the stacking of panes.

Python reads the constants; the stylesheet (``geo/frontend/geo.css``) reads the same values
as CSS custom properties (:data:`TOKENS`, ``var(--geo-…)``), so a colour is typed once, here,
and a ring on a slide has the colour of the same ring in the browser. No other module or
client file holds a colour literal (``tests/test_drawing.py`` checks it). Which claims are
drawn and each drawn thing's shape and line live in :mod:`geo.rules.drawing`.
"""

from __future__ import annotations

#: 28 colours that stay distinct on the light basemap (matplotlib tab20 + Dark2), one per drawn source.
PALETTE = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf", "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02",
    "#a6761d", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d",
    "#31a354", "#756bb1", "#636363", "#9c9ede",
]  # fmt: skip

# The basemap.
SEA = "#dfe9f2"
LAND = "#f6f3ec"
COUNTRY_EDGE = "#aaa"
PROVINCE_EDGE = "#9a9a9a"
XUAR = "#8b1a1a"
#: Provinces outside XUAR named by a source: where the source names Hikvision, and otherwise.
HIKVISION_PROVINCE = "#e66101"
OTHER_PROVINCE = "#b2abd2"
#: A researcher's uploaded points.
UPLOAD = "#e7298a"
#: Sources with no ring on the map (their claims name no place, or were retracted) share one neutral colour.
UNMAPPED_SOURCE = "#57606a"

# Text and surfaces. Streamlit draws captions in grey at 60 % opacity (2.8-3.9:1); MUTED at full
# opacity is 6.4:1 on white, WCAG AA.
TEXT = "#1f2328"
MUTED = "#57606a"
QUIET = "#444"  # quotes in popups, the briefing's status line
SURFACE = "#fff"
RULE = "#d0d7de"  # table lines
AREA_LABEL = "#4a3a6b"  # names of shaded provinces on the map
LEGEND_RING = "#444"  # the legend's sample ring, stroke
LEGEND_FILL = "#bbb"  # and fill
NOTE_BACKGROUND = "#fff7ef"  # the "12 provinces" panel (its edge is HIKVISION_PROVINCE)
INFO_BACKGROUND, INFO_EDGE = "#eef4fb", "#1f6feb"
ERROR_BACKGROUND, ERROR_EDGE = "#fdecea", "#cf222e"
SUCCESS_BACKGROUND, SUCCESS_EDGE = "#eaf6ec", "#1a7f37"

# Figures only.
FIGURE_TEXT = "#333"  # attribution lines and leader lines
CONTEXT_PROVINCE = "#555"  # names of neighbouring provinces
CONTEXT_COUNTRY = "#777"  # names of neighbouring countries
LOCATOR_CHINA = "#e8e2d4"
LOCATOR_FRAME = "#d00000"
LOCATOR_EDGE = "#444"
CHOROPLETH_EDGE = "#555"  # provinces shaded by a researcher's points
MEASURE = "#0b3d91"  # a government measure's mark beside the place it names

#: Claim status badges (white text on these colours).
STATUS = {
    "as_reported": "#5f6b7a",
    "corroborated": "#1a7f37",
    "partial": "#9a6700",
    "unverified": "#cf222e",
    "corrected": "#8250df",
    "retracted": "#424a53",
}

#: The colours the stylesheet reads, as ``--geo-<name>`` custom properties.
TOKENS: dict[str, str] = {
    "sea": SEA,
    "text": TEXT,
    "muted": MUTED,
    "quiet": QUIET,
    "surface": SURFACE,
    "rule": RULE,
    "area-label": AREA_LABEL,
    "measure": MEASURE,
    "note-edge": HIKVISION_PROVINCE,
    "note-background": NOTE_BACKGROUND,
    "info-background": INFO_BACKGROUND,
    "info-edge": INFO_EDGE,
    "error-background": ERROR_BACKGROUND,
    "error-edge": ERROR_EDGE,
    "success-background": SUCCESS_BACKGROUND,
    "success-edge": SUCCESS_EDGE,
    **{f"status-{code}": colour for code, colour in STATUS.items()},
}


def css_tokens() -> str:
    """The tokens as one CSS rule of custom properties (``:root{--geo-sea:#dfe9f2;…}``)."""
    return ":root{" + "".join(f"--geo-{name}:{value};" for name, value in TOKENS.items()) + "}"


#: Leaflet panes, bottom to top: basemap files (z 390-392, above web tiles at 200 and below the
#: rings in the overlay pane at 400), shaded provinces (395), uploaded points (450), labels (640,
#: below tooltips at 650 and popups at 700).
BASEMAP_PANE_Z = 390
SHADED_PANE, SHADED_PANE_Z = "shaded", 395
UPLOAD_PANE, UPLOAD_PANE_Z = "uploads", 450
LABEL_PANE, LABEL_PANE_Z = "geoLabels", 640
