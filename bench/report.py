"""The documentation's performance and export tables, rendered from ``bench/results.json``.

``python -m bench`` writes the results and calls :func:`update_pages`; the pages in
:data:`PAGES` hold the tables between ``<!-- bench:NAME -->`` and ``<!-- /bench:NAME -->``
markers (each table in one page), and ``tests/test_bench_report.py`` checks they are what this
module renders.
"""

from __future__ import annotations

import re
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results.json"
#: The pages that hold the tables, from the project's root.
PAGES = ("docs/measured.md", "docs/exports.md")
NOT_MEASURED = "not measured"


def _s(value: float | None) -> str:
    return NOT_MEASURED if value is None else f"{value:.2f} s"


def _ratio(value: float | None, goal: float, *, at_most: bool = True) -> str:
    if value is None:
        return NOT_MEASURED
    met = value <= goal if at_most else value >= goal
    return f"{value:.2f}× ({'met' if met else 'not met'}: goal ≤ {goal:g}×)"


def performance_table(results: dict) -> str:
    """One row per goal: what was measured, the floor or baseline, ours, the ratio and whether the goal is met."""
    cold, browser = results.get("cold_start", {}), results.get("filter_browser", {})
    payload, load = results.get("payload", {}), results.get("load", {})
    upload = results.get("upload_server", {})
    rows = ["| what | floor / baseline | ours | ratio or goal | script |", "|---|---|---|---|---|"]
    if cold:
        first = cold["first_ring_s"]
        rows.append(
            f"| cold start: `streamlit run` to first ring visible (median of {cold['runs']} alternating runs) | "
            f"floor {_s(first['floor'])}; naive {_s(first['naive'])} ({cold['naive_baseline']}) | {_s(first['ours'])} | "
            f"ours/floor {_ratio(cold['ours_vs_floor'], 1.15)}; naive/ours {cold['naive_vs_ours']:.2f}× | `bench/cold_start.py` |"
        )
    if browser:
        change, visit = browser["filter_change_s"], browser["second_visitor_s"]
        rows.append(
            f"| filter change as the user sees it: keystroke to count, run finished and map updated (median of "
            f"{browser['rounds']}) | floor {_s(change['floor'])} | {_s(change['ours'])} | "
            f"{_ratio(browser['filter_change_ours_vs_floor'], 2.5)} | `bench/filter_browser.py` |"
        )
        rows.append(
            f"| a second visitor's page: new page to first ring visible | floor {_s(visit['floor'])} | "
            f"{_s(visit['ours'])} | {_ratio(browser['second_visitor_ours_vs_floor'], 1.1)} | `bench/filter_browser.py` |"
        )
        received = browser["bytes_received_for_a_filter_change"]
        rows.append(
            f"| bytes the browser receives for one filter change (websocket, median) | floor {received['floor']:,} B | "
            f"{received['ours']:,} B | – | `bench/filter_browser.py` |"
        )
    if payload:
        element = payload["map_element_bytes"]
        met = "met" if element <= 300_000 else "not met"
        rows.append(
            f"| map payload per page, default view | naive {payload['naive_page_bytes']:,} B ({payload['naive_boundaries']}) | "
            f"{element:,} B (+ {payload['basemap_files_bytes']:,} B of basemap files fetched once) | "
            f"≤ 300,000 B: {met} | `bench/payload.py` |"
        )
        wire = payload.get("websocket_wire_bytes")
        if wire:
            plain, packed = wire["plain"], wire["compressed"]
            rows.append(
                f"| bytes on the websocket's wire (TCP), a second visitor's page and one filter change | compression "
                f"off: {plain['page']:,} B; {plain['filter_change']:,} B | compression on (the app's setting): "
                f"{packed['page']:,} B; {packed['filter_change']:,} B | {packed['page'] / plain['page']:.2f}× of the "
                f"page's bytes | `bench/payload.py` |"
            )
        server = payload["filter_change_server_s"]
        rows.append(
            f"| filter change, server side (whole page; median of {payload['searches']} new searches) | naive, map only "
            f"{server['naive_map_only'] * 1000:.0f} ms | {server['ours'] * 1000:.0f} ms | – | `bench/payload.py` |"
        )
    if load:
        p95 = load["filter_change_s"]["p95"] if load.get("filter_change_s") else None
        met = NOT_MEASURED if p95 is None else ("met" if p95 <= 0.5 and load["errors"] == 0 else "not met")
        ready = load["page_ready_s"]["p95"] if load.get("page_ready_s") else None
        rss, floor = load["rss_mb"], load.get("floor")
        floor_text = (
            f"floor: filter change p95 {_s(floor['filter_change_s']['p95'])}; page ready p95 {_s(floor['page_ready_s']['p95'])}"
            if floor and floor.get("filter_change_s")
            else "–"
        )
        rows.append(
            f"| {load['sessions']} concurrent sessions (websocket clients): page, then a filter change | {floor_text} | "
            f"{load['errors']} errors; filter change p95 {_s(p95)}; page ready p95 {_s(ready)}; "
            f"{rss['before']} → {rss['peak']} MB, {rss['per_session']} MB per session | p95 ≤ 0.5 s, 0 errors: {met} | "
            f"`bench/load.py` |"
        )
    if upload:
        drawn = upload["drawn_after_click_s"].get("100,000")
        peak = upload["server_peak_rss_mb"].get("100,000")
        met = "met" if drawn is not None and drawn <= 3 and peak <= 600 else "not met"  # the 600 MB
        others = ", ".join(f"{n}: {s:.1f} s" for n, s in upload["drawn_after_click_s"].items() if n != "100,000")
        rows.append(
            f"| 100,000-point upload through the app: “Add layer” to all points drawn | – | {_s(drawn)}; server peak "
            f"{peak} MB ({others}) | ≤ 3 s, ≤ 600 MB: {met} | `bench/upload_server.py` |"
        )
        refused = upload["refused_after_s"]
        kept = "kept" if upload["earlier_layer_kept"] else "LOST"
        rows.append(
            f"| {upload['refused_rows']:,}-row file: click to refusal | – | {_s(refused)}; the earlier layer {kept} | "
            f"< 2 s: {'met' if refused < 2 and upload['earlier_layer_kept'] else 'not met'} | `bench/upload_server.py` |"
        )
    rows += upload_comparison_rows(results)
    machine = results.get("machine", {})
    where = (
        f"Measured {machine.get('date', '?')} on {machine.get('cores', '?')} cores, Python {machine.get('python', '?')}, "
        f"{machine.get('chromium', 'Chromium')}, Streamlit {machine.get('streamlit', '?')}, commit {machine.get('commit', '?')}."
    )
    return "\n".join(rows) + "\n\n" + where


def upload_comparison_rows(results: dict) -> list[str]:
    """The 100k upload against a textbook upload app, and uploads under load on one server."""
    rows = []
    textbook, load = results.get("upload_textbook", {}), results.get("upload_load", {})
    if textbook:
        rows.append(
            f"| {textbook['points']:,}-point upload against a textbook upload app (`st.file_uploader` and one folium "
            f"`GeoJson` on a canvas), alternating, median of {textbook['runs']} | textbook, upload to all drawn "
            f"{_s(textbook['textbook_upload_to_drawn_s'])} | “Add layer” to all drawn {_s(textbook['ours_click_to_drawn_s'])} | "
            f"ours/textbook {_ratio(textbook['ours_vs_textbook'], 0.25)} | `bench/upload_textbook.py` |"
        )
    if load:
        outcomes, rss, change = load["outcomes"], load["rss_mb"], load["viewer_filter_change_s"]
        p95 = change["p95"] if change else None
        refused_told = outcomes["refused"] == load["refused_told_why"]
        back = rss["returned_within"]
        met = (rss["peak"] <= 600 and load["errors"] == 0 and outcomes["error"] == 0 and p95 is not None
               and p95 <= 1 and refused_told and back <= 100)  # fmt: skip
        budget = f"{load['budget_mb']} MB" if isinstance(load["budget_mb"], int) else load["budget_mb"]
        rows.append(
            f"| {load['uploaders']} concurrent {load['points']:,}-point uploads and {load['viewers']} viewers on one "
            f"server (upload budget {budget}) | – | {outcomes['drawn']} drawn, {outcomes['refused']} refused "
            f"({load['refused_told_why']} told why), {load['errors']} errors; viewers' filter change "
            f"p95 {_s(p95)}; RSS {rss['after_one_page']} MB after one page, peak {rss['peak']} MB, "
            f"{rss['a_minute_after']} MB a minute after they left (+{back} MB) | peak ≤ 600 MB, 0 errors, p95 ≤ 1 s, "
            f"every refusal told why, back within 100 MB: {'met' if met else 'not met'} | `bench/upload_load.py` |"
        )
    return rows


def exports_table(results: dict) -> str:
    """Bytes of every export for all claims."""
    exports = results.get("exports")
    if not exports:
        return NOT_MEASURED
    rows = [
        f"Sizes for the shipped data, all {exports['claims']} claims:",
        "",
        "| format | file | bytes |",
        "|---|---|---:|",
    ]
    rows += [f"| `{name}` | `{row['file']}` | {row['bytes']:,} |" for name, row in exports["formats"].items()]
    rows.append(f"| `site` | folder, {exports['site']['files']} files | {exports['site']['bytes']:,} |")
    return "\n".join(rows)


def upload_scale_table(results: dict) -> str:
    """Canvas layer against one folium Marker per point, per size."""
    scale = results.get("upload_scale")
    if not scale:
        return NOT_MEASURED
    rows = ["| points | technique | build s | payload bytes | builder peak RSS MB | drawn in Chromium s |",
            "|---:|---|---:|---:|---:|---:|"]  # fmt: skip
    for row in scale["rows"]:
        late = f"did not finish in {row['limit_s']:.0f} s"
        technique = "canvas layer (ours)" if row["technique"] == "canvas" else "one folium Marker per point"
        rows.append(
            f"| {row['points']:,} | {technique} | {row['build_s'] if row['build_s'] is not None else late} | "
            f"{format(row['bytes'], ',') if row['bytes'] else '–'} | {row['peak_rss_mb'] or '–'} | "
            f"{row['drawn_s'] if row['drawn_s'] is not None else late} |"
        )
    return "\n".join(rows)


def first_run_table(results: dict) -> str:
    """A first script run, the floor's and ours: its time, and (under the profiler) its imports and steps."""
    first = results.get("first_run")
    if not first:
        return NOT_MEASURED
    names = {"floor": "floor app", "ours_restart": "ours, restart (caches on disk)",
             "ours_first_start": "ours, first start (empty cache folder)"}  # fmt: skip
    rows = ["| first script run | time | under the profiler: imports, by package | under the profiler: the script's steps |",
            "|---|---:|---|---|"]  # fmt: skip
    for key, label in names.items():
        run = first.get(key)
        if not run:
            continue
        imports = ", ".join(f"{name} {seconds:.2f}" for name, seconds in run["imports"].items() if seconds >= 0.01)
        steps = ", ".join(f"{name} {seconds:.2f}" for name, seconds in run["steps"].items() if seconds >= 0.01)
        rows.append(f"| {label} | {run['script_s']:.2f} s | {run['imports_s']:.2f} s: {imports} | {steps or '–'} |")
    return "\n".join(rows)


TABLES = {
    "performance": performance_table,
    "first-run": first_run_table,
    "exports": exports_table,
    "upload-scale": upload_scale_table,
}


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(<!-- bench:{name} -->\n)(?:.*?\n)?(<!-- /bench:{name} -->)", re.DOTALL)


def render_tables(text: str, results: dict) -> str:
    """``text`` with every ``<!-- bench:NAME -->`` block it holds replaced by its table rendered from ``results``."""
    for name, render in TABLES.items():
        text = _pattern(name).sub(lambda m, r=render: m.group(1) + r(results) + "\n" + m.group(2), text)
    return text


def update_pages(root: Path, results: dict) -> list[Path]:
    """Rewrite the tables in :data:`PAGES` under ``root``; each table must be in exactly one page."""
    texts = {root / page: (root / page).read_text(encoding="utf-8") for page in PAGES}
    for name in TABLES:
        holders = [path for path, text in texts.items() if _pattern(name).search(text)]
        if len(holders) != 1:
            msg = f"<!-- bench:{name} --> should be in exactly one of {PAGES}, is in {len(holders)}"
            raise ValueError(msg)
    for path, text in texts.items():
        path.write_text(render_tables(text, results), encoding="utf-8")
    return list(texts)
