"""The lines under the page's title: how many claims are shown and what the data is, and the way into the briefing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo.html.escape import esc
from geo.html.icons import icon
from geo.html.legend import CAPTION, SUMMARIES_NOTE
from geo.language import i18n
from geo.language.i18n import _
from geo.urls import step_url

if TYPE_CHECKING:
    from geo.evidence.dataset import Dataset

__all__ = ["CAPTION", "SUMMARIES_NOTE", "briefing_link_html", "count_line"]


def count_line(data: Dataset, shown_count: int) -> str:
    """The count of shown claims and the data's provenance (Markdown)."""
    shown = _("{shown} of {total} claims shown").format(
        shown=i18n.number(shown_count), total=i18n.number(len(data.claims))
    )
    about_line = _(
        "every place named in one GHRD article (Putro, 2023) with the sources that support or correct it · "
        "dataset version {version} ({updated})"
    ).format(version=data.version, updated=i18n.date(data.updated))
    return f"**{shown}** · {about_line}"


def briefing_link_html() -> str:
    """The way into the briefing: a link to step 1 that opens in this session (a plain click keeps the visitor's work).

    A click with a modifier opens it in a new tab, as any link, where nothing of this tab's work is.
    """
    label = _("Start the briefing")
    link = f"<a href='{esc(step_url(1, i18n.current()))}' data-step='1'>{icon('play')} {esc(label)}</a>"
    return f"<p class='geo-start'>{link}</p>"
