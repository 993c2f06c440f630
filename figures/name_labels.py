"""Name labels on a figure: short county, prefecture and record names that give way where they collide."""

from __future__ import annotations

import html

import folium
import geopandas as gpd
import shapely

from layers import styles
from layers.labels import pick
from layers.names import county_label, record_label

_POINTS = ("Point", "MultiPoint")


def _label_marker(lat: float, lon: float, text: str, css_class: str, priority: float,
                  right_of: int = 0) -> folium.Marker:
    """A name label styled by its class in page.css, right_of px right of its point; the page hides the
    lower-priority one of two overlapping labels."""
    return folium.Marker([lat, lon], interactive=False, icon=folium.DivIcon(
        html=f"<div class='{css_class}' data-priority='{priority:.0f}'>{html.escape(text)}</div>",
        icon_size=(0, 0), icon_anchor=(-right_of, 0)))


def county_names_group(counties: gpd.GeoDataFrame, lang: str,
                       name: str = "county names") -> folium.FeatureGroup:
    """Short county names at interior points; larger counties win where labels collide."""
    group = folium.FeatureGroup(name=name, control=False)
    for _, row in counties.iterrows():
        point = row.geometry.representative_point()
        text = county_label(row, lang)
        _label_marker(point.y, point.x, text, "county-label", row["area_km2"]).add_to(group)
    return group


def prefecture_labels_group(counties: gpd.GeoDataFrame, lang: str, names: dict[str, str],
                            name: str = "prefecture labels") -> folium.FeatureGroup:
    """Each prefecture's name at an interior point of its plan-area counties."""
    group = folium.FeatureGroup(name=name, control=False)
    for prefecture, part in counties.groupby("prefecture", sort=False):
        point = shapely.union_all(part.geometry.values).representative_point()
        text = pick(prefecture, names.get(prefecture, prefecture), lang)
        _label_marker(point.y, point.x, text, "fig-prefecture-label",
                      styles.FIGURE_PREFECTURE_LABEL_PRIORITY).add_to(group)
    return group


def record_labels_group(rows: gpd.GeoDataFrame, lang: str,
                        name: str = "record labels") -> folium.FeatureGroup:
    """Name labels right of the point records."""
    group = folium.FeatureGroup(name=name, control=False)
    chosen = rows[rows.geom_type.isin(_POINTS)]
    for _, row in chosen.iterrows():
        radius = styles.POINT_RADIUS.get(row["subtype"], styles.DEFAULT_POINT_RADIUS)
        for point in getattr(row.geometry, "geoms", [row.geometry]):
            _label_marker(point.y, point.x, record_label(row, lang), "fig-label",
                          styles.FIGURE_RECORD_LABEL_PRIORITY + radius, right_of=radius + 3).add_to(group)
    return group
