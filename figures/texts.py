"""The words of a figure: title, subtitle, source line and notes, in the figure's language."""

from __future__ import annotations

from dataclasses import dataclass, replace

import geopandas as gpd

from figures.sources import source_text
from figures.spec import FigureSpec, check_data, check_spec, spec_city
from figures.view_title import filter_title, view_note
from figures.views import view_rows
from geo.registry import PRESETS as VIEWS, Preset
from layers.names import prefecture_name as city_name
from layers.labels import t


@dataclass(frozen=True)
class FigureTexts:
    """The words of a figure: title, subtitle, source line, notes, whether it is schematic."""

    title: str
    subtitle: str
    sources: str
    notes: tuple[str, ...]
    schematic: bool


def view_texts(spec: FigureSpec, view: Preset, rows: gpd.GeoDataFrame, city: str,
               data: dict[str, gpd.GeoDataFrame]) -> FigureTexts:
    """The texts of a view whose records (rows) and city are already chosen."""
    lang = spec.lang
    notes = []
    if spec.filters is not None and view.base in ("city", "current"):
        title, subtitle = filtered_view_texts(spec, rows, city, data)
    elif view.base == "city":
        name = city_name(city, lang, data["context"])
        named = int(data["catalogue"]["cities"].map(lambda cs: city in cs).sum())
        title = t("city_title", lang).format(city=name)
        subtitle = t("city_subtitle", lang).format(city=name, n=named)
        if named > len(rows):  # the plans name these without a place
            notes.append(t("fig_unlocated_note", lang).format(n=named - len(rows)))
    elif view.base == "current":
        title, subtitle = t("current_title", lang), t("current_subtitle", lang).format(n=len(rows))
    else:
        title, subtitle = t(f"{view.key}_title", lang), t(f"{view.key}_subtitle", lang)
    schematic = bool(rows["schematic"].any()) or view.base == "prefectures"
    if bool(rows["schematic"].any()):
        notes.append(t("schematic_note", lang))
    notes.append(t("fig_boundary_note", lang))
    return FigureTexts(title, subtitle, source_text(lang), tuple(notes), schematic)


def filtered_view_texts(spec: FigureSpec, rows: gpd.GeoDataFrame, city: str,
                        data: dict[str, gpd.GeoDataFrame]) -> tuple[str, str]:
    """Title and subtitle of a figure of the dashboard's filter (over a map view, or one of its cities)."""
    filters = replace(spec.filters, cities=(city,)) if city else spec.filters
    title = filter_title(filters, spec.lang, data["counties"], data["context"])
    subtitle = t("current_subtitle", spec.lang).format(n=len(rows))
    note = view_note(spec.center, spec.zoom, spec.lang)
    return title, f"{subtitle}{'；' if spec.lang == 'zh' else '; '}{note}" if note else subtitle


def figure_texts(spec: FigureSpec, data: dict[str, gpd.GeoDataFrame]) -> FigureTexts:
    """The title, subtitle, source line and notes of a figure (for slides and their notes)."""
    check_spec(spec)
    check_data(data)
    view, city = VIEWS[spec.view], spec_city(spec, data)
    rows = view_rows(view, data["catalogue"], city, spec.layers, spec.record_ids)
    return view_texts(spec, view, rows, city, data)
