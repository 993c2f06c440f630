"""Reported progress carried onto the map: each record's 进展 from its tasks', and the counts of tasks
by 进展 per city and per lead unit."""

from __future__ import annotations

import pandas as pd

from geo.ledger.join import LEAD, Ledger
from geo.ledger.progress import STATUSES, least_advanced

NOT_REPORTED = "not_reported"
"""A task (or record) of the ledger with no usable 进展."""
COUNT_KEYS = (*(s.key for s in STATUSES), NOT_REPORTED)


def record_status(ledger: Ledger, task_status: dict[str, str]) -> dict[str, str]:
    """Each record of a reported task with its 进展: the least advanced of its reported tasks'."""
    out = {}
    for record, tasks in ledger.tasks_of.items():
        reported = [task_status[t] for t in tasks if t in task_status]
        if reported:
            out[record] = least_advanced(reported)
    return out


def counts(ledger: Ledger, task_status: dict[str, str], by: str) -> pd.DataFrame:
    """Tasks by 进展 per city (by="city": the task's cities) or per lead unit (by="unit"); one row a
    city or unit that has a reported task, one column a 进展 plus not reported, and a total."""
    rows = []
    for facts in ledger.tasks:
        keys = facts.cities if by == "city" else facts.units(LEAD)
        for key in keys:
            rows.append((key, task_status.get(facts.task.id, NOT_REPORTED)))
    frame = pd.DataFrame(rows, columns=[by, "status"])
    table = pd.crosstab(frame[by], frame["status"]).reindex(columns=list(COUNT_KEYS), fill_value=0)
    table = table[table.drop(columns=NOT_REPORTED).sum(axis=1) > 0]
    order = list(dict.fromkeys(k for k, _ in rows))
    table = table.reindex([k for k in order if k in table.index])
    table["total"] = table.sum(axis=1)
    return table.rename_axis(by).reset_index()
