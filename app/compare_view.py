"""Between the two documents: two maps side by side (pan and zoom linked, each showing only what its
document names) and the change list (carried on / new / not named again), with its CSV."""

from __future__ import annotations

from collections.abc import Callable

import folium
import geopandas as gpd
import pandas as pd
import streamlit as st
from branca.element import Figure
from folium.plugins import DualMap

from app.cached_data import is_gcj02, map_data, members, served
from app.map_component import COMPARE_MAP_GLOBALS, show_map
from app.map_view import build_base, shown_legend
from app.shareable_state import VIEW_MODES, AppState
from app.table import follow_pick
from geo import compare
from geo.catalogue import located
from geo.documents import DocumentSet, read_documents
from geo.registry import SUBLAYERS
from layers.base_map import pane_name
from layers.highlight import highlight_group
from layers.labels import CATEGORY_LABELS, label, t
from layers.layer_control import GroupedLayers
from layers.map_legend import legend_of
from layers.map_parts import map_parts
from layers.names import name_column
from layers.offline_assets import STREAMLIT_PREFIX, make_offline
from layers.render_cache import stable_ids
from layers.sublayers import sublayer_group
from layers.tile_basemaps import TileBasemap

VIEW_KEY = "w_view_mode"
ONE, SIDE = VIEW_MODES
COMPARE_MAP_KEY = "compare_map"
FOCUS_ZOOM = 9
SYNC_JS = {"leaflet_sync": "sync/L.Map.Sync.js"}
"""Leaflet.Sync, vendored from npm (static/vendor/sync): DualMap's own default is a CDN."""


class SideBySide(DualMap):
    """folium's DualMap over two maps made elsewhere (our offline base maps), side by side; its
    script syncs them (the page's map component mounts them)."""

    def __init__(self, left: folium.Map, right: folium.Map, prefix: str = STREAMLIT_PREFIX) -> None:
        folium.MacroElement.__init__(self)
        self._name = "DualMap"
        for m, x in ((left, 0.0), (right, 50.0)):
            m.width, m.height, m.left, m.top, m.position = (50.0, "%"), (100.0, "%"), (x, "%"), (0.0, "%"), "absolute"
        self.m1, self.m2 = left, right
        figure = Figure()
        figure.add_child(left)
        figure.add_child(right)
        figure.add_child(self)  # last, as DualMap does: its script runs once both maps exist
        self.children_for_m2, self.children_for_m2_copied = [], []
        make_offline(self, prefix, js=SYNC_JS, css={})


def view_mode(lang: str, documents: DocumentSet | None = None) -> str:
    """The view-mode radio, two short options: one map, or the default pair's two maps side by side (named
    by their tags, 2018 ↔ 2022: the documents' names are on the maps)."""
    docs = documents or read_documents()
    pair = f"{docs[docs.default_from].tag} ↔ {docs[docs.default_to].tag}"
    names = {ONE: t("view_one", lang), SIDE: f"{t('view_side', lang)} {pair}"}
    return st.radio(t("view_mode", lang), (ONE, SIDE), format_func=names.get, horizontal=True, key=VIEW_KEY,
                    label_visibility="collapsed")


def drawn_ids(table: pd.DataFrame, pair: compare.Pair) -> tuple[list[str], list[str]]:
    """The ids each map draws: the earlier document's (both + its only) and the later's."""
    both = table["status"] == compare.BOTH
    return (list(table.loc[both | (table["status"] == pair.from_tag), "id"]),
            list(table.loc[both | (table["status"] == pair.to_tag), "id"]))


def _add_records(m: folium.Map, state: AppState, records, ids: list[str], base_layers: list) -> None:
    """The chosen sub-layers' records of one document, the highlight of the selected one, the legend of
    what is drawn (folded on a narrow map, as the single map's) and the layer control."""
    if state.selected in ids:
        highlight_group(records, state.selected, state.lang, pane_name("highlight")).add_to(m)
    by_sublayer, lang = members(), state.lang
    control, shown = {t("group_base", lang): base_layers}, []
    for sub in SUBLAYERS:
        if sub.key in state.layers:
            drawn = [i for i in ids if i in by_sublayer[sub.key]]
            group = sublayer_group(sub, lang, records, drawn, pane_name("records")).add_to(m)
            control.setdefault(t(f"group_{sub.group}", lang), []).append(group)
            shown += drawn
    entries = shown_legend(tuple(sorted(set(shown))), lang, False, "counties" in state.layers)
    legend_of(entries, lang).add_to(m)
    GroupedLayers(control, collapsed=True).add_to(m)


def focus_view(filtered: gpd.GeoDataFrame, selected: str, view: tuple) -> tuple[float, float, int]:
    """The view: on the selected record (if it has a place), else the session's."""
    hit = located(filtered[filtered["id"] == selected])
    if hit.empty:
        return view[0], view[1], view[2]
    geom = hit.geometry.iloc[0]
    point = geom.representative_point() if geom.geom_type.endswith("Point") else geom.envelope.centroid
    return point.y, point.x, max(int(view[2]), FOCUS_ZOOM) if geom.geom_type.endswith("Point") else int(view[2])


def side_by_side(state: AppState, tiles: TileBasemap | None, filtered: gpd.GeoDataFrame,
                 table: pd.DataFrame, pair: compare.Pair, documents: DocumentSet,
                 on_painted: Callable[[], None] | None = None) -> None:
    """The two maps, the earlier document's left, each under its document's name."""
    view = focus_view(filtered, state.selected, st.session_state["view"])
    ids_from, ids_to = drawn_ids(table, pair)
    with stable_ids():  # the same pair twice renders the same text: the page keeps its maps
        (left, left_base), (right, right_base) = (build_base(state, tiles, view, alias=f"lxpm_{side}")
                                                  for side in ("left", "right"))
        records = served(map_data("catalogue", is_gcj02(tiles), state.lang, False))
        _add_records(left, state, records, ids_from, left_base)
        _add_records(right, state, records, ids_to, right_base)
        parts = map_parts(SideBySide(left, right).get_root())
    c1, c2 = st.columns(2)
    for col, doc, n in ((c1, pair.from_id, len(ids_from)), (c2, pair.to_id, len(ids_to))):
        col.markdown(f"**{documents[doc].title(state.lang)}** · {n}")
    show_map(parts, COMPARE_MAP_KEY, COMPARE_MAP_GLOBALS, on_painted=on_painted)
    st.caption(t("compare_same_view", state.lang))


def status_label(status: str, pair: compare.Pair, documents: DocumentSet, lang: str) -> str:
    """A group's name in the language (the document named by its short name)."""
    if status == compare.BOTH:
        return t("compare_status_both", lang)
    key, doc = (("compare_status_to", pair.to_id) if status == pair.to_tag else ("compare_status_from", pair.from_id))
    return t(key, lang).format(doc=documents[doc].short(lang))


def counts_frame(table: pd.DataFrame, pair: compare.Pair, documents: DocumentSet, lang: str) -> pd.DataFrame:
    """The counts by category and group, labelled in the language (categories with none left out)."""
    grid = compare.counts(table, pair)
    grid = grid[(grid.sum(axis=1) > 0) | (grid.index == "total")]
    grid.index = [t("compare_total", lang) if c == "total" else label(CATEGORY_LABELS, c, lang) for c in grid.index]
    grid.columns = [status_label(s, pair, documents, lang) for s in grid.columns]
    return grid


def shown_rows(table: pd.DataFrame, pair: compare.Pair, documents: DocumentSet, lang: str) -> pd.DataFrame:
    """The change list as shown: both documents' section and quote side by side, the verbs where
    they changed, and the rename or merge note."""
    f, to = pair.from_tag, pair.to_tag
    short = {d: documents[d].short(lang) for d in (pair.from_id, pair.to_id)}
    names = table[name_column(lang)] if not table.empty else table["name_zh"]
    changed = table.apply(lambda r: f"{r[f'verb_{f}']} → {r[f'verb_{to}']}" if r["verb_changed"] else "", axis=1) \
        if not table.empty else table["id"]
    return pd.DataFrame({
        t("col_name", lang): names,
        t("col_cities", lang): table["cities"].map("、".join),
        t("compare_status", lang): table["status"].map(lambda s: status_label(s, pair, documents, lang)),
        f"{t('col_section', lang)} · {short[pair.from_id]}": table[f"section_{f}"],
        f"{t('col_quote', lang)} · {short[pair.from_id]}": table[f"quote_{f}"],
        f"{t('col_section', lang)} · {short[pair.to_id]}": table[f"section_{to}"],
        f"{t('col_quote', lang)} · {short[pair.to_id]}": table[f"quote_{to}"],
        t("compare_verb_changed", lang): changed,
        t("compare_link", lang): table["link_note"],
    }).reset_index(drop=True)


def change_list(table: pd.DataFrame, pair: compare.Pair, documents: DocumentSet, lang: str) -> None:
    """Counts on top, then the rows; a clicked row becomes the selected record (both maps follow)."""
    st.markdown(f"#### {t('compare_title', lang)}")
    grid = counts_frame(table, pair, documents, lang)
    for col, status in zip(st.columns(3), grid.columns):
        col.metric(status, int(grid.iloc[-1][status]))
    if table.empty:
        st.info(t("compare_empty", lang))
        return
    st.dataframe(grid, width="stretch")
    st.caption(t("compare_click", lang))
    event = st.dataframe(shown_rows(table, pair, documents, lang), hide_index=True, width="stretch",
                         on_select="rerun", selection_mode="single-row", key="compare_table")
    follow_pick(event, table["id"], "compare_rows")
    st.download_button(t("compare_download", lang), compare.to_csv(table, pair).encode("utf-8-sig"),
                       f"lanxi-{pair.from_tag}-{pair.to_tag}.csv", "text/csv", on_click="ignore")


def compare_view(state: AppState, tiles: TileBasemap | None, filtered: gpd.GeoDataFrame,
                 on_painted: Callable[[], None] | None = None, with_change_list: bool = True) -> None:
    """The side-by-side maps and (below them, once they have painted) the change list of the
    current filter (default pair)."""
    documents = read_documents()
    pair = compare.pair_of(documents)
    table = compare.change_list(filtered, documents, pair)
    side_by_side(state, tiles, filtered, table, pair, documents, on_painted)
    if with_change_list:
        change_list(table, pair, documents, state.lang)
