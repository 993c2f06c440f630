"""What the briefing figures draw besides the records: the plan area, a city, name labels, base legend."""

from __future__ import annotations

import html

import folium
import geopandas as gpd
import shapely

from geo.schema import CATEGORIES
from layers import styles
from layers.labels import CATEGORY_LABELS, label, t
from layers.legend import LegendEntry
from layers.map_legend import legend_entries
from layers.plan_items import in_draw_order, style_of

ETHNIC_GROUPS = ("保安族", "东乡族", "撒拉族", "回族", "土族", "藏族", "蒙古族")
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


def _label_marker(lat: float, lon: float, text: str, css_class: str, css: str,
                  priority: float) -> folium.Marker:
    """A name label; the page hides the lower-priority one of two overlapping labels."""
    return folium.Marker([lat, lon], interactive=False, icon=folium.DivIcon(
        html=(f"<div class='{css_class}' data-priority='{priority:.0f}' style=\"{css}\">"
              f"{html.escape(text)}</div>"),
        icon_size=(0, 0), icon_anchor=(0, 0)))


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
        _label_marker(point.y, point.x, text, "county-label",
                      styles.FIGURE_LABEL_CSS + "transform:translate(-50%,-50%);",
                      row["area_km2"]).add_to(group)
    return group


def prefecture_labels_group(counties: gpd.GeoDataFrame, lang: str, names: dict[str, str],
                            name: str = "prefecture labels") -> folium.FeatureGroup:
    """Each prefecture's name at an interior point of its plan-area counties."""
    group = folium.FeatureGroup(name=name, control=False)
    for prefecture, part in counties.groupby("prefecture", sort=False):
        point = shapely.union_all(part.geometry.values).representative_point()
        text = prefecture if lang == "zh" else names.get(prefecture, prefecture)
        _label_marker(point.y, point.x, text, "fig-prefecture-label",
                      styles.FIGURE_PREFECTURE_LABEL_CSS + "transform:translate(-50%,-50%);",
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
                          styles.FIGURE_LABEL_CSS + f"transform:translate({radius + 3}px,-50%);",
                          styles.FIGURE_RECORD_LABEL_PRIORITY + radius).add_to(group)
    return group


def base_legend_entries(base: str, lang: str) -> list[LegendEntry]:
    """Legend rows of the base drawing: plan boundary, unit or province lines, rivers, lakes."""
    entries = [LegendEntry(t("fig_plan_area", lang), "line", styles.FIGURE_PLAN_OUTLINE["color"],
                           weight=styles.FIGURE_PLAN_OUTLINE["weight"])]
    if base == "prefectures":
        entries.append(LegendEntry(t("fig_unit_line", lang), "line", styles.PLAN_UNIT_LINE["color"],
                                   weight=styles.PLAN_UNIT_LINE["weight"]))
    entries += [
        LegendEntry(t("fig_province_line", lang), "line", styles.PROVINCE_LINE["color"],
                    styles.PROVINCE_LINE["dashArray"], styles.PROVINCE_LINE["weight"]),
        LegendEntry(t("fig_prefecture_line", lang), "line", styles.PREFECTURE_LINE["color"],
                    weight=styles.PREFECTURE_LINE["weight"]),
        LegendEntry(t("fig_river", lang), "line", styles.WATER, weight=styles.RIVER_NAMED_WEIGHT),
        LegendEntry(t("fig_lake", lang), "area", styles.WATER_FILL),
    ]
    return entries


def category_legend_entries(rows: gpd.GeoDataFrame, lang: str, compare: bool) -> list[LegendEntry]:
    """legend_entries per category, rows drawn alike merged under the category's name (for many records)."""
    entries: list[LegendEntry] = []
    if compare:
        return legend_entries(rows, lang, compare, None)
    for category in CATEGORIES:
        part = rows[rows["category"] == category]
        if part.empty:
            continue
        kinds = legend_entries(part, lang, compare, None)
        symbols: dict[tuple, list[LegendEntry]] = {}
        for entry in kinds:
            symbols.setdefault((entry.shape, entry.color, entry.dash, entry.weight), []).append(entry)
        for same in symbols.values():
            text = same[0].label if len(same) == 1 else label(CATEGORY_LABELS, category, lang)
            entries.append(LegendEntry(text, same[0].shape, same[0].color, same[0].dash, same[0].weight))
    return entries
