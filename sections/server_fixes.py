"""Work-arounds for Streamlit server bugs that cost a visitor their work; each says what it fixes and how to drop it.

Applied once per server process from the page's first run (:func:`apply`), before a visitor can
upload a file. Each one checks that the Streamlit code it replaces still looks as it did when it
was written, and leaves Streamlit alone otherwise (``tests/test_server_fixes.py`` then fails and
says which fix to look at again).
"""

from __future__ import annotations

import inspect
from typing import Any

#: Message kinds a new script run must not drop from a session's outgoing queue: answers to a
#: request the browser is waiting for. Streamlit keeps only run lifecycle messages when a full
#: run starts (``ForwardMsgQueue.clear(retain_lifecycle_msgs=True)``), so a file-URL answer
#: enqueued just before it was lost: the browser never uploaded the file, the uploader stayed
#: empty and "Add layer" disabled (seen in 1 of 12 uploads with the CPU busy; Streamlit 1.67).
ANSWERS = frozenset({"file_urls_response"})

_MARK = "_geo_keeps_answers"


def apply() -> None:
    """Apply every fix (idempotent; cheap after the first call)."""
    keep_answers_when_a_run_starts()


def keep_answers_when_a_run_starts() -> bool:
    """Make the outgoing queue keep :data:`ANSWERS` when a new run clears it; True once the fix is in place."""
    from streamlit.runtime.forward_msg_queue import ForwardMsgQueue

    original = ForwardMsgQueue.clear
    if getattr(original, _MARK, False):
        return True
    if "retain_lifecycle_msgs" not in inspect.signature(original).parameters:
        return False  # Streamlit changed this code: see the module's docstring

    def clear(self: Any, retain_lifecycle_msgs: bool = False, fragment_ids_this_run: list[str] | None = None) -> None:
        answers = [m for m in self._queue if m.WhichOneof("type") in ANSWERS] if retain_lifecycle_msgs else []
        original(self, retain_lifecycle_msgs, fragment_ids_this_run)
        self._queue[:0] = [m for m in answers if all(m is not kept for kept in self._queue)]

    setattr(clear, _MARK, True)
    clear.__doc__ = original.__doc__
    ForwardMsgQueue.clear = clear
    return True
