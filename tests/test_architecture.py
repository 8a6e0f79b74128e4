"""The floor plan holds: no import cycle, no import up the layers, Streamlit only in the dashboard.

Layers, bottom to top: the ground-level modules of ``geo/`` (data and shared rules), then
``geo.map``, then ``geo.export`` and ``geo.upload`` (which may draw on the map), then
``geo.page``, then the entry points (the dashboard: ``dashboard.py`` and ``sections/``; and ``python -m geo``). A module may
import its own layer and the layers below. The graph is read with :mod:`ast`
(``tests/importgraph.py``), lazy imports included.
"""

from __future__ import annotations

import pytest

from .conftest import PROJECT
from .importgraph import build, cycles, layers

GRAPH = build()
DASHBOARD = {
    "dashboard", "sections", "sections.briefing", "sections.my_briefing", "sections.tabs", "sections.upload",
    "sections.widgets",
}  # fmt: skip
ENTRY_POINTS = {*DASHBOARD, "geo.__main__"}
#: What each layer may import, besides itself.
MAY_IMPORT = {
    "ground": {"ground"},
    "geo.map": {"ground"},
    "geo.export": {"ground", "geo.map"},
    "geo.upload": {"ground", "geo.map"},
    "geo.page": {"ground", "geo.map", "geo.export", "geo.upload"},
}


def layer_of(module: str) -> str:
    """``geo.map.basemap`` -> ``geo.map``; a module directly under ``geo`` -> ``ground``; the dashboard's -> ``dashboard``."""
    parts = module.split(".")
    if parts[0] != "geo":
        return "dashboard"
    return (
        ".".join(parts[:2])
        if len(parts) > 2 or (len(parts) == 2 and parts[1] in {"map", "export", "upload", "page"})
        else "ground"
    )


def test_the_graph_has_every_module() -> None:
    assert {"geo.dataset", "geo.readers", "geo.validate", "geo.map.overlays", "geo.export.formats", "dashboard"} <= set(
        GRAPH.nodes
    )


def test_no_import_cycle_even_through_lazy_or_type_only_imports() -> None:
    assert cycles(GRAPH, with_typing=True) == []


@pytest.mark.parametrize("module", [m for m in GRAPH.nodes if m not in ENTRY_POINTS])
def test_no_module_imports_a_layer_above_its_own(module: str) -> None:
    layer = layer_of(module)
    allowed = MAY_IMPORT[layer] | {layer}
    upward = sorted(m for m in GRAPH.imports(module) if layer_of(m) not in allowed)
    assert upward == [], f"{module} ({layer}) imports {upward}"


#: The longest import chain, in modules (it was 13 when the map's assembly, the downloads and the start-up
#: preparation reached through each other; ``python -m tests.importgraph`` prints the graph).
MAX_CHAIN = 10


def test_the_longest_import_chain_is_short() -> None:
    assert layers(GRAPH) <= MAX_CHAIN


def test_the_dashboard_is_layout_only() -> None:
    """Its logic lives in geo.page (tested without Streamlit): the entry point stays a page of layout and widgets."""
    lines = (PROJECT / "dashboard.py").read_text(encoding="utf-8").count("\n")
    assert lines <= 350
    assert set(GRAPH.nodes) >= DASHBOARD
    data_libraries = {"pandas", "geopandas", "shapely", "numpy", "pyogrio", "folium", "branca", "matplotlib"}
    for module in DASHBOARD:  # no data work in the layout: type hints only (TYPE_CHECKING) from these
        assert not GRAPH.external_at_run_time[module] & data_libraries, module


def test_only_the_dashboard_imports_streamlit() -> None:
    users = sorted(m for m in GRAPH.nodes if {"streamlit", "streamlit_folium"} & GRAPH.external[m])
    assert set(users) <= DASHBOARD
    assert "dashboard" in users


def test_only_the_loader_the_cli_and_the_briefing_file_call_the_validator() -> None:
    """A presenter's briefing file is checked by the dataset's own briefing rule (one rule, one home)."""
    users = sorted(m for m in GRAPH.nodes if "geo.validate" in GRAPH.imports(m))
    assert users == ["geo.__main__", "geo.briefing_file", "geo.dataset"]


def test_a_cycle_would_be_caught() -> None:
    from .importgraph import Graph

    graph = Graph(edges={"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}})
    assert cycles(graph) == [["a", "b", "c"]]
