"""What the first screen needs, told to the browser with the page itself.

Streamlit's frontend asks for an element's code only when that element first renders, after the
script run's message has arrived (Vite's dynamic imports: the app's to preload, vitejs/vite#2460).
The page's index.html therefore gets, at the end of its head, our page stylesheet and the map's file
loader (static/components/lxpm_map/map_files.js), which fetches the map's data at once and, after the
page's load event (nothing of ours may hold it: Streamlit connects after it), preloads the code of each
kind of element on the first screen (read from Streamlit's own manifest at start, never from
hard-coded chunk names) and runs the map's scripts when the page is idle."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qs

import streamlit

from app.map_component import MAP_FILES_JS
from layers import published
from layers.map_scripts import script_json
from layers.offline_assets import own_text
from layers.tile_basemaps import OFFLINE

log = logging.getLogger("dashboard.first_screen")

FIRST_SCREEN_ELEMENTS = ("BidiComponent", "Radio", "Selectbox", "Multiselect", "Checkbox", "Button")
"""The kinds of element on the first screen whose code the frontend loads lazily, by the name of
their source file in its manifest (tests/app/test_first_screen.py checks the list against a first run)."""
PAGE_CSS = "/app/static/page/dashboard.css"
MANIFEST = Path(streamlit.__file__).parent / "static" / "manifest.json"
_SKIPPED = re.compile(r"^/(?:_stcore|app/static|component|static|media)/")
"""Paths that never serve the page itself."""


def _closure(manifest: dict, keys: Iterable[str]) -> list[str]:
    """The keys and every key they import, each once, in a stable order."""
    seen: dict[str, None] = {}
    todo = list(keys)
    while todo:
        key = todo.pop(0)
        if key in seen or key not in manifest:
            continue
        seen[key] = None
        todo += manifest[key].get("imports", [])
    return list(seen)


def chunk_files(manifest: dict, kinds: Iterable[str] = FIRST_SCREEN_ELEMENTS) -> list[str]:
    """The frontend's files (under its static/) that the kinds' code needs beyond the startup set."""
    wanted = [key for key, entry in manifest.items() if entry.get("isDynamicEntry")
              and any(key.endswith(f"/{kind}/{kind}.tsx") for kind in kinds)]
    entry = [key for key, value in manifest.items() if value.get("isEntry")]
    startup = set(_closure(manifest, entry))
    return [manifest[key]["file"] for key in _closure(manifest, wanted) if key not in startup]


@lru_cache(maxsize=1)
def first_screen_chunks() -> tuple[str, ...]:
    """URLs of the first screen's element code (none when Streamlit's manifest is unreadable)."""
    try:
        files = chunk_files(json.loads(MANIFEST.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError) as exc:
        log.warning("Streamlit's frontend manifest unreadable (%s): no element code is preloaded", exc)
        return ()
    return tuple(f"./{f}" for f in files)


def map_links(js: Iterable[str], css: Iterable[str], data: Iterable[str], modules: Iterable[str] = ()) -> str:
    """The loader of the map's files, started from the page's head (static/components/lxpm_map/map_files.js):
    the data at once, the rest once the page has loaded."""
    files = {"js": list(js), "css": list(css), "data": list(data), "modules": list(modules)}
    return f"<script>{own_text(MAP_FILES_JS)}\nlxpmMapFiles.early({script_json(files, compact=True)});</script>"


_MAP_FILES: dict[str, tuple[tuple[str, ...], ...]] = {}  # language -> (js, css, data), set by the warm start


def remember_map_files(lang: str, js: Iterable[str], css: Iterable[str], data: Iterable[str]) -> None:
    """Record what a first page in this language loads for its map (the warm start builds it once)."""
    _MAP_FILES[lang] = (tuple(js), tuple(css), tuple(data))


def head_links(query: str) -> str:
    """Everything added to the page's head for a request with this query string: the map's data only
    for a page on the offline basemap (a tile basemap's page may draw other files), and only the files
    this server has (a failed preload would be what the page's own fetch gets)."""
    params = parse_qs(query)
    lang = "en" if params.get("lang") == ["en"] else "zh"
    js, css, data = _MAP_FILES.get(lang, ((), (), ()))
    offline = params.get("basemap", [OFFLINE]) == [OFFLINE]
    return (f'<link rel="stylesheet" href="{PAGE_CSS}">'
            + map_links(js, css, [u for u in data if offline and published.is_published(u)], first_screen_chunks()))


def with_links(page: bytes, links: str) -> bytes:
    """The page with the lines added at the end of its head (unchanged when it has no head)."""
    marker = b"</head>"
    at = page.find(marker)
    return page if at < 0 else page[:at] + links.encode("utf-8") + page[at:]


class FirstScreenLinks:
    """ASGI middleware: the page's HTML (Streamlit's index.html) gets the first screen's links."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope.get("method") != "GET" or _SKIPPED.match(scope.get("path", "")):
            await self.app(scope, receive, send)
            return
        query = scope.get("query_string", b"").decode("latin-1")
        start: dict = {}
        body: list[bytes] = []

        async def wrapped(message) -> None:
            if message["type"] == "http.response.start":
                headers = dict(message.get("headers", []))
                if not headers.get(b"content-type", b"").startswith(b"text/html") \
                        or headers.get(b"content-encoding") or message.get("status") != 200:
                    start["pass"] = True
                    await send(message)
                    return
                start["message"] = message
                return
            if start.get("pass") or message["type"] != "http.response.body":
                await send(message)
                return
            body.append(message.get("body", b""))
            if message.get("more_body"):
                return
            page = with_links(b"".join(body), head_links(query))
            # Without the original's validators: the page differs from the file they describe.
            headers = [(k, str(len(page)).encode() if k == b"content-length" else v)
                       for k, v in start["message"].get("headers", []) if k not in (b"etag", b"last-modified")]
            await send({**start["message"], "headers": headers})
            await send({"type": "http.response.body", "body": page})

        await self.app(scope, receive, wrapped)
