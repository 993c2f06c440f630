"""Point Folium at the scripts, styles, fonts and icons the app serves itself: the vendored ones
(static/vendor) and our own (static/js, static/css)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import folium

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
VENDOR_DIR = STATIC_DIR / "vendor"
STREAMLIT_PREFIX = "/app/static/vendor"
"""Where Streamlit's static serving (server.enableStaticServing) exposes static/vendor."""

# Only Leaflet: folium's other defaults (jQuery, Bootstrap, awesome-markers, Font Awesome) serve
# marker icons and widgets no layer here uses, and each would delay the first paint.
MAP_JS = {"leaflet": "leaflet/dist/leaflet.js"}
MAP_CSS = {"leaflet_css": "leaflet/dist/leaflet.css"}

OWN_JS = {"lxpm_map_js": "js/lxpm-map.js"}
OWN_CSS = {"lxpm_map_css": "css/lxpm-map.css"}
"""Our own browser code and styles, paths under static/ (beside static/vendor)."""

TOOLS_JS = {"fullscreen_js": "fullscreen/Control.FullScreen.js",
            "measure_js": "measure/dist/leaflet-measure.js",
            "measure_js_zh": "measure/dist/leaflet-measure.cn.js"}
TOOLS_CSS = {"fullscreen_css": "fullscreen/Control.FullScreen.css",
             "measure_css": "measure/dist/leaflet-measure.css"}
"""The map tools' vendored files (layers/map_tools.py); leaflet-measure is built once per language."""


def vendored(files: dict[str, str], prefix: str) -> list[tuple[str, str]]:
    """(name, url) pairs of vendored files under a URL prefix."""
    return [(name, f"{prefix}/{path}") for name, path in files.items()]


def own_prefix(vendor_prefix: str) -> str:
    """The URL prefix of static/ given that of static/vendor (our files sit beside the vendored)."""
    return vendor_prefix.rstrip("/").rsplit("/", 1)[0]


def own_urls(files: dict[str, str], vendor_prefix: str = STREAMLIT_PREFIX) -> list[tuple[str, str]]:
    """(name, url) pairs of our own static files, for a page the app serves."""
    return vendored(files, own_prefix(vendor_prefix))


@lru_cache(maxsize=None)
def own_text(path: str) -> str:
    """The text of one of our static files, for a standalone page that carries it inline."""
    text = (STATIC_DIR / path).read_text(encoding="utf-8")
    if "</script" in text.lower():
        raise ValueError(f"static/{path} holds '</script' and cannot be inlined")
    return text


def is_served(prefix: str) -> bool:
    """Whether a page with this asset prefix is served by the app (a server path), not a standalone
    file (a file:// prefix, as the figures use)."""
    return prefix.startswith("/")


def make_offline(element: folium.elements.JSCSSMixin | folium.Map, prefix: str = STREAMLIT_PREFIX,
                 js: dict[str, str] | None = None, css: dict[str, str] | None = None) -> None:
    """Replace an element's CDN links by the vendored files (folium's unused defaults dropped)."""
    element.default_js = vendored(js if js is not None else MAP_JS, prefix)
    element.default_css = vendored(css if css is not None else MAP_CSS, prefix)


def missing_files() -> list[str]:
    """Vendored and own files the map refers to that are not on disk."""
    vendor = [*MAP_JS.values(), *MAP_CSS.values(), *TOOLS_JS.values(), *TOOLS_CSS.values()]
    own = [*OWN_JS.values(), *OWN_CSS.values()]
    return ([p for p in vendor if not (VENDOR_DIR / p).is_file()]
            + [p for p in own if not (STATIC_DIR / p).is_file()])
