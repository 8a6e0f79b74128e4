"""The few pieces of markup the Streamlit layer writes itself: escaped text, a message box, a translated field.

The façade of :mod:`geo.html` for ``dashboard.py`` and ``sections/``: everything else they show
comes ready-made from the page's other modules.
"""

from __future__ import annotations

from geo.html.escape import esc, message_html
from geo.html.render import text_html

__all__ = ["esc", "message_html", "text_html"]
