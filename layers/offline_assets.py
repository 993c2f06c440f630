"""Point Folium at the scripts, styles, fonts and icons the app serves itself (static/vendor)."""

from __future__ import annotations

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


def vendored(files: dict[str, str], prefix: str) -> list[tuple[str, str]]:
    """(name, url) pairs of vendored files under a URL prefix."""
    return [(name, f"{prefix}/{path}") for name, path in files.items()]


def make_offline(element: folium.elements.JSCSSMixin | folium.Map, prefix: str = STREAMLIT_PREFIX,
                 js: dict[str, str] | None = None, css: dict[str, str] | None = None) -> None:
    """Replace an element's CDN links by the vendored files (folium's unused defaults dropped)."""
    element.default_js = vendored(js if js is not None else MAP_JS, prefix)
    element.default_css = vendored(css if css is not None else MAP_CSS, prefix)


def missing_files() -> list[str]:
    """Vendored files the map refers to that are not on disk."""
    return [p for p in [*MAP_JS.values(), *MAP_CSS.values()] if not (VENDOR_DIR / p).is_file()]
