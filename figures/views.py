"""The preset views of the briefing figures: which records, base and extent each one draws."""

from __future__ import annotations

import math
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from layers import ecology, projects, structure, styles, transport
from layers.sublayers import Sublayer

ALL_SUBLAYERS: dict[str, Sublayer] = {
    s.key: s for s in (*structure.SUBLAYERS, *ecology.SUBLAYERS, *transport.SUBLAYERS, *projects.SUBLAYERS)}
BASE_LAYERS = ("counties", "units", "labels")
"""The dashboard's base toggles, also accepted in FigureSpec.layers of the 'current' view."""


ALL = ("*",)
"""View.label_subtypes meaning: label every point record."""


@dataclass(frozen=True)
class View:
    """A preset: its base drawing, the sub-layers it shows and which point records get a name label."""

    key: str
    base: str  # "prefectures" (counties by prefecture) | "plain" (plan area) | "city" | "current"
    sublayers: tuple[str, ...] = ()
    label_subtypes: tuple[str, ...] = ()  # ALL: every point record
    area_fill_scale: float = styles.FIGURE_AREA_FILL_SCALE

    def labels(self, subtype: str) -> bool:
        """Whether point records of the subtype get a name label."""
        return subtype in self.label_subtypes or self.label_subtypes == ALL


VIEWS: dict[str, View] = {
    "fig1": View("fig1", "prefectures"),
    # The plan's Figure 3 is 一带双圈多节点: the belt, the circles and the nodes (the platforms, several of
    # them as large as a city, are in the city views).
    "fig3": View("fig3", "plain", ("belt_circles", "nodes"), ("node_city", "node_town", "new_city"),
                 styles.FIGURE_CIRCLE_FILL_SCALE),
    # The plan's Figure 4: barriers, the Yellow River protection belt, the corridors, the six governance
    # zones (the ecological projects, many along the same rivers, are in the city views).
    "fig4": View("fig4", "plain", ("eco_frame", "eco_zones")),
    "fig5": View("fig5", "plain", tuple(s.key for s in transport.SUBLAYERS), ("airport",)),
    "city": View("city", "city", (), ALL, styles.FIGURE_CITY_AREA_FILL_SCALE),
    "current": View("current", "current"),
}
PRESETS = ("fig1", "fig3", "fig4", "fig5", "city")
"""The views the command line exports ('current' needs the dashboard's state)."""


def plan_cities(counties: gpd.GeoDataFrame) -> tuple[str, ...]:
    """The prefecture-level cities of the plan area, in adcode order."""
    return tuple(dict.fromkeys(counties.sort_values("adcode")["prefecture"]))


def resolve_city(name: str, counties: gpd.GeoDataFrame, context: gpd.GeoDataFrame) -> str:
    """The Chinese name of a plan-area prefecture given in Chinese or English; ValueError when unknown."""
    cities = plan_cities(counties)
    wanted = name.strip()
    if wanted in cities:
        return wanted
    english = context[(context["level"] == "prefecture") & context["name_zh"].isin(cities)]
    for zh, en in zip(english["name_zh"], english["name_en"]):
        if wanted.lower() in (en.lower(), en.split(" ")[0].lower()):
            return zh
    raise ValueError(f"unknown city {name!r}: choose one of {', '.join(cities)}")


def city_name(city: str, lang: str, context: gpd.GeoDataFrame) -> str:
    """A prefecture's name in the language (English from the context layer)."""
    if lang == "zh":
        return city
    hit = context[(context["level"] == "prefecture") & (context["name_zh"] == city)]
    return str(hit["name_en"].iloc[0]) if not hit.empty else city


def select_sublayers(catalogue: gpd.GeoDataFrame, keys: tuple[str, ...]) -> gpd.GeoDataFrame:
    """The records of the given sub-layers, each once, in catalogue order."""
    parts = [ALL_SUBLAYERS[k].select(catalogue) for k in keys if k in ALL_SUBLAYERS]
    if not parts:
        return catalogue.iloc[0:0]
    rows = pd.concat(parts)
    return catalogue.loc[catalogue.index.isin(rows.index)]


def view_rows(view: View, catalogue: gpd.GeoDataFrame, city: str = "", layers: tuple[str, ...] = (),
              record_ids: tuple[str, ...] = ()) -> gpd.GeoDataFrame:
    """The catalogue records a view draws."""
    if view.base == "city":
        return catalogue[catalogue["cities"].map(lambda cs: city in cs)]
    if view.base == "current":
        rows = select_sublayers(catalogue, layers)
        return rows[rows["id"].isin(record_ids)] if record_ids else rows
    return select_sublayers(catalogue, view.sublayers)


def view_bounds(view: View, data: dict[str, gpd.GeoDataFrame], city: str = "") -> tuple[float, ...]:
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
