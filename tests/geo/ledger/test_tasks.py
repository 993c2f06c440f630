"""The 2022 plan's tasks: their text gathered from the plan by content, every sentence held once."""

from __future__ import annotations

import csv
import re

import pytest

from geo.files import DATA_DIR
from geo.ledger.tasks import (CLOSES_BY, DERIVED_TEXT, TEXT_FILE, read_tasks, section_texts, sentence_of,
                              plan_text)
from geo.schema import DataFileError
from tests.seeds import needs_seeds

TASKS = read_tasks()


@needs_seeds
def test_every_sentence_after_the_notice_is_in_exactly_one_section():
    text = plan_text()
    body = text[text.index("一、总体要求"):]
    # sentences: what ends with 。 once headings and 责任单位 paragraphs are taken out
    stripped = re.sub(r"\(责任单位:.*?按职责分工负责\)", "", body)
    stripped = re.sub(r"[一二三四五六七八]、[^(。]*?(?=\()|\([一二三四五六七八]\)[^。(]*?。|\d\.[^。]*?。", "", stripped)
    sentences = [s + "。" for s in stripped.split("。") if s]
    with TEXT_FILE.open(encoding="utf-8") as handle:
        openings = [row["opening"] for row in csv.DictReader(handle)]
    held = [sentence_of(text, o) for o in openings]
    assert sorted(held) == sorted(sentences)


@needs_seeds
def test_the_committed_task_texts_match_the_plan():
    import json

    committed = json.loads((DATA_DIR / DERIVED_TEXT).read_text(encoding="utf-8"))
    assert committed == section_texts()


def test_each_task_has_its_text_and_paragraph_or_says_why_not():
    assert len(TASKS) == 57
    for task in TASKS:
        assert task.closes_by in CLOSES_BY
        assert task.title()
        if not task.units_text:
            assert "no 责任单位 paragraph" in task.note
        if task.closes_by == "content":
            assert task.note.startswith("stands after sentences of ")
    # a task with no sentence of its own in the scrape: 七(三)2 (housing) keeps its paragraph
    assert [t.id for t in TASKS if not t.content] == ["七(三)2"]


@needs_seeds
@pytest.mark.parametrize("task", [t for t in TASKS if t.closes_by], ids=lambda t: t.id)
def test_closes_by_says_whether_the_paragraph_stands_after_its_own_sentences(task):
    text = plan_text()
    paragraph = f"(责任单位:{task.units_text})"
    befores = [text[:m.start()] for m in re.finditer(re.escape(paragraph), text)]
    own = [s for s in task.content.split("。") if s]
    after_own = any(b.endswith(tuple(s + "。" for s in own)) for b in befores)
    assert (task.closes_by == "position") == after_own


def test_content_is_decided_for_the_paragraphs_that_stand_elsewhere():
    by_content = {t.id for t in TASKS if t.closes_by == "content"}
    assert by_content == {"二(一)3", "二(三)2", "二(三)3", "二(四)2", "三(一)1", "三(三)1", "四(一)1",
                          "五(二)2", "六(一)2", "七(三)2"}


@needs_seeds
def test_a_bad_opening_names_the_file_and_line(tmp_path):
    bad = tmp_path / "text.csv"
    bad.write_text("section,opening\n二(一)1,这句话不在文中\n", encoding="utf-8")
    with pytest.raises(ValueError, match="starts 0 sentences"):
        sentence_of("一句话。", "这句话不在文中")
    with pytest.raises(DataFileError, match="line 2"):
        section_texts(text_file=bad)


def test_a_missing_derived_file_says_to_build(tmp_path):
    read_tasks.cache_clear()
    try:
        with pytest.raises(DataFileError, match="python -m geo build"):
            read_tasks(data_dir=tmp_path)
    finally:
        read_tasks.cache_clear()


def test_the_layers_are_not_loaded_without_the_tasks_text(tmp_path):
    import shutil

    from geo.plan_data import load_all

    for path in DATA_DIR.glob("*.*json"):
        shutil.copy(path, tmp_path)
    (tmp_path / DERIVED_TEXT).unlink()
    read_tasks.cache_clear()
    try:
        with pytest.raises(DataFileError, match="impl2022_task_text.json: file not found"):
            load_all(tmp_path)
    finally:
        read_tasks.cache_clear()
