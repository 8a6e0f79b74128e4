"""A briefing as the page presents it: its steps, each step's claims, map frame and text, the full-screen switch.

The façade of :mod:`geo.rules.briefing` and :mod:`geo.html.step` for ``sections/briefing.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo.html.escape import esc
from geo.html.render import text_html
from geo.html.step import fullscreen_button, step_html
from geo.language import i18n
from geo.map.overlays import claim_view, view_json
from geo.rules.briefing import Step, step_claims, steps
from geo.rules.drawing import leaflet_bounds

if TYPE_CHECKING:
    from geo.evidence.dataset import Dataset

__all__ = ["Step", "frame", "fullscreen_button", "step_claims", "step_html", "step_view", "steps", "title_html"]


def title_html(step: Step) -> str:
    """The step's number and title, as its heading."""
    return f"<h3 class='step-title'>{esc(i18n.number(step.number))}. {text_html(step.record, 'title')}</h3>"


def frame(step: Step) -> list[list[float]] | None:
    """Where the step's map looks, in Leaflet's order: the step's box, whatever the map's width."""
    return leaflet_bounds(step.bounds)


def step_view(data: Dataset, step: Step) -> str:
    """The map's view of a briefing step: the claims it rests on (JSON)."""
    return view_json(claim_view(data, step_claims(data, step)))
