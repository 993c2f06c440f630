"""Counts of the records shown, by category, against the whole catalogue."""

from __future__ import annotations

import geopandas as gpd
import streamlit as st

from geo.filters import counts_by_category
from geo.schema import CATEGORIES
from layers.labels import CATEGORY_LABELS, label, t


def counts_line(filtered: gpd.GeoDataFrame, catalogue: gpd.GeoDataFrame, lang: str) -> str:
    """"Category shown/all · …  — Shown n of N" in the language (Markdown)."""
    shown, every = counts_by_category(filtered, CATEGORIES), counts_by_category(catalogue, CATEGORIES)
    return (" · ".join(f"{label(CATEGORY_LABELS, c, lang)} **{shown[c]}**/{every[c]}" for c in CATEGORIES)
            + f" — {t('shown', lang)} **{len(filtered)}** {t('of', lang)} {len(catalogue)}")


def statistics(filtered: gpd.GeoDataFrame, catalogue: gpd.GeoDataFrame, lang: str) -> None:
    """The counts line, and a note when nothing matches."""
    st.markdown(counts_line(filtered, catalogue, lang))
    if filtered.empty:
        st.info(t("empty", lang))
