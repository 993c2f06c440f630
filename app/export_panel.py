"""Save what the map shows (its view, filters, layers and language) or a preset figure as a PNG, and
the current filter as slides (rendered by headless chromium)."""

from __future__ import annotations

import logging

import geopandas as gpd
import streamlit as st
import streamlit.components.v1 as components

from app.cached_data import load_all
from app.plain_text import as_text
from app.shareable_state import VIEW_MODES, AppState, Vocabulary, filters_of
from figures.browser_lookup import browser_status
from figures.deck import build_deck, filter_deck_specs
from figures.render import render_figure
from figures.spec import FigureSpec, check_view
from figures.texts import figure_texts
from figures.view_title import view_note
from geo.registry import EXPORTED_PRESETS
from layers.labels import t
from layers.offline_assets import STATIC_DIR

log = logging.getLogger("dashboard.export")
EXPORT_SIZES = ("1920x1080", "1280x720", "2560x1440")
SEEN, CURRENT = "seen", "current"
SIDE = VIEW_MODES[1]
DECK_SCALE = 1.0  # the dashboard's slides: quicker to make than the command line's 1.5×
VIEW_BUTTONS_DIR = STATIC_DIR / "components" / "view_export"
"""Buttons that send, with the click, the map view the page shows."""


def _view_buttons(**kwargs) -> object:
    """The buttons' component, declared during the run: a declaration at import time (the server imports
    dashboard.py before any session) is not registered, and its page would be a 404."""
    return components.declare_component("lxpm_view_export", path=str(VIEW_BUTTONS_DIR))(**kwargs)


def clicked_view(click: dict) -> tuple[tuple[float, float] | None, float | None, str]:
    """(centre, zoom, problem) of the view a click carried; no centre and the problem when it is unusable."""
    lat, lon, zoom = (click.get(k) for k in ("lat", "lon", "z"))
    try:
        check_view(lat, lon, zoom)
    except ValueError as exc:
        return None, None, str(exc)
    return (round(float(lat), 5), round(float(lon), 5)), float(zoom), ""


def with_changes(state: AppState) -> bool:
    """Whether the slides follow each city with its "2018 → 2022" slide (as `figures deck --changes`): when the
    page compares the documents, side by side or in comparison mode."""
    return state.view_mode == SIDE or state.compare


def _spec(view: str, state: AppState, filtered: gpd.GeoDataFrame, city: str, size: tuple[int, int],
          center: tuple[float, float] | None, zoom: float | None) -> FigureSpec:
    width, height = size
    if view in (SEEN, CURRENT):
        return FigureSpec("current", state.lang, width=width, height=height, center=center, zoom=zoom,
                          layers=state.layers, record_ids=tuple(filtered["id"]), compare=state.compare,
                          filters=filters_of(state))
    return FigureSpec(view, state.lang, city=city, width=width, height=height, compare=state.compare)


def _make(click: dict, view: str, state: AppState, filtered: gpd.GeoDataFrame, city: str,
          size: tuple[int, int]) -> None:
    """The picture or the slides a click asks for, kept in the session for the download buttons."""
    lang = state.lang
    center, zoom, problem = clicked_view(click) if view == SEEN or click["action"] == "deck" else (None, None, "")
    if problem:
        log.warning("export: unusable map view %s (%s); the plan area is drawn", click, problem)
        st.warning(f"{t('export_bad_view', lang)}{as_text(problem)}")
    data = load_all()
    with st.spinner("…"):
        if click["action"] == "deck":
            specs = filter_deck_specs(data, filters_of(state), state.layers, tuple(filtered["id"]), lang,
                                      state.compare, center, zoom, *size, scale=DECK_SCALE)
            name = f"lanxi-{'-'.join(state.cities) or 'view'}.pptx"
            st.session_state["export_pptx"] = (name, build_deck(specs, data, changes=with_changes(state)))
            spec = specs[0]
        else:
            spec = _spec(view, state, filtered, city, size, center, zoom)
            name = f"lanxi-{view}{'-' + city if city else ''}.png"
            st.session_state["export_png"] = (name, render_figure(spec, data))
    note = view_note(center, zoom, lang)
    st.session_state["export_made"] = f"{figure_texts(spec, data).title}{' — ' + note if note else ''}"


def export_panel(state: AppState, filtered: gpd.GeoDataFrame, vocab: Vocabulary) -> None:
    """View, city and size choices; the picture or slides made on click and offered as a download."""
    lang = state.lang
    st.markdown(f"#### {t('export', lang)}")
    missing = browser_status(lang)
    if missing:  # the dashboard runs without a browser; only the pictures need one
        st.info(missing)
        return
    c1, c2, c3 = st.columns(3)
    names = {SEEN: t("export_seen", lang), CURRENT: t("export_current", lang),
             **{v: t(f"{v}_title", lang).format(city="…") for v in EXPORTED_PRESETS}}
    view = c1.selectbox(t("export_view", lang), list(names), format_func=names.get, key="w_export_view")
    city = c2.selectbox(t("export_city", lang), vocab.cities, key="w_export_city") if view == "city" else ""
    size = c3.selectbox(t("export_size", lang), EXPORT_SIZES, key="w_export_size")
    click = _view_buttons(buttons=[{"action": "png", "label": t("export_make", lang)},
                                   {"action": "deck", "label": t("export_deck", lang)}],
                          key="w_export_buttons", default=None)
    if isinstance(click, dict) and click.get("click") != st.session_state.get("export_click"):
        st.session_state["export_click"] = click.get("click")
        try:
            _make(click, view, state, filtered, city, tuple(int(v) for v in size.split("x")))
        except Exception as exc:  # a missing browser or font must not break the page
            log.error("export failed: %s", exc)
            st.error(f"{t('export_failed', lang)}{as_text(exc)}")
    if not state.cities:
        st.caption(t("export_deck_none", lang))
    elif with_changes(state):
        st.caption(t("export_deck_changes", lang))
    if st.session_state.get("export_made"):
        st.caption(f"{t('export_view_used', lang)}{as_text(st.session_state['export_made'])}")
    for key, label, mime in (("export_png", "export_download", "image/png"),
                             ("export_pptx", "export_deck_download",
                              "application/vnd.openxmlformats-officedocument.presentationml.presentation")):
        if key in st.session_state:
            name, payload = st.session_state[key]
            st.download_button(f"{t(label, lang)} · {as_text(name)}", payload, name, mime, key=f"w_{key}_download")
