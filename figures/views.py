"""The preset views of the briefing figures: which records, base and extent each one draws."""

from __future__ import annotations

import math

import geopandas as gpd

from geo.catalogue import located
from geo.place_names import city_lookup, plan_cities, resolve
from geo.place_search import load_pinyin
from geo.registry import Preset, select_sublayers
from layers import styles

AREA_FILL_SCALES = {"plain": styles.FIGURE_AREA_FILL_SCALE, "circles": styles.FIGURE_CIRCLE_FILL_SCALE,
                    "city": styles.FIGURE_CITY_AREA_FILL_SCALE}


def area_fill_scale(view: Preset) -> float:
    """How strongly the view fills areas."""
    return AREA_FILL_SCALES[view.fill]


def resolve_city(name: str, counties: gpd.GeoDataFrame, context: gpd.GeoDataFrame) -> str:
    """The Chinese name of a plan-area prefecture given by any name the page shows; ValueError when unknown."""
    return resolve(city_lookup(counties, context, load_pinyin()), name, plan_cities(counties))


def view_rows(view: Preset, catalogue: gpd.GeoDataFrame, city: str = "", layers: tuple[str, ...] = (),
              record_ids: tuple[str, ...] | None = None) -> gpd.GeoDataFrame:
    """The catalogue records a view draws (those with a place); record_ids, when given, keeps only those."""
    catalogue = located(catalogue)
    if view.base == "city":
        rows = catalogue[catalogue["cities"].map(lambda cs: city in cs)]
    elif view.base == "current":
        rows = select_sublayers(catalogue, layers)
    else:
        return select_sublayers(catalogue, view.sublayers)
    return rows if record_ids is None else rows[rows["id"].isin(record_ids)]


def view_bounds(view: Preset, data: dict[str, gpd.GeoDataFrame], city: str = "") -> tuple[float, ...]:
    """(west, south, east, north) the figure is fitted to: the city's counties or the plan area."""
    if view.base == "city":
        counties = data["counties"]
        return tuple(float(v) for v in counties[counties["prefecture"] == city].total_bounds)
    return tuple(float(v) for v in data["plan_units"].total_bounds)


def visible_box(bounds: tuple[float, ...], width: int, height: int, center: tuple[float, float] | None = None,
                zoom: float | None = None, margin: float = 0.25) -> tuple[float, float, float, float]:
    """(west, south, east, north) a figure's map can show, with a margin: the basemap is clipped to it."""
    scale = min(width / styles.FIGURE_DESIGN_SIZE[0], height / styles.FIGURE_DESIGN_SIZE[1])
    map_w = max(width - styles.FIGURE_PANEL_WIDTH * scale, 1.0)
    map_h = max(height - (styles.FIGURE_TITLE_BAND + 3 * styles.FIGURE_SOURCE_SIZE) * scale, 1.0)
    if center is not None and zoom is not None:
        lat, lon = center
        half_w = map_w / 2 * 360 / (256 * 2 ** zoom)
        half_h = map_h / 2 * 360 / (256 * 2 ** zoom) * math.cos(math.radians(lat))
    else:
        west, south, east, north = bounds
        lat, lon = (south + north) / 2, (west + east) / 2
        shrink = math.cos(math.radians(lat))  # a degree of longitude is this much of one of latitude
        half_w = max((east - west) / 2, (north - south) / 2 / shrink * map_w / map_h)
        half_h = max((north - south) / 2, half_w * shrink * map_h / map_w)
    half_w, half_h = half_w * (1 + margin), half_h * (1 + margin)
    return lon - half_w, lat - half_h, lon + half_w, lat + half_h


def clip(frame: gpd.GeoDataFrame, box: tuple[float, float, float, float]) -> gpd.GeoDataFrame:
    """The features of a basemap layer cut to a box (empty ones dropped)."""
    clipped = frame.set_geometry(frame.geometry.clip_by_rect(*box))
    return clipped[~clipped.geometry.is_empty]
