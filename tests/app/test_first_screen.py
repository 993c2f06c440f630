"""The first screen's weight: what a session's first run draws (the page-weight guard), what the page
tells the browser to load early, and the middleware that tells it."""

from __future__ import annotations

import asyncio
import json

import pytest

from app import first_screen
from app.first_screen import FIRST_SCREEN_ELEMENTS, FirstScreenLinks, chunk_files, head_links, with_links
from tests.dashboard_page import dashboard_app

# AppTest's element types -> the frontend's lazily loaded element code (None: drawn by code the
# page loads at startup, or a layout block).
FRONTEND_KIND = {
    "bidi_component": "BidiComponent", "radio": "Radio", "selectbox": "Selectbox", "multiselect": "Multiselect",
    "toggle": "Checkbox", "checkbox": "Checkbox", "text_input": "TextInput", "button_group": "ButtonGroup",
    "file_uploader": "FileUploader", "download_button": "DownloadButton", "dataframe": "DataFrame",
    "arrow_vega_lite_chart": "ArrowVegaLiteChart", "component_instance": "ComponentInstance",
    "metric": "Metric", "button": "Button",
    "root": None, "main": None, "sidebar": None, "event": None, "flex_container": None, "column": None,
    "markdown": None, "caption": None, "subheader": None, "title": None, "header": None,
    "alert": None, "warning": None, "info": None, "error": None, "success": None, "expander": None,
}
HEAVY = {"DataFrame", "ArrowVegaLiteChart", "FileUploader", "ComponentInstance", "DownloadButton"}
"""Element code of 40 KB to 1.7 MB (../shared/NOTES.md): never on the first screen."""


def _types(at) -> dict[str, int]:
    counts: dict[str, int] = {}
    todo = [at._tree]
    while todo:
        node = todo.pop()
        counts[node.type] = counts.get(node.type, 0) + 1
        children = getattr(node, "children", None) or {}
        todo += list(children.values()) if isinstance(children, dict) else list(children)
    return counts


@pytest.fixture(scope="module")
def first_run():
    at = dashboard_app(painted=False)
    at.query_params["city"] = "兰州市"  # a city's link: its government's lead-filter button is drawn too
    return at.run()


@pytest.fixture(scope="module")
def painted_run():
    return dashboard_app().run()


def test_the_first_run_draws_the_first_screen_only(first_run):
    types = _types(first_run)
    unknown = set(types) - set(FRONTEND_KIND)
    assert not unknown, (f"a new kind of element on the first screen: {unknown}. Draw it below the fold "
                         "(app/below_fold.py), or add its code to FIRST_SCREEN_ELEMENTS and the README's first-screen section")
    kinds = {FRONTEND_KIND[t] for t in types} - {None}
    assert not kinds & HEAVY, f"heavy element code on the first screen: {kinds & HEAVY}"
    assert kinds == set(FIRST_SCREEN_ELEMENTS), "FIRST_SCREEN_ELEMENTS (preloaded with the page) must be the first run's kinds"


def test_the_first_screen_list_holds_nothing_heavy():
    assert not set(FIRST_SCREEN_ELEMENTS) & HEAVY


def test_once_the_map_has_painted_everything_is_drawn(painted_run):
    types = _types(painted_run)
    for kind in ("dataframe", "download_button", "file_uploader", "component_instance", "text_input", "button_group"):
        assert types.get(kind), f"{kind} missing after the paint"
    assert not painted_run.exception


def _map_data(at) -> dict:
    return json.loads(at.get("bidi_component")[0].proto.json)


def test_the_map_is_asked_to_report_its_paint_only_until_it_has(first_run, painted_run):
    assert _map_data(first_run)["report_paint"] is True
    assert _map_data(painted_run)["report_paint"] is False


def test_the_report_of_the_paint_draws_what_follows():
    at = dashboard_app(painted=False).run()
    assert not at.get("dataframe")
    at.session_state["map_painted"] = True  # what the component's `painted` event sets (app/below_fold.py)
    at.run()
    assert at.get("dataframe") and not at.exception


MANIFEST = {
    "index.html": {"file": "static/js/index.js", "isEntry": True, "imports": ["_react.js", "_shared.js"]},
    "_react.js": {"file": "static/js/react.js"},
    "_shared.js": {"file": "static/js/shared.js"},
    "_radio-only.js": {"file": "static/js/radio-only.js", "imports": ["_shared.js"]},
    "../lib/src/components/widgets/Radio/Radio.tsx": {"file": "static/js/Radio.1.js", "isDynamicEntry": True,
                                                      "imports": ["_react.js", "_radio-only.js"]},
    "../lib/src/components/widgets/DataFrame/DataFrame.tsx": {"file": "static/js/DataFrame.1.js",
                                                              "isDynamicEntry": True},
}


def test_chunk_files_are_the_kinds_code_beyond_the_startup_set():
    assert chunk_files(MANIFEST, ("Radio",)) == ["static/js/Radio.1.js", "static/js/radio-only.js"]
    assert chunk_files(MANIFEST, ()) == []


def test_every_first_screen_kind_is_in_streamlits_manifest():
    manifest = json.loads(first_screen.MANIFEST.read_text(encoding="utf-8"))
    for kind in FIRST_SCREEN_ELEMENTS:
        assert chunk_files(manifest, (kind,)), f"{kind}: not in Streamlit's manifest (renamed by an upgrade?)"


def test_links_go_at_the_end_of_the_head():
    assert with_links(b"<html><head><title>x</title></head><body></body></html>", "<link>") == \
        b"<html><head><title>x</title><link></head><body></body></html>"
    assert with_links(b"no head here", "<link>") == b"no head here"


def test_the_map_files_of_the_pages_language_are_preloaded(monkeypatch):
    monkeypatch.setattr(first_screen, "_MAP_FILES", {})
    monkeypatch.setattr(first_screen.published, "is_published", lambda url: "missing" not in url)
    first_screen.remember_map_files("zh", ["/a.js"], ["/a.css"], ["/counties-zh.geojson"])
    first_screen.remember_map_files("en", ["/a.js"], ["/a.css"], ["/counties-en.geojson", "/missing.geojson"])
    assert '"data":["/counties-zh.geojson"]' in head_links("") and "lxpmMapFiles.early(" in head_links("")
    assert '"/counties-en.geojson"' in head_links("city=x&lang=en")
    assert "missing" not in head_links("lang=en")  # a file this server does not have is not preloaded
    assert "counties-zh" not in head_links("basemap=amap") and "counties-zh" in head_links("basemap=offline")
    assert '"js":["/a.js"]' in head_links("lang=zh") and first_screen.PAGE_CSS in head_links("")
    assert '"modules":["./static/js/' in head_links("")  # the first screen's element code


def _serve(middleware, path: str, content_type: bytes, body: bytes) -> list[dict]:
    """The messages the middleware sends for one GET answered by an app with this body."""
    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", content_type), (b"content-length", str(len(body)).encode()),
                                (b"etag", b'"x"')]})
        await send({"type": "http.response.body", "body": body[:10], "more_body": True})
        await send({"type": "http.response.body", "body": body[10:]})

    sent: list[dict] = []

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": []}
    asyncio.run(middleware(app)(scope, None, send))
    return sent


def test_the_middleware_adds_the_links_to_the_page_only():
    page = b"<html><head><title>Streamlit</title></head><body></body></html>"
    sent = _serve(FirstScreenLinks, "/", b"text/html; charset=utf-8", page)
    headers = dict(sent[0]["headers"])
    body = b"".join(m.get("body", b"") for m in sent[1:])
    assert first_screen.PAGE_CSS.encode() in body and body.endswith(b"</head><body></body></html>")
    assert headers[b"content-length"] == str(len(body)).encode() and b"etag" not in headers
    script = _serve(FirstScreenLinks, "/static/js/index.js", b"text/javascript", b"<head></head>" * 3)
    assert b"".join(m.get("body", b"") for m in script[1:]) == b"<head></head>" * 3
    data = _serve(FirstScreenLinks, "/_stcore/health", b"text/html", b"ok" * 10)
    assert b"".join(m.get("body", b"") for m in data[1:]) == b"ok" * 10
