"""A briefing step as HTML: the caption, then its sources as numbered, linked footnotes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo import labels
from geo.citations import footnotes
from geo.html import esc, link

if TYPE_CHECKING:
    import pandas as pd

    from geo.briefing import Step
    from geo.dataset import Dataset


def step_html(data: Dataset, step: Step, claims: pd.DataFrame, total: int) -> str:
    """Caption, then the step's sources numbered as on the slide figures, with status counts."""
    items = "".join(
        f"<li value='{n.number}'><span style='color:{n.colour}'>●</span> "
        f"{link(n.url, n.label) if n.url else esc(n.text)}</li>"
        for n in footnotes(data, claims)
    )
    statuses = claims["status"].value_counts()
    status_line = ", ".join(f"{count} {esc(labels.STATUS[s])}" for s, count in statuses.items())
    return (
        f"<div style='font-size:20px;line-height:1.45;margin-bottom:8px'>{esc(step.caption)}</div>"
        f"<div style='font-size:14px;color:#444'>Step {step.number} of {total} · rests on {len(claims)} claim(s): "
        f"{status_line}</div><ol style='font-size:14px'>{items}</ol>"
    )
