"""Start a real ``streamlit run`` on 127.0.0.1 (shared by the browser tests and the benchmarks)."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path


class ServerError(RuntimeError):
    """The Streamlit server did not become healthy."""


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float) -> None:
    """Poll ``/_stcore/health`` until it answers ``ok``; raise if the server dies or times out."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read() == b"ok":
                    return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise ServerError(f"streamlit did not become healthy at {url}") from None
            time.sleep(0.05)  # polling interval, not a timing assumption


@contextlib.contextmanager
def streamlit_server(
    app: Path, timeout: float = 60, env: dict[str, str] | None = None, cwd: Path | None = None
) -> Iterator[str]:
    """Run ``streamlit run APP`` on a free port and yield its URL once healthy; stop it by PID after.

    ``cwd`` (default: the app's folder) decides which ``.streamlit/config.toml`` applies.
    """
    port = free_port()
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(app),
                "--server.port",
                str(port),
                "--server.address",
                "127.0.0.1",
            ],
            cwd=cwd or app.parent,
            env={**os.environ, **(env or {})},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            try:
                wait_healthy(url, proc, timeout)
            except ServerError as error:
                log.seek(0)
                raise ServerError(f"{error}: {log.read().decode(errors='replace')[-2000:]}") from None
            yield url
        finally:
            proc.terminate()
            proc.wait(timeout=20)
