"""The map: a constant base map, the layers that change with the filters, the legend, and the click
that makes a county the filter."""

from __future__ import annotations

from collections.abc import Callable

import folium
import geopandas as gpd
import streamlit as st

from app.cached_data import county_labels, ids_key, is_gcj02, load_all, map_data, members, prefecture_names, served
from app.focus import focus_of
from app.map_component import MAIN_MAP_GLOBAL, clicked_id, show_map
from app.shareable_state import AppState
from geo.plan_data import to_gcj02
from geo.registry import BASE_LAYERS, SUBLAYERS
from layers.base_map import base_map, pane_name
from layers.basemap_layers import context_group, water_group
from layers.counties import counties_group, county_labels_group, plan_units_group
from layers.focus import focus_group
from layers.highlight import highlight_group
from layers.imported_projects import imported_group
from layers.labels import t
from layers.layer_control import GroupedLayers, expose
from layers.map_legend import legend_entries, legend_of
from layers.map_parts import MapParts, map_parts
from layers.progress_legend import progress_legend
from layers.sublayers import sublayer_group
from layers.render_cache import install as install_render_cache
from layers.render_cache import stable_ids
from layers.tile_basemaps import TileBasemap, add_tiles

MAP_KEY = "map"
install_render_cache()


def clicked_county(adcode: str | None, counties: gpd.GeoDataFrame) -> tuple[str, str] | None:
    """(prefecture, adcode) of a clicked county (a county feature's id is its adcode); None for any other."""
    hit = counties[counties["adcode"] == adcode] if isinstance(adcode, str) else counties.iloc[0:0]
    return (hit["prefecture"].iloc[0], adcode) if len(hit) else None


def on_map_click() -> None:
    """A click on a county makes it (and its city) the filter."""
    hit = clicked_county(clicked_id(st.session_state.get(MAP_KEY)), load_all()["counties"])
    if hit:
        st.session_state["w_cities"] = [hit[0]]
        st.session_state["w_county"] = hit[1]


def build_base(state: AppState, tiles: TileBasemap | None, view: tuple,
               alias: str = "lxpm_base") -> tuple[folium.Map, list]:
    """The constant part of the map (changes only with the basemap, language and base layers), and
    its toggleable layers as the layer control names them (globals named alias_<layer>: two maps on
    one page need two aliases). Its data is fetched, not sent."""
    m = base_map(center=(view[0], view[1]), zoom=view[2], sync_view=True, lang=state.lang)
    gcj02, lang = is_gcj02(tiles), state.lang
    if tiles is not None:
        add_tiles(m, tiles)
    context_group(served(map_data("context", gcj02, filled=tiles is None)), pane=pane_name("context")).add_to(m)
    if tiles is None:
        water_group(served(map_data("water", gcj02)), pane=pane_name("water")).add_to(m)
    makers = {
        "counties": lambda: counties_group(served(map_data("counties", gcj02, lang)), lang, pane_name("counties")),
        "units": lambda: plan_units_group(served(map_data("units", gcj02)), lang, pane_name("units")),
        "labels": lambda: county_labels_group(county_labels(gcj02, lang), lang),
    }
    exposed = [expose(makers[key]().add_to(m), m, f"{alias}_{key}") for key in BASE_LAYERS if key in state.layers]
    return m, exposed


def shown_legend(ids: tuple[str, ...], lang: str, compare: bool, with_counties: bool) -> list:
    """The legend entries of the records drawn (by id)."""
    return _legend(ids, ids_key(ids), lang, compare, with_counties)


@st.cache_resource(show_spinner=False, max_entries=256)
def _legend(_ids: tuple[str, ...], key: str, lang: str, compare: bool, with_counties: bool) -> list:
    data = load_all()
    catalogue, counties = data["catalogue"], data["counties"]
    return legend_entries(catalogue[catalogue["id"].isin(_ids)], lang, compare,
                          counties if with_counties else None, prefecture_names(lang))


def dynamic_groups(state: AppState, tiles: TileBasemap | None, base_layers: list, filtered_ids: list[str],
                   progress: dict[str, str] | None = None):
    """The feature groups that change with the filters (record ids over the served data, coloured by
    a filled ledger's progress when given), the layer control over all groups, and the ids drawn."""
    lang, gcj02 = state.lang, is_gcj02(tiles)
    focus = focus_of(state, set(filtered_ids), gcj02)
    groups = [focus_group(focus, pane_name("mask"), pane_name("selected"))]
    control = {t("group_base", lang): base_layers}
    records = served(map_data("catalogue", gcj02, lang, state.compare,
                              progress=tuple(sorted(progress.items())) if progress else ()))
    if state.selected in filtered_ids:
        groups.append(highlight_group(records, state.selected, lang, pane_name("highlight")))
    shown, by_sublayer = [], members()
    for sub in SUBLAYERS:
        if sub.key not in state.layers:
            continue
        ids = [i for i in filtered_ids if i in by_sublayer[sub.key]]
        group = sublayer_group(sub, lang, records, ids, pane_name("records"))
        groups.append(group)
        control.setdefault(t(f"group_{sub.group}", lang), []).append(group)
        shown += ids
    return groups, control, tuple(dict.fromkeys(shown))


def draw_map(state: AppState, tiles: TileBasemap | None, filtered: gpd.GeoDataFrame,
             imported: gpd.GeoDataFrame | None, progress: dict[str, str] | None = None,
             on_painted: Callable[[], None] | None = None) -> None:
    """The map with the filtered records (coloured by a filled ledger's progress, when given), the
    imported rows (if any) and the legend of what is drawn, framed on the state's focus; on_painted
    runs once it has drawn (when given)."""
    parts = map_parts_of(state, tiles, filtered, imported, st.session_state["view"], progress)
    show_map(parts, MAP_KEY, (MAIN_MAP_GLOBAL,), on_click=on_map_click, on_painted=on_painted)


def map_parts_of(state: AppState, tiles: TileBasemap | None, filtered: gpd.GeoDataFrame,
                 imported: gpd.GeoDataFrame | None, view: tuple,
                 progress: dict[str, str] | None = None) -> MapParts:
    """The map of a state as the page's component draws it: its base and the layers of the filter."""
    with stable_ids():  # the same map twice renders the same text: nothing to compile again
        m, base_layers = build_base(state, tiles, view)
        groups, control, shown_ids = dynamic_groups(state, tiles, base_layers, list(filtered["id"]), progress)
        if imported is not None:
            group = imported_group(to_gcj02(imported) if is_gcj02(tiles) else imported, state.lang)
            groups.append(group)
            control[t("layer_imported", state.lang)] = [group]
        if progress:
            groups.append(progress_legend(shown_ids, progress, state.lang))
        else:
            groups.append(legend_of(shown_legend(tuple(sorted(shown_ids)), state.lang, state.compare,
                                                 "counties" in state.layers), state.lang))
        return map_parts(m, [*groups, GroupedLayers(control, collapsed=True)])
