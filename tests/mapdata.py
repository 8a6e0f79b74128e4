"""Reading back what a map or a page carries: the claim model, the views and the messages, as the browser would.

The map carries its model as ``JSON.parse("…")`` in ``geo.addClaimLayers(…)`` with its
options (the initial message) after it; the page hands views with ``geo.view = JSON.parse("…")``, then ``geo.handView``.
"""

from __future__ import annotations

import json
import re

_DECODER = json.JSONDecoder()


def _string_after(script: str, marker: str) -> list[str]:
    """Every JSON string literal right after ``marker`` in ``script``."""
    out = []
    for match in re.finditer(re.escape(marker), script):
        literal, _end = _DECODER.raw_decode(script, match.end())
        out.append(literal)
    return out


def handed_messages(page: str) -> list[dict]:
    """The messages a page's scripts hand the map (``geo.handView``), in order."""
    return [json.loads(text) for text in _string_after(page, "geo.view = JSON.parse(")]


def claim_layers_calls(script: str) -> list[tuple[dict, dict]]:
    """(model, options) of every ``geo.addClaimLayers`` call in a map's script."""
    calls = []
    for match in re.finditer(r"geo\.addClaimLayers\(\w+, \w+, JSON\.parse\(", script):
        literal, end = _DECODER.raw_decode(script, match.end())
        options, _end = _DECODER.raw_decode(script, script.index("{", end))
        calls.append((json.loads(literal), options))
    return calls


def rings(view: dict) -> set[tuple[str, str]]:
    """(place, source) of every ring in a view."""
    return {(ring[0], ring[1]) for ring in view.get("rings", [])}
