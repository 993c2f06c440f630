"""The sidebar: language, basemap, filters, layer toggles and the project-list import."""

from __future__ import annotations

import geopandas as gpd
import streamlit as st

from app.cached_data import prefecture_names
from app.shareable_state import LAYER_GROUPS, Vocabulary, layer_session_key
from app.unit_filter import city_government_buttons, unit_filter
from app.upload_panel import upload_panel
from geo.filters import DOC_CHOICES
from geo.registry import BASE_LAYERS, SUBLAYERS, TRANSPORT_MODES
from geo.schema import CATEGORIES
from layers.labels import CATEGORY_LABELS, LANGUAGES, SUBTYPE_LABELS, label, t
from layers.names import name_column
from layers.tile_basemaps import TIANDITU, basemap_name

MAX_SEARCH_CHARS = 60


def county_options(counties: gpd.GeoDataFrame, cities: list[str]) -> list[str]:
    """The county filter's choices ("" for all) within the chosen cities."""
    order = sorted(zip(counties["adcode"], counties["prefecture"]))
    return ["", *(a for a, p in order if not cities or p in cities)]


def layer_names(lang: str) -> dict[str, str]:
    """Each toggle's name in the language."""
    return {**{k: t(f"layer_{k}", lang) for k in BASE_LAYERS},
            **{s.key: t(f"sublayer_{s.key}", lang) for s in SUBLAYERS}}


def sidebar(vocab: Vocabulary, data: dict[str, gpd.GeoDataFrame], basemaps: dict, below_fold: bool = True) -> None:
    """The sidebar's widgets. Drawn after the map: every value it holds is already in session
    state (from the URL on a first run, from the browser after), and the map shows sooner. What
    lies below the sidebar's first screen (text search, comparison, layer toggles, the import panel)
    is drawn once the map has painted (below_fold); until then the values wait in session state."""
    s = st.session_state
    with st.sidebar:
        st.radio(t("language", s["w_lang"]), LANGUAGES, key="w_lang", horizontal=True,
                 format_func=lambda v: t(f"language_{v}", v))
        lang = s["w_lang"]
        st.selectbox(t("basemap", lang), list(basemaps), key="w_basemap",
                     format_func=lambda v: basemap_name(v, basemaps[v], lang))  # a selectbox shows plain text
        if TIANDITU not in basemaps:
            st.caption(t("tianditu_hidden", lang))
        st.subheader(t("filters", lang))
        cities = prefecture_names(lang)
        st.multiselect(t("cities", lang), vocab.cities, key="w_cities", placeholder=t("any", lang),
                       format_func=lambda c: cities.get(c, c))
        st.toggle(t("filter_located_only", lang), key="w_located_only", disabled=not s["w_cities"])
        city_government_buttons(s, lang)
        names = dict(zip(data["counties"]["adcode"], data["counties"][name_column(lang)]))
        st.selectbox(t("county", lang), county_options(data["counties"], s["w_cities"]), key="w_county",
                     format_func=lambda a: names.get(a, t("all_counties", lang)))
        unit_filter(data["catalogue"], lang)
        st.multiselect(t("categories", lang), CATEGORIES, key="w_categories", placeholder=t("any", lang),
                       format_func=lambda c: label(CATEGORY_LABELS, c, lang))
        st.multiselect(t("modes", lang), TRANSPORT_MODES, key="w_modes", placeholder=t("any", lang),
                       format_func=lambda m: label(SUBTYPE_LABELS, m, lang))
        st.radio(t("document", lang), DOC_CHOICES, key="w_doc", format_func=lambda d: t(f"doc_{d}", lang))
        if not below_fold:
            return
        st.text_input(t("search", lang), key="w_text", max_chars=MAX_SEARCH_CHARS)
        st.toggle(t("compare", lang), key="w_compare")
        st.subheader(t("layers", lang))
        names = layer_names(lang)
        for group, keys in LAYER_GROUPS.items():
            st.pills(t(f"group_{group}", lang), keys, selection_mode="multi", key=layer_session_key(group),
                     format_func=names.get)
        upload_panel(lang, data["places"], data["counties"])
