"""The words that name a dashboard filter in a figure's title, e.g. '兰州市 · 交通'."""

from __future__ import annotations

import geopandas as gpd

from geo.filters import Filters, split_unit_choice
from geo.ledger import Selection
from layers.labels import CATEGORY_LABELS, DOC_SHORT, SUBTYPE_LABELS, label, t
from layers.names import prefecture_name

PART_SEP = " · "


def _join(names: list[str], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(names)


def _county_name(adcode: str, counties: gpd.GeoDataFrame, lang: str) -> str:
    hit = counties[counties["adcode"] == adcode]
    if hit.empty:
        raise ValueError(f"unknown county {adcode!r}: give a county adcode of the plan area")
    return str(hit["name_zh" if lang == "zh" else "name_en"].iloc[0])


def _kinds(filters: Filters, lang: str) -> str:
    """The categories, the transport modes inside transport ('交通（铁路、机场）')."""
    modes = _join([label(SUBTYPE_LABELS, m, lang) for m in filters.modes], lang)
    if not filters.categories:
        return t("fig_modes", lang).format(modes=modes) if modes else ""
    names = []
    for category in filters.categories:
        name = label(CATEGORY_LABELS, category, lang)
        if category == "transport" and modes:
            name = f"{name}（{modes}）" if lang == "zh" else f"{name} ({modes})"
        names.append(name)
    return _join(names, lang)


def _doc(doc: str, lang: str) -> str:
    if doc == "both":
        return t("fig_doc_both", lang)
    return label(DOC_SHORT, doc, lang) if doc in DOC_SHORT else ""


def filter_parts(filters: Filters, lang: str, counties: gpd.GeoDataFrame, context: gpd.GeoDataFrame) -> list[str]:
    """The filter's parts in title order: cities, county, 2022 task unit, categories and modes, document,
    search text."""
    parts = []
    if filters.cities:
        cities = _join([prefecture_name(c, lang, context) for c in filters.cities], lang)
        parts.append(f"{t('fig_located_only', lang)}{' ' if lang == 'en' else ''}{cities}"
                     if filters.located_only else cities)
    if filters.county:
        parts.append(_county_name(filters.county, counties, lang))
    role, unit = split_unit_choice(filters.unit)
    if unit:
        parts.append(Selection(unit, role).describe(lang))  # 兰州市政府（牵头）, as the ledger's title says
    parts.append(_kinds(filters, lang))
    parts.append(_doc(filters.doc, lang))
    if filters.text.strip():
        parts.append(f"“{filters.text.strip()}”" if lang == "zh" else f'"{filters.text.strip()}"')
    return [p for p in parts if p]


def filter_title(filters: Filters | None, lang: str, counties: gpd.GeoDataFrame, context: gpd.GeoDataFrame) -> str:
    """The title of a figure of the filter: its parts joined ('兰州市 · 交通'), or the map's title when none."""
    parts = filter_parts(filters, lang, counties, context) if filters is not None else []
    return PART_SEP.join(parts) if parts else t("current_title", lang)


def view_note(center: tuple[float, float] | None, zoom: float | None, lang: str) -> str:
    """'map centre 36.06°N 103.83°E, zoom 9' for a figure of a map view ('' for a fitted one)."""
    if center is None or zoom is None:
        return ""
    return t("fig_view_note", lang).format(lat=center[0], lon=center[1], zoom=zoom)
