"""The user's imported projects: a circle per valid row; every user text is escaped, never run."""

from __future__ import annotations

import html
from collections.abc import Mapping

import folium
import geopandas as gpd

from layers import styles
from layers.labels import pick, t

POPUP_MAX_WIDTH = 320
COORD_DECIMALS = 6  # ≈ 0.1 m: enough for a map, shorter page
POPUP_FRAME_WIDTH = 360  # Leaflet's popup box, a little wider than its content


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _warnings(row: Mapping, lang: str) -> str:
    return pick(row["warnings"], row["warnings_en"], lang)


def tooltip_html(row: Mapping, lang: str) -> str:
    """Hover text: the name and the category the user gave."""
    category = f"<br>{_e(row['category'])}" if row["category"] else ""
    return f"<b>{_e(row['name'])}</b>{category}"


def popup_html(row: Mapping, lang: str) -> str:
    """Popup: name, category, city, county, how it was located, source row, warnings."""
    lines = [f"<div class='imported-popup' style='max-width:{POPUP_MAX_WIDTH}px'><b>{_e(row['name'])}</b>"]
    if row["category"]:
        lines.append(f"<br>{_e(t('col_category', lang))}: {_e(row['category'])}")
    if row["city"]:
        lines.append(f"<br>{_e(t('col_cities', lang))}: {_e(row['city'])}")
    if row["city_input"] and row["city_input"] != row["city"]:
        lines.append(f"<br>{_e(t('col_city_input', lang))}: {_e(row['city_input'])}")
    if row["county"]:
        lines.append(f"<br>{_e(t('county', lang))}: {_e(row['county'])}")
    lines.append(f"<br>{_e(t('col_located_by', lang))}: {_e(t('located_' + row['located_by'], lang))}"
                 f"<br>{_e(t('col_source_row', lang))}: {int(row['row'])}")
    if _warnings(row, lang):
        lines.append(f"<br><small>{_e(t('col_warnings', lang))}: {_e(_warnings(row, lang))}</small>")
    lines.append("</div>")
    return "".join(lines)


def _style(feature: dict) -> dict:
    return styles.IMPORTED_WARNED_STYLE if feature["properties"]["warned"] else styles.IMPORTED_POINT_STYLE


def imported_group(rows: gpd.GeoDataFrame, lang: str) -> folium.FeatureGroup:
    """The imported rows as circle markers with escaped tooltips and popups (an empty group when none)."""
    group = folium.FeatureGroup(name=t("layer_imported", lang))
    if rows.empty:
        return group
    records = rows.drop(columns=rows.geometry.name).to_dict("records")  # plain dicts: iterrows is slow
    xs, ys = rows.geometry.x.to_numpy(), rows.geometry.y.to_numpy()
    # Only escaped HTML and numbers reach the page: no raw user value is embedded in the map's data.
    # A plain FeatureCollection: folium reads a GeoDataFrame's __geo_interface__ twice, slowly.
    xs, ys = xs.round(COORD_DECIMALS).tolist(), ys.round(COORD_DECIMALS).tolist()
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [x, y]},
                 "properties": {"id": i, "warned": bool(_warnings(r, lang)),
                                "tip": tooltip_html(r, lang), "pop": popup_html(r, lang)}}
                for i, (r, x, y) in enumerate(zip(records, xs, ys))]
    folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        style_function=_style,
        marker=folium.CircleMarker(radius=styles.IMPORTED_POINT_STYLE["radius"]),
        tooltip=folium.GeoJsonTooltip(["tip"], labels=False),
        popup=folium.GeoJsonPopup(["pop"], labels=False, max_width=POPUP_FRAME_WIDTH),
        highlight_function=lambda _f: styles.IMPORTED_HIGHLIGHT,
    ).add_to(group)
    return group
