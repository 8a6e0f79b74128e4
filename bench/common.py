"""What the benchmarks share: paths, the apps compared, Chromium, the server's memory, percentiles.

Every benchmark measures; none passes or fails. Each has a ``measure()`` returning its
figures as a dict (``python -m bench`` writes them all to ``bench/results.json``) and a
``main()`` that prints them.
"""

from __future__ import annotations

import functools
import statistics
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.conftest import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402

if TYPE_CHECKING:
    from geo.evidence.dataset import Dataset

#: The three apps the benchmarks compare: the floor (the least this page can do), the
#: naive app (the textbook way) and ours.
APPS = {
    "floor": ROOT / "bench" / "floor_app.py",
    "naive": ROOT / "bench" / "naive_app.py",
    "ours": ROOT / "dashboard.py",
}
MAP = 'iframe[title="streamlit_folium.st_folium"]'
FIRST_RING = "path.leaflet-interactive >> visible=true"
#: Where the naive app's unsimplified Natural Earth files are cached (rebuilt from npm when missing).
BOUNDARY_CACHE = ROOT / ".cache" / "boundaries"


def launch_chromium(playwright):
    """Debian's Chromium with the project's flags (``playwright install`` cannot download here)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)


@functools.cache
def _dataset() -> Dataset:
    """The shipped dataset, read once (benchmarks ask for many count lines)."""
    from geo.evidence.dataset import load_dataset

    return load_dataset(validate=False)


def claims_shown_line(query: str) -> str:
    """The dashboard's count line after searching ``query`` ("3 of 69 claims shown"), from the data itself."""
    from geo.rules.filters import Filters, apply_filters

    data = _dataset()
    shown = apply_filters(data.claims, data.places, Filters(query=query))
    return f"{len(shown)} of {len(data.claims)} claims shown"


def rss_mb(pid: int) -> float:
    """Resident set size of a process, in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    line = next(ln for ln in status.splitlines() if ln.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


class PeakRss:
    """Samples a process's RSS in a background thread while a benchmark runs, keeping the peak.

    Use as ``with PeakRss(pid) as rss: ...`` then read ``rss.peak``.
    """

    def __init__(self, pid: int) -> None:
        self.pid, self.peak = pid, rss_mb(pid)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(0.05):  # sampling interval of a benchmark, not a test timing
            self.peak = max(self.peak, rss_mb(self.pid))

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_mb(self.pid))


def server_pid(url: str) -> int:
    """PID of the ``streamlit run`` listening on ``url``'s port (started by tests.server)."""
    marker = f"--server.port\x00{url.rsplit(':', 1)[1]}\x00"
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and marker in (proc / "cmdline").read_text():
                return int(proc.name)
        except OSError:
            continue
    raise RuntimeError(f"no streamlit process found for {url}")


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile of ``values``."""
    ordered = sorted(values)
    return ordered[max(0, round(share * len(ordered)) - 1)] if ordered else float("nan")


def median(values: list[float]) -> float:
    """The median, rounded for reporting."""
    return round(statistics.median(values), 3)
