"""The tree's shape: imports run one way (geo <- layers <- app/figures <- dashboard), modules stay small."""

import ast
from pathlib import Path

import pytest

from geo.files import ROOT

PACKAGES = ("geo", "layers", "app", "figures")
MAY_NOT_IMPORT = {
    "geo": ("layers", "app", "figures", "dashboard"),
    "layers": ("app", "figures", "dashboard"),
    "app": ("dashboard",),
    "figures": ("app", "dashboard"),
}
MAX_MODULE_LINES = 320


def _modules():
    for package in PACKAGES:
        yield from sorted((ROOT / package).rglob("*.py"))


def _imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", list(_modules()), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_import_runs_upward(path):
    package = path.relative_to(ROOT).parts[0]
    assert not _imported(path) & set(MAY_NOT_IMPORT[package])


@pytest.mark.parametrize("path", [*_modules(), ROOT / "dashboard.py"], ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_is_over_about_300_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_MODULE_LINES


def test_the_shell_is_thin():
    assert len((ROOT / "dashboard.py").read_text(encoding="utf-8").splitlines()) <= 150


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported_modules(path: Path, known: set[str]) -> set[str]:
    """Our modules a file imports anywhere in it (a lazy import inside a function counts: it still ties
    the two modules together)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, *([base] if base else [])])
            found |= {base, *(f"{base}.{a.name}" for a in node.names)}
    return {m for m in found if m in known and m != name}


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, directly or round a circle (Tarjan's components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while not group or group[-1] != v:
                group.append(stack.pop())
            if len(group) > 1:
                cycles.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return cycles


def test_the_cycle_finder_finds_a_circle_of_three_and_a_pair():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"e"}, "e": {"d"}, "f": {"a"}}
    assert sorted(import_cycles(graph)) == [["a", "b", "c"], ["d", "e"]]


def test_no_modules_import_each_other():
    paths = {_module_name(p): p for p in [*_modules(), ROOT / "dashboard.py"]}
    graph = {name: _imported_modules(path, set(paths)) for name, path in paths.items()}
    assert graph["figures.cli"], "the import graph lost the figures' command line"
    assert import_cycles(graph) == []
