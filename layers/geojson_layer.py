"""One Leaflet GeoJSON layer styled, labelled and filtered by its features' own properties; its data
inline, or fetched once per page from a file the app serves (see layers.published)."""

from __future__ import annotations

from typing import Union

import geopandas as gpd
from shapely.geometry import mapping

from layers.map_scripts import ScriptCall

Source = Union[dict, str]
"""A GeoJSON FeatureCollection drawn inline, or the URL of one the app serves."""

STYLE = "sty"
TOOLTIP = "tip"
POPUP = "pop"
ID = "id"
"""Property names the layer reads: per-feature style, tooltip HTML, popup HTML and record id."""


class GeoJsonLayer(ScriptCall):
    """Features of a Source, each styled by its own `sty` (or one constant style), with optional
    tooltip and popup properties, optionally only those whose property is in a list, optionally in a
    named Leaflet pane (see base_map.MapPanes). Drawn by lxpmGeoJsonLayer (static/js/lxpm-map.js),
    which its map's page needs (base_map has it)."""

    def __init__(self, source: Source, *, style: dict | None = None, tooltip: str | None = None,
                 popup: str | None = None, sticky: bool = True, highlight: dict | None = None,
                 interactive: bool = True, match: tuple[str, list] | None = None,
                 popup_max_width: int = 360, pane: str | None = None) -> None:
        super().__init__("lxpmGeoJsonLayer", source, {
            "style": style, "style_property": STYLE, "tooltip": tooltip, "popup": popup,
            "sticky": sticky, "highlight": highlight, "interactive": interactive,
            "match": [match[0], list(match[1])] if match else None, "popup_max_width": popup_max_width,
            "pane": pane,
        }, compact=True)
        self._name = "GeoJsonLayer"
        self.source = source


def feature_collection(frame: gpd.GeoDataFrame, properties: dict[str, list]) -> dict:
    """A FeatureCollection of a frame's geometries with the given property columns."""
    names = list(properties)
    rows = zip(*properties.values()) if names else ((),) * len(frame)
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": dict(zip(names, values)), "geometry": mapping(geom)}
        for values, geom in zip(rows, frame.geometry)]}


def as_source(data: gpd.GeoDataFrame | Source, collection_of) -> Source:
    """A frame drawn inline (as collection_of makes it), or a Source passed through."""
    return collection_of(data) if isinstance(data, gpd.GeoDataFrame) else data
