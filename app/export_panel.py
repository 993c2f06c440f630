"""Save the current view or a preset figure as a PNG (rendered by headless chromium)."""

from __future__ import annotations

import logging

import geopandas as gpd
import streamlit as st

from app.cached_data import load_all
from app.shareable_state import AppState, Vocabulary
from geo.registry import EXPORTED_PRESETS
from figures.browser_lookup import browser_status
from figures.render import render_figure
from figures.spec import FigureSpec
from layers.labels import t

log = logging.getLogger("dashboard.export")
EXPORT_SIZES = ("1920x1080", "1280x720", "2560x1440")
CURRENT = "current"


def export_panel(state: AppState, filtered: gpd.GeoDataFrame, vocab: Vocabulary) -> None:
    """View, city and size choices; the picture made on click and offered as a download."""
    lang = state.lang
    st.markdown(f"#### {t('export', lang)}")
    missing = browser_status(lang)
    if missing:  # the dashboard runs without a browser; only the pictures need one
        st.info(missing)
        return
    c1, c2, c3 = st.columns(3)
    names = {CURRENT: t("export_current", lang),
             **{v: t(f"{v}_title", lang).format(city="…") for v in EXPORTED_PRESETS}}
    view = c1.selectbox(t("export_view", lang), list(names), format_func=names.get, key="w_export_view")
    city = c2.selectbox(t("export_city", lang), vocab.cities, key="w_export_city") if view == "city" else ""
    size = c3.selectbox(t("export_size", lang), EXPORT_SIZES, key="w_export_size")
    if st.button(t("export_make", lang), key="w_export_make"):
        width, height = (int(v) for v in size.split("x"))
        current = view == CURRENT
        spec = FigureSpec(view, lang, city=city, width=width, height=height,
                          layers=state.layers if current else (),
                          record_ids=tuple(filtered["id"]) if current else (), compare=state.compare)
        try:
            with st.spinner("…"):
                st.session_state["export_png"] = (f"lanxi-{view}{'-' + city if city else ''}.png",
                                                  render_figure(spec, load_all()))
        except Exception as exc:  # a missing browser or font must not break the page
            log.error("figure export failed: %s", exc)
            st.error(f"{t('export_failed', lang)}{exc}")
    if "export_png" in st.session_state:
        name, png = st.session_state["export_png"]
        st.download_button(f"{t('export_download', lang)} · {name}", png, name, "image/png",
                           key="w_export_download")
