"""The documentation's figures are generated from the benchmarks' output file, never typed."""

from __future__ import annotations

import ast
import json
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

import pytest

from bench.__main__ import BENCHES
from bench.report import PAGES, RESULTS, TABLES, performance_table, render_tables, update_pages

from .conftest import PROJECT


@pytest.mark.parametrize("page", PAGES)
def test_the_tables_are_what_the_results_file_renders(page: str) -> None:
    """After ``python -m bench`` the pages and ``bench/results.json`` agree; an edit to either alone fails here."""
    text = (PROJECT / page).read_text(encoding="utf-8")
    results = json.loads(RESULTS.read_text(encoding="utf-8"))
    assert render_tables(text, results) == text


def test_every_table_is_in_one_page_and_none_in_the_readme(tmp_path) -> None:
    for page in PAGES:
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text((PROJECT / page).read_text(encoding="utf-8"), encoding="utf-8")
    update_pages(tmp_path, json.loads(RESULTS.read_text(encoding="utf-8")))  # raises unless each is in one page
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert not any(f"<!-- bench:{name} -->" in readme for name in TABLES)


def test_goals_are_judged_from_the_figures() -> None:
    cold = {"runs": 5, "first_ring_s": {"floor": 5.0, "naive": 9.0, "ours": 6.0}, "naive_baseline": "raw",
            "ours_vs_floor": 1.2, "naive_vs_ours": 1.5}  # fmt: skip
    table = performance_table({"cold_start": cold})
    assert "1.20× (not met: goal ≤ 1.15×)" in table
    cold["ours_vs_floor"] = 1.1
    assert "1.10× (met: goal ≤ 1.15×)" in performance_table({"cold_start": cold})


def test_the_upload_load_row_counts_each_error_once() -> None:
    """``errors`` already holds the uploads' errors (``outcomes["error"]``) and the viewers': not added again."""
    from bench.report import upload_comparison_rows

    load = {"uploaders": 5, "points": 100_000, "viewers": 20, "budget_mb": "default",
            "outcomes": {"drawn": 3, "refused": 1, "error": 1}, "refused_told_why": 1, "errors": 1,
            "viewer_filter_change_s": {"p50": 0.2, "p95": 0.65, "n": 10},
            "rss_mb": {"after_one_page": 199, "peak": 464, "a_minute_after": 343, "returned_within": 145}}  # fmt: skip
    (row,) = upload_comparison_rows({"upload_load": load})
    assert "1 refused (1 told why), 1 errors;" in row
    assert "not met" in row


@pytest.mark.parametrize("module", sorted({m for m, _ in BENCHES.values()} | {"bench.wsclient", "bench.common"}))
def test_every_benchmark_imports(module: str) -> None:
    """A benchmark left behind by a change in ``geo`` fails here, not in the middle of ``python -m bench``.

    Its ``measure`` exists, and every name it imports from ``geo``, even inside a function, still does.
    """
    imported = import_module(module)
    if module in {m for m, _ in BENCHES.values()}:
        assert callable(imported.measure)
    tree = ast.parse(Path(imported.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("geo"):
            source = import_module(node.module)
            missing = [alias.name for alias in node.names if not hasattr(source, alias.name)
                       and find_spec(f"{node.module}.{alias.name}") is None]  # fmt: skip
            assert missing == [], f"{module} imports {missing} from {node.module}"


def test_the_naive_baseline_draws_the_same_rings_as_ours(data) -> None:
    from bench.payload import naive_map
    from geo.map.overlays import claim_view

    page = naive_map(data, data.claims, data.provinces, data.countries).get_root().render()
    assert page.count("L.circleMarker(") == len(claim_view(data, data.claims)["rings"]) > 40
