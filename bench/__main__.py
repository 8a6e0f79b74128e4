"""Run every benchmark, write their figures to ``bench/results.json`` and the documentation's tables from it.

Usage::

    python -m bench                      # everything (about 22 minutes on 2 cores)
    python -m bench cold_start exports   # only these; the others keep their last figures
    python -m bench --readme             # only rewrite the tables in docs/ from bench/results.json

The performance and export tables (docs/measured.md, docs/exports.md) are generated from the results file
(``bench/report.py``), never typed; ``tests/test_bench_report.py`` fails if they differ.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import subprocess
import sys
from importlib import import_module
from importlib.metadata import version

from bench.common import CHROMIUM, ROOT
from bench.report import RESULTS, update_pages

#: Benchmark name -> (module, keyword arguments of its measure()).
BENCHES = {
    "exports": ("bench.exports", {}),
    "payload": ("bench.payload", {}),
    "cold_start": ("bench.cold_start", {"runs": 5}),
    "first_run": ("bench.first_run", {}),
    "filter_browser": ("bench.filter_browser", {"rounds": 10}),
    "load": ("bench.load", {"sessions": 30}),
    "upload_server": ("bench.upload_server", {}),
    "upload_scale": ("bench.upload_scale", {}),
    "upload_textbook": ("bench.upload_textbook", {"runs": 3}),
    "upload_load": ("bench.upload_load", {}),
}


def machine() -> dict:
    """Where the figures were measured."""
    chromium = subprocess.run([str(CHROMIUM), "--version"], capture_output=True, text=True, check=False).stdout.strip()
    return {
        "date": dt.date.today().isoformat(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "chromium": chromium,
        "streamlit": version("streamlit"),
        "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                                 check=False).stdout.strip(),
    }  # fmt: skip


def main(argv: list[str]) -> int:
    names = [a for a in argv if not a.startswith("-")]
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    if "--readme" not in argv:
        from bench.cold_start import naive_baseline

        print("naive app's boundaries:", naive_baseline(), flush=True)  # fetched before any bench needs them
        for name in names or BENCHES:
            module, options = BENCHES[name]
            print(f"== {name}", flush=True)
            results[name] = import_module(module).measure(**options)
            print(json.dumps(results[name], indent=1, ensure_ascii=False), flush=True)
            results["machine"] = machine()
            RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    pages = update_pages(ROOT, results)
    print(f"wrote {RESULTS.relative_to(ROOT)} and the tables in {', '.join(str(p.relative_to(ROOT)) for p in pages)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
