"""A record's 2022 tasks and their 责任单位 (牵头, 配合) as the popup and the table show them."""

from __future__ import annotations

import html
from collections.abc import Iterable

from geo.ledger import Ledger, read_vocabulary
from geo.ledger.units import INFERRED, UnitRef
from layers.labels import t

JOIN = {"zh": "、", "en": ", "}


def unit_text(refs: Iterable[UnitRef], lang: str) -> str:
    """Unit names in the language, compact: the provinces' departments grouped under their provinces
    ("甘肃省、青海省：交通运输厅、生态环境厅"), then the other units, each inferred one marked."""
    v = read_vocabulary()
    provinces = dict(v.provinces)
    english = v.english() if lang == "en" else {}
    mark = t("inferred_mark", lang)
    departments: dict[str, list[str]] = {}  # department -> its provinces, in order
    others: list[str] = []
    for r in refs:
        province = next((p for p in provinces if r.name.startswith(p) and r.name[len(p):] in v.departments), None)
        if province is not None:
            departments.setdefault(r.name[len(province):], []).append(province)
        else:
            others.append(english.get(r.name, r.name) + (mark if r.how == INFERRED and r.name != r.source else ""))
    by_provinces: dict[tuple[str, ...], list[str]] = {}
    for department, where in departments.items():
        by_provinces.setdefault(tuple(dict.fromkeys(where)), []).append(
            v.departments[department] if lang == "en" else department)
    sep, colon = ("; ", ": ") if lang == "en" else ("；", "：")
    groups = [(" and ".join(provinces[p] for p in where) if lang == "en" else "、".join(where))
              + colon + JOIN.get(lang, "、").join(names) for where, names in by_provinces.items()]
    if others:
        groups.append(JOIN.get(lang, "、").join(dict.fromkeys(others)))
    return sep.join(groups)


def record_task_texts(ledger: Ledger, record_id: str, lang: str) -> tuple[str, str, str]:
    """(tasks, lead, supporting) of a record as text; empty strings for a record of no task."""
    lead, support = ledger.record_refs.get(record_id, ((), ()))
    tasks = "、".join(ledger.tasks_of.get(record_id, ()))
    return tasks, unit_text(lead, lang), unit_text(support, lang)


def task_units_html(ledger: Ledger, record_id: str, lang: str) -> str:
    """The popup's lines: the record's 2022 tasks, their lead and supporting units (text escaped)."""
    tasks, lead, support = record_task_texts(ledger, record_id, lang)
    if not tasks:
        return ""
    lines = [f"<br>{html.escape(t('col_tasks', lang))}: {html.escape(tasks)}"]
    if lead:
        lines.append(f"<br><b>{html.escape(t('col_lead', lang))}</b>: <small>{html.escape(lead)}</small>")
    if support:
        lines.append(f"<br>{html.escape(t('col_support', lang))}: <small>{html.escape(support)}</small>")
    return "".join(lines)
