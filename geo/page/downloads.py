"""The Downloads tab's files: each one made before its button is drawn, and kept while it stays valid.

Every download button hands over a file already made (not a function run on click), so a
click always gets its file, even while the page reruns after a filter change. The small
formats are made when the tab opens and shared by every session (:func:`export_bytes`); the
slow ones (figures, the offline map, the pack) when asked for, then kept on the session's
shelf for these filters, this language and this address (:class:`DownloadShelf`).
"""

from __future__ import annotations

import functools
from collections.abc import MutableMapping
from typing import TYPE_CHECKING

from geo.language import i18n
from geo.page.session import Key

if TYPE_CHECKING:
    from geo.export.formats import Exporter
    from geo.page.model import FilteredView

#: Export files kept for every session (the small formats: CSV, GeoJSON, GeoPackage, KML, bibliographies).
EXPORTS_KEPT = 48


@functools.lru_cache(maxsize=EXPORTS_KEPT)
def export_bytes(view: FilteredView, exporter: Exporter, base_url: str) -> bytes:
    """The file ``exporter`` writes for a view's claims, in the view's language (shared by sessions, cached)."""
    with i18n.speaking(view.language):
        return exporter.write(view.data, view.shown, base_url)


class DownloadShelf:
    """A session's slow files, made on request and kept for the filters, language and address they were made for.

    A file made for other filters, another language or another address is of no use any more:
    making a new one clears the shelf, so a session keeps at most one set.
    """

    def __init__(self, session: MutableMapping, view: FilteredView, app_url: str) -> None:
        self.files: dict[tuple, bytes] = session.setdefault(Key.DOWNLOADS, {})
        self.view, self.app_url = view, app_url

    def key(self, exporter: Exporter) -> tuple:
        """What a file depends on: its format, the filters, the language and the app's address."""
        return (exporter.name, self.view.filters, self.view.language, self.app_url)

    def ready(self, exporter: Exporter) -> bytes | None:
        """The file if it is made (small formats always are), else None: its "Make" button comes first."""
        if not exporter.slow:
            return export_bytes(self.view, exporter, self.app_url)
        return self.files.get(self.key(exporter))

    def make(self, exporter: Exporter) -> bytes:
        """Make a slow file and keep it; files of other filters, languages or addresses go."""
        key = self.key(exporter)
        if any(other[1:] != key[1:] for other in self.files):
            self.files.clear()
        with i18n.speaking(self.view.language):
            self.files[key] = exporter.write(self.view.data, self.view.shown, self.app_url)
        return self.files[key]


def exporters() -> dict[str, Exporter]:
    """Every export format, by name (the export stack is imported when the Downloads tab first opens)."""
    from geo.export.formats import EXPORTERS

    return EXPORTERS
