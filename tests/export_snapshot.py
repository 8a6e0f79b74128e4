"""SHA-256 of every export for two views, to prove a refactor changes no byte.

``python -m tests.export_snapshot --write`` records the hashes (and the versions of the
libraries that write the bytes) in ``tests/snapshots/exports.json``;
``tests/test_export_snapshot.py`` compares against them. Re-record only for a deliberate
change of an export (new data, a new figure layout), and say so in the commit.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

SNAPSHOT = Path(__file__).resolve().parent / "snapshots" / "exports.json"
BASE_URL = "https://example.org/app"
#: The two views: the default one and a filtered one (URL query parameters, as the CLI takes them).
VIEWS: dict[str, dict[str, str]] = {"default": {}, "filtered": {"status": "corroborated,partial", "from": "2017"}}
#: The libraries whose version decides the bytes of a format (GDAL comes with pyogrio's wheel). Each is
#: pinned in ``requirements-dev.txt`` at the version the hashes were recorded with.
FIGURES = ("matplotlib", "matplotlib-scalebar", "adjustText", "pillow", "fonttools", "numpy")
WRITERS: dict[str, tuple[str, ...]] = {
    "csv": ("pandas",),
    "gpkg": ("pyogrio", "shapely", "pyproj"),
    "geojson": ("pyogrio", "shapely", "pyproj"),
    "kml": ("pyogrio", "shapely", "pyproj"),
    "png": FIGURES,
    "pdf": FIGURES,
    "pptx": ("python-pptx", "lxml", *FIGURES),
    "pack": ("python-pptx", "lxml", "pandas", "pyogrio", "folium", "branca", *FIGURES),
    "site": ("folium", "branca", "pandas", *FIGURES),
    "html": ("folium", "branca"),
}


def library_versions() -> dict[str, str]:
    """Versions of the libraries that write export bytes (pyogrio with the GDAL in its wheel)."""
    import pyogrio

    names = sorted({name for writers in WRITERS.values() for name in writers}, key=str.lower)
    versions = {name: version(name) for name in names}
    versions["pyogrio"] += f" (GDAL {pyogrio.__gdal_version_string__})"
    return versions


def changed_writers(fmt: str, recorded: dict[str, str], current: dict[str, str]) -> list[str]:
    """The writers of ``fmt`` whose version is not the recorded one, as "name recorded -> current"."""
    return [f"{name} {recorded.get(name)} -> {current[name]}"
            for name in WRITERS.get(fmt, ()) if recorded.get(name) != current[name]]  # fmt: skip


def compute(made: Callable[[str, str], Path] | None = None) -> dict[str, dict[str, str]]:
    """view -> format -> sha256 of its bytes (``site`` hashes the sorted file list and contents).

    ``made(fmt, view)`` gives the CLI's export (the tests pass :meth:`tests.built.Exports.cli`,
    which other tests share); by default each is made here, in a temporary folder.
    """
    from .built import Exports

    with tempfile.TemporaryDirectory() as tmp:
        export = made or Exports(Path(tmp)).cli
        return {view: {fmt: _digest(export(fmt, view)) for fmt in [*_formats(), "site"]} for view in VIEWS}


def _formats() -> list[str]:
    from geo.__main__ import _format_names

    return _format_names()


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for file in files:
        digest.update(file.relative_to(path).as_posix().encode() + b"\0" if path.is_dir() else b"")
        digest.update(file.read_bytes())
    return digest.hexdigest()


def main() -> None:
    """Print the hashes, or record them with ``--write``."""
    record = {"versions": library_versions(), "base_url": BASE_URL, "views": VIEWS, "sha256": compute()}
    text = json.dumps(record, indent=2, ensure_ascii=False) + "\n"
    if "--write" in sys.argv:
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(text, encoding="utf-8")
        print(f"wrote {SNAPSHOT}")
    else:
        print(text)


if __name__ == "__main__":
    main()
