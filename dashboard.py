"""兰西城市群规划地图 — the Streamlit shell: the page's parts in order (each lives in app/)."""

from __future__ import annotations

import logging

import geopandas as gpd
import streamlit as st
from starlette.middleware import Middleware

from app.basemap_choices import basemap_choices
from app.below_fold import below_fold_ready, mark_painted
from app.cached_data import load_all, name_lookups
from app.compare_view import SIDE, compare_view, view_mode
from app.downloads import imported_downloads, record_downloads
from app.export_panel import export_panel
from app.first_screen import FirstScreenLinks
from app.focus import settle_focus
from app.ledger_panel import ledger_panel, shown_progress
from app.map_view import draw_map
from app.plain_text import as_text
from app.search import search_box
from app.shareable_state import (LAST_STATE, Vocabulary, filters_of, init_session, restore_lost_widgets,
                                 state_of, write_url)
from app.sidebar import county_options, sidebar
from app.static_files import StaticFiles
from app.statistics import nothing_matches, statistics
from app.table import table_section
from app.unit_filter import served_unit_values
from app.upload_panel import uploaded_rows
from app.warm_start import warm_start
from geo.filters import filter_catalogue
from geo.project_list import filter_imported
from geo.schema import DataFileError
from layers.labels import LANGUAGES, sources_line, t
from layers.tile_basemaps import TileBasemap

log = logging.getLogger("dashboard")
PAGE_TITLE = "兰西城市群规划地图 · Lanzhou–Xining Plan Map"


def vocabulary(data: dict[str, gpd.GeoDataFrame], basemaps: tuple[str, ...]) -> Vocabulary:
    """The values the URL's data-dependent parameters may take."""
    counties = data["counties"].sort_values("adcode")
    city_names, county_names = name_lookups()
    return Vocabulary(cities=tuple(dict.fromkeys(counties["prefecture"])), counties=tuple(counties["adcode"]),
                      basemaps=basemaps, record_ids=frozenset(data["catalogue"]["id"]),
                      place_ids=frozenset(data["places"]["id"]), city_names=city_names, county_names=county_names,
                      units=served_unit_values())


def loaded_data() -> dict[str, gpd.GeoDataFrame]:
    """The data every run reads; a missing or malformed file stops the page with a clear message."""
    try:
        return load_all()
    except DataFileError as exc:
        log.error("data file problem: %s", exc)
        st.error("\n\n".join(f"{t('data_error', lang)} {as_text(exc)}" for lang in LANGUAGES))
        st.stop()


def header(lang: str, tiles: TileBasemap | None, basemaps_problem: str) -> None:
    """Title, subtitle and any notices (bad link parameters, a bad basemaps file, a tile basemap's servers),
    values from outside shown as text."""
    st.markdown(f"### {t('title', lang)}")
    st.caption(t("subtitle", lang))
    for notice in st.session_state.get("notices", []):
        st.warning(f"{t('notice_bad_param', lang)}{as_text(notice)}")
    if basemaps_problem:
        st.warning(f"{t('basemaps_file_problem', lang)}{as_text(basemaps_problem)}")
    if tiles is not None:
        st.info(t("online_notice", lang).format(hosts=as_text(", ".join(tiles.hosts()))))


def main() -> None:
    st.set_page_config(page_title=PAGE_TITLE, layout="wide")
    basemaps, basemaps_problem = basemap_choices()
    data = loaded_data()
    vocab = vocabulary(data, tuple(basemaps))
    session = st.session_state
    init_session(session, dict(st.query_params), vocab, log)
    restore_lost_widgets(session, log)
    if session["w_county"] not in county_options(data["counties"], session["w_cities"]):
        session["w_county"] = ""
    settle_focus(session)
    state = session[LAST_STATE] = state_of(session, vocab)
    write_url(state, vocab, st.query_params)

    header(state.lang, basemaps.get(state.basemap), basemaps_problem)
    filtered = filter_catalogue(data["catalogue"], filters_of(state))
    find, mode = st.columns([3, 2], vertical_alignment="center")  # one row: the map starts high
    with find:
        search_box(state.lang)
    with mode:
        side_by_side = view_mode(state.lang) == SIDE
    nothing_matches(filtered, state.lang)
    ready = below_fold_ready()  # the first run of a session draws the first screen only
    imported = uploaded_rows(data["places"], data["counties"])
    imported = None if imported is None else filter_imported(imported, state.cities, state.county)
    progress = shown_progress(data["places"], data["counties"], data["catalogue"])
    painted = None if ready else mark_painted
    if side_by_side:  # the two documents side by side, and their change list
        compare_view(state, basemaps.get(state.basemap), filtered, painted, with_change_list=ready)
    else:
        draw_map(state, basemaps.get(state.basemap), filtered, imported, progress, painted)
    sidebar(vocab, data, basemaps, below_fold=ready)
    st.caption(sources_line(state.lang))
    if not ready:
        return
    statistics(filtered, data["catalogue"], state.lang, vocab.cities,
               state.located_only and bool(state.cities))
    table_section(filtered, state.lang, state.cities, progress)
    record_downloads(filtered, state.lang)
    ledger_panel(state, filtered, data)
    if imported is not None:
        imported_downloads(imported, state.lang)
    export_panel(state, filtered, vocab)


if __name__ == "__main__":  # each session's run of the page
    main()
else:  # `streamlit run dashboard.py` imports this module once to serve it: warm before listening
    app = st.App(__file__, lifespan=warm_start, middleware=[Middleware(FirstScreenLinks), Middleware(StaticFiles)])
