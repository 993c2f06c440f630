"""The offline basemap's frame: county, prefecture and province outlines around the plan area."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import shapely

from geo.files import layer_path
from geo.geojson_files import read_layer
from geo.schema import CONTEXT


def dissolve_outlines(counties: gpd.GeoDataFrame, by: str, level: str,
                      names_en: dict[str, str]) -> gpd.GeoDataFrame:
    """Outlines of the groups of a county coverage (prefectures or provinces)."""
    rows = []
    for name, members in counties.groupby(by, sort=True):
        rows.append({
            "id": f"{level}-{members['group_adcode_' + level].iloc[0]}",
            "level": level,
            "adcode": members["group_adcode_" + level].iloc[0],
            "name_zh": name,
            "name_en": names_en[name],
            "province": members["province"].iloc[0],
            "prefecture": name if level == "prefecture" else "",
            "in_plan_area": bool(members["in_plan_area"].any()),
            "geometry": shapely.coverage_union_all(members.geometry.to_numpy()),
        })
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=counties.crs)


def load_context(data_dir: Path | None = None) -> gpd.GeoDataFrame:
    """The validated context layer."""
    return read_layer(layer_path(CONTEXT, data_dir), CONTEXT)


def as_border_lines(context: gpd.GeoDataFrame, level: str) -> gpd.GeoDataFrame:
    """One feature holding the borders of a level's polygons as lines, each shared border once."""
    rows = context[context["level"] == level]
    lines = shapely.line_merge(shapely.union_all(rows.boundary.to_numpy()))
    first = rows.iloc[0]
    return gpd.GeoDataFrame([{**{c: first[c] for c in rows.columns if c != "geometry"},
                              "id": f"{level}-borders", "name_zh": "", "geometry": lines}],
                            geometry="geometry", crs=context.crs)
