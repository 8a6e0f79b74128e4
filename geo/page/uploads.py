"""A visitor's own layer in their session: read from the upload panel's widgets, kept, or refused whole.

The dashboard's "Add layer" and "Remove my layer" buttons call these in their callbacks, so
they run before the page is drawn and the map of that very run shows the change. The
session is a mapping (``st.session_state``); nothing here imports Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import TYPE_CHECKING

from geo.language.i18n import _
from geo.page.session import Key

if TYPE_CHECKING:
    import pandas as pd

    from geo.evidence.dataset import Dataset
    from geo.upload.layer import PreparedUpload

__all__ = [
    "PreparedUpload",
    "add_layer",
    "coordinate_column_defaults",
    "held_layer",
    "problems_table",
    "remove_layer",
    "upload_columns",
]


def add_layer(session: MutableMapping, data: Dataset, session_id: str = "",
              session_alive: Callable[[str], bool] | None = None) -> None:  # fmt: skip
    """Read, check and keep the file in the upload widget; a refused file changes nothing (an earlier layer stays).

    The layer is held by the server's upload budget (``geo.upload.budget``), the session
    keeps its handle; a file that does not fit the budget now is refused before it is read.
    Its message waits in the session for the upload panel.
    """
    from geo.errors import UploadError  # the upload code is imported when a file is added, not on every page
    from geo.upload.budget import budget, estimate
    from geo.upload.layer import prepare
    from geo.upload.read import read_upload

    upload = session.get(Key.UPLOAD_FILE)
    if upload is None:
        return
    server = budget(session_alive)
    handle, kept = None, False
    try:
        content = upload.getvalue()
        handle = server.reserve(session_id, estimate(content, upload.name))  # refused here at once when full
        with server.reading:  # one file read at a time (the viewers' pages keep their share of the CPU)
            layer = read_upload(
                upload.name,
                content,
                name=session.get(Key.UPLOAD_NAME, ""),
                attribution=session.get(Key.UPLOAD_SOURCE, ""),
                lat_column=session.get(Key.UPLOAD_LAT),
                lon_column=session.get(Key.UPLOAD_LON),
                crs=session.get(Key.UPLOAD_CRS),
            )
            if not server.keep(handle, prepare(layer, data)):
                return  # the tab closed during the read: the sweep has already given the room back
        earlier, session[Key.UPLOADED], kept = session.get(Key.UPLOADED), handle, True
        server.release(earlier)  # the earlier layer, replaced
    except UploadError as error:
        session[Key.UPLOAD_ERROR] = f"{upload.name}: {error}"
    finally:  # refused, failed or cut short by a new click (Streamlit stops a run with a BaseException)
        if not kept:
            server.release(handle)


def held_layer(session: MutableMapping) -> PreparedUpload | None:
    """The visitor's layer, or None; a layer dropped while the session was away is forgotten, with a note."""
    handle = session.get(Key.UPLOADED)
    if handle is None:
        return None
    from geo.upload.budget import budget  # imported once a layer exists, not on every page

    layer = budget().layer(handle)
    if layer is None:
        del session[Key.UPLOADED]
        session[Key.UPLOAD_ERROR] = _("Your layer was removed when this page lost its connection; add it again.")
    return layer


def remove_layer(session: MutableMapping) -> None:
    """Forget the visitor's layer and give its memory back: the map of this very run no longer draws it."""
    from geo.upload.budget import budget

    budget().release(session.pop(Key.UPLOADED, None))


def upload_columns(name: str, content: bytes) -> list[str]:
    """A CSV's column names (for the coordinate pickers); none for other formats (the upload code loads now)."""
    from geo.upload.read import upload_columns as columns

    return columns(name, content)


def coordinate_column_defaults(columns: list[str]) -> tuple[int, int]:
    """Which of ``columns`` look like latitude and longitude, as indexes for the pickers."""
    from geo.upload.read import coordinate_column_defaults as defaults

    return defaults(columns)


def problems_table(prepared: PreparedUpload) -> pd.DataFrame:
    """The rows left out of the visitor's layer, by row and field, with why."""
    from geo.upload.read import problems_table as problems

    return problems(prepared.layer)
