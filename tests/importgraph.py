"""The import graph of ``geo/`` (and the dashboard: ``dashboard.py`` and ``sections/``), read with :mod:`ast`, never by importing.

Every ``import`` statement counts, including the ones inside functions (a lazy import is
still a dependency) and the ones under ``if TYPE_CHECKING:`` (reported apart: they never run).
``python -m tests.importgraph`` prints nodes, edges, layers and cycles; the architecture
test (``tests/test_architecture.py``) asserts on the same graph.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PACKAGE = "geo"
#: The Streamlit layer: the entry point and its sections.
DASHBOARD = ("dashboard", "sections")


@dataclass
class Graph:
    """Modules (dotted names) and who imports whom: ``edges[a]`` is the set ``a`` imports."""

    edges: dict[str, set[str]] = field(default_factory=dict)
    typing_only: dict[str, set[str]] = field(default_factory=dict)
    external: dict[str, set[str]] = field(default_factory=dict)
    external_at_run_time: dict[str, set[str]] = field(default_factory=dict)  # not only under TYPE_CHECKING

    @property
    def nodes(self) -> list[str]:
        return sorted(self.edges)

    def edge_count(self, *, with_typing: bool = True) -> int:
        return sum(len(self.imports(m, with_typing=with_typing)) for m in self.edges)

    def imports(self, module: str, *, with_typing: bool = True) -> set[str]:
        out = set(self.edges[module])
        if with_typing:
            out |= self.typing_only.get(module, set())
        return out


def module_name(path: Path) -> str:
    """Dotted module name of a file under the project (``geo/map/base.py`` -> ``geo.map.base``)."""
    parts = list(path.relative_to(PROJECT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> list[tuple[ast.Import | ast.ImportFrom, bool]]:
    """Every import statement with whether it sits under ``if TYPE_CHECKING:``."""
    found: list[tuple[ast.Import | ast.ImportFrom, bool]] = []

    def walk(node: ast.AST, typing: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import | ast.ImportFrom):
                found.append((child, typing))
            inner = typing or (isinstance(child, ast.If) and _is_type_checking(child))
            walk(child, inner)

    walk(tree, False)
    return found


def _resolve(statement: ast.Import | ast.ImportFrom, current: str, modules: set[str]) -> tuple[set[str], set[str]]:
    """Project modules and top-level external packages one statement imports."""
    targets: list[str] = []
    if isinstance(statement, ast.Import):
        targets = [alias.name for alias in statement.names]
    else:
        base = statement.module or ""
        if statement.level:
            package = current.split(".")
            is_package = current in {m for m in modules if any(x.startswith(m + ".") for x in modules)}
            anchor = package if is_package else package[:-1]
            anchor = anchor[: len(anchor) - (statement.level - 1)]
            base = ".".join([*anchor, base] if base else anchor)
        targets = [f"{base}.{alias.name}" for alias in statement.names] + [base]
    internal, external = set(), set()
    for target in targets:
        name = target
        while name and name not in modules:
            name = name.rpartition(".")[0]
        if name:
            internal.add(name)
        elif target.split(".")[0] not in (PACKAGE, *DASHBOARD, ""):
            external.add(target.split(".")[0])
    if isinstance(statement, ast.ImportFrom) and any(
        f"{statement.module}.{a.name}" in modules for a in statement.names
    ):
        internal.discard(statement.module)  # ``from geo import x`` imports the module x, not all of geo
    return internal, external


def build(include_dashboard: bool = True) -> Graph:
    """The graph of every module under ``geo/`` (and the dashboard's: ``dashboard.py`` and ``sections/``)."""
    files = sorted((PROJECT / PACKAGE).rglob("*.py"))
    if include_dashboard:
        files += [PROJECT / "dashboard.py", *sorted((PROJECT / "sections").glob("*.py"))]
    names = {module_name(f): f for f in files}
    graph = Graph()
    for name, path in names.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph.edges[name] = set()
        graph.typing_only[name] = set()
        graph.external[name] = set()
        graph.external_at_run_time[name] = set()
        for statement, typing in _imports(tree):
            internal, external = _resolve(statement, name, set(names))
            internal.discard(name)
            (graph.typing_only if typing else graph.edges)[name].update(internal)
            graph.external[name].update(external)
            if not typing:
                graph.external_at_run_time[name].update(external)
        graph.typing_only[name] -= graph.edges[name]
    return graph


def cycles(graph: Graph, *, with_typing: bool = True) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.imports(node, with_typing=with_typing)):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(max(1000, 10 * len(graph.edges)))
    for node in graph.nodes:
        if node not in index:
            visit(node)
    return found


def layers(graph: Graph, *, with_typing: bool = False) -> int:
    """Length of the longest import chain, in modules (cycles collapsed to one node)."""
    members = {m: tuple(c) for c in cycles(graph, with_typing=with_typing) for m in c}
    depth: dict[str, int] = {}

    def height(node: str, seen: frozenset[str]) -> int:
        if node in depth:
            return depth[node]
        group = set(members.get(node, (node,)))
        below = {n for m in group for n in graph.imports(m, with_typing=with_typing)} - group - seen
        value = 1 + max((height(n, seen | group) for n in below), default=0)
        for m in group:
            depth[m] = value
        return value

    return max((height(n, frozenset()) for n in graph.nodes), default=0)


def by_package(graph: Graph) -> Graph:
    """The same graph with each subpackage of ``geo`` as one node (``geo.map.basemap`` -> ``geo.map``)."""

    def node(module: str) -> str:
        parts = module.split(".")
        return ".".join(parts[:2]) if len(parts) > 2 else module

    folded = Graph()
    for module in graph.nodes:
        for table, source in ((folded.edges, graph.edges), (folded.typing_only, graph.typing_only)):
            table.setdefault(node(module), set()).update(node(m) for m in source.get(module, set()))
        folded.external.setdefault(node(module), set()).update(graph.external[module])
    for name in folded.edges:
        folded.edges[name].discard(name)
        folded.typing_only[name] -= folded.edges[name] | {name}
    return folded


def report(graph: Graph, what: str) -> None:
    """Print one graph's size, layers and cycles."""
    runtime = graph.edge_count(with_typing=False)
    print(f"{what}: {len(graph.nodes)} nodes")
    print(f"edges: {graph.edge_count()} ({runtime} that run, {graph.edge_count() - runtime} under TYPE_CHECKING)")
    print(f"layers (longest import chain): {layers(graph)}")
    found = cycles(graph, with_typing=False)
    print(f"cycles: {len(found)}" + "".join(f"\n  {' <-> '.join(c)}" for c in found))


def main() -> None:
    """Print the module graph and, when ``geo`` has subpackages, the graph by package; ``-v`` lists edges."""
    graph = build()
    report(graph, "modules (geo and the dashboard)")
    packages = by_package(graph)
    if len(packages.nodes) < len(graph.nodes):
        report(packages, "by package (each subpackage of geo one node)")
    if "-v" in sys.argv:
        for node in graph.nodes:
            print(f"{node}: {', '.join(sorted(graph.edges[node]))}")


if __name__ == "__main__":
    main()
