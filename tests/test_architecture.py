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
