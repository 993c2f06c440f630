"""What a figure is asked for (FigureSpec), and the checks that refuse a spec or data it cannot draw."""

from __future__ import annotations

import math
from dataclasses import dataclass

import geopandas as gpd

from figures.views import resolve_city
from geo.filters import Filters
from geo.registry import BASE_LAYERS, PRESETS as VIEWS, SUBLAYER_BY_KEY as ALL_SUBLAYERS
from layers import styles
from layers.labels import LANGUAGES

DATA_KEYS = ("counties", "plan_units", "context", "rivers", "lakes", "catalogue")
SIZE_RANGE = (200, 8000)
SCALE_RANGE = (0.25, 4.0)
VIEW_RANGE = {"lat": (25.0, 46.0), "lon": (85.0, 120.0), "zoom": (styles.MIN_ZOOM, styles.MAX_ZOOM)}
"""The map views a figure may be centred on: around the plan area, at the dashboard's zoom levels."""


@dataclass(frozen=True)
class FigureSpec:
    """What to draw and how big: a preset view (or the dashboard's current view), language, size."""

    view: str  # fig1|fig3|fig4|fig5|city|current
    lang: str = "zh"
    city: str = ""
    width: int = 1920
    height: int = 1080
    scale: float = 2.0
    center: tuple[float, float] | None = None
    zoom: int | None = None
    layers: tuple[str, ...] = ()  # sublayer keys for 'current'
    record_ids: tuple[str, ...] | None = None  # records for 'current' (and a filtered 'city'); None: all
    compare: bool = False
    filters: Filters | None = None  # the dashboard's filter, named in the title ('current', filtered 'city')


def check_spec(spec: FigureSpec) -> None:
    """Raise ValueError with a clear message when the spec cannot be drawn."""
    if spec.view not in VIEWS:
        raise ValueError(f"unknown view {spec.view!r}: choose one of {', '.join(VIEWS)}")
    if spec.lang not in LANGUAGES:
        raise ValueError(f"unknown language {spec.lang!r}: choose one of {', '.join(LANGUAGES)}")
    low, high = SIZE_RANGE
    if not (low <= spec.width <= high and low <= spec.height <= high):
        raise ValueError(f"size {spec.width}x{spec.height} out of range: each side {low}–{high} px")
    if not SCALE_RANGE[0] <= spec.scale <= SCALE_RANGE[1]:
        raise ValueError(f"scale {spec.scale} out of range {SCALE_RANGE[0]}–{SCALE_RANGE[1]}")
    if spec.view == "city" and not spec.city.strip():
        raise ValueError("the city view needs a city, e.g. 兰州市")
    if (spec.center is None) != (spec.zoom is None):
        raise ValueError("give both center and zoom, or neither")
    if spec.center is not None:
        check_view(spec.center[0], spec.center[1], spec.zoom)
    unknown = [k for k in spec.layers if k not in ALL_SUBLAYERS and k not in BASE_LAYERS]
    if unknown:
        raise ValueError(f"unknown layers {', '.join(unknown)}")


def check_view(lat: float, lon: float, zoom: float) -> None:
    """Raise ValueError when a map view (centre and zoom) lies outside what the figures can draw."""
    for name, value, (low, high) in (("latitude", lat, VIEW_RANGE["lat"]), ("longitude", lon, VIEW_RANGE["lon"]),
                                     ("zoom", zoom, VIEW_RANGE["zoom"])):
        if not (isinstance(value, (int, float)) and math.isfinite(value) and low <= value <= high):
            raise ValueError(f"{name} {value} out of range {low}–{high}")


def check_data(data: dict[str, gpd.GeoDataFrame]) -> None:
    """Raise ValueError when the figure data lacks a layer."""
    missing = [k for k in DATA_KEYS if k not in data]
    if missing:
        raise ValueError(f"figure data lacks {', '.join(missing)}")


def spec_city(spec: FigureSpec, data: dict[str, gpd.GeoDataFrame]) -> str:
    """The Chinese name of the city view's prefecture ('' for other views); ValueError when unknown."""
    return resolve_city(spec.city, data["counties"], data["context"]) if spec.view == "city" else ""
