"""The constant base map: an offline Leaflet map with no tiles, scale bar and north arrow, and on
the app's pages the map tools (fullscreen, measure, coordinates)."""

from __future__ import annotations

import folium

from layers import styles
from layers.map_scripts import OwnScripts, ScriptCall
from layers.map_tools import add_map_tools
from layers.offline_assets import STREAMLIT_PREFIX, is_served, make_offline


def pane_name(key: str) -> str:
    """The Leaflet pane of a dashboard layer (see styles.PANES)."""
    return f"lxpm-{key}"


class MapPanes(ScriptCall):
    """The panes that fix the stacking of layers whatever order their data arrives in."""

    def __init__(self) -> None:
        super().__init__("lxpmPanes", [[pane_name(k), z] for k, z in styles.PANES.items()])
        self._name = "MapPanes"


class ViewInUrl(ScriptCall):
    """Mirror the map view into the page URL and start a rebuilt map from it."""

    def __init__(self, interval_ms: int = 1000, restore_delay_ms: int = 60) -> None:
        super().__init__("lxpmViewInUrl", {"interval_ms": interval_ms, "restore_delay_ms": restore_delay_ms})
        self._name = "ViewInUrl"


class NorthArrow(ScriptCall):
    """A north arrow control (the map is north-up: Web Mercator)."""

    def __init__(self, label: str = "North") -> None:
        super().__init__("lxpmNorthArrow", {"label": label})
        self._name = "NorthArrow"


def base_map(prefix: str = STREAMLIT_PREFIX, center: tuple[float, float] = styles.DEFAULT_CENTER,
             zoom: int = styles.DEFAULT_ZOOM, north_label: str = "N", sync_view: bool = False,
             lang: str = "zh", tools: bool | None = None, inline_scripts: bool | None = None) -> folium.Map:
    """A tile-less map with offline assets, a metric scale bar and a north arrow.

    prefix is the URL of static/vendor. On a page the app serves (a server path) our scripts are
    linked and the map tools shown; on a standalone page (file://, the figures) the scripts are
    inlined and there are no tools, unless tools/inline_scripts say otherwise."""
    served = is_served(prefix)
    m = folium.Map(location=list(center), zoom_start=zoom, tiles=None, control_scale=True,
                   min_zoom=styles.MIN_ZOOM, max_zoom=styles.MAX_ZOOM, zoom_snap=styles.ZOOM_SNAP,
                   prefer_canvas=False, attr=None)
    make_offline(m, prefix)
    OwnScripts(prefix, inline=not served if inline_scripts is None else inline_scripts).add_to(m)
    ScriptCall("lxpmBackground", styles.BACKGROUND).add_to(m)
    MapPanes().add_to(m)
    NorthArrow(north_label).add_to(m)
    if served if tools is None else tools:
        add_map_tools(m, lang, prefix)
    if sync_view:  # the dashboard's map: it fills its frame, and keeps its view in the URL
        ScriptCall("lxpmFillFrame").add_to(m)
        ViewInUrl().add_to(m)
    return m
