"""The server's memory budget for visitors' layers: refuse an upload at once rather than run out of memory.

A hosted app that goes over its memory limit is restarted for everyone, so a few
researchers uploading large files at once must not take the map away from the public.
Every upload reserves what it will hold (estimated from the file's size, before it is
read) from one budget shared by all sessions; an upload that does not fit is refused with
:class:`geo.errors.ServerBusyError`, and nothing else changes.

The budget also owns the layers themselves: a session keeps only a handle. So when a
session ends (its browser tab closed) the layer can be dropped even while Streamlit still
keeps the session's state for a possible reconnect, and the memory goes back to the
system (:func:`geo.upload.memory.give_back_memory`). Nothing here imports Streamlit: whether a session is
still there is a function handed in by the page.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from geo import settings
from geo.errors import ServerBusyError
from geo.language.i18n import _
from geo.upload.memory import give_back_memory

#: How often, in seconds, the budget looks for layers whose session has ended (while it holds any).
SWEEP_EVERY_S = 10.0


@dataclass(frozen=True)
class Held:
    """One layer held for one session, and the bytes reserved for it."""

    session: str
    reserved: int
    layer: Any = None  # geo.upload.layer.PreparedUpload, once read


def estimate(content: bytes, filename: str) -> int:
    """Bytes a layer from this file takes in the server while read, drawn and kept (``settings``' measured rates).

    Rows are a CSV's lines, or a guess for GeoJSON and GeoPackage; both are capped at the
    upload limits, since a file beyond them is refused by the reader before it is parsed.
    """
    size = min(len(content), settings.MAX_UPLOAD_BYTES)
    text_table = filename.lower().endswith((".csv", ".txt"))
    rows = content.count(b"\n") if text_table else size // 200
    rows = min(rows, settings.MAX_UPLOAD_ROWS)
    return size * settings.UPLOAD_MEMORY_PER_FILE_BYTE + rows * settings.UPLOAD_MEMORY_PER_ROW


class UploadBudget:
    """Reservations of every session's layer against one limit in bytes; thread-safe (sessions run in threads)."""

    def __init__(self, limit_bytes: int, session_alive: Callable[[str], bool] | None = None) -> None:
        self.limit = limit_bytes
        self.session_alive = session_alive
        self._held: dict[int, Held] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        #: One file is read at a time: each read holds Python's one interpreter lock for most of a second
        #: (100k rows), and several at once would slow every viewer's page by as many times.
        self.reading = threading.Lock()
        self._sweeper: threading.Thread | None = None

    @property
    def reserved(self) -> int:
        """Bytes reserved now, by every session."""
        with self._lock:
            return self._used()

    def _used(self) -> int:
        """Bytes reserved now (the caller holds the lock)."""
        return sum(held.reserved for held in self._held.values())

    def reserve(self, session: str, need: int) -> int:
        """Reserve ``need`` bytes (:func:`estimate`) for a layer; its handle, or :class:`ServerBusyError` at once."""
        self.sweep()  # a session that has ended gives its room back before anyone is refused
        with self._lock:
            if self._used() + need > self.limit:
                raise ServerBusyError(_("The server is busy with other uploads; try again in a minute."))
            handle = next(self._ids)
            self._held[handle] = Held(session, need)
        self._start_sweeping()
        return handle

    def keep(self, handle: int, layer: Any) -> bool:
        """Hold the layer read under ``handle`` until released, replaced or its session ends.

        False, holding nothing, when the sweep dropped the handle during the read: the tab closed, so
        nobody is left to see the layer and its room is already free.
        """
        with self._lock:
            reserved = self._held.get(handle)
            if reserved is None:
                return False
            self._held[handle] = Held(reserved.session, reserved.reserved, layer)
            return True

    def layer(self, handle: int | None) -> Any:
        """The layer under ``handle``, or None once it was released (or its session ended)."""
        with self._lock:
            held = self._held.get(handle) if handle is not None else None
        return held.layer if held else None

    def release(self, handle: int | None) -> None:
        """Drop a layer (removed, replaced or refused) and give its memory back."""
        with self._lock:
            dropped = self._held.pop(handle, None) if handle is not None else None
        if dropped and dropped.layer is not None:
            del dropped
            give_back_memory()

    def sweep(self) -> int:
        """Drop the layers of sessions that have ended; how many were dropped."""
        if self.session_alive is None:
            return 0
        with self._lock:
            sessions = {held.session for held in self._held.values()}
        ended = {session for session in sessions if not self.session_alive(session)}
        if not ended:
            return 0
        with self._lock:
            handles = [handle for handle, held in self._held.items() if held.session in ended]
            for handle in handles:
                del self._held[handle]
        give_back_memory()
        return len(handles)

    def _start_sweeping(self) -> None:
        """A background sweep while any layer is held, so memory comes back without another visitor."""
        with self._lock:
            if self._sweeper is not None and self._sweeper.is_alive():
                return
            self._sweeper = threading.Thread(target=self._sweep_while_held, name="upload-budget", daemon=True)
            self._sweeper.start()

    def _sweep_while_held(self) -> None:
        while self._held:
            time.sleep(SWEEP_EVERY_S)
            self.sweep()


#: The server's one budget, made on first use (a dict, so tests can start from a new one).
_SERVER: dict[str, UploadBudget] = {}


def budget(session_alive: Callable[[str], bool] | None = None) -> UploadBudget:
    """The server's one budget (``settings.upload_budget_mb``); the page hands in how to tell a session is alive."""
    server = _SERVER.get("budget")
    if server is None:
        server = _SERVER.setdefault("budget", UploadBudget(int(settings.upload_budget_mb * 1024 * 1024), session_alive))
    if session_alive is not None and server.session_alive is None:
        server.session_alive = session_alive
    return server
