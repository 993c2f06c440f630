"""The 2022 tasks' units and a ledger's progress as the map shows them: popup lines, colours, legend."""

from __future__ import annotations

import pytest

from geo.catalogue import load_catalogue
from geo.filters import Filters, filter_catalogue
from geo.ledger import ledger_of
from layers import styles
from layers.plan_items import popup_html, presentation, style_of
from layers.progress_legend import progress_entries
from layers.task_units import record_task_texts, task_units_html


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def _record_of_task(catalogue, task: str):
    ledger = ledger_of(catalogue)
    rid = next(r for r, ts in ledger.tasks_of.items() if task in ts)
    return ledger, catalogue.set_index("id", drop=False).loc[rid]


def test_the_popup_names_the_tasks_lead_and_supporting_units(catalogue):
    ledger, row = _record_of_task(catalogue, "二(一)2")
    lines = task_units_html(ledger, row["id"], "zh")
    assert "2022 任务: 二(一)2" in lines and "<b>牵头</b>: <small>西宁市政府" in lines
    assert "配合: <small>青海省：交通运输厅、林草局" in lines  # a province's departments under its name
    english = task_units_html(ledger, row["id"], "en")
    assert "Xining Municipal Government" in english and "Qinghai: Department of Transport, " in english
    assert lines in popup_html(row, "zh", lines)


def test_both_provinces_departments_are_grouped_and_other_units_follow():
    from geo.ledger.units import parse_units
    from layers.task_units import unit_text

    lead, support = parse_units("两省民政厅、甘肃省交通运输厅牵头，两省住房城乡建设厅、省民(宗)委等部门，"
                                "兰州海关按职责分工负责")
    assert unit_text(lead, "zh") == "甘肃省、青海省：民政厅；甘肃省：交通运输厅"
    # a repaired name differs by province: written out whole, among the other units
    assert unit_text(support, "zh") == "甘肃省、青海省：住房城乡建设厅；甘肃省民委、青海省民宗委、兰州海关"
    assert unit_text(support, "en") == ("Gansu and Qinghai: Department of Housing and Urban-Rural Development; "
                                        "Gansu Ethnic Affairs Commission, Qinghai Ethnic and Religious Affairs "
                                        "Commission, Lanzhou Customs")


def test_the_governments_concerned_are_this_records_cities_marked_inferred(catalogue):
    ledger, row = _record_of_task(catalogue, "四(一)1")
    tasks, lead, support = record_task_texts(ledger, row["id"], "zh")
    governments = [f"{ledger.vocabulary.government_of(c)}（推定）" for c in row["cities"]]
    assert governments and all(g in support for g in governments)
    others = set(ledger.task("四(一)1").cities) - set(row["cities"])
    assert not any(ledger.vocabulary.government_of(c) in support for c in others if c in ledger.vocabulary.cities)


def test_unit_text_is_escaped_in_the_popup():
    import pandas as pd

    from geo.ledger.join import build_ledger
    from geo.ledger.tasks import Task
    from geo.ledger.units import UnitRef

    odd = UnitRef("<img src=x onerror=alert(1)>", "verbatim", "<img src=x onerror=alert(1)>")
    task = Task("二(一)1", "h", "", "position", "p", "", (odd,), (), "")
    records = pd.DataFrame([{"id": "r", "sources": [{"doc": "impl2022", "section": "二(一)1", "quote": "q"}],
                             "cities": [], "counties": []}])
    html = task_units_html(build_ledger(records, (task,)), "r", "zh")
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "<img" not in html


def test_progress_colours_the_records_and_the_rest_are_unreported(catalogue):
    ledger, row = _record_of_task(catalogue, "二(一)1")
    assert style_of(row, False, {row["id"]: "lagging"})["fillColor" if row.geometry.geom_type == "Point"
                                                       else "color"] == styles.PROGRESS_COLOURS["lagging"]
    other = catalogue[catalogue.geometry.notna()].iloc[0]  # a drawn record (unlocated ones have no style)
    colour = style_of(other, False, {})
    assert styles.PROGRESS_COLOURS["not_reported"] in (colour.get("fillColor"), colour.get("color"))
    presented = presentation(catalogue[catalogue["id"] == row["id"]], "zh", False, {row["id"]: "completed"})
    assert "<b>进展</b>: 已完成" in presented.iloc[0]["pop"]


def test_the_legend_counts_each_progress_drawn():
    entries = progress_entries(("a", "b", "c", "d"), {"a": "completed", "b": "completed", "c": "lagging"}, "en")
    assert [e.label for e in entries] == ["Completed · 2", "Behind schedule · 1", "Not reported · 1"]
    assert entries[0].color == styles.PROGRESS_COLOURS["completed"]


@pytest.mark.parametrize("value,role", [("lead:兰州市政府", "lead"), ("any:兰州市政府", "any")])
def test_the_unit_filter_keeps_the_records_of_the_units_tasks(catalogue, value, role):
    shown = filter_catalogue(catalogue, Filters(unit=value))
    ledger = ledger_of(catalogue)
    assert len(shown) and set(shown["id"]) == ledger.records_of_unit("兰州市政府", role)
    lead, support = zip(*(ledger.record_units(r) for r in shown["id"]))
    assert all("兰州市政府" in (ls if role == "lead" else ls + ss) for ls, ss in zip(lead, support))


def test_a_bad_unit_value_filters_nothing(catalogue):
    assert len(filter_catalogue(catalogue, Filters(unit="boss:兰州市政府"))) == len(catalogue)
