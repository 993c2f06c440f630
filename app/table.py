"""The linked project table: a chosen row highlights its record on the map."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import streamlit as st

from app.cached_data import ids_key, load_all
from app.plain_text import as_text
from geo.ledger import ledger_of
from geo.ledger.progress import name as progress_name
from layers.plan_items import attribution_text, passage_text
from layers.task_units import record_task_texts
from layers.labels import CATEGORY_LABELS, SUBTYPE_LABELS, doc_names, label, t
from layers.names import name_column



def table(filtered: gpd.GeoDataFrame, lang: str, cities: tuple[str, ...] = (),
          progress: dict[str, str] | None = None) -> pd.DataFrame:
    """The records as the table shows them (with their id, not displayed); why each is in the
    chosen cities (all, when none is chosen); their 2022 tasks' units, and 进展 when a ledger's
    progress is shown."""
    ledger = ledger_of(filtered)
    texts = [record_task_texts(ledger, i, lang) for i in filtered["id"]]
    tasks, lead, support = ([row[k] for row in texts] for k in range(3))
    frame = pd.DataFrame({
        "id": filtered["id"],
        t("col_name", lang): filtered[name_column(lang)],
        t("col_category", lang): filtered["category"].map(lambda c: label(CATEGORY_LABELS, c, lang)),
        t("col_subtype", lang): filtered["subtype"].map(lambda c: label(SUBTYPE_LABELS, c, lang)),
        t("col_cities", lang): filtered["cities"].map("、".join),
        t("col_attribution", lang): [attribution_text(r, lang, cities) for _, r in filtered.iterrows()],
        t("col_schematic_passage", lang): [passage_text(r, lang) for _, r in filtered.iterrows()],
        t("col_verb", lang): filtered["verb"],
        t("col_docs", lang): filtered["docs"].map(lambda ds: doc_names(ds, lang)),
        t("col_section", lang): filtered["sources"].map(lambda ss: "；".join(s["section"] for s in ss)),
        t("col_quote", lang): filtered["sources"].map(lambda ss: ss[0]["quote"] if ss else ""),
        t("col_tasks", lang): tasks,
        t("col_lead", lang): lead,
        t("col_support", lang): support,
    }).reset_index(drop=True)
    if progress is not None:
        frame.insert(2, t("col_progress", lang), [
            progress_name(progress[i], lang) if i in progress
            else t("progress_not_reported", lang) if i in ledger.tasks_of else "" for i in filtered["id"]])
    return frame


@st.cache_resource(show_spinner=False, max_entries=64)
def table_of(_ids: tuple[str, ...], key: str, lang: str, cities: tuple[str, ...],
             progress: tuple[tuple[str, str], ...] | None = None) -> pd.DataFrame:
    """The table of these records (key: their ids_key; shared, read only: a filter seen before costs nothing)."""
    catalogue = load_all()["catalogue"]
    return table(catalogue.set_index("id", drop=False).loc[list(_ids)], lang, cities,
                 None if progress is None else dict(progress))


def follow_pick(event, ids: pd.Series, rows_key: str) -> None:
    """A row the user picked (or cleared) in a single-row data frame becomes the selected record."""
    rows = list(event.selection.rows) if event and event.selection else []
    if rows != st.session_state.get(rows_key, []):
        st.session_state[rows_key] = rows
        chosen = ids.iloc[rows[0]] if rows and rows[0] < len(ids) else ""
        if chosen != st.session_state.get("selected", ""):
            st.session_state["selected"] = chosen
            st.rerun()


def table_section(filtered: gpd.GeoDataFrame, lang: str, cities: tuple[str, ...] = (),
                  progress: dict[str, str] | None = None) -> None:
    """The linked table of the filtered records (with their 进展 when a ledger's progress is given)."""
    # Drawn in the page's own run. A timed fragment once brought it a second after the map (its data
    # grid costs the browser ~0.9 s), but the app-wide rerun it asked for lost the widgets' values
    # when sessions ran concurrently (the load benchmark saw every layer switched off).
    st.markdown(f"#### {t('table', lang)}")
    ids = tuple(filtered["id"])
    frame = table_of(ids, ids_key(ids), lang, cities, None if progress is None else tuple(sorted(progress.items())))
    event = st.dataframe(frame.drop(columns="id"), hide_index=True, width="stretch",
                         on_select="rerun", selection_mode="single-row", key="table")
    follow_pick(event, frame["id"], "table_rows")
    selected = st.session_state.get("selected", "")
    if selected in set(frame["id"]):
        st.caption(t("highlighted", lang) + as_text(frame.loc[frame["id"] == selected].iloc[0, 1]))
