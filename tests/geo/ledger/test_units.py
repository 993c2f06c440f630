"""The 责任单位 paragraphs parsed: every paragraph of the text, every unit verbatim or by a declared rule."""

from __future__ import annotations

import re

import pytest

from geo.ledger.tasks import PARAGRAPH, plan_text, read_tasks
from geo.ledger.units import (BOTH, EXPANDED, HOW, INFERRED, PROVINCE, REPAIRED, SHARED, VERBATIM, UnitsError,
                              parse_units, read_vocabulary)
from tests.seeds import needs_seeds

TASKS = read_tasks()
WITH_UNITS = [t for t in TASKS if t.units_text]
VOCABULARY = read_vocabulary()
PROVINCES = [p for p, _ in VOCABULARY.provinces]


@needs_seeds
def test_every_paragraph_of_the_text_is_a_tasks_paragraph():
    in_text = set(re.findall(r"\(责任单位:(.*?按职责分工负责)\)", plan_text()))
    assert len(in_text) == 44  # distinct paragraphs; one closes two tasks (四(一)1, 四(一)3)
    assert in_text == {t.units_text for t in WITH_UNITS}
    assert len(WITH_UNITS) == 45


@needs_seeds
@pytest.mark.parametrize("task", WITH_UNITS, ids=lambda t: t.id)
def test_each_paragraph_is_verbatim_and_parses(task):
    assert PARAGRAPH.format(units=task.units_text) in plan_text()
    assert task.lead, "every paragraph names a lead"
    lead_text = task.units_text.split("牵头")[0]
    for ref in task.lead:
        assert ref.source in lead_text  # a lead comes from the words before 牵头
    for ref in task.lead + task.support:
        assert ref.how in HOW
        assert ref.source in task.units_text
        if ref.how == VERBATIM:
            assert ref.name in task.units_text
        elif ref.how == BOTH:
            assert ref.source.startswith("两省") and ref.name[3:] == ref.source[2:]
            assert ref.name[:3] in PROVINCES
        elif ref.how == PROVINCE:
            assert ref.source.startswith("省") and ref.name[3:] == ref.source[1:]
        elif ref.how == SHARED:
            assert ref.name == ref.source + "政府" and re.search(re.escape(ref.source) + r"、\w+?政府", task.units_text)
        elif ref.how == EXPANDED:
            assert ref.name in dict(VOCABULARY.expansions[ref.source])
        elif ref.how == REPAIRED:
            repaired = [p + n for text, (_, units) in VOCABULARY.repairs.items() if text in ref.source
                        for p, n, _ in units]
            assert ref.name in repaired
        elif ref.how == INFERRED:
            assert ref.name == ref.source == "有关市州政府"


CASES = [
    # paragraph, lead, supporting (as the ledger writes them, before 有关市州政府 is read)
    ("兰州市政府牵头，甘肃省交通运输厅、省科技厅等部门按职责分工负责",
     ["兰州市政府"], ["甘肃省交通运输厅", "甘肃省科技厅"]),
    ("兰州市、海东市政府牵头，两省教育厅、省医保局等部门按职责分工负责",
     ["兰州市政府", "海东市政府"], ["甘肃省教育厅", "青海省教育厅", "甘肃省医保局", "青海省医保局"]),
    ("两省民政厅牵头，两省住房城乡建设厅、省民(宗)委等部门按职责分工负责",
     ["甘肃省民政厅", "青海省民政厅"], ["甘肃省住房城乡建设厅", "青海省住房城乡建设厅", "甘肃省民委", "青海省民宗委"]),
    ("两省文化和旅游厅、省体育局牵头，两省商务厅、省(政府)外事办等部门，有关市州政府按职责分工负责",
     ["甘肃省文化和旅游厅", "青海省文化和旅游厅", "甘肃省体育局", "青海省体育局"],
     ["甘肃省商务厅", "青海省商务厅", "甘肃省政府外事办", "青海省外事办", "有关市州政府"]),
    ("两省能源局牵头，国网青海省、甘肃省电力公司等部门，有关市州政府及兰州新区管委会按职责分工负责",
     ["甘肃省能源局", "青海省能源局"], ["国网青海省电力公司", "国网甘肃省电力公司", "有关市州政府", "兰州新区管委会"]),
    ("两省商务厅牵头，两省工业和信息化厅，兰州海关、西宁海关等部门，有关市州政府及兰州新区管委会按职责分工负责",
     ["甘肃省商务厅", "青海省商务厅"], ["甘肃省工业和信息化厅", "青海省工业和信息化厅", "兰州海关", "西宁海关",
                                    "有关市州政府", "兰州新区管委会"]),
    ("西宁市、海东市政府牵头，青海省交通运输厅、省生态环境厅等部门按职责分工负责",
     ["西宁市政府", "海东市政府"], ["青海省交通运输厅", "青海省生态环境厅"]),
    ("有关市州政府及兰州新区管委会牵头，两省交通运输厅等部门按职责分工负责",
     ["有关市州政府", "兰州新区管委会"], ["甘肃省交通运输厅", "青海省交通运输厅"]),
]


@pytest.mark.parametrize("text,lead,support", CASES, ids=[c[0][:12] for c in CASES])
def test_paragraphs_parse_as_expected(text, lead, support):
    got_lead, got_support = parse_units(text)
    assert [u.name for u in got_lead] == lead
    assert [u.name for u in got_support] == support


def test_how_each_unit_was_read_is_kept():
    lead, support = parse_units("兰州市、海东市政府牵头，两省民政厅、省民(宗)委等部门，有关市州政府按职责分工负责")
    assert [u.how for u in lead] == [SHARED, VERBATIM]
    assert [u.how for u in support] == [BOTH, BOTH, REPAIRED, REPAIRED, INFERRED]


@pytest.mark.parametrize("text", ["两省宣传部牵头，两省交通运输厅按职责分工负责", "某某公司牵头，按职责分工负责",
                                  "省交通运输厅牵头", "两省交通运输厅按职责分工负责"])
def test_an_unknown_unit_or_form_is_an_error_never_a_guess(text):
    with pytest.raises(UnitsError):
        parse_units(text)


def test_every_unit_has_an_english_name():
    names = VOCABULARY.english()
    for task in TASKS:
        for ref in task.lead + task.support:
            assert names.get(ref.name), ref.name
