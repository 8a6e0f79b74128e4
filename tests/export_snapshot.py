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
from importlib.metadata import version
from pathlib import Path

SNAPSHOT = Path(__file__).resolve().parent / "snapshots" / "exports.json"
BASE_URL = "https://example.org/app"
#: The two views: the default one and a filtered one (URL query parameters, as the CLI takes them).
VIEWS: dict[str, dict[str, str]] = {"default": {}, "filtered": {"status": "corroborated,partial", "from": "2017"}}
#: Libraries whose version decides the bytes of a format (GDAL comes with pyogrio's wheel).
WRITERS = {
    "gpkg": "pyogrio",
    "geojson": "pyogrio",
    "kml": "pyogrio",
    "png": "matplotlib",
    "pdf": "matplotlib",
    "pack": "matplotlib",
    "pptx": "python-pptx",
    "site": "matplotlib",
    "html": "folium",
}


def library_versions() -> dict[str, str]:
    """Versions of the libraries that write export bytes."""
    import pyogrio

    return {
        "pyogrio": f"{version('pyogrio')} (GDAL {pyogrio.__gdal_version_string__})",
        "matplotlib": version("matplotlib"),
        "folium": f"{version('folium')} (branca {version('branca')})",
        "python-pptx": version("python-pptx"),
    }


def compute() -> dict[str, dict[str, str]]:
    """view -> format -> sha256 of its bytes (``site`` hashes the sorted file list and contents)."""
    from geo.__main__ import main

    out: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for view, params in VIEWS.items():
            options = [arg for key, value in params.items() for arg in (f"--{key}", value)]
            hashes = {}
            for fmt in [*_formats(), "site"]:
                target = Path(tmp) / view / fmt
                main(["export", "--format", fmt, "--out", str(target), "--base-url", BASE_URL, *options])
                hashes[fmt] = _digest(target)
            out[view] = hashes
    return out


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
