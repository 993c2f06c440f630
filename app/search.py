"""Find a place: one search box over the cities, counties, gazetteer places and records; choosing a
hit focuses it through the session keys the map follows."""

from __future__ import annotations

import logging
from collections.abc import Mapping, MutableMapping
from dataclasses import fields, replace

import pandas as pd
import streamlit as st

from app.cached_data import load_all
from app.plain_text import as_text
from app.shareable_state import PARAMS
from geo.filters import Filters, filter_catalogue
from geo.place_search import Entry, build_index, load_pinyin
from geo.schema import DataFileError
from layers.labels import t

log = logging.getLogger("dashboard.search")
SEARCH_KEY = "w_find"
FILTER_KEYS = {p.field: p.session_key() for p in PARAMS if p.field in {f.name for f in fields(Filters)}}
"""Each catalogue filter's session key (w_cities, w_county, ...)."""


@st.cache_resource(show_spinner=False)
def search_index() -> tuple[tuple[Entry, ...], dict[str, Entry]]:
    """The index once per server, and its entries by option value (shared, never copied)."""
    data = load_all()
    context = data["context"]
    prefectures = context[context["level"] == "prefecture"]
    index = build_index(data["counties"], data["places"], data["catalogue"],
                        dict(zip(prefectures["name_zh"], prefectures["name_en"])), load_pinyin())
    return index, {e.value: e for e in index}


def session_filters(session: Mapping[str, object]) -> Filters:
    """The catalogue filters the widgets hold."""
    return Filters(**{name: tuple(v) if isinstance(v := session[key], list) else v
                      for name, key in FILTER_KEYS.items()})


def unhiding(record: pd.DataFrame, filters: Filters) -> dict[str, object]:
    """The filters reset to their defaults so that the record is shown: those that hide it on their
    own, or every filter when only their combination hides it; {} when it is shown already."""
    if not filter_catalogue(record, filters).empty:
        return {}
    default = Filters()
    hiding = {f.name for f in fields(Filters) if getattr(filters, f.name) != getattr(default, f.name)
              and filter_catalogue(record, replace(default, **{f.name: getattr(filters, f.name)})).empty}
    relaxed = replace(filters, **{name: getattr(default, name) for name in hiding})
    if not hiding or filter_catalogue(record, relaxed).empty:  # only the combination hides it
        hiding = {f.name for f in fields(Filters)}
    return {name: getattr(default, name) for name in hiding}


def focus_updates(entry: Entry, filters: Filters, catalogue: pd.DataFrame) -> dict[str, object]:
    """The session values that focus a hit (the contract the map follows): a city or county becomes
    the filter; a record becomes the selection (with any filter hiding it reset); a place becomes
    the chosen place. The other choices are cleared."""
    if entry.kind in ("city", "county"):
        return {"w_cities": [entry.city or entry.key], "w_county": entry.key if entry.kind == "county" else "",
                "selected": "", "place": ""}
    if entry.kind == "place":
        return {"place": entry.key, "selected": ""}
    reset = unhiding(catalogue[catalogue["id"] == entry.key], filters)
    return {"selected": entry.key, "place": "",
            **{FILTER_KEYS[name]: list(v) if isinstance(v, tuple) else v for name, v in reset.items()}}


def apply_hit(session: MutableMapping[str, object], value: str | None) -> None:
    """Focus the chosen hit, then empty the box (it is an action, not a filter)."""
    _, by_value = search_index()
    entry = by_value.get(value or "")
    if entry is None:
        return
    session.update(focus_updates(entry, session_filters(session), load_all()["catalogue"]))
    session[SEARCH_KEY] = None


def on_search() -> None:
    """The box's callback: runs before the rerun, so the focus needs no extra run."""
    apply_hit(st.session_state, st.session_state.get(SEARCH_KEY))


def search_box(lang: str) -> None:
    """The search box: type Chinese, pinyin or English; the options filter as you type."""
    try:
        _, by_value = search_index()
    except DataFileError as exc:
        log.error("search index unavailable: %s", exc)
        st.warning(f"{t('find_unavailable', lang)} {as_text(exc)}")
        return
    st.selectbox(t("find_label", lang), list(by_value), index=None, key=SEARCH_KEY,
                 format_func=lambda v: f"{by_value[v].label} — {t('find_kind_' + by_value[v].kind, lang)}",
                 placeholder=t("find_placeholder", lang),
                 filter_mode="contains", on_change=on_search, label_visibility="collapsed")
