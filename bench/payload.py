"""Map payload sent to the browser, and server-side time of a rerun and a filter change.

Compares the default view with a naive map (unsimplified Natural Earth boundaries from the
research reference files when present, every popup rebuilt). Figures vary run to run.
Usage: python bench/payload.py
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard.py")


def payload_bytes(at: AppTest) -> dict[str, int]:
    args = json.loads(at.get("component_instance")[0].proto.json_args)
    sizes = {key: len(json.dumps(value)) for key, value in args.items()}
    sizes["total"] = len(at.get("component_instance")[0].proto.json_args)
    return sizes


def timed(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    at = AppTest.from_file(APP, default_timeout=120).run()
    sizes = payload_bytes(at)
    print(
        f"default view payload: {sizes['total']:,} bytes (basemap script {sizes['script']:,}, layers {sizes['feature_group']:,})"
    )
    print(f"rerun, nothing changed: {timed(at.run) * 1000:.0f} ms (median of 5, AppTest, includes st_folium rendering)")
    statuses = at.sidebar.multiselect(key="statuses")

    def change_filter() -> None:
        value = ["corrected"] if statuses.value != ["corrected"] else ["corroborated"]
        statuses.set_value(value).run()

    print(f"filter change: {timed(change_filter) * 1000:.0f} ms (median of 5)")
    sys.path.insert(0, str(ROOT))
    from geo.load import load_dataset
    from geo.mapping import build_map

    data = load_dataset()
    ours = len(build_map(data, data.claims).get_root().render())
    print(f"whole map as one HTML page: {ours:,} bytes")


if __name__ == "__main__":
    main()
