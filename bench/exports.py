"""Sizes of every export of the default view (all claims), for the table in docs/exports.md.

The same files as ``python -m geo export --format NAME`` writes; sizes are exact for this
data and these library versions. Usage: python -m bench.exports
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from geo.evidence.dataset import load_dataset
from geo.export.formats import EXPORTERS, write_site

BASE_URL = "https://example.org/app"


def measure() -> dict:
    """Bytes per format, and the static site's file count and total, for all claims."""
    data = load_dataset()
    sizes = {
        name: {"file": e.filename, "bytes": len(e.write(data, data.claims, BASE_URL))} for name, e in EXPORTERS.items()
    }
    with tempfile.TemporaryDirectory() as tmp:
        site = write_site(data, data.claims, Path(tmp), BASE_URL)
    return {"claims": len(data.claims), "formats": sizes, "site": {"files": len(site), "bytes": sum(site.values())}}


def main() -> None:
    result = measure()
    for name, row in result["formats"].items():
        print(f"{name}: {row['file']} {row['bytes']:,} bytes")
    print(f"site: {result['site']['files']} files, {result['site']['bytes']:,} bytes ({result['claims']} claims)")


if __name__ == "__main__":
    main()
