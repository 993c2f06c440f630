"""Naive baseline for the benchmark: full-resolution counties, a new folium.Map every rerun,
every layer inside the map (no feature_group_to_add), every interaction returned."""

from __future__ import annotations

import geopandas as gpd
import streamlit as st
from streamlit_folium import st_folium

from geo.build.cnmaps_boundaries import index_rows, load_boundary
from geo.catalogue import load_catalogue
from geo.context import load_context
from geo.counties import load_counties
from geo.filters import DOC_CHOICES, Filters, filter_catalogue
from geo.lakes import load_lakes
from geo.rivers import load_rivers
from layers.base_map import base_map
from layers.basemap_layers import context_group, water_group
from layers.counties import counties_group
from layers.labels import t
from layers.plan_items import items_layer

st.set_page_config(layout="wide")


@st.cache_data
def full_resolution_counties() -> gpd.GeoDataFrame:
    simplified = load_counties()
    rows = {r[4].split("/")[-1].removesuffix(".geojson"): r for r in index_rows(("甘肃省", "青海省"))}
    geoms = [load_boundary(rows[a]).geometry for a in simplified["adcode"]]
    return simplified.set_geometry(gpd.GeoSeries(geoms, crs=simplified.crs))


counties = full_resolution_counties()
catalogue = load_catalogue()
doc = st.radio("规划文件", DOC_CHOICES, key="w_doc", format_func=lambda d: t(f"doc_{d}", "zh"))
m = base_map()
context_group(load_context()).add_to(m)
water_group(load_rivers(), load_lakes()).add_to(m)
counties_group(counties, "zh").add_to(m)
layer = items_layer(filter_catalogue(catalogue, Filters(doc=doc)), "zh", compare=False)
if layer is not None:
    layer.add_to(m)
st_folium(m, height=640, use_container_width=True)
