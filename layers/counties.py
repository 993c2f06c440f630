"""The plan area's counties, filled by prefecture, with tooltips."""

from __future__ import annotations

import folium
import geopandas as gpd

from layers import styles


def county_style(feature: dict) -> dict:
    """Fill by prefecture colour."""
    prefecture = feature["properties"]["prefecture"]
    return {**styles.COUNTY_LINE, "fillColor": styles.PREFECTURE_COLOURS.get(prefecture, "#dddddd"),
            "fillOpacity": styles.COUNTY_FILL_OPACITY}


def counties_layer(counties: gpd.GeoDataFrame, name: str = "counties",
                   fields: tuple[str, ...] = ("name_zh", "name_en", "prefecture", "area_km2"),
                   aliases: tuple[str, ...] = ("县区", "County", "市州", "km²")) -> folium.GeoJson:
    """A GeoJson layer of the counties; each feature carries its adcode for click handling."""
    columns = ["adcode", *[f for f in fields if f != "adcode"], "geometry"]
    return folium.GeoJson(
        counties[columns], name=name, style_function=county_style,
        highlight_function=lambda _f: styles.HIGHLIGHT,
        tooltip=folium.GeoJsonTooltip(list(fields), aliases=list(aliases), sticky=False),
    )
