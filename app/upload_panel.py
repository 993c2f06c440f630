"""The dashboard's import of a user's project list: upload, validate, report, return the valid rows."""

from __future__ import annotations

import logging
import re
from pathlib import PurePath

import geopandas as gpd
import streamlit as st

from app.plain_text import as_text
from geo import project_list
from geo.ledger import LedgerCheck, NotALedger, check_ledger, read_tasks
from layers.labels import pick, t

log = logging.getLogger("dashboard.upload")

UPLOAD_TYPES = ["csv", "xlsx", "geojson", "json"]
CACHED_UPLOADS = 8
ISSUE_ROW_PX = 35  # Streamlit's data grid row height
ISSUE_TABLE_BORDER_PX = 3
ISSUE_TABLE_MAX_ROWS = 8
MAX_FILE_STEM = 60
_UNSAFE_FILE_CHARS = re.compile(r"[^\w.-]+")


@st.cache_data(show_spinner=False, max_entries=CACHED_UPLOADS)
def _parsed(data: bytes, filename: str, gcj02: bool, _places: gpd.GeoDataFrame,
            _counties: gpd.GeoDataFrame) -> tuple[project_list.ImportResult | None, bytes, tuple[str, str] | None]:
    """(result, annotated CSV, None), or (None, b"", (message_zh, message_en)) for a rejected file.
    A filled task ledger (a 任务编号 and 进展 header) is checked as one (a LedgerCheck), any other
    file as a project list.

    Cached on the bytes, name and option: a rerun of the page does not read the file again.
    """
    try:
        ledger = check_ledger(data, filename, read_tasks())
        return ledger, project_list.annotated_csv(ledger), None
    except NotALedger:
        pass
    except project_list.ImportRejected as exc:
        return None, b"", (exc.message_zh, exc.message_en)
    try:
        result = project_list.import_projects(data, filename, _places, _counties, gcj02=gcj02)
    except project_list.ImportRejected as exc:
        return None, b"", (exc.message_zh, exc.message_en)
    return result, project_list.annotated_csv(result), None


def _download_name(filename: str) -> str:
    stem = _UNSAFE_FILE_CHARS.sub("_", PurePath(filename).stem)[:MAX_FILE_STEM] or "projects"
    return f"{stem}-checked.csv"


def _current(places: gpd.GeoDataFrame, counties: gpd.GeoDataFrame):
    """(file, result, annotated CSV, rejection) of the file in the uploader, or None: read from
    session state, so before the uploader is drawn as well as after."""
    upload = st.session_state.get("w_upload")
    if upload is None:
        return None
    gcj02 = bool(st.session_state.get("w_upload_gcj02"))
    return (upload, *_parsed(upload.getvalue(), upload.name, gcj02, places, counties))


def _panel(lang: str, places: gpd.GeoDataFrame, counties: gpd.GeoDataFrame) -> None:
    st.file_uploader(t("import_projects", lang), type=UPLOAD_TYPES, key="w_upload", help=t("import_help", lang))
    st.checkbox(t("import_gcj02", lang), key="w_upload_gcj02")
    current = _current(places, counties)
    if current is None:
        return
    upload, result, annotated, rejected = current
    if rejected is not None:
        st.error(t("import_rejected", lang) + as_text(pick(*rejected, lang)))  # shown as text, whatever it quotes
        return
    summary = t("import_summary", lang).format(read=result.rows_read, valid=len(result.valid),
                                                errors=result.errors, warnings=result.warnings)
    (st.warning if result.errors or result.valid.empty else st.success)(summary)
    if isinstance(result, LedgerCheck):
        st.caption(t("progress_loaded", lang))
    if result.issues:
        headers = tuple(t(k, lang) for k in ("import_col_row", "import_col_column", "import_col_level",
                                              "import_col_message"))
        shown_rows = min(len(result.issues), ISSUE_TABLE_MAX_ROWS) + 1  # + the header row
        with st.expander(t("import_issues", lang), expanded=bool(result.errors)):
            st.dataframe(project_list.issues_frame(result, lang, headers), hide_index=True,
                         height=shown_rows * ISSUE_ROW_PX + ISSUE_TABLE_BORDER_PX,
                         column_config={headers[3]: st.column_config.TextColumn(width="large")})
    st.download_button(t("import_download", lang), annotated,
                       file_name=_download_name(upload.name), mime="text/csv", key="w_upload_download")


def uploaded_rows(places: gpd.GeoDataFrame, counties: gpd.GeoDataFrame) -> gpd.GeoDataFrame | None:
    """The valid rows of the file now in the uploader, read before the panel is drawn (the map
    above it needs them in the same run); None when there is none or it is rejected. Never raises."""
    try:
        current = _current(places, counties)
    except Exception:  # upload_panel reports and logs it in the same run
        return None
    if current is None or current[3] is not None or isinstance(current[1], LedgerCheck) or current[1].valid.empty:
        return None
    return current[1].valid


def uploaded_ledger(places: gpd.GeoDataFrame, counties: gpd.GeoDataFrame) -> tuple[str, LedgerCheck] | None:
    """(file name, check) of the filled task ledger now in the uploader; None when the upload is
    none, not a ledger or rejected. Never raises."""
    try:
        current = _current(places, counties)
    except Exception:  # upload_panel reports and logs it in the same run
        return None
    if current is None or not isinstance(current[1], LedgerCheck):
        return None
    return current[0].name, current[1]


def upload_panel(lang: str, places: gpd.GeoDataFrame, counties: gpd.GeoDataFrame) -> None:
    """Uploader, GCJ-02 option, report and download (the rows: uploaded_rows). Never raises."""
    try:
        _panel(lang, places, counties)
    except Exception as exc:  # a user's file must never break the page
        log.error("project import failed: %s: %s", type(exc).__name__, exc)
        st.error(t("import_failed", lang))
