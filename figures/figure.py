"""One briefing figure (a preset or the dashboard's current view) as a standalone Folium map page."""

from __future__ import annotations

import folium
import geopandas as gpd

from figures.base_drawing import (city_group, city_outline_group, figure_items_layer, plan_area_group,
                                  plan_outline_group)
from figures.legend import figure_legend
from figures.name_labels import county_names_group, prefecture_labels_group, record_labels_group
from figures.page import FigureReady, add_page, page_overlays
from figures.spec import FigureSpec, check_data, check_spec, spec_city
from figures.texts import view_texts
from figures.views import area_fill_scale, clip, view_bounds, view_rows, visible_box
from geo.registry import PRESETS as VIEWS, Preset
from layers.names import prefecture_name as city_name
from layers.base_map import base_map
from layers.basemap_layers import context_group, water_group
from layers.counties import counties_group, plan_units_group
from layers.labels import t
from layers.offline_assets import VENDOR_DIR

FIGURE_PREFIX = VENDOR_DIR.as_uri()
"""The vendored scripts and styles as file:// URLs: a figure page loads nothing from a server."""


def _base_groups(view: Preset, spec: FigureSpec, data: dict, city: str) -> tuple[list, list]:
    """The groups drawn under the water (fills, outlines) and over everything (county labels)."""
    counties, lang, layers = data["counties"], spec.lang, set(spec.layers)
    under, over = [], []
    if view.base == "prefectures" or (view.base == "current" and "counties" in layers):
        under += [counties_group(counties, lang), plan_units_group(data["plan_units"], lang),
                  plan_outline_group(counties)]
        over.append(county_names_group(counties, lang))
    elif view.base == "city":
        under.append(city_group(counties, city))
        over += [city_outline_group(counties, city),
                 county_names_group(counties[counties["prefecture"] == city], lang)]
    else:
        under.append(plan_area_group(counties))
    if view.base == "current":
        if "units" in layers:
            under.append(plan_units_group(data["plan_units"], lang))
        if "labels" in layers and "counties" not in layers:
            over.append(county_names_group(counties, lang))
        if "labels" not in layers:
            over = []
    return under, over


def figure_map(spec: FigureSpec, data: dict[str, gpd.GeoDataFrame], show_title: bool = True) -> folium.Map:
    """The figure as a Folium map laid out as a page: title, legend, north arrow, scale bar, sources."""
    check_spec(spec)
    check_data(data)
    view, city, lang = VIEWS[spec.view], spec_city(spec, data), spec.lang
    rows = view_rows(view, data["catalogue"], city, spec.layers, spec.record_ids)
    texts = view_texts(spec, view, rows, city, data)
    m = base_map(prefix=FIGURE_PREFIX, north_label=t("north", lang))
    m.control_scale = False  # FigureReady adds a metric-only scale bar sized for the page
    m.options.update(zoom_control=False, attribution_control=False, zoom_snap=0.05, zoom_delta=0.5,
                     fade_animation=False, zoom_animation=False)
    bounds = view_bounds(view, data, city)
    box = visible_box(bounds, spec.width, spec.height, spec.center, spec.zoom)
    under, over = _base_groups(view, spec, data, city)
    for group in [context_group(clip(data["context"], box)), *under,
                  water_group(clip(data["rivers"], box), clip(data["lakes"], box))]:
        group.add_to(m)
    items = figure_items_layer(rows, spec.compare, area_fill_scale(view))
    if items is not None:
        items.add_to(folium.FeatureGroup(name="records", control=False).add_to(m))
    if view.base == "plain":
        names = {c: city_name(c, lang, data["context"]) for c in data["counties"]["prefecture"].unique()}
        prefecture_labels_group(data["counties"], lang, names).add_to(m)
    labelled = rows[rows["subtype"].map(view.labels)]
    if not labelled.empty:
        record_labels_group(labelled, lang).add_to(m)
    for group in over:  # outlines and county names on top
        group.add_to(m)
    badge = t("fig_schematic", lang) if texts.schematic else ""
    legend, solid = figure_legend(view, spec, rows, data, city, texts)
    overlays = page_overlays(texts.title, texts.subtitle, badge, legend, texts.sources, show_title,
                             solid_swatches=solid)
    add_page(m, spec.width, spec.height, overlays)
    FigureReady(spec.width, spec.height, bounds=bounds, center=spec.center, zoom=spec.zoom).add_to(m)
    return m


def figure_html(spec: FigureSpec, data: dict[str, gpd.GeoDataFrame], show_title: bool = True) -> str:
    """A complete standalone HTML page of the figure (vendored assets by file://; no network)."""
    return figure_map(spec, data, show_title).get_root().render()
