"""The floor plan holds: ``geo`` in wings, each importing only the wings below it; Streamlit only in the dashboard.

The wings, bottom to top, are :data:`WINGS` (``geo/__init__.py`` says what each is for). A module may
import its own wing and the wings below; wings on one rank never import each other. The Streamlit
layer (``dashboard.py`` and ``sections/``) imports ``geo.page`` only, its façade. The graph is read
with :mod:`ast` (``tests/importgraph.py``), lazy and type-only imports included.
"""

from __future__ import annotations

import pytest

from .conftest import PROJECT
from .importgraph import build, cycles, layers

GRAPH = build()
DASHBOARD = {m for m in GRAPH.nodes if m == "dashboard" or m.split(".")[0] == "sections"}
ENTRY_POINTS = {*DASHBOARD, "geo.__main__"}
#: The wings of ``geo``, bottom to top, as ranks: a wing imports the ranks below its own.
WINGS: tuple[tuple[str, ...], ...] = (
    ("root",),
    ("language",),
    ("frontend",),
    ("evidence",),
    ("rules",),
    ("html",),
    ("map",),
    ("export", "upload"),
    ("build", "page"),
)
RANK = {wing: rank for rank, names in enumerate(WINGS) for wing in names}
#: The modules at ``geo``'s root: settings, errors, colour tokens, URL rules (and the package and CLI files).
ROOT_MODULES = {"geo", "geo.__main__", "geo.settings", "geo.errors", "geo.style", "geo.urls"}
MAX_ROOT_MODULES = 8


def wing_of(module: str) -> str:
    """``geo.map.basemap`` -> ``map``; a module at ``geo``'s root -> ``root``; the dashboard's -> ``dashboard``."""
    parts = module.split(".")
    if parts[0] != "geo":
        return "dashboard"
    if len(parts) == 1 or (len(parts) == 2 and f"geo.{parts[1]}" in ROOT_MODULES):
        return "root"
    return parts[1]


def test_the_graph_has_every_module() -> None:
    assert {"geo.evidence.dataset", "geo.evidence.readers", "geo.evidence.validate", "geo.map.overlays",
            "geo.export.formats", "dashboard"} <= set(GRAPH.nodes)  # fmt: skip


def test_every_wing_has_a_rank_and_the_root_holds_only_its_few_modules() -> None:
    """A new folder in ``geo`` must be placed in the order; a new module goes into its wing, never loose at the root."""
    wings = {wing_of(m) for m in GRAPH.nodes if m not in ENTRY_POINTS}
    assert wings <= set(RANK), sorted(wings - set(RANK))
    root = {m for m in GRAPH.nodes if wing_of(m) == "root"}
    assert root == ROOT_MODULES
    assert len(root) <= MAX_ROOT_MODULES


def test_no_import_cycle_even_through_lazy_or_type_only_imports() -> None:
    assert cycles(GRAPH, with_typing=True) == []


@pytest.mark.parametrize("module", [m for m in GRAPH.nodes if m not in ENTRY_POINTS])
def test_a_module_imports_only_its_own_wing_and_those_below(module: str) -> None:
    wing = wing_of(module)
    wrong = sorted(
        m for m in GRAPH.imports(module)
        if wing_of(m) != wing and (wing_of(m) not in RANK or RANK[wing_of(m)] >= RANK[wing])
    )  # fmt: skip
    assert wrong == [], f"{module} ({wing}, rank {RANK[wing]}) imports {wrong}"


def test_the_streamlit_layer_imports_only_the_page_facade() -> None:
    """``dashboard.py`` and ``sections/`` reach ``geo`` through ``geo.page`` alone (its modules are the façade)."""
    for module in sorted(DASHBOARD):
        outside = sorted(m for m in GRAPH.imports(module) if wing_of(m) not in {"page", "dashboard"})
        assert outside == [], f"{module} imports {outside}"


#: The longest import chain, in modules: one per rank of wings, and the Streamlit layer's three on top
#: (``dashboard`` -> a section -> ``sections.widgets``). ``python -m tests.importgraph`` prints the graph.
MAX_CHAIN = 12


def test_the_longest_import_chain_is_short() -> None:
    assert layers(GRAPH) <= MAX_CHAIN


def test_the_dashboard_is_layout_only() -> None:
    """Its logic lives in geo.page (tested without Streamlit): the entry point stays a page of layout and widgets."""
    lines = (PROJECT / "dashboard.py").read_text(encoding="utf-8").count("\n")
    assert lines <= 350
    data_libraries = {"pandas", "geopandas", "shapely", "numpy", "pyogrio", "folium", "branca", "matplotlib"}
    for module in DASHBOARD:  # no data work in the layout: type hints only (TYPE_CHECKING) from these
        assert not GRAPH.external_at_run_time[module] & data_libraries, module


def test_only_the_dashboard_imports_streamlit() -> None:
    users = sorted(m for m in GRAPH.nodes if {"streamlit", "streamlit_folium"} & GRAPH.external[m])
    assert set(users) <= DASHBOARD
    assert "dashboard" in users


def test_only_the_loader_the_cli_and_the_briefing_file_call_the_validator() -> None:
    """A presenter's briefing file is checked by the dataset's own briefing rule (one rule, one home)."""
    users = sorted(m for m in GRAPH.nodes if "geo.evidence.validate" in GRAPH.imports(m))
    assert users == ["geo.__main__", "geo.evidence.dataset", "geo.rules.briefing_file"]


def test_the_validation_fingerprint_covers_every_module_the_validator_runs() -> None:
    """A changed rule anywhere under the validator (a quote rule, a fact rule) must re-validate after a restart."""
    from geo.evidence.validate import validator_files

    hashed = {f"geo.{p.stem}" if p.parent.name == "geo" else f"geo.{p.parent.name}.{p.stem}" for p in validator_files()}
    hashed = {m.removesuffix(".__init__") for m in hashed} | {"geo"}
    reached, todo = set(), ["geo.evidence.validate"]
    while todo:
        module = todo.pop()
        if module not in reached:
            reached.add(module)
            todo += GRAPH.imports(module, with_typing=False)
    assert reached <= hashed, sorted(reached - hashed)
    assert {"geo.evidence.quotes", "geo.evidence.facts"} <= hashed


def test_a_cycle_would_be_caught() -> None:
    from .importgraph import Graph

    graph = Graph(edges={"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}})
    assert cycles(graph) == [["a", "b", "c"]]


def test_only_the_address_module_touches_the_url() -> None:
    """One reader and writer of the address: ``st.query_params`` appears in ``sections/address.py`` only (code, not prose)."""
    import ast

    users = set()
    for path in [PROJECT / "dashboard.py", *(PROJECT / "sections").glob("*.py"), *(PROJECT / "geo").rglob("*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(isinstance(node, ast.Attribute) and node.attr == "query_params" for node in ast.walk(tree)):
            users.add(path.relative_to(PROJECT).as_posix())
    assert users == {"sections/address.py"}
