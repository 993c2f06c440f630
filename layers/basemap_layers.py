"""The offline vector basemap: neighbouring provinces, Gansu and Qinghai outlines, rivers, lakes."""

from __future__ import annotations

import folium
import geopandas as gpd

from geo.schema import PROVINCES
from layers import styles


def _style(style: dict):
    return lambda _feature: style


def context_group(context: gpd.GeoDataFrame, name: str = "basemap", filled: bool = True) -> folium.FeatureGroup:
    """Neighbouring provinces, the other counties and prefectures, province borders (outlines only
    over a tile basemap)."""
    group = folium.FeatureGroup(name=name, control=False)
    neighbours = context[(context["level"] == "province") & ~context["province"].isin(PROVINCES)]
    counties = context[(context["level"] == "county") & context["province"].isin(PROVINCES)]
    prefectures = context[context["level"] == "prefecture"]
    provinces = context[context["level"] == "province"]
    for frame, style in ((neighbours, styles.NEIGHBOUR_FILL), (counties, styles.CONTEXT_COUNTY_LINE),
                         (prefectures, styles.PREFECTURE_LINE), (provinces, styles.PROVINCE_LINE)):
        if frame.empty:
            continue
        if not filled:
            style = {**style, "fill": False}
        folium.GeoJson(frame[["name_zh", "geometry"]], style_function=_style(style),
                       interactive=False, smooth_factor=1.0).add_to(group)
    return group


def water_group(rivers: gpd.GeoDataFrame, lakes: gpd.GeoDataFrame, name: str = "water") -> folium.FeatureGroup:
    """Rivers (named ones heavier) and lakes."""
    group = folium.FeatureGroup(name=name, control=False)
    folium.GeoJson(lakes[["name_zh", "geometry"]], interactive=False,
                   style_function=_style({"color": styles.WATER, "weight": 0.8,
                                          "fillColor": styles.WATER_FILL, "fillOpacity": 1})).add_to(group)
    other = rivers[~rivers["named"]]
    named = rivers[rivers["named"]]
    folium.GeoJson(other[["id", "geometry"]], interactive=False,
                   style_function=_style({"color": styles.WATER, "weight": styles.RIVER_OTHER_WEIGHT})
                   ).add_to(group)
    folium.GeoJson(named[["name_zh", "name_en", "geometry"]],
                   style_function=_style({"color": styles.WATER, "weight": styles.RIVER_NAMED_WEIGHT}),
                   tooltip=folium.GeoJsonTooltip(["name_zh", "name_en"], labels=False)).add_to(group)
    return group
