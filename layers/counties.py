"""The plan area: counties filled by prefecture, the 21 plan units' outlines, county name labels."""

from __future__ import annotations

import html

import folium
import geopandas as gpd

from geo.crs import WEB_COORDINATE_DECIMALS
from geo.plan_units import unit_outlines
from layers import styles
from layers.geojson_layer import ID, STYLE, TOOLTIP, GeoJsonLayer, Source, as_source, feature_collection
from layers.labels import t
from layers.names import county_label, county_name
from layers.map_scripts import ScriptCall

COUNTY_TOOLTIP_MARK = "◆"
"""Starts every county tooltip, so a click on a county is told apart from a click on a project."""


def county_style(feature: dict) -> dict:
    """Fill by prefecture colour."""
    prefecture = feature["properties"]["prefecture"]
    return {**styles.COUNTY_LINE, "fillColor": styles.PREFECTURE_COLOURS.get(prefecture, "#dddddd"),
            "fillOpacity": styles.COUNTY_FILL_OPACITY}


def county_tooltip(row, lang: str) -> str:
    """Hover text of a county: mark, name, prefecture, plan name when it differs, area."""
    name = county_name(row, lang)
    renamed = ""
    if row["plan_name_zh"] != row["name_zh"]:
        renamed = f"<br>{'规划名称' if lang == 'zh' else 'Name in the 2018 plan'}: {html.escape(row['plan_name_zh'])}"
    return (f"{COUNTY_TOOLTIP_MARK} <b>{html.escape(name)}</b> · {html.escape(row['prefecture'])}{renamed}"
            f"<br>{row['area_km2']:,.0f} km²")


def county_collection(counties: gpd.GeoDataFrame, lang: str) -> dict:
    """Counties as GeoJSON: adcode as id, prefecture fill, tooltip."""
    return feature_collection(counties, {
        ID: list(counties["adcode"]),
        TOOLTIP: [county_tooltip(r, lang) for _, r in counties.iterrows()],
        STYLE: [county_style({"properties": {"prefecture": p}}) for p in counties["prefecture"]],
    })


def counties_group(counties: gpd.GeoDataFrame | Source, lang: str, pane: str | None = None
                   ) -> folium.FeatureGroup:
    """Counties filled by prefecture, a tooltip each (counties: a frame, or county_collection's
    served Source)."""
    group = folium.FeatureGroup(name=t("layer_counties", lang))
    GeoJsonLayer(as_source(counties, lambda c: county_collection(c, lang)), tooltip=TOOLTIP,
                 sticky=False, highlight=styles.HIGHLIGHT, pane=pane).add_to(group)
    return group


def unit_outline_collection(plan_units: gpd.GeoDataFrame) -> dict:
    """The 21 plan units' borders as GeoJSON lines, each shared border once."""
    outlines = plan_units if "unit_id" not in plan_units else unit_outlines(plan_units)
    return feature_collection(outlines, {ID: list(outlines["id"])})


def plan_units_group(plan_units: gpd.GeoDataFrame | Source, lang: str, pane: str | None = None
                     ) -> folium.FeatureGroup:
    """The 21 plan units' borders, each shared border drawn once."""
    group = folium.FeatureGroup(name=t("layer_units", lang))
    GeoJsonLayer(as_source(plan_units, unit_outline_collection), interactive=False,
                 style={**styles.PLAN_UNIT_LINE, "fill": False}, pane=pane).add_to(group)
    return group


def county_label_points(counties: gpd.GeoDataFrame, lang: str) -> list[tuple[float, float, str]]:
    """(lat, lon, escaped name) of each county's label at its interior point (cache this: it is data)."""
    labels = []
    for _, row in counties.iterrows():
        point = row.geometry.representative_point()
        # Rounded: the map script must be identical on every rerun, or the map is rebuilt.
        labels.append((round(point.y, WEB_COORDINATE_DECIMALS), round(point.x, WEB_COORDINATE_DECIMALS),
                       html.escape(county_label(row, lang))))
    return labels


def county_labels_group(labels: gpd.GeoDataFrame | list[tuple[float, float, str]], lang: str
                        ) -> folium.FeatureGroup:
    """County names at each county's interior point (labels: the counties, or county_label_points)."""
    group = folium.FeatureGroup(name=t("layer_labels", lang))
    points = county_label_points(labels, lang) if isinstance(labels, gpd.GeoDataFrame) else labels
    # One call draws every label (a Marker per label would compile a template each).
    group.add_child(ScriptCall("lxpmLabels", points))
    return group
