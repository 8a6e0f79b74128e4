"""A minimal Streamlit client over the app's own websocket (``/_stcore/stream``), for benchmarks.

It speaks what the browser speaks: a ``rerun_script`` BackMsg with the query string,
widget values, the fragment a widget belongs to (so a change reruns that fragment alone,
as in the browser) and the hashes of the messages it has kept (so the server sends a
reference to a message it already sent, as to the browser), then ForwardMsgs until
``script_finished``. No page rendering, so many sessions fit on a small machine and the
figures are the server's own.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

#: Component name of the map element (streamlit-folium).
MAP_COMPONENT = "streamlit_folium.st_folium"


class RunError(RuntimeError):
    """The script run reported an exception, or finished without the expected element."""


@dataclass
class Run:
    """What one script run sent back: seconds until the map element and until the end."""

    map_after: float | None = None
    finished_after: float = 0.0
    texts: list[str] = field(default_factory=list)
    widget_ids: dict[str, str] = field(default_factory=dict)  # user key -> widget id
    widget_fragments: dict[str, str] = field(default_factory=dict)  # widget id -> fragment id ("" outside one)
    payload_bytes: int = 0


class StreamlitSession:
    """One websocket session against a running ``streamlit run``."""

    def __init__(self, url: str) -> None:
        self.url = url.replace("http://", "ws://").rstrip("/") + "/_stcore/stream"
        self.socket: websockets.ClientConnection | None = None
        self.kept: set[str] = set()  # hashes of cacheable messages received, as the browser keeps them
        self.fragments: dict[str, str] = {}  # widget id -> its fragment, from the deltas seen so far
        self.wire_bytes = 0  # every byte received on the socket so far (after permessage-deflate, when on)

    async def __aenter__(self) -> StreamlitSession:
        # websockets offers permessage-deflate as Chromium does, so a server with compression on uses it here too.
        self.socket = await websockets.connect(self.url, subprotocols=["streamlit"], max_size=None)
        receive = self.socket.protocol.receive_data

        def counted(data: bytes) -> None:  # the bytes as they came over TCP, compressed or not
            self.wire_bytes += len(data)
            receive(data)

        self.socket.protocol.receive_data = counted
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.socket is not None:
            await self.socket.close()

    async def run(self, query_string: str = "", text_inputs: dict[str, tuple[str, str]] | None = None) -> Run:
        """Rerun the script with ``text_inputs`` (key -> (widget id, value)); wait until it finishes."""
        message = BackMsg()
        message.rerun_script.query_string = query_string
        message.rerun_script.cached_message_hashes.extend(sorted(self.kept))
        for widget_id, value in (text_inputs or {}).values():
            state = message.rerun_script.widget_states.widgets.add()
            state.id = widget_id
            state.string_value = value
            if self.fragments.get(widget_id):
                message.rerun_script.fragment_id = self.fragments[widget_id]
        run = Run()
        start = time.perf_counter()
        await self.socket.send(message.SerializeToString())
        while True:
            raw = await self.socket.recv()
            run.payload_bytes += len(raw)
            forward = ForwardMsg.FromString(raw)
            if forward.metadata.cacheable and forward.hash:
                self.kept.add(forward.hash)
            kind = forward.WhichOneof("type")
            if kind == "delta":
                self._read_delta(forward, run, time.perf_counter() - start)
                self.fragments.update(run.widget_fragments)
            elif kind == "script_finished":
                run.finished_after = time.perf_counter() - start
                return run

    @staticmethod
    def _read_delta(forward: ForwardMsg, run: Run, elapsed: float) -> None:
        if forward.delta.WhichOneof("type") != "new_element":
            return
        element = forward.delta.new_element
        kind = element.WhichOneof("type")
        if kind == "exception":
            raise RunError(f"script raised {element.exception.type}: {element.exception.message[:200]}")
        if kind == "component_instance" and element.component_instance.component_name == MAP_COMPONENT:
            run.map_after = elapsed
        elif kind == "markdown":
            run.texts.append(element.markdown.body)
        elif kind == "text_input":
            user_key = element.text_input.id.rsplit("-", 1)[-1]
            run.widget_ids[user_key] = element.text_input.id
            run.widget_fragments[element.text_input.id] = forward.delta.fragment_id
