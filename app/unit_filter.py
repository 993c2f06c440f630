"""The filter by the 2022 plan's 责任单位: a unit, leads only or any role (one URL parameter, `unit`),
and a city's own government as lead one click from the city filter."""

from __future__ import annotations

from collections.abc import MutableMapping

import pandas as pd
import streamlit as st

from app.cached_data import load_all
from geo.filters import split_unit_choice, unit_choice
from geo.ledger import ANY, LEAD, ROLES, ledger_of, read_vocabulary
from layers.labels import t

KEY = "w_unit"  # the shared value ("lead:兰州市政府"); the two widgets below follow it
NAME_KEY, LEAD_KEY = "w_unit_name", "w_unit_lead"


def unit_names(catalogue: pd.DataFrame) -> tuple[str, ...]:
    """Every unit the tasks name, as the ledger writes them: the cities' governments in the plan's
    order, then Gansu's and Qinghai's departments, then the others (each group by name)."""
    vocabulary = read_vocabulary()
    governments = [g for g, _ in vocabulary.cities.values()]
    provinces = [p for p, _ in vocabulary.provinces]

    def rank(unit: str) -> tuple:
        if unit in governments:
            return 0, governments.index(unit), unit
        province = next((i for i, p in enumerate(provinces) if unit.startswith(p)), None)
        return (1, province, unit) if province is not None else (2, 0, unit)
    return tuple(sorted(ledger_of(catalogue).units(), key=rank))


def unit_values(catalogue: pd.DataFrame) -> tuple[str, ...]:
    """The unit filter's allowed values: each unit with each role."""
    return tuple(unit_choice(role, unit) for unit in unit_names(catalogue) for role in ROLES)


@st.cache_resource(show_spinner=False)
def served_unit_values() -> tuple[str, ...]:
    """unit_values() of the served catalogue, once per server (the page asks on every run)."""
    return unit_values(load_all()["catalogue"])


def unit_label(unit: str, lang: str) -> str:
    """A unit as the filter lists it: the ledger's name, with its English name on the English page."""
    if lang == "en" and (english := read_vocabulary().english().get(unit)):
        return f"{english} ({unit})"
    return unit


def _compose(session: MutableMapping[str, object]) -> None:
    """The two widgets' values become the shared value."""
    unit = session.get(NAME_KEY) or ""
    session[KEY] = unit_choice(LEAD if session.get(LEAD_KEY) else ANY, unit) if unit else ""


def _choose(session: MutableMapping[str, object], value: str) -> None:
    session[KEY] = value


def city_government_buttons(session: MutableMapping[str, object], lang: str) -> None:
    """Under the city filter: for each chosen city, its government as lead in one click."""
    vocabulary = read_vocabulary()
    for city in session.get("w_cities") or []:
        if city not in vocabulary.cities:
            continue
        government, english = vocabulary.cities[city]
        value = unit_choice(LEAD, government)
        name = english if lang == "en" else government
        st.button(t("unit_city_lead", lang).format(government=name), key=f"w_unit_city_{city}",
                  on_click=_choose, args=(session, value), disabled=session.get(KEY) == value,
                  type="tertiary", icon=":material/filter_alt:")


def unit_filter(catalogue: pd.DataFrame, lang: str) -> None:
    """The unit select box and its leads-only toggle (both follow the shared `unit` value)."""
    s = st.session_state
    role, unit = split_unit_choice(s.get(KEY) or "")
    s[NAME_KEY], s[LEAD_KEY] = unit, role == LEAD
    st.selectbox(t("unit_filter", lang), ["", *unit_names(catalogue)], key=NAME_KEY, on_change=_compose, args=(s,),
                 format_func=lambda u: unit_label(u, lang) if u else t("any", lang), help=t("unit_help", lang))
    st.toggle(t("unit_lead_only", lang), key=LEAD_KEY, on_change=_compose, args=(s,), disabled=not unit)
