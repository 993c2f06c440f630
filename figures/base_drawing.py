"""What a figure draws under and over its records: the plan area, a city and its outline, the records."""

from __future__ import annotations

import folium
import geopandas as gpd
import shapely

from layers import styles
from layers.plan_items import in_draw_order, style_of

_POINTS = ("Point", "MultiPoint")
_AREAS = ("Polygon", "MultiPolygon")


def _style(style: dict):
    return lambda _feature: style


def _outline(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """One polygon: the union of the frame's polygons (its outer boundary)."""
    return gpd.GeoDataFrame({"id": ["outline"]}, geometry=[shapely.union_all(frame.geometry.values)],
                            crs=frame.crs)


def plan_area_group(counties: gpd.GeoDataFrame, name: str = "plan area") -> folium.FeatureGroup:
    """The plan area in a light fill with thin county lines and a heavy outer boundary."""
    group = folium.FeatureGroup(name=name, control=False)
    folium.GeoJson(counties[["adcode", "geometry"]], interactive=False,
                   style_function=_style(styles.FIGURE_PLAN_AREA)).add_to(group)
    folium.GeoJson(_outline(counties), interactive=False,
                   style_function=_style(styles.FIGURE_PLAN_OUTLINE)).add_to(group)
    return group


def plan_outline_group(counties: gpd.GeoDataFrame, name: str = "plan outline") -> folium.FeatureGroup:
    """Only the heavy outer boundary of the plan area."""
    group = folium.FeatureGroup(name=name, control=False)
    folium.GeoJson(_outline(counties), interactive=False,
                   style_function=_style(styles.FIGURE_PLAN_OUTLINE)).add_to(group)
    return group


def city_group(counties: gpd.GeoDataFrame, city: str, name: str = "city") -> folium.FeatureGroup:
    """The city's counties light, the rest of the plan area greyed."""
    group = folium.FeatureGroup(name=name, control=False)
    own = counties["prefecture"] == city
    folium.GeoJson(counties.loc[~own, ["adcode", "geometry"]], interactive=False,
                   style_function=_style(styles.FIGURE_OTHER_COUNTIES)).add_to(group)
    folium.GeoJson(counties.loc[own, ["adcode", "geometry"]], interactive=False,
                   style_function=_style(styles.FIGURE_PLAN_AREA)).add_to(group)
    return group


def city_outline_group(counties: gpd.GeoDataFrame, city: str,
                       name: str = "city outline") -> folium.FeatureGroup:
    """The city's heavy outline (drawn over the records, whose areas often follow it)."""
    group = folium.FeatureGroup(name=name, control=False)
    folium.GeoJson(_outline(counties[counties["prefecture"] == city]), interactive=False,
                   style_function=_style(styles.FIGURE_CITY_OUTLINE)).add_to(group)
    return group


def figure_items_layer(rows: gpd.GeoDataFrame, compare: bool,
                       area_fill_scale: float = styles.FIGURE_AREA_FILL_SCALE) -> folium.GeoJson | None:
    """The records styled as on the map (plan_items.style_of), areas lighter, points filled; no popups."""
    if rows.empty:
        return None
    styled = {}
    for _, row in rows.iterrows():
        style = style_of(row, compare)
        if row.geometry.geom_type in _POINTS:
            style = {**style, "fill": True}
        elif row.geometry.geom_type in _AREAS:
            style = {**style, "fillOpacity": style["fillOpacity"] * area_fill_scale}
        styled[row["id"]] = style
    return folium.GeoJson(in_draw_order(rows[["id", "geometry"]]), style_function=lambda f: styled[f["properties"]["id"]],
                          marker=folium.CircleMarker(fill=True), interactive=False)
