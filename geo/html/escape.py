"""The one place where text becomes HTML: escaping and safe links.

Everything shown in popups, tooltips, layer names, tables and captions goes through
:func:`esc`. Folium puts popup and tooltip HTML inside JavaScript template literals, so
backticks, ``$`` and backslashes are escaped as well as ``<``, ``>``, ``&`` and quotes.
"""

from __future__ import annotations

import json
import re

from geo.urls import is_http_url

#: ``html.escape(quote=True)``'s five replacements plus the template-literal characters, in one table.
_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "'": "&#x27;",
        "`": "&#96;",
        "$": "&#36;",
        "\\": "&#92;",
        "{": "&#123;",
        "}": "&#125;",
    }
)


def esc(text: object) -> str:
    """Escape any value for HTML text or attribute context (and JS template literals).

    One ``str.translate`` pass: uploads send hundreds of thousands of values through here.
    """
    return ("" if text is None else str(text)).translate(_ESCAPES)


#: Any character that :func:`esc` replaces.
_SPECIAL = re.compile("[" + re.escape("".join(chr(c) for c in _ESCAPES)) + "]")


def esc_column(values: list[str]) -> list[str]:
    """:func:`esc` applied to many strings at once, with the same table.

    An upload's popups carry hundreds of thousands of values: one search and, when
    needed, one ``translate`` over the joined column cost a fraction of a call per value.
    """
    joined = "\0".join(values)
    if not _SPECIAL.search(joined):
        return values
    if joined.count("\0") != len(values) - 1:  # a value holds the separator itself
        return [esc(v) for v in values]
    return esc(joined).split("\0")


def link(url: str, label: str, *, new_tab: bool = True) -> str:
    """An ``<a>`` for http(s) URLs; any other URL is shown as plain, escaped text."""
    if not url or not is_http_url(url):
        return esc(label)
    target = ' target="_blank" rel="noopener noreferrer"' if new_tab else ""
    return f'<a href="{esc(url.strip())}"{target}>{esc(label)}</a>'


def js_string(text: str) -> str:
    """``text`` as a JavaScript string literal that cannot end the ``<script>`` element holding it.

    Map layers carry their rows as JSON text parsed in the browser (``JSON.parse`` of one
    string is much faster than compiling the same data as a JavaScript literal).
    """
    return json.dumps(text, ensure_ascii=False).replace("</", "<\\/")


def page_script_string(text: str) -> str:
    r"""``text`` as a JavaScript string literal with no ``<`` at all, for scripts the page itself runs.

    Streamlit passes ``st.html`` through DOMPurify, which drops a script whose text holds
    anything that looks like a tag (``<span``), even inside a string: ``<`` is written as
    ``\u003c``, which JavaScript reads back as ``<``.
    """
    return json.dumps(text, ensure_ascii=False).replace("<", "\\u003c")


#: Message boxes the stylesheet colours (``.geo-message.<kind>``).
MESSAGE_KINDS = ("info", "error", "success")


def message_html(kind: str, text: str) -> str:
    """A coloured message box for text that comes from users (never rendered as Markdown)."""
    kind = kind if kind in MESSAGE_KINDS else "info"
    role = "alert" if kind == "error" else "status"
    return f"<div class='geo-message {kind}' role='{role}'>{esc(text)}</div>"
