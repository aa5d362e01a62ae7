"""No import cycles among the application's modules.

The graph is read from the source with ``ast``, and every way one module names another counts:
imports at module level, imports inside functions (the lazy imports that keep start-up light),
imports under ``if TYPE_CHECKING:`` (a type-only import still makes two modules depend on each
other's design: the main window and its feature menus were one such cycle), relative imports,
and module names handed to ``importlib.import_module`` (the stage registries, the command
line's exporters). ``from a.b import c`` is an edge to the module ``a.b.c`` when there is one,
else to ``a.b``; the implicit run of a package's ``__init__`` on the way to its submodules is
not an edge (a package importing its own submodules is no cycle to remove).
"""

from __future__ import annotations

import ast
from fnmatch import fnmatchcase
from pathlib import Path

import wawaran_desktop

PACKAGE_DIR = Path(wawaran_desktop.__file__).parent
ROOT_NAME = "wawaran_desktop"

#: Imports (importer, imported; ``fnmatch`` patterns) allowed to close a cycle, each with its
#: reason. The test leaves them out of the graph; one that no longer closes a cycle fails it.
KNOWN_CYCLE_EDGES: dict[tuple[str, str], str] = {
    ("wawaran_desktop.services.*", "wawaran_desktop.services.workspace"):
        "type-only imports of Workspace: every service is built from the workspace that holds it "
        "(one style of service API), and the workspace builds them",
}


def module_files(package_dir: Path = PACKAGE_DIR, root: str = ROOT_NAME) -> dict[str, Path]:
    """Every module of the package by its dotted name (a package by its own name)."""
    found = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = [root, *path.relative_to(package_dir).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imported_names(source: str, module: str, is_package: bool, known: set[str]) -> set[str]:
    """The ``known`` modules that ``source`` (of ``module``) imports anywhere, or names in a
    string when it uses importlib."""
    package = module if is_package else module.rpartition(".")[0]
    tree = ast.parse(source)
    names: set[str] = set()
    uses_importlib = False
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
            uses_importlib |= any(alias.name == "importlib" for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = parts[: len(parts) - node.level + 1]
                origin = ".".join([*base, node.module] if node.module else base)
            else:
                origin = node.module or ""
            uses_importlib |= origin == "importlib"
            for alias in node.names:
                names.add(f"{origin}.{alias.name}" if f"{origin}.{alias.name}" in known else origin)
    if uses_importlib:  # import_module("wawaran_desktop.x") or a "module:function" table
        names.update(node.value.partition(":")[0] for node in ast.walk(tree)
                     if isinstance(node, ast.Constant) and isinstance(node.value, str))
    return {name for name in names if name in known and name != module}


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """module -> the package's modules it imports (itself left out)."""
    known = set(modules)
    return {name: imported_names(path.read_text(encoding="utf-8"), name, path.name == "__init__.py", known)
            for name, path in modules.items()}


def without(graph: dict[str, set[str]], patterns) -> dict[str, set[str]]:
    """``graph`` less the edges matching any (importer, imported) pattern."""
    return {source: {target for target in targets
                     if not any(fnmatchcase(source, s) and fnmatchcase(target, t) for s, t in patterns)}
            for source, targets in graph.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(start: str) -> None:  # iterative: a deep package must not hit the recursion limit
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph[nxt]))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
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

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return sorted(found)


def describe(component: list[str], graph: dict[str, set[str]]) -> str:
    members = set(component)
    return "\n".join(f"  {m} -> {', '.join(sorted(graph[m] & members))}" for m in component)


def test_the_scanner_sees_every_way_of_naming_a_module():
    source = (
        "from __future__ import annotations\n"
        "import importlib\n"
        "from typing import TYPE_CHECKING\n"
        "import wawaran_desktop.paths\n"
        "from wawaran_desktop.views import feedback\n"
        "from . import sibling\n"
        "from ...services.clock import WIB\n"
        "if TYPE_CHECKING:\n"
        "    from wawaran_desktop.views.main_window import MainWindow\n"
        "def later():\n"
        "    from wawaran_desktop.views.documents import menu\n"
        "PANELS = {'x': 'wawaran_desktop.views.stages.theme', 'y': 'wawaran_desktop.cli.documents:export'}\n"
    )
    known = {"wawaran_desktop", "wawaran_desktop.paths", "wawaran_desktop.views", "wawaran_desktop.views.feedback",
             "wawaran_desktop.views.swimlane.sibling", "wawaran_desktop.services.clock",
             "wawaran_desktop.views.main_window", "wawaran_desktop.views.documents",
             "wawaran_desktop.views.documents.menu", "wawaran_desktop.views.stages.theme",
             "wawaran_desktop.cli.documents", "wawaran_desktop.views.stages", "wawaran_desktop.views.stages.registry"}
    names = imported_names(source, "wawaran_desktop.views.swimlane.install", False, known)
    assert "wawaran_desktop.views" not in names  # "from views import feedback" names the module, not the package
    for expected in ("wawaran_desktop.paths", "wawaran_desktop.views.feedback", "wawaran_desktop.views.swimlane.sibling",
                     "wawaran_desktop.services.clock", "wawaran_desktop.views.main_window",
                     "wawaran_desktop.views.documents.menu", "wawaran_desktop.views.stages.theme",
                     "wawaran_desktop.cli.documents"):
        assert expected in names
    # A package's own relative imports start from the package itself.
    assert imported_names("from . import registry\n", "wawaran_desktop.views.stages", True, known) == {
        "wawaran_desktop.views.stages.registry"}


def test_the_cycle_finder_finds_cycles_of_any_length_and_nothing_else():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"f"}, "f": {"e"}, "g": {"a"}}
    assert cycles(graph) == [["a", "b", "c"], ["e", "f"]]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []
    chain = {f"m{i}": {f"m{i + 1}"} for i in range(3000)} | {"m3000": {"m0"}}
    assert len(cycles(chain)) == 1  # no recursion limit on a long chain


def test_the_graph_covers_the_whole_package():
    modules = module_files()
    graph = import_graph(modules)
    assert len(modules) > 100
    assert "wawaran_desktop.views.feature_host" in graph["wawaran_desktop.views.main_window"]
    assert "wawaran_desktop.views.documents.menu" in graph["wawaran_desktop.views.main_window"]  # lazy
    assert "wawaran_desktop.views.stages.narration" in graph["wawaran_desktop.views.stages.registry"]  # importlib


def test_no_module_of_the_application_takes_part_in_an_import_cycle():
    full = import_graph(module_files())
    graph = without(full, KNOWN_CYCLE_EDGES)
    found = cycles(graph)
    assert not found, "import cycles:\n" + "\n\n".join(describe(c, graph) for c in found)
    # Each known edge is still there and still needed: put back alone, it closes a cycle.
    stale = [edge for edge in KNOWN_CYCLE_EDGES
             if not cycles(without(full, [e for e in KNOWN_CYCLE_EDGES if e != edge]))]
    assert not stale, f"no longer closing a cycle: delete them from KNOWN_CYCLE_EDGES: {stale}"


def test_no_feature_module_imports_the_main_window():
    """Features see the window through views.feature_host; only app.py and tests build it."""
    graph = import_graph(module_files())
    importers = sorted(m for m, targets in graph.items() if "wawaran_desktop.views.main_window" in targets)
    assert importers == ["wawaran_desktop.app"]
