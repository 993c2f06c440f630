"""What the map focuses, derived from the state: a place, a record, a county, a city or cities, else
the plan area. The most recent choice wins: a place or record it supersedes is cleared, so the state
(and the link copied from it) always names what the map shows."""

from __future__ import annotations

from collections.abc import MutableMapping

import geopandas as gpd
import streamlit as st
from shapely.geometry import mapping

from app.cached_data import load_all
from app.shareable_state import AppState
from geo.catalogue import located
from geo.focus_areas import area_outline, bounds_of, city_adcodes
from geo.gcj02 import geometry_to_gcj02
from layers import styles
from layers.focus import Focus
from layers.names import name_column

SOURCES = ("place", "selected", "county", "cities")
"""The state's focus choices, most specific first (a link, or several changed at once)."""
CLEARED_WHEN_SUPERSEDED = ("place", "selected")
"""Pure focus choices (not filters): dropped when a newer choice takes the map elsewhere."""
MEMORY = "focus_sources"


def _choices(session: MutableMapping[str, object]) -> dict[str, object]:
    return {"place": session.get("place", ""), "selected": session.get("selected", ""),
            "county": session.get("w_county", ""), "cities": tuple(session.get("w_cities") or ())}


def settle_focus(session: MutableMapping[str, object]) -> None:
    """Clear a place or record that a newer choice (county, city, record) supersedes."""
    now, before = _choices(session), session.get(MEMORY)
    changed = [s for s in SOURCES if now[s] and (before is None or now[s] != before.get(s))]
    if changed:
        newest = SOURCES.index(changed[0])
        for source in CLEARED_WHEN_SUPERSEDED:
            if SOURCES.index(source) < newest and now[source]:
                session[source] = now[source] = ""
    session[MEMORY] = now


@st.cache_resource(show_spinner=False, max_entries=128)
def area_focus(adcodes: tuple[str, ...], gcj02: bool) -> tuple[dict, tuple]:
    """The outline (GeoJSON geometry, simplified) and bounds of the union of some counties."""
    outline = area_outline(load_all()["counties"], list(adcodes), styles.FOCUS_SIMPLIFY_DEG)
    if gcj02:
        outline = geometry_to_gcj02(outline)
    return mapping(outline), bounds_of(outline)


@st.cache_resource(show_spinner=False)
def plan_area_bounds(gcj02: bool) -> tuple:
    """The bounds of the 39 counties."""
    counties = load_all()["counties"]
    return area_focus(tuple(sorted(counties["adcode"])), gcj02)[1]


def _point_focus(key: str, rows: gpd.GeoDataFrame, gcj02: bool, **extra) -> Focus | None:
    rows = located(rows)
    if rows.empty:
        return None
    geometry = rows.geometry.iloc[0]
    if gcj02:
        geometry = geometry_to_gcj02(geometry)
    point = (geometry.y, geometry.x) if geometry.geom_type == "Point" else None
    return Focus(key, bounds_of(geometry), point=point, **extra)


def focus_of(state: AppState, shown_ids: set[str], gcj02: bool) -> Focus:
    """The focus the state asks for (see SOURCES); a record only while it is shown."""
    data = load_all()
    if state.place:
        places = data["places"]
        hit = places[places["id"] == state.place]
        label = str(hit[name_column(state.lang)].iloc[0]) if len(hit) else ""
        found = _point_focus(f"place:{state.place}", hit, gcj02, label=label)
        if found:
            return found
    if state.selected in shown_ids:
        catalogue = data["catalogue"]
        found = _point_focus(f"sel:{state.selected}", catalogue[catalogue["id"] == state.selected], gcj02,
                             record=state.selected)
        if found:
            return found
    counties = data["counties"]
    adcodes = [state.county] if state.county else city_adcodes(counties, state.cities)
    if adcodes:
        outline, bounds = area_focus(tuple(adcodes), gcj02)
        return Focus("area:" + ",".join(adcodes), bounds, outline=outline)
    return Focus("", plan_area_bounds(gcj02))
