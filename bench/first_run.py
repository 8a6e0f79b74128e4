"""Where a first script run's time goes: ours on a restart and on a first start, and the floor app's.

Each app's first script run, in a fresh interpreter (``AppTest``, so no browser): once
plainly for its time, once under ``cProfile`` and ``python -X importtime`` for the
breakdown: the imports the script triggers, grouped by top-level package, and the time in
each of the script's own top-level functions. "Restart" finds the caches a previous start
wrote (the validation stamp and the prepared first page in ``.cache``); "first start"
gets an empty cache folder (``GEO_CACHE_DIR``), as a fresh clone has. Streamlit itself is
imported before the script runs, as ``streamlit run`` does. Figures vary run to run.

Usage: python -m bench.first_run
"""

from __future__ import annotations

import json
import os
import pstats
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from bench.common import APPS, ROOT

MARK = "bench.first_run: script starts"
#: The driver run in a fresh interpreter: argv = script, profile output (or "").
DRIVER = r"""
import cProfile, os, runpy, sys, time
from streamlit.testing.v1 import AppTest
script, profile_out, wrapper = sys.argv[1], sys.argv[2], sys.argv[3]
open(wrapper, "w").write(f'''
import cProfile, runpy, sys, time
print({MARK!r}, file=sys.stderr, flush=True)
profile = cProfile.Profile() if {profile_out!r} else None
start = time.perf_counter()
if profile: profile.enable()
try:
    runpy.run_path({script!r}, run_name="__main__")
finally:
    if profile:
        profile.disable()
        profile.dump_stats({profile_out!r})
    print("SCRIPT_SECONDS", time.perf_counter() - start, flush=True)
''')
at = AppTest.from_file(wrapper, default_timeout=300)
at.run()
print("EXCEPTIONS", len(at.exception), flush=True)
"""


def run_script(script: Path, env: dict[str, str], *, profile: bool) -> dict:
    """One first run of ``script`` in a fresh interpreter: seconds, and with ``profile`` the breakdown."""
    with tempfile.TemporaryDirectory() as tmp:
        profile_out = str(Path(tmp) / "run.prof") if profile else ""
        args = [sys.executable, *(["-X", "importtime"] if profile else []), "-c", DRIVER.replace("{MARK!r}", repr(MARK)),
                str(script), profile_out, str(Path(tmp) / "wrapper.py")]  # fmt: skip
        done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, check=True, timeout=600)
        seconds = float(next(ln.split()[1] for ln in done.stdout.splitlines() if ln.startswith("SCRIPT_SECONDS")))
        if not profile:
            return {"script_s": round(seconds, 3)}
        imports = script_imports(done.stderr)
        return {
            "profiled_script_s": round(seconds, 3),
            "imports_s": round(sum(imports.values()), 3),
            "imports": dict(sorted(imports.items(), key=lambda kv: -kv[1])[:8]),
            "steps": script_steps(profile_out, script),
        }


def script_imports(importtime: str) -> dict[str, float]:
    """Seconds per top-level package imported after the script started (``-X importtime``'s cumulative column)."""
    started, seconds = False, defaultdict(float)
    for line in importtime.splitlines():
        if MARK in line:
            started = True
        elif started and line.startswith("import time:") and "|" in line:
            _, cumulative, name = line.split("|")
            if not name.startswith("  ") and cumulative.strip().isdigit():  # top level only: nested ones are inside
                seconds[name.strip().split(".")[0]] += int(cumulative) / 1e6
    return {name: round(value, 3) for name, value in seconds.items()}


def script_steps(profile_out: str, script: Path) -> dict[str, float]:
    """Seconds in each of the script's outermost functions (called from its top level, directly or through a cache)."""
    stats = pstats.Stats(profile_out).stats
    steps = {}
    for (filename, _line, function), (_cc, _nc, _tt, cumulative, callers) in stats.items():
        nested = any(caller[0] == str(script) and caller[2] != "<module>" for caller in callers)
        if filename == str(script) and function not in {"<module>", "<lambda>"} and not nested:
            steps[function] = round(steps.get(function, 0) + cumulative, 3)
    return dict(sorted(steps.items(), key=lambda kv: -kv[1]))


def measure() -> dict:
    """The floor's and our first script run: on a restart (caches present) and on a first start (none)."""
    base = {**os.environ, "PYTHONPATH": str(ROOT)}
    run_script(APPS["ours"], base, profile=False)  # the restart case finds the caches this start writes
    results = {}
    for name, script, fresh_cache in (("floor", APPS["floor"], False), ("ours_restart", APPS["ours"], False),
                                      ("ours_first_start", APPS["ours"], True)):  # fmt: skip
        runs = {}
        for profile in (False, True):
            with tempfile.TemporaryDirectory() as empty:
                env = {**base, "GEO_CACHE_DIR": empty} if fresh_cache else base
                runs.update(run_script(script, env, profile=profile))
        results[name] = runs
    return results


def main() -> None:
    print(json.dumps(measure(), indent=2))


if __name__ == "__main__":
    main()
