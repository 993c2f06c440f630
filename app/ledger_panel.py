"""Below the map: the task ledger (任务台账) of the current filter to download, and the progress of a
filled ledger uploaded through the import panel (its colouring, its counts per city and per unit)."""

from __future__ import annotations

import logging
from functools import partial

import geopandas as gpd
import pandas as pd
import streamlit as st

from app.shareable_state import AppState
from app.unit_filter import unit_label
from app.upload_panel import uploaded_ledger
from geo.filters import split_unit_choice
from geo.ledger import COUNT_KEYS, LedgerCheck, Selection, counts, ledger_of, record_status, select
from geo.ledger.workbook import MEDIA_TYPES, file_name, ledger_file
from layers.labels import t
from layers.progress_legend import progress_label

log = logging.getLogger("dashboard.ledger")
COLOUR_KEY = "w_progress_colour"
ROW_PX, MAX_TABLE_PX = 35, 420  # Streamlit's data grid row height; the tables scroll beyond


def selection_of(state: AppState, filtered: gpd.GeoDataFrame) -> Selection:
    """The ledger of the page's filter: the unit's tasks (lead, or any role) in the chosen cities and,
    when the filter narrows the records further (county, category, mode, document, name, located in),
    only the tasks holding one of the records shown."""
    role, unit = split_unit_choice(state.unit)
    narrowed = bool(state.county or state.categories or state.modes or state.doc != "all" or state.text
                    or (state.located_only and state.cities))
    return Selection(unit, role or "any", state.cities, frozenset(filtered["id"]) if narrowed else None)


def shown_progress(places: gpd.GeoDataFrame, counties: gpd.GeoDataFrame,
                   catalogue: gpd.GeoDataFrame) -> dict[str, str] | None:
    """Each record's 进展 from the filled ledger in the uploader, while it colours the map; else None."""
    upload = uploaded_ledger(places, counties)
    if upload is None or upload[1].valid.empty or not st.session_state.get(COLOUR_KEY, True):
        return None
    return record_status(ledger_of(catalogue), upload[1].task_status())


def _counts_table(table: pd.DataFrame, by: str, lang: str) -> pd.DataFrame:
    names = {by: t(f"progress_{by}", lang), "total": t("progress_total", lang),
             **{k: progress_label(k, lang) for k in COUNT_KEYS}}
    if by == "unit":
        table = table.assign(unit=table["unit"].map(lambda u: unit_label(u, lang)))
    return table.rename(columns=names)


def _progress(name: str, check: LedgerCheck, catalogue: gpd.GeoDataFrame, lang: str) -> None:
    st.markdown(f"#### {t('progress_title', lang)}")
    st.text(t("progress_file", lang) + name)  # the user's file name: shown as text, never as Markdown
    st.toggle(t("progress_show", lang), key=COLOUR_KEY, value=True)
    task_status = check.task_status()
    ledger = ledger_of(catalogue)
    left, right = st.columns(2)
    for column, by in ((left, "city"), (right, "unit")):
        with column:
            st.caption(t(f"progress_by_{by}", lang))
            table = _counts_table(counts(ledger, task_status, by), by, lang)
            st.dataframe(table, hide_index=True, width="stretch", height=min(MAX_TABLE_PX, ROW_PX * (len(table) + 1) + 3))
    st.caption(t("progress_note", lang))


def ledger_panel(state: AppState, filtered: gpd.GeoDataFrame, data: dict[str, gpd.GeoDataFrame]) -> None:
    """The ledger's downloads (made only when clicked) and the uploaded ledger's progress. Never raises."""
    lang, catalogue = state.lang, data["catalogue"]
    try:
        selection = selection_of(state, filtered)
        chosen = select(ledger_of(catalogue), selection)
        st.markdown(f"#### {t('ledger_title', lang)}")
        st.caption(t("ledger_caption", lang).format(filter=selection.describe(lang), n=len(chosen)))
        c1, c2 = st.columns(2)
        for column, fmt in ((c1, "xlsx"), (c2, "csv")):
            column.download_button(t(f"ledger_{fmt}", lang), partial(ledger_file, catalogue, selection, lang, fmt),
                                   file_name(fmt), MEDIA_TYPES[fmt], disabled=not chosen, on_click="ignore",
                                   key=f"w_ledger_{fmt}")
        upload = uploaded_ledger(data["places"], data["counties"])
        if upload is not None and not upload[1].valid.empty:
            _progress(upload[0], upload[1], catalogue, lang)
    except Exception as exc:  # a filled ledger must never break the page
        log.error("ledger panel failed: %s: %s", type(exc).__name__, exc)
        st.error(t("import_failed", lang))
