"""Slow exports made once per test run and shared: the export snapshot, the pack and the static site tests.

Each is what ``python -m geo export`` writes for one of the snapshot's views
(:data:`tests.export_snapshot.VIEWS`, with its base URL). The tests that read them carry the
``exports`` xdist group (``tests/conftest.py``), so under ``pytest -n 2 --dist loadgroup`` one
worker makes each once.
"""

from __future__ import annotations

from pathlib import Path

from .export_snapshot import BASE_URL, VIEWS


class Exports:
    """The CLI's exports, made on first use into ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def cli(self, fmt: str, view: str = "default") -> Path:
        """The file (a folder for ``site``) the CLI writes for ``fmt`` in the snapshot view ``view``."""
        from geo.__main__ import main

        target = self.root / view / fmt
        if not target.exists():
            params = VIEWS[view]
            options = [arg for key, value in params.items() for arg in (f"--{key}", value)]
            status = main(["export", "--format", fmt, "--out", str(target), "--base-url", BASE_URL, *options])
            assert status == 0, f"python -m geo export --format {fmt} ({view} view) exited with {status}"
        return target
