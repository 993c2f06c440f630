"""Shared drawing of catalogue records: style by category and subtype, tooltip and cited popup."""

from __future__ import annotations

import html

import geopandas as gpd
import pandas as pd
from shapely.geometry import mapping

from geo.catalogue import located
from geo.filters import comparison_class
from geo.ledger import NOT_REPORTED, ledger_of
from geo.ledger.progress import name as progress_name
from layers import styles
from layers.geojson_layer import ID, POPUP, STYLE, TOOLTIP, GeoJsonLayer, Source
from layers.labels import CATEGORY_LABELS, DOC_SHORT, SUBTYPE_LABELS, label, list_separator, t
from layers.names import record_title
from layers.task_units import task_units_html


_DRAW_ORDER = {"Polygon": 0, "MultiPolygon": 0, "LineString": 1, "MultiLineString": 1}


def colour(row: pd.Series, compare: bool, progress: dict[str, str] | None = None) -> str:
    """The record's colour: by its reported 进展 when a ledger's progress is given, by document in
    comparison mode, else by subtype or category."""
    if progress is not None:
        return styles.PROGRESS_COLOURS[progress.get(row["id"], NOT_REPORTED)]
    if compare:
        return styles.COMPARISON_COLOURS[comparison_class(list(row["docs"]))]
    if row["category"] == "transport":
        return styles.TRANSPORT_COLOURS.get(row["subtype"], styles.CATEGORY_COLOURS["transport"])
    return styles.CATEGORY_COLOURS[row["category"]]


def is_study(verb: str) -> bool:
    """Whether the plan only asks to study or plan the item (drawn dashed)."""
    return any(v in verb for v in styles.STUDY_VERBS)


def style_of(row: pd.Series, compare: bool, progress: dict[str, str] | None = None) -> dict:
    """The Leaflet path style of one record."""
    c = colour(row, compare, progress)
    geom_type = row.geometry.geom_type
    if geom_type in ("Point", "MultiPoint"):
        return {**styles.POINT_STYLE, "fillColor": c,
                "radius": styles.POINT_RADIUS.get(row["subtype"], styles.DEFAULT_POINT_RADIUS)}
    if geom_type in ("LineString", "MultiLineString"):
        style = {**styles.DEFAULT_LINE_STYLE, **styles.LINE_STYLES.get(row["subtype"], {}), "color": c}
        if is_study(row["verb"]):
            style["dashArray"] = styles.STUDY_DASH
        return style
    return {**styles.DEFAULT_AREA_STYLE, **styles.AREA_STYLES.get(row["subtype"], {}),
            "color": c, "fillColor": c}


def citation_html(sources: list[dict], lang: str) -> str:
    """The sources as HTML: document, section, quote (all text escaped)."""
    parts = []
    for s in sources:
        doc = html.escape(label(DOC_SHORT, s["doc"], lang))
        parts.append(f"<div class='cite'><b>{doc}</b> {html.escape(s['section'])}<br>"
                     f"「{html.escape(s['quote'])}」</div>")
    return "".join(parts)


def tooltip_html(row: pd.Series, lang: str) -> str:
    """Short hover text: name and type."""
    name = record_title(row, lang)
    kind = label(SUBTYPE_LABELS, row["subtype"], lang)
    schematic = f" · {t('col_schematic', lang)}" if row["schematic"] else ""
    return f"<b>{html.escape(name)}</b><br>{html.escape(kind)}{schematic}"


def reason_text(reason: str, lang: str) -> str:
    """An attribution reason (`member`, `crosses 38 km; passes 临洮县` …) in the language."""
    parts = []
    for part in reason.split("; "):
        kind, _, arg = part.partition(" ")
        parts.append(t(f"reason_{kind}", lang).format(arg=arg))
    return list_separator(lang).join(parts)


def attribution_lines(row: pd.Series, lang: str, cities: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
    """Per city (all, or those given): (city, its relation to the record, each county with its reason)."""
    by_city: dict[str, list[dict]] = {}
    for entry in row["attribution"]:
        if not cities or entry["city"] in cities:
            by_city.setdefault(entry["city"], []).append(entry)
    return [(city, t(f"rel_{entries[0]['relation']}", lang),
             "、".join(f"{e['county']}（{reason_text(e['reason'], lang)}）" if e["county"]
                      else reason_text(e["reason"], lang) for e in entries))
            for city, entries in by_city.items()]


def passage_text(row: pd.Series, lang: str) -> str:
    """The counties a schematic line's drawn chord merely crosses (not counted for their cities)."""
    return "、".join(f"{e['county']}（{reason_text(e['reason'], lang)}）" for e in row["schematic_passage"])


def attribution_text(row: pd.Series, lang: str, cities: tuple[str, ...] = ()) -> str:
    """Why the record is in these cities, as plain text (the table's column)."""
    if not row["attribution"] and not row["located"]:
        return t("unlocated_note", lang)
    return "；".join(f"{city} {relation}：{counties}" for city, relation, counties in
                    attribution_lines(row, lang, cities))


def attribution_html(row: pd.Series, lang: str) -> str:
    """Per city: its relation to the record, then each county with the reason it is here."""
    lines = [f"<br>{html.escape(city)} · <b>{html.escape(relation)}</b>: <small>{html.escape(counties)}</small>"
             for city, relation, counties in attribution_lines(row, lang)]
    if not lines:
        lines.append("<br>—")
    if row["outside"]:
        lines.append(f"<br><small>{html.escape(t('col_outside', lang))}: "
                     f"{html.escape('、'.join(row['outside']))}</small>")
    if len(row["schematic_passage"]):
        lines.append(f"<br><small>{html.escape(t('col_schematic_passage', lang))}: "
                     f"{html.escape(passage_text(row, lang))}</small>")
    return "".join(lines)


def popup_html(row: pd.Series, lang: str, tasks_html: str = "") -> str:
    """Full popup: name, category, cities with why each is here, the plan's verb, the 2022 tasks'
    units and progress (tasks_html, already escaped), the citation."""
    lines = [
        f"<div class='plan-popup' style='max-width:340px'><b>{html.escape(row['name_zh'])}</b>",
        f"<br><i>{html.escape(row['name_en'])}</i>",
        f"<br>{html.escape(t('col_category', lang))}: {html.escape(label(CATEGORY_LABELS, row['category'], lang))}"
        f" / {html.escape(label(SUBTYPE_LABELS, row['subtype'], lang))}",
        f"<br>{html.escape(t('col_cities', lang))}:{attribution_html(row, lang)}",
    ]
    if row["verb"]:
        lines.append(f"<br>{html.escape(t('col_verb', lang))}: {html.escape(row['verb'])}")
    lines.append(tasks_html)
    if not row["located"]:
        lines.append(f"<br><small>{html.escape(t('unlocated_note', lang))}</small>")
    elif row["schematic"]:
        lines.append(f"<br><small>{html.escape(t('schematic_note', lang))}</small>")
    lines.append(f"<hr style='margin:4px 0'>{citation_html(list(row['sources']), lang)}</div>")
    return "".join(lines)


def _features(record_id: str, tip: str, pop: str, geom) -> list[dict]:
    # Leaflet 1.9.3 tooltips fail on a MultiPoint (it becomes a group without getElement): one
    # point feature per member, each with the record's id, tooltip and popup.
    parts = list(geom.geoms) if geom.geom_type == "MultiPoint" else [geom]
    props = {ID: record_id, TOOLTIP: tip, POPUP: pop}
    return [{"type": "Feature", "properties": props, "geometry": mapping(p)} for p in parts]


def progress_html(record_id: str, progress: dict[str, str] | None, lang: str) -> str:
    """The popup's 进展 line when a ledger's progress is shown."""
    if progress is None:
        return ""
    status = progress.get(record_id)
    text = progress_name(status, lang) if status else t("progress_not_reported", lang)
    return f"<br><b>{html.escape(t('col_progress', lang))}</b>: {html.escape(text)}"


def presentation(rows: gpd.GeoDataFrame, lang: str, compare: bool,
                 progress: dict[str, str] | None = None) -> gpd.GeoDataFrame:
    """Records with their tooltip, popup, style and GeoJSON features worked out once (cache this,
    it is data); unlocated records are left out. With progress (record id -> 进展 of a filled
    ledger), records are coloured by it."""
    rows = located(rows)
    records = list(rows.iterrows())
    ledger = ledger_of(rows)
    tips = [tooltip_html(r, lang) for _, r in records]
    pops = [popup_html(r, lang, task_units_html(ledger, r["id"], lang) + progress_html(r["id"], progress, lang))
            for _, r in records]
    return gpd.GeoDataFrame({
        "id": rows["id"], "category": rows["category"], "subtype": rows["subtype"],
        "tip": tips, "pop": pops,
        "sty": [style_of(r, compare, progress) for _, r in records],
        "features": [_features(r["id"], tip, pop, r.geometry) for (_, r), tip, pop in zip(records, tips, pops)],
        "geometry": rows.geometry,
    }, geometry="geometry", crs=rows.crs, index=rows.index)


def items_layer(rows: gpd.GeoDataFrame, lang: str, compare: bool) -> GeoJsonLayer | None:
    """One GeoJson of records, each with its own style, tooltip and popup; None when none is drawn."""
    return presented_layer(presentation(rows, lang, compare))


def in_draw_order(rows: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Records areas first, then lines, then points (by id within each), so small things stay on top."""
    order = rows.geometry.geom_type.map(_DRAW_ORDER).fillna(len(_DRAW_ORDER))
    return rows.assign(_o=order).sort_values(["_o", "id"]).drop(columns="_o")


def catalogue_collection(presented: gpd.GeoDataFrame) -> dict:
    """Presented records as GeoJSON with their style, tooltip and popup, in draw order."""
    ordered = in_draw_order(presented)
    return {"type": "FeatureCollection", "features": [
        {**f, "properties": {**f["properties"], STYLE: sty}}
        for fs, sty in zip(ordered["features"], ordered["sty"]) for f in fs]}


def records_layer(source: Source, ids: list[str] | None = None, pane: str | None = None) -> GeoJsonLayer:
    """Records of a catalogue_collection, only those of the given ids when ids are given."""
    return GeoJsonLayer(source, tooltip=TOOLTIP, popup=POPUP, highlight=styles.ITEM_HOVER,
                        match=(ID, ids) if ids is not None else None, pane=pane)


def presented_layer(presented: gpd.GeoDataFrame) -> GeoJsonLayer | None:
    """The records already presented (see presentation) drawn inline; None when empty."""
    if presented.empty:
        return None
    return records_layer(catalogue_collection(presented))
