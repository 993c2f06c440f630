"""The dashboard page's own stylesheet (static/page/dashboard.css), put on the page once per run."""

from __future__ import annotations

from functools import lru_cache

import streamlit as st

from layers.offline_assets import STATIC_DIR

PAGE_CSS = STATIC_DIR / "page" / "dashboard.css"


@lru_cache(maxsize=1)
def page_css() -> str:
    """The stylesheet's text."""
    return PAGE_CSS.read_text(encoding="utf-8")


def page_style() -> None:
    """Style the page: a compact header and the map filling the window below it."""
    st.html(f"<style>{page_css()}</style>")
