"""The plan's 21 units, dissolved from their member counties."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import shapely

from geo.files import layer_path
from geo.geojson_files import read_layer
from geo.schema import PLAN_UNITS


def dissolve_plan_units(counties: gpd.GeoDataFrame, names_en: dict[str, str]) -> gpd.GeoDataFrame:
    """One row per plan unit: the coverage union of its counties, member adcodes and area."""
    rows = []
    for unit_id, members in counties.sort_values("adcode").groupby("plan_unit", sort=True):
        whole_city = len(members) > 1 or members.iloc[0]["adcode"] != unit_id
        first = members.iloc[0]
        name = first["prefecture"] if whole_city else first["name_zh"]
        rows.append({
            "unit_id": unit_id,
            "name_zh": name,
            "plan_name_zh": name if whole_city else first["plan_name_zh"],
            "name_en": names_en.get(name, first["name_en"]) if whole_city else first["name_en"],
            "province": first["province"],
            "prefecture": first["prefecture"],
            "whole_city": bool(whole_city),
            "member_adcodes": list(members["adcode"]),
            "area_km2": float(members["area_km2"].sum()),
            "geometry": shapely.coverage_union_all(members.geometry.to_numpy()),
        })
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=counties.crs)


def load_plan_units(data_dir: Path | None = None) -> gpd.GeoDataFrame:
    """The validated plan-units layer."""
    return read_layer(layer_path(PLAN_UNITS, data_dir), PLAN_UNITS)


def unit_outlines(plan_units: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The units' borders as lines, each shared border once (half the vertices of the polygons)."""
    lines = shapely.line_merge(shapely.union_all(plan_units.boundary.to_numpy()))
    return gpd.GeoDataFrame({"id": ["plan-unit-borders"]}, geometry=[lines], crs=plan_units.crs)
