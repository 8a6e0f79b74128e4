"""The page's own CSS: compact on phones, and right to left when the language is."""

from __future__ import annotations

#: Phones (up to this width, CSS px) get a compact header so the map starts within the first screen.
PHONE_MAX_WIDTH = 640

#: Streamlit draws captions and keyboard hints in grey at 60 % opacity: 2.8-3.9:1, short of WCAG AA's 4.5:1.
#: Full opacity and #57606a give 6.4:1 on white.
_BASE = """
h2 { margin-top: 0; }
[data-testid="stCaptionContainer"], kbd { opacity: 1 !important; color: #57606a !important; }
[data-testid="stCaptionContainer"] p { color: #57606a !important; }
@media (max-width: %(phone)dpx) {
  .block-container, [data-testid="stMainBlockContainer"] { padding-top: 3.2rem; padding-left: .8rem; padding-right: .8rem; }
  h2 { font-size: 1.25rem !important; line-height: 1.3; padding-bottom: .2rem !important; }
  [data-testid="stMainBlockContainer"] p { font-size: .92rem; }
}
"""

#: Right to left for the page's content. The app's frame (the sidebar's slide-in, the toolbar) stays as
#: Streamlit lays it out: flipping the whole document breaks the collapsed sidebar on phones.
_RTL = """
[data-testid="stMain"], [data-testid="stSidebarContent"] { direction: rtl; }
"""


def page_css(direction: str) -> str:
    """CSS for every page: the phone layout, plus right-to-left alignment when ``direction`` is "rtl"."""
    return _BASE % {"phone": PHONE_MAX_WIDTH} + (_RTL if direction == "rtl" else "")
