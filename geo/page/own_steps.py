"""A presenter's own steps: the view on screen captured as a step, and the steps kept in the session.

The session keeps plain rows (:func:`geo.rules.briefing_file.new_step`); the table presented,
downloaded and put in a link is made from them by :func:`geo.rules.briefing_file.renumber` and
checked like an uploaded file, so what is presented is what the file holds.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, MutableMapping
from typing import TYPE_CHECKING

from geo import urls
from geo.errors import BriefingFileError
from geo.language.i18n import _
from geo.page.session import Key
from geo.rules import briefing_file
from geo.rules.briefing_file import (
    FILE_NAME,
    MAX_CAPTION,
    MAX_TITLE,
    check,
    read_briefing_file,
    to_csv,
    to_link,
)
from geo.rules.drawing import HOME, Box, extent, level, zoom_box

if TYPE_CHECKING:
    import pandas as pd

    from geo.evidence.dataset import Dataset
    from geo.page.state import MapView

#: The presenter's own briefing kept in this browser tab (too long for a link): the ``briefing`` it presents under.
MINE = urls.MINE

__all__ = [
    "FILE_NAME",
    "MAX_CAPTION",
    "MAX_TITLE",
    "MINE",
    "BriefingFileError",
    "add",
    "captured_step",
    "check",
    "deck",
    "edit",
    "move",
    "presented",
    "read_briefing_file",
    "remove",
    "replace",
    "rows",
    "table",
    "to_csv",
    "to_link",
]


def zoom_for(box: Box) -> int:
    """The zoom at which a web map about 900 px wide shows ``box`` whole (inverse of :func:`geo.rules.drawing.zoom_box`)."""
    width = max(box[2] - box[0], (box[3] - box[1]) * 2, 1e-6)
    return max(1, min(18, math.floor(math.log2(720 / width))))


def captured_step(
    data: Dataset, shown: pd.DataFrame, selected: str | None, view: MapView | None, title: str, caption: str
) -> dict:
    """The view on screen as a step: the open place (or the map's view, else a fit to what is shown) and its claims.

    The map reports its view to the page's state after each move (``geo.page.state``); without
    one (the page as opened) the step frames what the filters show, or the default view.
    """
    claims = list(shown["id"])
    if selected:
        zoom = view.level if view else level(data.places.set_index("id").loc[selected, "admin_level"]).detail_zoom
        return briefing_file.new_step(title=title, caption=caption, claim_ids=claims, zoom=zoom, place=selected)
    if view:
        return briefing_file.new_step(title=title, caption=caption, claim_ids=claims, zoom=view.level,
                                      box=zoom_box(view.center, view.level))  # fmt: skip
    box = extent(data, shown) or zoom_box(HOME.center, HOME.zoom)
    return briefing_file.new_step(title=title, caption=caption, claim_ids=claims, zoom=zoom_for(box), box=box)


def rows(session: MutableMapping) -> list[dict]:
    """The session's own steps, in order (a new list each time: change them with the functions below)."""
    return list(session.get(Key.MY_STEPS, []))


def table(session: Mapping) -> pd.DataFrame | None:
    """The own steps as a briefing table, numbered; None when there are none."""
    steps = session.get(Key.MY_STEPS) or []
    return briefing_file.renumber(steps) if steps else None


def _with_uid(session: MutableMapping, row: Mapping) -> dict:
    """The row with an id of its own in this session (its editors keep their text when steps move)."""
    session[Key.MY_UID] = session.get(Key.MY_UID, 0) + 1
    return {**row, "uid": session[Key.MY_UID]}


def add(session: MutableMapping, row: dict) -> int:
    """Append a step; returns its number."""
    session[Key.MY_STEPS] = [*rows(session), _with_uid(session, row)]
    return len(session[Key.MY_STEPS])


def move(session: MutableMapping, index: int, by: int) -> None:
    """Move step ``index`` (0-based) up (-1) or down (+1), if it can go there."""
    steps, target = rows(session), index + by
    if 0 <= index < len(steps) and 0 <= target < len(steps):
        steps[index], steps[target] = steps[target], steps[index]
        session[Key.MY_STEPS] = steps


def remove(session: MutableMapping, index: int) -> None:
    """Remove step ``index`` (0-based)."""
    steps = rows(session)
    if 0 <= index < len(steps):
        del steps[index]
        session[Key.MY_STEPS] = steps


def edit(session: MutableMapping, uid: int, field: str, value: str) -> None:
    """Change the title or caption of the step ``uid`` (plain text, escaped wherever it is shown; never emptied)."""
    if field not in ("title", "caption") or not value.strip():
        return
    session[Key.MY_STEPS] = [row | {field: value.strip()} if row["uid"] == uid else row for row in rows(session)]


def replace(session: MutableMapping, briefing: pd.DataFrame) -> None:
    """Make ``briefing`` (a checked table: an opened file, the shipped steps) the session's own steps.

    A localized table's text goes in as its English (``<field>_en``), as its file would hold it.
    """
    session[Key.MY_STEPS] = [_with_uid(session, {f: row.get(f"{f}_en", row[f]) for f in briefing_file.fields()})
                             for row in briefing.sort_values("step").to_dict("records")]  # fmt: skip


def presented(session: MutableMapping, data: Dataset, own: str | None) -> tuple[pd.DataFrame | None, str | None]:
    """The briefing ``?briefing=`` names (None: the shipped one) and a problem to show instead, if any.

    A link's briefing is checked like a file, and becomes this session's own steps when it
    has none, so a presenter who opens a shared link can edit it.
    """
    if not own:
        return None, None
    if own == urls.MINE:
        steps = table(session)
        return (briefing_file.with_languages(steps), None) if steps is not None else (None, _(
            "This briefing was kept in a browser tab that has closed: open its file in “My briefing”."))  # fmt: skip
    try:
        linked = briefing_file.with_languages(briefing_file.from_link(own, data))
    except BriefingFileError as error:
        return None, _("This link's briefing cannot be shown: {problems}").format(problems=error)
    if table(session) is None:
        replace(session, linked)
    return linked, None


def deck(data: Dataset, base_url: str, steps: pd.DataFrame) -> tuple[bytes, str]:
    """The PowerPoint of ``steps`` and its media type (python-pptx is imported when a deck is first made)."""
    from geo.export import deck as pptx

    return pptx.to_pptx(data, base_url=base_url, table=steps), pptx.MIME
