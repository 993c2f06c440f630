"""The offline vector basemap: neighbouring provinces, Gansu and Qinghai outlines, rivers, lakes."""

from __future__ import annotations

import html

import folium
import geopandas as gpd
import pandas as pd

from geo.schema import PROVINCES
from layers import styles
from layers.geojson_layer import STYLE, TOOLTIP, GeoJsonLayer, Source, as_source, feature_collection

NAMED = "named"
"""Property of water features: a named river (interactive, with a tooltip) or not."""


def context_collection(context: gpd.GeoDataFrame, filled: bool = True) -> dict:
    """Neighbouring provinces, the other counties, prefecture and province borders as GeoJSON,
    each with its style (outlines only over a tile basemap)."""
    neighbours = context[(context["level"] == "province") & ~context["province"].isin(PROVINCES)]
    counties = context[(context["level"] == "county") & context["province"].isin(PROVINCES)]
    prefectures = context[context["level"] == "prefecture"]
    provinces = context[context["level"] == "province"]
    parts, drawn_styles = [], []
    for frame, style in ((neighbours, styles.NEIGHBOUR_FILL), (counties, styles.CONTEXT_COUNTY_LINE),
                         (prefectures, styles.PREFECTURE_LINE), (provinces, styles.PROVINCE_LINE)):
        parts.append(frame)
        drawn_styles += [style if filled else {**style, "fill": False}] * len(frame)
    drawn = pd.concat(parts)
    return feature_collection(drawn, {STYLE: drawn_styles})


def context_group(context: gpd.GeoDataFrame | Source, name: str = "basemap",
                  filled: bool = True, pane: str | None = None) -> folium.FeatureGroup:
    """The context outlines (a frame, drawn filled or not, or context_collection's served Source)."""
    group = folium.FeatureGroup(name=name, control=False)
    GeoJsonLayer(as_source(context, lambda c: context_collection(c, filled)), interactive=False,
                 pane=pane).add_to(group)
    return group


def water_collection(rivers: gpd.GeoDataFrame, lakes: gpd.GeoDataFrame) -> dict:
    """Lakes, then rivers (named ones heavier, with a tooltip) as GeoJSON."""
    lake_style = {"color": styles.WATER, "weight": 0.8, "fillColor": styles.WATER_FILL, "fillOpacity": 1}
    other = rivers[~rivers["named"]]
    named = rivers[rivers["named"]]
    drawn = pd.concat([lakes[["geometry"]], other[["geometry"]], named[["geometry"]]])
    return feature_collection(drawn, {
        NAMED: [False] * (len(lakes) + len(other)) + [True] * len(named),
        STYLE: [lake_style] * len(lakes)
        + [{"color": styles.WATER, "weight": styles.RIVER_OTHER_WEIGHT}] * len(other)
        + [{"color": styles.WATER, "weight": styles.RIVER_NAMED_WEIGHT}] * len(named),
        TOOLTIP: [""] * (len(lakes) + len(other))
        + [html.escape(f"{r.name_zh} {r.name_en}") for r in named.itertuples()],
    })


def water_group(rivers: gpd.GeoDataFrame | Source, lakes: gpd.GeoDataFrame | None = None,
                name: str = "water", pane: str | None = None) -> folium.FeatureGroup:
    """Rivers and lakes (two frames, or water_collection's served Source)."""
    group = folium.FeatureGroup(name=name, control=False)
    source = water_collection(rivers, lakes) if isinstance(rivers, gpd.GeoDataFrame) else rivers
    GeoJsonLayer(source, interactive=False, match=(NAMED, [False]), pane=pane).add_to(group)
    GeoJsonLayer(source, tooltip=TOOLTIP, match=(NAMED, [True]), pane=pane).add_to(group)
    return group
