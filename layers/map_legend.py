"""The map legend built from what is drawn: plan-area prefectures, then each shown kind of record."""

from __future__ import annotations

import geopandas as gpd

from geo.catalogue import located
from geo.filters import COMPARISON_CLASSES, comparison_class
from layers import styles
from layers.labels import SUBTYPE_LABELS, label, t
from layers.legend import LegendEntry, legend_group
from layers.plan_items import is_study, style_of

_SHAPES = {"Point": "point", "MultiPoint": "point", "LineString": "line", "MultiLineString": "line",
           "Polygon": "area", "MultiPolygon": "area"}


def legend_entries(rows: gpd.GeoDataFrame, lang: str, compare: bool, counties: gpd.GeoDataFrame | None,
                   prefecture_names: dict[str, str] | None = None) -> list[LegendEntry]:
    """One entry per prefecture drawn (named by prefecture_names when given) and per
    (subtype, shape, study) of the records drawn."""
    entries: list[LegendEntry] = []
    if counties is not None:
        for prefecture in dict.fromkeys(counties.sort_values("adcode")["prefecture"]):
            entries.append(LegendEntry((prefecture_names or {}).get(prefecture, prefecture), "area",
                                       styles.PREFECTURE_COLOURS[prefecture]))
    if compare:
        present = {comparison_class(list(d)) for d in rows["docs"]}
        entries += [LegendEntry(t(c, lang), "point", styles.COMPARISON_COLOURS[c])
                    for c in COMPARISON_CLASSES if c in present]
        return entries
    seen = set()
    for _, row in located(rows).sort_values(["category", "subtype"]).iterrows():
        shape = _SHAPES[row.geometry.geom_type]
        study = shape == "line" and is_study(row["verb"])
        key = (row["subtype"], shape, study)
        if key in seen:
            continue
        seen.add(key)
        style = style_of(row, compare=False)
        text = label(SUBTYPE_LABELS, row["subtype"], lang)
        if study:
            text += t("legend_study", lang)
        entries.append(LegendEntry(text, shape, style.get("fillColor") or style["color"],
                                   style.get("dashArray", ""), style.get("weight", 3)))
    return entries


def legend_of(entries: list[LegendEntry], lang: str):
    """The legend feature group of entries already worked out (see legend_entries)."""
    return legend_group(t("legend", lang), entries, footer=t("schematic_note", lang),
                        fold_below_px=styles.LEGEND_FOLD_BELOW_PX)
