"""The line under the page's title: how many claims are shown, what the data is, and the way into the briefing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo.language import i18n
from geo.language.i18n import _
from geo.urls import step_url

if TYPE_CHECKING:
    from geo.evidence.dataset import Dataset


def count_line(data: Dataset, shown_count: int) -> str:
    """The count of shown claims, provenance and the way into the briefing (Markdown)."""
    shown = _("{shown} of {total} claims shown").format(
        shown=i18n.number(shown_count), total=i18n.number(len(data.claims))
    )
    about_line = _(
        "every place named in one GHRD article (Putro, 2023) with the sources that support or correct it · "
        "dataset version {version} ({updated})"
    ).format(version=data.version, updated=i18n.date(data.updated))
    start = _("▶ Start the briefing")
    return f"**{shown}** · {about_line} · [{start}]({step_url(1, i18n.current())})"
