"""Every layer of the project loaded and validated in one call, and what a browser draws of them."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo.catalogue import load_catalogue, located
from geo.context import as_border_lines, load_context
from geo.counties import load_counties
from geo.gazetteer import load_places
from geo.gcj02 import geometry_to_gcj02
from geo.lakes import load_lakes
from geo.ledger.tasks import read_tasks
from geo.plan_units import load_plan_units, unit_outlines
from geo.rivers import load_rivers
from geo.schema import PROVINCES
from geo.web_geometry import for_web

LOADERS = {"counties": load_counties, "plan_units": load_plan_units, "context": load_context,
           "rivers": load_rivers, "lakes": load_lakes, "catalogue": load_catalogue, "places": load_places}


def load_all(data_dir: Path | None = None) -> dict[str, gpd.GeoDataFrame]:
    """Every layer, validated (DataFileError names a missing or malformed file); the 2022 plan's
    tasks (their text is derived data too) are read and checked with them."""
    layers = {name: load(data_dir) for name, load in LOADERS.items()}
    read_tasks(data_dir=data_dir)
    return layers


def drawn_context(context: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The context as drawn: counties of the two provinces, their prefecture and province borders as
    lines (each shared border once: half the bytes), and the neighbouring provinces."""
    core = context["province"].isin(PROVINCES)
    return pd.concat([
        context[(context["level"] == "county") & core],
        as_border_lines(context[core], "prefecture"),
        as_border_lines(context[core], "province"),
        context[(context["level"] == "province") & ~core],
    ], ignore_index=True)


def to_gcj02(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """A copy shifted to GCJ-02: only to sit on AMap's tiles."""
    return frame.set_geometry(frame.geometry.map(geometry_to_gcj02))


def web_layers(data: dict[str, gpd.GeoDataFrame], gcj02: bool = False) -> dict[str, gpd.GeoDataFrame]:
    """What the browser draws: only the parts shown, coordinates on a 10 m grid, in GCJ-02 on request."""
    layers = {"counties": data["counties"], "unit_outlines": unit_outlines(data["plan_units"]),
              "context": drawn_context(data["context"]), "rivers": data["rivers"], "lakes": data["lakes"],
              "catalogue": located(data["catalogue"])}
    if gcj02:
        layers = {k: to_gcj02(v) for k, v in layers.items()}
    return {k: for_web(v) for k, v in layers.items()}
