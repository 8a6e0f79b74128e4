"""A briefing step as HTML: the caption, then its sources as numbered, linked footnotes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo.html.escape import esc, link
from geo.html.icons import icon
from geo.html.render import swatch, text_html
from geo.language.i18n import _, ngettext, number
from geo.rules import labels
from geo.rules.citations import footnotes

if TYPE_CHECKING:
    import pandas as pd

    from geo.evidence.dataset import Dataset
    from geo.rules.briefing import Step


def step_html(data: Dataset, step: Step, claims: pd.DataFrame, total: int) -> str:
    """Caption, then the step's sources numbered as on the slide figures, with status counts.

    The caption is data: translated when a translation is current, with the English original folded under it
    (``lang`` says which to browsers and screen readers).
    """
    items = "".join(
        f"<li value='{n.number}'>{swatch(n.colour)} "
        f"{link(n.url, n.label) if n.url else esc(n.text)}</li>"
        for n in footnotes(data, claims)
    )
    statuses = claims["status"].value_counts()
    status_line = ", ".join(f"{number(count)} {labels.status(s)}" for s, count in statuses.items())
    rests = ngettext(
        "Step {step} of {total} · rests on {count} claim: {statuses}",
        "Step {step} of {total} · rests on {count} claims: {statuses}",
        len(claims),
    ).format(step=number(step.number), total=number(total), count=number(len(claims)), statuses=status_line)
    return (
        f"<div class='step-caption'>{text_html(step.record, 'caption', original=True)}</div>"
        f"<div class='step-rests'>{esc(rests)}</div>"
        f"<ol class='step-notes' lang='en' dir='ltr'>{items}</ol>"
    )


def fullscreen_button() -> str:
    """The presenter's full-screen switch: a button page.js handles in the browser (full screen needs a click there)."""
    label = esc(_("Full screen"))
    return (
        f"<button type='button' class='geo-fullscreen' data-geo-fullscreen aria-pressed='false'>{icon('fullscreen')} {label}</button>"
    )
