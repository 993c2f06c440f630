"""Records and tasks joined on the records' own 2022 citations (computed, never curated)."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.ledger.join import ANY, LEAD, build_ledger, tasks_of_citation
from geo.ledger.tasks import read_tasks
from geo.ledger.units import INFERRED

TASKS = read_tasks()



def _cited_2022(catalogue):
    return {rid: [s for s in sources if s["doc"] == "impl2022"] for rid, sources in
            zip(catalogue["id"], catalogue["sources"]) if any(s["doc"] == "impl2022" for s in sources)}


def test_every_record_cited_in_a_task_carries_its_units(catalogue, ledger):
    for rid, sources in _cited_2022(catalogue).items():
        in_goals_only = all(s["section"].startswith("一") for s in sources)
        assert (rid in ledger.tasks_of) != in_goals_only, rid  # only the goals (一) close with no 责任单位
        if rid in ledger.tasks_of:
            lead, support = ledger.record_units(rid)
            with_units = [t for t in ledger.tasks_of[rid] if ledger.task(t).task.units_text]
            assert bool(lead) == bool(with_units)


CITATIONS = [
    ("二(一)1", "兰州陆港型国家物流枢纽", ("二(一)1",)),  # a task: the section decides
    ("二(四)", "推进民和、红古政务事项跨城通办", ("二(四)2",)),  # a sub-section: the task whose text holds it
    ("四(一)", "加强两省机场互动合作", ("四(一)3",)),
    ("五(三)", "加快建设兰州新区承接产业转移示范区", ("五(三)2",)),
    ("二(四)", "(四)建设甘青区域合作创新发展示范区", ("二(四)1", "二(四)2", "二(四)3", "二(四)4")),  # its heading
    ("一(二)", "黄河、湟水河、渭河等流域综合治理取得积极进展", ()),  # the goals: no task
]


@pytest.mark.parametrize("section,quote,expected", CITATIONS, ids=[c[1][:10] for c in CITATIONS])
def test_a_citation_belongs_to_its_tasks(section, quote, expected):
    assert tasks_of_citation(section, quote, TASKS) == expected


def _records(*rows):
    return pd.DataFrame([{"id": rid, "sources": [{"doc": "impl2022", "section": s, "quote": q}],
                          "cities": cities, "counties": []} for rid, s, q, cities in rows],
                        columns=["id", "sources", "cities", "counties"])


def test_the_join_follows_the_records_citations_as_they_change():
    before = build_ledger(_records(("a", "四(一)1", "兰州至合作铁路", ["兰州市"])))
    assert before.tasks_of == {"a": ("四(一)1",)}
    after = build_ledger(_records(("a", "四(一)2", "夏河至同仁公路", ["黄南藏族自治州"]),
                                  ("b", "一(二)", "到2025年", ["兰州市"])))
    assert after.tasks_of == {"a": ("四(一)2",)}  # a citation moved, one without a task is none


def test_the_cities_concerned_are_read_from_the_task_records():
    ledger = build_ledger(_records(("a", "四(一)1", "q", ["兰州市"]), ("b", "四(一)1", "q", ["西宁市", "兰州市"])))
    facts = ledger.task("四(一)1")
    inferred = [u for u in facts.support if u.how == INFERRED]
    assert [u.name for u in inferred] == ["兰州市政府", "西宁市政府"]
    assert facts.cities == ("兰州市", "西宁市")
    lonely = build_ledger(_records()).task("四(一)1")  # no record: kept as the text writes it
    assert [u.name for u in lonely.support if u.how == INFERRED] == ["有关市州政府"]


def test_a_city_government_named_in_the_paragraph_makes_the_city_concerned():
    facts = build_ledger(_records()).task("二(一)1")
    assert facts.cities == ("兰州市",) and facts.units(LEAD) == ("兰州市政府",)


def test_units_by_role(ledger):
    lead = ledger.records_of_unit("兰州市政府", LEAD)
    anyrole = ledger.records_of_unit("兰州市政府", ANY)
    assert lead and lead < anyrole
    assert all(any("兰州市政府" in ledger.task(t).units(LEAD) for t in ledger.tasks_of[r]) for r in lead)
    assert not ledger.records_of_unit("甘肃省交通运输厅", LEAD)
    assert ledger.records_of_unit("甘肃省交通运输厅", ANY)
