"""The plan catalogue: structure, ecology, transport and other projects with geometry and sources."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import MultiPoint, Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import substring

from geo.attribution import (Attribution, attribute_named_cities, attribute_points, attribute_river,
                             attribute_schematic_line, attribute_units, unit_members)
from geo.crs import WGS84
from geo.files import layer_path
from geo.geojson_files import read_layer
from geo.schema import CATALOGUE, GEOMETRY_RULES
from geo.schematic_lines import drawn_line

SOURCE_KEYS = ("doc", "section", "quote", "verb", "link", "link_note")
"""What a citation carries into catalogue.geojson (verb, link and link_note only when given)."""
AREA_TOLERANCE = 0.01
"""Areas drawn from units are schematic: simplified further (degrees) to keep the web payload small."""


class CatalogueError(ValueError):
    """A record that cannot be resolved against the gazetteer or the geodata."""


def _point(places_by_name: dict[str, Point], name: str, item_id: str) -> Point:
    if name not in places_by_name:
        raise CatalogueError(f"{item_id}: place {name!r} is not in the gazetteer")
    return places_by_name[name]


def unit_polygon(name: str, polygons: gpd.GeoDataFrame) -> BaseGeometry:
    """A county-level unit or a whole prefecture (all its counties in reach) by name."""
    try:
        rows = unit_members(name, polygons)
    except ValueError as exc:
        raise CatalogueError(str(exc)) from None
    return shapely.union_all(rows.geometry.to_numpy())


def river_line(rivers: gpd.GeoDataFrame, name: str, start: Point | None, end: Point | None,
               reach: BaseGeometry | None = None) -> BaseGeometry:
    """A named river's line, cut between the points nearest two places when given, else its
    stretch within the reach (the plan area's prefectures)."""
    rows = rivers[rivers["named"] & (rivers["name_zh"] == name)]
    if len(rows) != 1:
        raise CatalogueError(f"river {name!r} is not a named river of the rivers layer")
    line = rows.geometry.iloc[0]
    if start is None and end is None:
        return line.intersection(reach) if reach is not None else line
    a = line.project(start) if start is not None else 0.0
    b = line.project(end) if end is not None else line.length
    lo, hi = sorted((a, b))
    return substring(line, lo, hi)


def item_geometry(item: dict, places_by_name: dict[str, Point], polygons: gpd.GeoDataFrame,
                  rivers: gpd.GeoDataFrame, reach: BaseGeometry | None = None
                  ) -> tuple[BaseGeometry | None, str, list[str]]:
    """(geometry, rule, place names) of a record from its one geometry key (None: unlocated)."""
    rule = next(r for r in GEOMETRY_RULES if r in item)
    value = item[rule]
    if rule == "unlocated":
        return None, rule, []
    if rule == "at":
        return _point(places_by_name, value, item["id"]), rule, [value]
    if rule == "points":
        return MultiPoint([_point(places_by_name, n, item["id"]) for n in value]), rule, list(value)
    if rule == "through":
        if len(value) < 2:
            raise CatalogueError(f"{item['id']}: a line needs at least two places")
        return drawn_line([_point(places_by_name, n, item["id"]) for n in value]), rule, list(value)
    if rule == "units":
        try:
            geom = shapely.union_all([unit_polygon(n, polygons) for n in value])
        except CatalogueError as exc:
            raise CatalogueError(f"{item['id']}: {exc}") from None
        return shapely.make_valid(geom.simplify(AREA_TOLERANCE)), rule, []
    start = _point(places_by_name, item["from"], item["id"]) if item.get("from") else None
    end = _point(places_by_name, item["to"], item["id"]) if item.get("to") else None
    names = [n for n in (item.get("from"), item.get("to")) if n]
    try:
        return river_line(rivers, value, start, end, reach), rule, names
    except CatalogueError as exc:
        raise CatalogueError(f"{item['id']}: {exc}") from None


def named_cities(item: dict, polygons: gpd.GeoDataFrame) -> list[str]:
    """The plan cities an unlocated record's text names (its optional `cities` key), checked."""
    plan_cities = set(polygons.loc[polygons["in_plan_area"], "prefecture"])
    unknown = [c for c in item.get("cities", []) if c not in plan_cities]
    if unknown:
        raise CatalogueError(f"{item['id']}: cities {unknown} are not prefecture-level units of the plan")
    return list(item.get("cities", []))


def plan_reach(polygons: gpd.GeoDataFrame) -> BaseGeometry:
    """The prefecture-level units that hold the plan area, whole: where a river item is drawn."""
    prefectures = set(polygons.loc[polygons["in_plan_area"], "prefecture"])
    return shapely.union_all(polygons[polygons["prefecture"].isin(prefectures)].geometry.to_numpy())


def attribution(item: dict, rule: str, geom: BaseGeometry | None, place_rows: list[pd.Series],
                counties: gpd.GeoDataFrame) -> Attribution:
    """The record's counties by its own definition (see geo.attribution), on the given boundaries."""
    try:
        if rule == "units":
            return attribute_units(item["units"], counties)
        if rule in ("at", "points"):
            return attribute_points(place_rows, counties)
        if rule == "through":
            return attribute_schematic_line(geom, place_rows, counties)
        if rule == "river":
            return attribute_river(geom, counties)
        return attribute_named_cities(named_cities(item, counties))
    except ValueError as exc:
        raise CatalogueError(f"{item['id']}: {exc}") from None


def build_catalogue(items: list[dict], places: gpd.GeoDataFrame, polygons: gpd.GeoDataFrame,
                    rivers: gpd.GeoDataFrame, full_counties: gpd.GeoDataFrame | None = None
                    ) -> gpd.GeoDataFrame:
    """Resolve every record: geometry, sources, and its counties and cities by its own definition,
    attributed on full_counties (full-resolution boundaries; the drawn polygons when not given)."""
    places_by_name = dict(zip(places["name_zh"], places.geometry))
    place_rows = places.set_index("name_zh", drop=False)
    counties = polygons if full_counties is None else full_counties
    reach = plan_reach(polygons)
    rows = []
    for item in items:
        geom, rule, names = item_geometry(item, places_by_name, polygons, rivers, reach)
        found = attribution(item, rule, geom, [place_rows.loc[n] for n in names], counties)
        entries = found.entries
        sources = [{k: s[k] for k in SOURCE_KEYS if k in s} for s in item["source"]]
        rows.append({
            "id": item["id"], "name_zh": item["name_zh"], "name_en": item["name_en"],
            "category": item["category"], "subtype": item["subtype"], "verb": item.get("verb", ""),
            "schematic": bool(item.get("schematic", rule != "at")) or rule == "through",
            "geometry_rule": rule, "places": names,
            "docs": sorted({s["doc"] for s in sources}, reverse=True),
            "sources": sources,
            "cities": list(dict.fromkeys(e["city"] for e in entries)),
            "counties": [e["county"] for e in entries if e["adcode"]],
            "county_adcodes": [e["adcode"] for e in entries if e["adcode"]],
            "attribution": entries,
            "outside": found.outside,
            "schematic_passage": found.passage,
            "located": rule != "unlocated",
            "unlocated_reason": item.get("unlocated", ""),
            "note": item.get("note", ""),
            "geometry": geom,
        })
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=WGS84)


def load_catalogue(data_dir: Path | None = None) -> gpd.GeoDataFrame:
    """The validated catalogue of both plans."""
    return read_layer(layer_path(CATALOGUE, data_dir), CATALOGUE)


def located(records: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The records that have a place to draw (an unlocated record is listed, never drawn)."""
    return records[records.geometry.notna() & ~records.geometry.is_empty]
