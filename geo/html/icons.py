"""Icons for the page's own HTML, drawn as inline SVG: no symbol font needed (⛶ or ▶ drew as empty boxes without one).

Streamlit's widgets take their icons from Streamlit's own icon font (``:material/…:``); these are
for the HTML this app writes itself. Each is hidden from screen readers: its label says it.
"""

from __future__ import annotations

#: Path data on a 24 × 24 grid, by icon name.
PATHS = {
    "play": "M8 5v14l11-7z",
    "fullscreen": "M4 4h6v2H6v4H4zm10 0h6v6h-2V6h-4zM4 14h2v4h4v2H4zm14 0h2v6h-6v-2h4z",
}


def icon(name: str) -> str:
    """The icon ``name`` as an inline SVG one text line high, in the text's colour."""
    return (
        "<svg class='geo-icon' viewBox='0 0 24 24' width='1.1em' height='1.1em' aria-hidden='true' focusable='false'>"
        f"<path d='{PATHS[name]}' fill='currentColor'/></svg>"
    )
