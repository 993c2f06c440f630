"""Everything a first page needs, made before the server listens: layers loaded, caches filled and
every map file published, for both languages, so no visitor's request pays for building them."""

from __future__ import annotations

import asyncio
import gc
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from app.cached_data import county_labels, load_all, map_data, members, served
from app.first_screen import remember_map_files
from app.map_view import map_parts_of
from app.shareable_state import AppState
from app.static_files import warm
from geo.ledger import ledger_of
from geo.registry import DEFAULT_LAYERS
from layers import styles
from layers.labels import LANGUAGES

log = logging.getLogger("dashboard.warm")
OFFLINE_LAYERS = ("context", "water", "units")


def prepare(gcj02_too: bool = False) -> list[str]:
    """Load, cache and publish what the default basemap's pages fetch; the URLs published."""
    ledger_of(load_all()["catalogue"])  # the 2022 tasks joined to the records: the unit filter's values
    members()
    urls = []
    for gcj02 in (False, True) if gcj02_too else (False,):
        urls += [served(map_data(layer, gcj02)) for layer in OFFLINE_LAYERS]
        urls.append(served(map_data("context", gcj02, filled=False)))
        for lang in LANGUAGES:
            county_labels(gcj02, lang)
            urls.append(served(map_data("counties", gcj02, lang)))
            urls += [served(map_data("catalogue", gcj02, lang, compare)) for compare in (False, True)]
    return [u for u in urls if isinstance(u, str)]


def prepare_first_pages() -> None:
    """Build the default first page's map in each language once: what it loads is preloaded with the
    page (app/first_screen.py), and its templates are compiled before any visitor asks."""
    catalogue = load_all()["catalogue"]
    for lang in LANGUAGES:
        parts = map_parts_of(AppState(lang=lang, layers=DEFAULT_LAYERS), None, catalogue, None,
                             (*styles.DEFAULT_CENTER, styles.DEFAULT_ZOOM))
        remember_map_files(lang, parts.js, parts.css, parts.prefetch)


_WARMED: list[tuple[int, int]] = []  # (map files, static files) once done in this process


def warm_everything() -> tuple[int, int]:
    """prepare(), prepare_first_pages() and the static files compressed, once per process (app/serve.py
    runs it before the port opens; the lifespan then finds it done): (map files, static files)."""
    if not _WARMED:
        urls = prepare()
        prepare_first_pages()
        _WARMED.append((len(urls), warm(urls)))
    return _WARMED[0]


def ready_line() -> str:
    """The one line that says the dashboard is ready, with its address."""
    from streamlit import config

    return f"兰西城市群规划地图 · Lanzhou–Xining Plan Map ready: http://{config.get_option('server.address') or 'localhost'}" \
           f":{config.get_option('server.port')}"


@asynccontextmanager
async def warm_start(_app: object) -> AsyncIterator[None]:
    """The server's lifespan: prepare() runs before the first connection is accepted."""
    started = time.perf_counter()
    try:
        published, files = await asyncio.to_thread(warm_everything)
        log.info("warm start: %d map files published, %d static files compressed, in %.1f s", published, files,
                 time.perf_counter() - started)
        # Streamlit runs a full collection after every run of the page. What the warm start made
        # (modules, loaded layers, caches) lives as long as the server: frozen, the collector skips
        # it, and each run's collection scans only what runs made.
        gc.collect()
        gc.freeze()
    except Exception as exc:  # the page then shows the problem itself (e.g. a missing data file)
        log.error("warm start failed, pages will build what they need: %s", exc)
    print(ready_line(), flush=True)
    yield
