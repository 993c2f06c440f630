"""The figure page's CSS and scripts are files in static/figures/, used by the page and valid in Chromium."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from figures.figure import figure_html
from figures.page import PAGE_CSS, PAGE_READY_JS, PAGE_SIZES_JS, page_sizes
from figures.render import READY_CHECK
from tests.figures.specs import PRESET_SPECS

FIGURES_DIR = Path(__file__).resolve().parents[2] / "figures"
SCRIPTS = (PAGE_SIZES_JS, PAGE_READY_JS)
CSS_BLOCK = re.compile(r"\{[^{}]*[\w-]+\s*:[^{}]*\}")
JS_CODE = re.compile(r"function\s*\(|=>|document\.|window\.\w+\s*=|addTo\(")
ALLOWED = {READY_CHECK}  # the expression Playwright waits on: a flag, not a script


def _css_rules(text: str) -> list[tuple[str, list[str]]]:
    """(selector, property names) of each rule of a flat stylesheet."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    rules = []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text):
        names = [d.split(":", 1)[0].strip() for d in body.split(";") if d.strip()]
        rules.append((" ".join(selector.split()), names))
    return rules


def test_the_page_is_built_from_the_static_files(data):
    html = figure_html(PRESET_SPECS[0], data)
    for path in (PAGE_CSS, *SCRIPTS):
        assert path.parent.name == "figures" and path.parent.parent.name == "static"
        assert path.read_text(encoding="utf-8").strip() in html, path.name
    assert html.index(PAGE_SIZES_JS.read_text(encoding="utf-8")) < html.index("<body>"), \
        "the sizes must be set in the head, before the map is laid out"


def test_every_custom_property_the_css_reads_is_set_and_every_one_set_is_read():
    used = set(re.findall(r"var\((--[\w-]+)\)", PAGE_CSS.read_text(encoding="utf-8")))
    assert used == set(page_sizes(1920, 1080))


def test_no_figure_module_holds_css_or_javascript_in_a_string():
    found = []
    for path in sorted(FIGURES_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
                    and node.value not in ALLOWED):
                if CSS_BLOCK.search(node.value) or JS_CODE.search(node.value):
                    found.append(f"{path.name}:{node.lineno}: {node.value[:60]!r}")
    assert found == []


@pytest.fixture(scope="module")
def chromium_page():
    from playwright.sync_api import sync_playwright

    from figures.browser_lookup import CHROMIUM
    from figures.render import LAUNCH_ARGS

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        page = browser.new_page()
        page.set_content("<html><head></head><body></body></html>")
        yield page
        browser.close()


@pytest.mark.browser
@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_each_script_parses_in_chromium(path, chromium_page):
    error = chromium_page.evaluate(
        "code => { try { new Function(code); return null; } catch (e) { return String(e); } }",
        path.read_text(encoding="utf-8"))
    assert error is None, f"{path.name}: {error}"


@pytest.mark.browser
def test_every_css_rule_and_property_parses_in_chromium(chromium_page):
    rules = _css_rules(PAGE_CSS.read_text(encoding="utf-8"))
    parsed = chromium_page.evaluate("""css => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      return [...sheet.cssRules].map(r => [r.selectorText,
        [...r.style].concat(Object.keys(r.style).filter(k => /^[a-z]/.test(k) && r.style[k] !== '')
                                              .map(k => k.replace(/[A-Z]/g, c => '-' + c.toLowerCase())))]);
    }""", PAGE_CSS.read_text(encoding="utf-8"))
    assert [" ".join(s.split(", ")) for s, _ in parsed] == [" ".join(s.split(", ")) for s, _ in rules]
    for (selector, names), (_, kept) in zip(rules, parsed):
        dropped = [n for n in names if n not in kept]
        assert dropped == [], f"{selector}: Chromium dropped {dropped}"
