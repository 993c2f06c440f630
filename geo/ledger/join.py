"""Which catalogue records each 2022 task holds, computed from the records' own 2022 citations, and
each task's units with 有关市州政府 read as the governments of its records' cities."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

import pandas as pd

from geo.ledger.tasks import DOCUMENT, Task, read_tasks
from geo.ledger.units import INFERRED, SHARED, VERBATIM, UnitRef, Vocabulary, read_vocabulary
from geo.plan_texts import normalise

LEAD, ANY = "lead", "any"
ROLES = (LEAD, ANY)


def tasks_of_citation(section: str, quote: str, tasks: Iterable[Task]) -> tuple[str, ...]:
    """The tasks a 2022 citation belongs to: its section when that is a task; within a broader
    section, the tasks whose text holds the quote, or every task of it when none does (the quote is
    the section's own heading or lead-in, naming what all its tasks serve)."""
    tasks = list(tasks)
    if any(t.id == section for t in tasks):
        return (section,)
    inside = [t for t in tasks if t.id.startswith(section) and len(section) < len(t.id)]
    words = normalise(quote)
    holding = tuple(t.id for t in inside if words in t.content)
    return holding or tuple(t.id for t in inside)


@dataclass(frozen=True)
class TaskFacts:
    """A task with what the catalogue says about it: its records, places and units as the ledger writes them."""

    task: Task
    records: tuple[str, ...]  # record ids, in catalogue order
    cities: tuple[str, ...]  # its records' cities and the cities whose government the paragraph names
    counties: tuple[str, ...]
    lead: tuple[UnitRef, ...]
    support: tuple[UnitRef, ...]

    def units(self, role: str) -> tuple[str, ...]:
        """Unit names of the role: lead only, or any role."""
        refs = self.lead if role == LEAD else self.lead + self.support
        return tuple(dict.fromkeys(r.name for r in refs))


@dataclass(frozen=True)
class Ledger:
    """Every task with its facts, and each record's tasks and cities."""

    tasks: tuple[TaskFacts, ...]
    tasks_of: dict[str, tuple[str, ...]]  # record id -> task ids
    record_cities: dict[str, tuple[str, ...]]
    vocabulary: Vocabulary

    def task(self, task_id: str) -> TaskFacts:
        return self._by_id[task_id]

    @cached_property
    def _by_id(self) -> dict[str, TaskFacts]:
        return {f.task.id: f for f in self.tasks}

    def units(self) -> tuple[str, ...]:
        """Every unit any task names (有关市州政府 read for the task's records), in order of first mention."""
        return tuple(dict.fromkeys(n for f in self.tasks for n in f.units(ANY)))

    @cached_property
    def record_refs(self) -> dict[str, tuple[tuple[UnitRef, ...], tuple[UnitRef, ...]]]:
        """Each record's (lead, supporting) units from its tasks, 有关市州政府 read as the governments
        of the record's own cities; a unit leading one of its tasks is not repeated as support."""
        out = {}
        for record, task_ids in self.tasks_of.items():
            cities = self.record_cities.get(record, ())
            tasks = [self.task(t).task for t in task_ids]
            lead = tuple(dict.fromkeys(r for t in tasks for r in _expand(t.lead, cities, self.vocabulary)))
            names = {r.name for r in lead}
            support = tuple(dict.fromkeys(r for t in tasks for r in _expand(t.support, cities, self.vocabulary)
                                          if r.name not in names))
            out[record] = (lead, support)
        return out

    def record_units(self, record_id: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(lead, supporting) unit names of a record (see record_refs)."""
        lead, support = self.record_refs.get(record_id, ((), ()))
        return tuple(dict.fromkeys(r.name for r in lead)), tuple(dict.fromkeys(r.name for r in support))

    def records_of_unit(self, unit: str, role: str) -> frozenset[str]:
        """Ids of the records with the unit among their units of the role (lead only, or any)."""
        return frozenset(r for r, (lead, support) in self.record_refs.items()
                         if any(u.name == unit for u in (lead if role == LEAD else lead + support)))


def _expand(refs: tuple[UnitRef, ...], cities: tuple[str, ...], v: Vocabulary) -> tuple[UnitRef, ...]:
    out: list[UnitRef] = []
    for ref in refs:
        governments = [v.government_of(c) for c in cities if c in v.cities]
        if ref.how == INFERRED and governments:
            out += [UnitRef(g, INFERRED, ref.source) for g in governments]
        else:
            out.append(ref)
    return tuple(dict.fromkeys(out))


def build_ledger(records: pd.DataFrame, tasks: tuple[Task, ...] | None = None,
                 v: Vocabulary | None = None) -> Ledger:
    """The join of the tasks and the records (id, sources, cities, counties) that cite them."""
    tasks, v = tasks or read_tasks(), v or read_vocabulary()
    tasks_of: dict[str, tuple[str, ...]] = {}
    for rid, sources in zip(records["id"], records["sources"]):
        found = [t for s in sources if s["doc"] == DOCUMENT
                 for t in tasks_of_citation(s["section"], s["quote"], tasks)]
        if found:
            tasks_of[rid] = tuple(dict.fromkeys(found))
    cities = dict(zip(records["id"], records["cities"]))
    counties = dict(zip(records["id"], records["counties"]))
    named = {g: c for c, (g, _) in v.cities.items()}
    facts = []
    for task in tasks:
        ids = tuple(r for r in records["id"] if task.id in tasks_of.get(r, ()))
        own = [c for r in ids for c in cities[r]]
        by_name = [named[u.name] for u in task.lead + task.support
                   if u.name in named and u.how in (VERBATIM, SHARED)]
        task_cities = tuple(dict.fromkeys([*own, *by_name]))
        facts.append(TaskFacts(task, ids, task_cities, tuple(dict.fromkeys(c for r in ids for c in counties[r])),
                               _expand(task.lead, tuple(dict.fromkeys(own)), v),
                               _expand(task.support, tuple(dict.fromkeys(own)), v)))
    return Ledger(tuple(facts), tasks_of, {r: tuple(cities[r]) for r in tasks_of}, v)


def _fingerprint(records: pd.DataFrame) -> tuple:
    return tuple((rid, tuple((s["section"], s["quote"]) for s in sources if s["doc"] == DOCUMENT),
                  tuple(cs), tuple(ks))
                 for rid, sources, cs, ks in zip(records["id"], records["sources"], records["cities"],
                                                 records["counties"]))


@lru_cache(maxsize=8)
def _cached(fingerprint: tuple) -> Ledger:
    frame = pd.DataFrame(
        [(rid, [{"doc": DOCUMENT, "section": s, "quote": q} for s, q in cites], list(cs), list(ks))
         for rid, cites, cs, ks in fingerprint], columns=["id", "sources", "cities", "counties"])
    return build_ledger(frame)


def ledger_of(catalogue: pd.DataFrame) -> Ledger:
    """The ledger of a catalogue (built once per distinct set of records and citations)."""
    return _cached(_fingerprint(catalogue))
