"""Downloads of the filtered records and of the imported rows (made only when clicked)."""

from __future__ import annotations

from functools import partial

import geopandas as gpd
import streamlit as st

from geo.export import catalogue_csv, catalogue_geojson
from geo.project_list import imported_csv, imported_geojson
from layers.labels import t

CSV, GEOJSON = "text/csv", "application/geo+json"


def record_downloads(filtered: gpd.GeoDataFrame, lang: str) -> None:
    """CSV (BOM, opens in Excel) and GeoJSON of the filtered records."""
    c1, c2 = st.columns(2)
    # Made only when clicked (the files are a tenth of a second to write; reruns stay quick).
    c1.download_button(f"CSV · {t('downloads', lang)}", partial(catalogue_csv, filtered), "lanxi-projects.csv",
                       CSV, disabled=filtered.empty, on_click="ignore")
    c2.download_button(f"GeoJSON · {t('downloads', lang)}", partial(catalogue_geojson, filtered),
                       "lanxi-projects.geojson", GEOJSON, disabled=filtered.empty, on_click="ignore")


def imported_downloads(rows: gpd.GeoDataFrame, lang: str) -> None:
    """CSV and GeoJSON of the imported rows that pass the filters."""
    st.markdown(f"#### {t('layer_imported', lang)} · {len(rows)}")
    d1, d2 = st.columns(2)
    d1.download_button(f"CSV · {t('layer_imported', lang)}", partial(imported_csv, rows),
                       "imported-projects.csv", CSV, key="w_imported_csv", on_click="ignore")
    d2.download_button(f"GeoJSON · {t('layer_imported', lang)}", partial(imported_geojson, rows),
                       "imported-projects.geojson", GEOJSON, key="w_imported_geojson", on_click="ignore")
