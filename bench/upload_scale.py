"""Uploaded points at 1k / 10k / 100k: our canvas layer against one folium Marker per point.

For each size and technique, in a fresh subprocess: Python build time, payload bytes
(the map HTML), peak RSS of the building process, and time until drawn in headless
Chromium (standalone page, assets inlined, network blocked). The naive technique gets a
time limit and is reported as "did not finish in N s". Figures vary run to run.
Usage: python -m bench.upload_scale [LIMIT_SECONDS]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import ROOT
from tests.browser import UPLOAD_DRAWN

SIZES = (1_000, 10_000, 100_000)

BUILD = r"""
import json, resource, sys, time
import numpy as np
sys.path.insert(0, {root!r})
n, technique, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
rng = np.random.default_rng(1)
lat, lon = rng.uniform(20, 45, n), rng.uniform(75, 125, n)
start = time.perf_counter()
import folium
from geo.evidence.dataset import load_dataset
from geo.export.offline import inline_assets
from geo.map.assembly import standalone_map
data = load_dataset(validate=False)
fmap = standalone_map(data, data.claims)  # the offline HTML's map: the client code the upload layer calls into
if technique == "canvas":
    from geo.upload.layer import PreparedUpload, payload_json, upload_layers
    from geo.upload.read import read_upload
    csv = "id,lat,lon\n" + "\n".join(f"{{i}},{{a:.5f}},{{b:.5f}}" for i, (a, b) in enumerate(zip(lat, lon)))
    layer = read_upload("b.csv", csv.encode(), name="bench", attribution="generated")
    prepared = PreparedUpload(layer, payload_json(layer), data.places, data.provinces)
    for group in upload_layers(prepared, data.provinces, choropleth=False):
        group.add_to(fmap)
else:
    group = folium.FeatureGroup(name="bench")
    for i, (a, b) in enumerate(zip(lat, lon)):
        folium.Marker((a, b), popup=folium.Popup(f"id {{i}}")).add_to(group)
    group.add_to(fmap)
html = inline_assets(fmap.get_root().render())
open(out, "w", encoding="utf-8").write(html)
print(json.dumps({{"build_s": time.perf_counter() - start, "bytes": len(html.encode()),
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""

DRAWN = {
    "canvas": UPLOAD_DRAWN,  # every point placed on the layer's one canvas (canvas-points.js)
    "markers": "n => document.querySelectorAll('img.leaflet-marker-icon').length === n",
}


def build(n: int, technique: str, out: Path, limit: float) -> dict | None:
    script = BUILD.format(root=str(ROOT))
    try:
        done = subprocess.run(
            [sys.executable, "-c", script, str(n), technique, str(out)],
            capture_output=True,
            text=True,
            timeout=limit,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def draw_seconds(browser, page_path: Path, n: int, technique: str, limit: float) -> float | None:
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    page = context.new_page()
    start = time.perf_counter()
    try:
        page.goto(page_path.as_uri(), timeout=limit * 1000)
        page.wait_for_function(DRAWN[technique], arg=n, timeout=limit * 1000, polling=250)
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        return time.perf_counter() - start
    except Exception:
        return None
    finally:
        context.close()


def measure(limit: float = 60) -> dict:
    """Per size and technique: build seconds, payload bytes, builder peak RSS (MB), seconds to draw (None: did not finish)."""
    from playwright.sync_api import sync_playwright

    from bench.common import launch_chromium

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = launch_chromium(pw)
        for n in SIZES:
            for technique in ("canvas", "markers"):
                out = Path(tmp) / f"{technique}-{n}.html"
                built = build(n, technique, out, limit)
                drawn = draw_seconds(browser, out, n, technique, limit) if built else None
                rows.append({
                    "points": n, "technique": technique, "limit_s": limit,
                    "build_s": round(built["build_s"], 2) if built else None,
                    "bytes": built["bytes"] if built else None,
                    "peak_rss_mb": round(built["peak_rss_mb"]) if built else None,
                    "drawn_s": round(drawn, 2) if drawn is not None else None,
                })  # fmt: skip
        browser.close()
    return {"rows": rows}


def main() -> None:
    limit = float(sys.argv[1]) if len(sys.argv) > 1 else 60
    print("| points | technique | build s | payload bytes | peak RSS MB (builder) | drawn in Chromium s |")
    print("|---:|---|---:|---:|---:|---:|")
    for row in measure(limit)["rows"]:
        late = f"did not finish in {limit:.0f} s"
        print(f"| {row['points']:,} | {row['technique']} | {row['build_s'] if row['build_s'] is not None else late} | "
              f"{row['bytes'] or '-'} | {row['peak_rss_mb'] or '-'} | "
              f"{row['drawn_s'] if row['drawn_s'] is not None else late} |")  # fmt: skip


if __name__ == "__main__":
    main()
