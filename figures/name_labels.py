"""Name labels on a figure: short county, prefecture and record names that give way where they collide."""

from __future__ import annotations

import html

import folium
import geopandas as gpd
import shapely

from layers import styles

ETHNIC_GROUPS = ("保安族", "东乡族", "撒拉族", "回族", "土族", "藏族", "蒙古族")
_POINTS = ("Point", "MultiPoint")


def _label_marker(lat: float, lon: float, text: str, css_class: str, priority: float,
                  right_of: int = 0) -> folium.Marker:
    """A name label styled by its class in page.css, right_of px right of its point; the page hides the
    lower-priority one of two overlapping labels."""
    return folium.Marker([lat, lon], interactive=False, icon=folium.DivIcon(
        html=f"<div class='{css_class}' data-priority='{priority:.0f}'>{html.escape(text)}</div>",
        icon_size=(0, 0), icon_anchor=(-right_of, 0)))


def short_county_name(name_zh: str) -> str:
    """A county name without the ethnic groups of an autonomous county (民和回族土族自治县 → 民和县)."""
    if not name_zh.endswith("自治县"):
        return name_zh
    base = name_zh.removesuffix("自治县")
    changed = True
    while changed:
        changed = False
        for group in ETHNIC_GROUPS:
            if base.endswith(group) and len(base) - len(group) >= 2:
                base, changed = base.removesuffix(group), True
    return base.removesuffix("族") + "县"


def county_names_group(counties: gpd.GeoDataFrame, lang: str,
                       name: str = "county names") -> folium.FeatureGroup:
    """Short county names at interior points; larger counties win where labels collide."""
    group = folium.FeatureGroup(name=name, control=False)
    for _, row in counties.iterrows():
        point = row.geometry.representative_point()
        text = short_county_name(row["name_zh"]) if lang == "zh" else row["name_en"].split(" ")[0]
        _label_marker(point.y, point.x, text, "county-label", row["area_km2"]).add_to(group)
    return group


def prefecture_labels_group(counties: gpd.GeoDataFrame, lang: str, names: dict[str, str],
                            name: str = "prefecture labels") -> folium.FeatureGroup:
    """Each prefecture's name at an interior point of its plan-area counties."""
    group = folium.FeatureGroup(name=name, control=False)
    for prefecture, part in counties.groupby("prefecture", sort=False):
        point = shapely.union_all(part.geometry.values).representative_point()
        text = prefecture if lang == "zh" else names.get(prefecture, prefecture)
        _label_marker(point.y, point.x, text, "fig-prefecture-label",
                      styles.FIGURE_PREFECTURE_LABEL_PRIORITY).add_to(group)
    return group


LABEL_ENDS = ("机场", "Airport")
"""A label ends with these words when its name has them (西宁曹家堡机场三期扩建工程 → 西宁曹家堡机场)."""


def short_name(row, lang: str) -> str:
    """A record's name for a map label: short county names, English without its parenthesis."""
    text = short_county_name(row["name_zh"]) if lang == "zh" else row["name_en"].split(" (")[0]
    for end in LABEL_ENDS:
        if end in text:
            text = text[:text.index(end) + len(end)]
    return text


def record_labels_group(rows: gpd.GeoDataFrame, lang: str,
                        name: str = "record labels") -> folium.FeatureGroup:
    """Name labels right of the point records."""
    group = folium.FeatureGroup(name=name, control=False)
    chosen = rows[rows.geom_type.isin(_POINTS)]
    for _, row in chosen.iterrows():
        radius = styles.POINT_RADIUS.get(row["subtype"], styles.DEFAULT_POINT_RADIUS)
        for point in getattr(row.geometry, "geoms", [row.geometry]):
            _label_marker(point.y, point.x, short_name(row, lang), "fig-label",
                          styles.FIGURE_RECORD_LABEL_PRIORITY + radius, right_of=radius + 3).add_to(group)
    return group
