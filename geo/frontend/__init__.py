"""The browser's code: JavaScript programs and the stylesheet, kept as real files beside this module.

Python writes no client code in strings. The map's elements (:mod:`geo.map.elements`) call
into these programs with JSON, and inline the files' text into what they render, so the
app's map, the offline HTML and the static site stay self-contained and make no
third-party request. The files are linted (``npx eslint``) and their pure functions
unit-tested (``node --test tests/js``). Each file adds its functions to one namespace,
``geo``, on the window of the page or of the map's frame.
"""

from __future__ import annotations

import functools
from pathlib import Path

from geo import style

FOLDER = Path(__file__).resolve().parent
#: The programs of the map's frame, in load order (the pure rules first).
FRAME_FILES = (
    "labels.js",
    "view.js",
    "url.js",
    "controls.js",
    "timeline.js",
    "claim-layers.js",
    "basemap-layer.js",
    "frame.js",
)
#: The program that draws a visitor's uploaded layer: sent with the layer, so pages and files without one
#: (every export) do not carry it.
UPLOAD_FILES = ("canvas-points.js",)
#: The programs of the app's page (around the map's frame). They run through st.html, whose
#: sanitiser drops a script holding anything that looks like a tag: none holds a "<".
PAGE_FILES = ("url.js", "page.js")
#: The page's channel to the server: a Streamlit component's code (an ES module), see ``channel.js``.
CHANNEL_FILE = "channel.js"
STYLESHEET = "geo.css"


@functools.cache
def text(name: str) -> str:
    """The text of one file in this folder (read once per process)."""
    return (FOLDER / name).read_text(encoding="utf-8")


@functools.cache
def frame_code() -> str:
    """Every program of the map's frame, as one script's text."""
    return "\n".join(text(name) for name in FRAME_FILES)


@functools.cache
def upload_code() -> str:
    """The program that draws an uploaded layer, as one script's text."""
    return "\n".join(text(name) for name in UPLOAD_FILES)


@functools.cache
def page_code() -> str:
    """The programs of the app's page, as one script's text."""
    return "\n".join(text(name) for name in PAGE_FILES)


@functools.cache
def stylesheet() -> str:
    """The stylesheet with the colour tokens of :mod:`geo.style` as custom properties before it."""
    return style.css_tokens() + "\n" + text(STYLESHEET)
