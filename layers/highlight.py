"""The highlight of the record chosen in the table."""

from __future__ import annotations

import folium
import geopandas as gpd

from layers import styles
from layers.labels import t


def highlight_group(rows: gpd.GeoDataFrame, lang: str) -> folium.FeatureGroup:
    """A bright outline (or ring) under the chosen records."""
    group = folium.FeatureGroup(name=t("layer_highlight", lang), control=False)
    if rows.empty:
        return group
    folium.GeoJson(
        rows[["id", "geometry"]], interactive=False,
        style_function=lambda _f: {**styles.HIGHLIGHT_ITEM, "radius": styles.HIGHLIGHT_RADIUS},
        marker=folium.CircleMarker(radius=styles.HIGHLIGHT_RADIUS),
    ).add_to(group)
    return group
