"""What a figure is asked for (FigureSpec), and the checks that refuse a spec or data it cannot draw."""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd

from figures.views import resolve_city
from geo.registry import BASE_LAYERS, PRESETS as VIEWS, SUBLAYER_BY_KEY as ALL_SUBLAYERS
from layers.labels import LANGUAGES

DATA_KEYS = ("counties", "plan_units", "context", "rivers", "lakes", "catalogue")
SIZE_RANGE = (200, 8000)
SCALE_RANGE = (0.25, 4.0)


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
    record_ids: tuple[str, ...] = ()  # records for 'current'
    compare: bool = False


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
    unknown = [k for k in spec.layers if k not in ALL_SUBLAYERS and k not in BASE_LAYERS]
    if unknown:
        raise ValueError(f"unknown layers {', '.join(unknown)}")


def check_data(data: dict[str, gpd.GeoDataFrame]) -> None:
    """Raise ValueError when the figure data lacks a layer."""
    missing = [k for k in DATA_KEYS if k not in data]
    if missing:
        raise ValueError(f"figure data lacks {', '.join(missing)}")


def spec_city(spec: FigureSpec, data: dict[str, gpd.GeoDataFrame]) -> str:
    """The Chinese name of the city view's prefecture ('' for other views); ValueError when unknown."""
    return resolve_city(spec.city, data["counties"], data["context"]) if spec.view == "city" else ""
