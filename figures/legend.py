"""A figure's legend: the records' symbols, the city or prefecture fills and the base drawing's lines."""

from __future__ import annotations

from dataclasses import replace

import geopandas as gpd

from figures.spec import FigureSpec
from figures.texts import FigureTexts
from geo.registry import Preset
from layers.names import prefecture_name as city_name
from geo.schema import CATEGORIES
from layers import styles
from layers.labels import CATEGORY_LABELS, label, t
from layers.legend import LegendEntry, legend_html
from layers.map_legend import legend_entries


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


def figure_legend(view: Preset, spec: FigureSpec, rows: gpd.GeoDataFrame, data: dict, city: str,
                  texts: FigureTexts) -> tuple[str, bool]:
    """The legend's HTML, and whether it shows the prefecture fills (drawn solid like the map)."""
    lang = spec.lang
    with_counties = view.base == "prefectures" or (view.base == "current" and "counties" in spec.layers)
    if view.base == "city":
        outline = styles.FIGURE_CITY_OUTLINE
        entries = [LegendEntry(city_name(city, lang, data["context"]), "line", outline["color"],
                               weight=outline["weight"]),
                   LegendEntry(t("fig_other_counties", lang), "area",
                               styles.FIGURE_OTHER_COUNTIES["fillColor"])]
        entries += category_legend_entries(rows, lang, spec.compare)
    else:
        entries = legend_entries(rows, lang, spec.compare, data["counties"] if with_counties else None)
        prefectures = set(data["counties"]["prefecture"])
        entries = [replace(e, label=city_name(e.label, lang, data["context"]))
                   if e.label in prefectures else e for e in entries]
    with_units = view.base == "prefectures" or "units" in spec.layers
    entries += base_legend_entries("prefectures" if with_units else "plain", lang)
    return legend_html(t("legend", lang), entries, footer=" ".join(texts.notes)), with_counties
