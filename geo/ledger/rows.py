"""The ledger's rows: the tasks a filter selects, one row a task, with its units, places and projects."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from geo.languages import pick
import geo.ledger.columns as c
from geo.ledger.join import ANY, LEAD, Ledger, TaskFacts
from geo.ledger.units import EXPANDED, INFERRED, REPAIRED, UnitRef, read_vocabulary

JOIN = "、"
PLAN2018 = "plan2018"


@dataclass(frozen=True)
class Selection:
    """Which tasks a ledger holds: those of a unit (as lead, or in any role), in the cities, with the
    records (None: any); empty means no restriction."""

    unit: str = ""
    role: str = ANY
    cities: tuple[str, ...] = ()
    record_ids: frozenset[str] | None = None

    def describe(self, lang: str) -> str:
        """The filter in words, for the title: "兰州市 · 甘肃省交通运输厅（牵头）"."""
        parts = list(self.cities)
        if self.unit:
            role = pick(*(c.LEAD_ROLE if self.role == LEAD else c.ANY_ROLE), lang)
            english = read_vocabulary().english().get(self.unit, self.unit)
            parts.append(f"{self.unit}（{role}）" if lang == "zh" else f"{english} ({role})")
        if self.record_ids is not None:
            n = len(self.record_ids)
            parts.append(pick(f"当前筛选的 {n} 个项目所在任务", f"the tasks of the {n} projects shown", lang))
        return " · ".join(parts) or pick(*c.WHOLE_PLAN, lang)


def select(ledger: Ledger, selection: Selection) -> list[TaskFacts]:
    """The tasks of the selection, in the plan's order."""
    chosen = []
    for facts in ledger.tasks:
        if selection.unit and selection.unit not in facts.units(selection.role):
            continue
        if selection.cities and not set(selection.cities) & set(facts.cities):
            continue
        if selection.record_ids is not None and not selection.record_ids & set(facts.records):
            continue
        chosen.append(facts)
    return chosen


def unit_cell(refs: Iterable[UnitRef], lang: str) -> str:
    """Unit names joined, each one inferred from the records' cities marked."""
    mark = pick(*c.INFERRED_MARK, lang)
    return JOIN.join(dict.fromkeys(r.name + (mark if r.how == INFERRED and r.name != r.source else "")
                                   for r in refs))


def notes(facts: TaskFacts, lang: str) -> str:
    """What the ledger says about how the task's row was made (attribution, lost text, read units)."""
    task, out = facts.task, []
    if task.closes_by == "content":
        out.append(pick(*c.NOTE_CONTENT, lang))
    if not task.units_text:
        out.append(pick(*c.NOTE_NO_UNITS, lang))
    if not task.heading:
        out.append(pick(*c.NOTE_TOPIC, lang))
    refs = facts.lead + facts.support
    if any(r.how == INFERRED and r.name != r.source for r in refs):
        out.append(pick(*c.NOTE_INFERRED, lang))
    for how, note in ((REPAIRED, c.NOTE_REPAIRED), (EXPANDED, c.NOTE_EXPANDED)):
        for source in dict.fromkeys(r.source for r in refs if r.how == how):
            units = JOIN.join(r.name for r in refs if r.source == source and r.how == how)
            out.append(pick(*note, lang).format(source=source, units=units))
    return pick("；", "; ", lang).join(out)


def ledger_frame(ledger_rows: list[TaskFacts], catalogue: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The ledger's table in the language (headers too); the last three columns are empty to fill in."""
    by_id = catalogue.set_index("id")
    name = "name_zh" if lang == "zh" else "name_en"
    rows = []
    for seq, facts in enumerate(ledger_rows, start=1):
        records = by_id.loc[list(facts.records)] if facts.records else by_id.iloc[0:0]
        plan2018 = [s["section"] for sources in records["sources"] for s in sources if s["doc"] == PLAN2018]
        rows.append({
            "seq": seq, "task": facts.task.id, "heading": facts.task.title(), "content": facts.task.content,
            "lead": unit_cell(facts.lead, lang), "support": unit_cell(facts.support, lang),
            "cities": JOIN.join(facts.cities), "counties": JOIN.join(facts.counties),
            "records": JOIN.join(records[name]), "plan2018": "；".join(dict.fromkeys(plan2018)),
            "notes": notes(facts, lang), "progress": "", "progress_note": "", "updated": "",
        })
    frame = pd.DataFrame(rows, columns=list(c.KEYS))
    return frame.set_axis(c.headers(lang), axis=1)
