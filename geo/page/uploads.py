"""A visitor's own layer in their session: read from the upload panel's widgets, kept, or refused whole.

The dashboard's "Add layer" and "Remove my layer" buttons call these in their callbacks, so
they run before the page is drawn and the map of that very run shows the change. The
session is a mapping (``st.session_state``); nothing here imports Streamlit.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import TYPE_CHECKING

from geo.page.session import Key

if TYPE_CHECKING:
    from geo.dataset import Dataset


def add_layer(session: MutableMapping, data: Dataset) -> None:
    """Read, check and keep the file in the upload widget; a refused file changes nothing (an earlier layer stays).

    Its message waits in the session for the upload panel.
    """
    from geo.errors import UploadError  # the upload code is imported when a file is added, not on every page
    from geo.upload.layer import prepare
    from geo.upload.read import read_upload

    upload = session.get(Key.UPLOAD_FILE)
    if upload is None:
        return
    try:
        layer = read_upload(
            upload.name,
            upload.getvalue(),
            name=session.get(Key.UPLOAD_NAME, ""),
            attribution=session.get(Key.UPLOAD_SOURCE, ""),
            lat_column=session.get(Key.UPLOAD_LAT),
            lon_column=session.get(Key.UPLOAD_LON),
            crs=session.get(Key.UPLOAD_CRS),
        )
        session[Key.UPLOADED] = prepare(layer, data)
    except UploadError as error:
        session[Key.UPLOAD_ERROR] = f"{upload.name}: {error}"


def remove_layer(session: MutableMapping) -> None:
    """Forget the visitor's layer: the map of this very run no longer draws it."""
    session.pop(Key.UPLOADED, None)
