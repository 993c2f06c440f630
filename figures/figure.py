"""Briefing figures: the plan's figures (and the dashboard's current view) as standalone map pages."""

from __future__ import annotations

from dataclasses import dataclass, replace

import folium
import geopandas as gpd

from figures.base_drawing import (base_legend_entries, category_legend_entries, city_group, city_outline_group,
                                  county_names_group, figure_items_layer, plan_area_group, plan_outline_group,
                                  prefecture_labels_group, record_labels_group)
from figures.page import FigureReady, add_page, page_overlays
from figures.sources import source_text
from figures.views import (ALL_SUBLAYERS, BASE_LAYERS, VIEWS, View, city_name, clip, resolve_city, view_bounds,
                           view_rows, visible_box)
from layers import styles
from layers.base_map import base_map
from layers.basemap_layers import context_group, water_group
from layers.counties import counties_group, plan_units_group
from layers.labels import LANGUAGES, t
from layers.legend import LegendEntry, legend_html
from layers.map_legend import legend_entries
from layers.offline_assets import VENDOR_DIR

FIGURE_PREFIX = VENDOR_DIR.as_uri()
"""The vendored scripts and styles as file:// URLs: a figure page loads nothing from a server."""
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


@dataclass(frozen=True)
class FigureTexts:
    """The words of a figure: title, subtitle, source line, notes, whether it is schematic."""

    title: str
    subtitle: str
    sources: str
    notes: tuple[str, ...]
    schematic: bool


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


def _check_data(data: dict[str, gpd.GeoDataFrame]) -> None:
    missing = [k for k in DATA_KEYS if k not in data]
    if missing:
        raise ValueError(f"figure data lacks {', '.join(missing)}")


def _city(spec: FigureSpec, data: dict[str, gpd.GeoDataFrame]) -> str:
    return resolve_city(spec.city, data["counties"], data["context"]) if spec.view == "city" else ""


def _texts(spec: FigureSpec, view: View, rows: gpd.GeoDataFrame, city: str,
           data: dict[str, gpd.GeoDataFrame]) -> FigureTexts:
    lang = spec.lang
    if view.base == "city":
        name = city_name(city, lang, data["context"])
        title = t("city_title", lang).format(city=name)
        subtitle = t("city_subtitle", lang).format(city=name, n=len(rows))
    elif view.base == "current":
        title, subtitle = t("current_title", lang), t("current_subtitle", lang).format(n=len(rows))
    else:
        title, subtitle = t(f"{view.key}_title", lang), t(f"{view.key}_subtitle", lang)
    schematic = bool(rows["schematic"].any()) or view.base == "prefectures"
    notes = []
    if bool(rows["schematic"].any()):
        notes.append(t("schematic_note", lang))
    notes.append(t("fig_boundary_note", lang))
    return FigureTexts(title, subtitle, source_text(lang), tuple(notes), schematic)


def figure_texts(spec: FigureSpec, data: dict[str, gpd.GeoDataFrame]) -> FigureTexts:
    """The title, subtitle, source line and notes of a figure (for slides and their notes)."""
    check_spec(spec)
    _check_data(data)
    view, city = VIEWS[spec.view], _city(spec, data)
    rows = view_rows(view, data["catalogue"], city, spec.layers, spec.record_ids)
    return _texts(spec, view, rows, city, data)


def _base_groups(view: View, spec: FigureSpec, data: dict, city: str) -> tuple[list, list]:
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


def _legend(view: View, spec: FigureSpec, rows: gpd.GeoDataFrame, data: dict, city: str,
            texts: FigureTexts) -> tuple[str, bool]:
    """The legend's HTML, and whether it shows the prefecture fills (drawn solid like the map)."""
    lang = spec.lang
    with_counties = view.base == "prefectures" or (view.base == "current" and "counties" in spec.layers)
    if view.base == "city":
        outline = styles.FIGURE_CITY_OUTLINE
        entries = [LegendEntry(city_name(city, lang, data["context"]), "line", outline["color"],
                               weight=outline["weight"]),
                   LegendEntry(t("fig_other_counties", lang), "area",
                               styles.FIGURE_OTHER_COUNTIES["fillColor"])]
        entries += category_legend_entries(rows, lang, spec.compare)
    else:
        entries = legend_entries(rows, lang, spec.compare, data["counties"] if with_counties else None)
        prefectures = set(data["counties"]["prefecture"])
        entries = [replace(e, label=city_name(e.label, lang, data["context"]))
                   if e.label in prefectures else e for e in entries]
    with_units = view.base == "prefectures" or "units" in spec.layers
    entries += base_legend_entries("prefectures" if with_units else "plain", lang)
    return legend_html(t("legend", lang), entries, footer=" ".join(texts.notes)), with_counties


def figure_map(spec: FigureSpec, data: dict[str, gpd.GeoDataFrame], show_title: bool = True) -> folium.Map:
    """The figure as a Folium map laid out as a page: title, legend, north arrow, scale bar, sources."""
    check_spec(spec)
    _check_data(data)
    view, city, lang = VIEWS[spec.view], _city(spec, data), spec.lang
    rows = view_rows(view, data["catalogue"], city, spec.layers, spec.record_ids)
    texts = _texts(spec, view, rows, city, data)
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
    items = figure_items_layer(rows, spec.compare, view.area_fill_scale)
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
    legend, solid = _legend(view, spec, rows, data, city, texts)
    overlays = page_overlays(texts.title, texts.subtitle, badge, legend, texts.sources, show_title,
                             solid_swatches=solid)
    add_page(m, spec.width, spec.height, overlays)
    FigureReady(spec.width, spec.height, bounds=bounds, center=spec.center, zoom=spec.zoom).add_to(m)
    return m


def figure_html(spec: FigureSpec, data: dict[str, gpd.GeoDataFrame], show_title: bool = True) -> str:
    """A complete standalone HTML page of the figure (vendored assets by file://; no network)."""
    return figure_map(spec, data, show_title).get_root().render()
