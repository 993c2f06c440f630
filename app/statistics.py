"""Counts of the records shown: the counts line, and a panel of charts (by city × category, by
category, by document) whose bars set the filter when clicked."""

from __future__ import annotations

from collections.abc import MutableMapping
from functools import partial

import geopandas as gpd
import pandas as pd
import streamlit as st

from geo.filters import comparison_class, counts_by_category, in_cities
from geo.schema import CATEGORIES
from layers.labels import CATEGORY_LABELS, label, t
from layers.styles import CATEGORY_COLOURS, COMPARISON_COLOURS

PANEL_KEY = "stats_open"
DOC_BARS = ("plan2018", "impl2022", "both")
"""The document bars are the document filter's choices; each is split into where its records appear."""
DOC_PARTS = {"plan2018": ("plan2018_only", "both"), "impl2022": ("impl2022_only", "both"), "both": ("both",)}
CHARTS = {"city": ("w_cities", list), "category": ("w_categories", list), "doc": ("w_doc", str)}
"""Each chart: the field a click selects, the session key it sets, and as a list or a value."""
BAR_PX = 20


def counts_line(filtered: gpd.GeoDataFrame, catalogue: gpd.GeoDataFrame, lang: str) -> str:
    """"Category shown/all · …  — Shown n of N" in the language (Markdown)."""
    shown, every = counts_by_category(filtered, CATEGORIES), counts_by_category(catalogue, CATEGORIES)
    return (" · ".join(f"{label(CATEGORY_LABELS, c, lang)} **{shown[c]}**/{every[c]}" for c in CATEGORIES)
            + f" — {t('shown', lang)} **{len(filtered)}** {t('of', lang)} {len(catalogue)}")


def city_category_counts(records: pd.DataFrame, cities: tuple[str, ...], located_only: bool) -> pd.DataFrame:
    """Records per (city, category): a record counts in every city it is attributed to (located in
    it only, when located_only), so a line through two cities counts in both."""
    rows = [(city, category) for entries, category in zip(records["attribution"], records["category"])
            for city in cities if in_cities(entries, {city}, located_only)]
    frame = pd.DataFrame(rows, columns=["city", "category"])
    return frame.groupby(["city", "category"]).size().rename("count").reset_index()


def document_counts(records: pd.DataFrame) -> pd.DataFrame:
    """Records per document bar (2018 plan, 2022 plan, in both), split by where they appear."""
    parts = records["docs"].map(comparison_class).value_counts()
    rows = [(bar, part, int(parts.get(part, 0))) for bar in DOC_BARS for part in DOC_PARTS[bar]]
    return pd.DataFrame(rows, columns=["doc", "part", "count"])


@st.cache_data(show_spinner=False, max_entries=128)
def chart_data(ids: tuple[str, ...], located_only: bool, lang: str, cities: tuple[str, ...],
               _records: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The three charts' rows, labelled in the language, for the records (cached by their ids)."""
    records = _records
    by_city = city_category_counts(records, cities, located_only)
    by_category = counts_by_category(records, CATEGORIES).rename("count").rename_axis("category").reset_index()
    docs = document_counts(records)
    for frame in (by_city, by_category):
        frame["category_label"] = frame["category"].map(lambda c: label(CATEGORY_LABELS, c, lang))
    docs["doc_label"] = docs["doc"].map(lambda d: t(f"doc_{d}", lang))
    docs["part_label"] = docs["part"].map(lambda p: t(p, lang))
    return {"city": by_city, "category": by_category[by_category["count"] > 0], "doc": docs}


def bar_spec(chart: str, y: str, colour: str, domain: list[str], colours: list[str], sort: list[str],
             lang: str, legend_columns: int = 0) -> dict:
    """A horizontal (stacked) bar chart whose click selects the bar's `chart` field; its colour
    legend (if legend_columns) sits below."""
    return {
        # Fit the width only: Streamlit's default ("fit") squeezes the bars to make room for the legend.
        "autosize": {"type": "fit-x", "contains": "padding"},
        "height": max(1, len(sort)) * BAR_PX,
        "mark": {"type": "bar", "cursor": "pointer"},
        "params": [{"name": chart, "select": {"type": "point", "fields": [chart]}}],
        "encoding": {
            "y": {"field": y, "type": "nominal", "sort": sort, "title": None},
            "x": {"field": "count", "type": "quantitative", "stack": True, "title": t("stats_count", lang)},
            "color": {"field": colour, "type": "nominal", "title": None,
                      "scale": {"domain": domain, "range": colours},
                      "legend": {"orient": "bottom", "columns": legend_columns} if legend_columns else None},
            "fillOpacity": {"condition": {"param": chart, "value": 1, "empty": True}, "value": 0.35},
            "tooltip": [{"field": y, "title": " "}, {"field": colour, "title": " "},
                        {"field": "count", "title": t("stats_count", lang)}],
        },
    }


def chart_specs(data: dict[str, pd.DataFrame], lang: str) -> dict[str, dict]:
    """The Vega-Lite specs of the three charts (colours as on the map)."""
    cat_labels = [label(CATEGORY_LABELS, c, lang) for c in CATEGORIES]
    cat_colours = [CATEGORY_COLOURS[c] for c in CATEGORIES]
    by_city, docs = data["city"], data["doc"]
    city_order = list(by_city.groupby("city", sort=False)["count"].sum().sort_values(ascending=False).index)
    parts = ("plan2018_only", "impl2022_only", "both")
    return {
        "city": bar_spec("city", "city", "category_label", cat_labels, cat_colours, city_order, lang, 3),
        "category": bar_spec("category", "category_label", "category_label", cat_labels, cat_colours,
                             list(data["category"]["category_label"]), lang),
        "doc": bar_spec("doc", "doc_label", "part_label", [t(p, lang) for p in parts],
                        [COMPARISON_COLOURS[p] for p in parts], list(dict.fromkeys(docs["doc_label"])), lang, 1),
    }


def picked(selection: object, chart: str) -> str | None:
    """The value of the bar a chart's selection state holds (None when nothing is picked)."""
    points = ((selection or {}).get("selection") or {}).get(chart) if isinstance(selection, dict) else None
    if isinstance(points, list) and points and isinstance(points[0], dict):
        value = points[0].get(chart)
        return value if isinstance(value, str) else None
    return None


def apply_pick(session: MutableMapping[str, object], chart: str) -> None:
    """A clicked bar becomes the filter (a city also clears the county it may not hold)."""
    value = picked(session.get(f"stats_{chart}"), chart)
    if value is None:
        return
    key, kind = CHARTS[chart]
    session[key] = [value] if kind is list else value
    if chart == "city":
        session["w_county"] = ""


def nothing_matches(filtered: gpd.GeoDataFrame, lang: str) -> None:
    """A note, above the map, when the filters leave nothing to draw."""
    if filtered.empty:
        st.info(t("empty", lang))


def statistics(filtered: gpd.GeoDataFrame, catalogue: gpd.GeoDataFrame, lang: str,
               cities: tuple[str, ...] = (), located_only: bool = False) -> None:
    """The counts line and the charts panel of the cities' counts (drawn only when open, so a
    filter change with the panel closed costs nothing)."""
    st.markdown(counts_line(filtered, catalogue, lang))
    panel = st.expander(t("stats_panel", lang), key=PANEL_KEY, on_change="rerun")
    if not panel.open or filtered.empty:
        return
    with panel:
        data = chart_data(tuple(sorted(filtered["id"])), located_only, lang, cities, filtered)
        specs = chart_specs(data, lang)
        for column, chart in zip(st.columns([5, 3, 3]), CHARTS):
            with column:
                st.caption(t(f"stats_by_{chart}", lang))
                st.vega_lite_chart(data[chart], specs[chart], key=f"stats_{chart}", width="stretch",
                                   on_select=partial(apply_pick, st.session_state, chart), selection_mode=chart)
        st.caption(t("stats_note", lang))
