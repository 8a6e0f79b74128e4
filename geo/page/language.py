"""The page's language, as the Streamlit layer uses it: gettext, the current language, numbers and dates.

The façade of :mod:`geo.language.i18n` for ``dashboard.py`` and ``sections/`` (which import
``geo.page`` only), with the one rule the page adds: whether it shows translated text.
"""

from __future__ import annotations

from geo.language.i18n import (
    DEFAULT,
    LANGUAGES,
    N_,
    _,
    current,
    date,
    language,
    language_name,
    ngettext,
    number,
    use,
)

__all__ = [
    "DEFAULT",
    "LANGUAGES",
    "N_",
    "_",
    "current",
    "date",
    "language",
    "language_name",
    "ngettext",
    "number",
    "translated",
    "use",
]


def translated() -> bool:
    """Whether the page is in another language than the one the data's texts are written in."""
    return current() != DEFAULT
