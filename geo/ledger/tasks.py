"""The 2022 plan's tasks: each numbered sub-section with its heading, its text and the 责任单位
paragraph that closes it (data/catalogue/impl2022_tasks.csv; its text gathered from the plan by
impl2022_task_text.csv at build time into data/impl2022_task_text.json, so the dashboard needs no seeds)."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geo.files import CATALOGUE_SOURCE_DIR, DATA_DIR, SEEDS_DIR
from geo.ledger.units import UnitRef, parse_units, read_vocabulary
from geo.plan_texts import document_text
from geo.schema import DataFileError

DOCUMENT = "impl2022"
TASKS_FILE = CATALOGUE_SOURCE_DIR / "impl2022_tasks.csv"
TEXT_FILE = CATALOGUE_SOURCE_DIR / "impl2022_task_text.csv"
DERIVED_TEXT = "impl2022_task_text.json"
"""Each section's sentences joined (derived by `python -m geo build`)."""
TASK_COLUMNS = ("task", "heading", "topic", "closes_by", "units", "note")
CLOSES_BY = ("position", "content", "")
"""position: the paragraph stands after the task's own sentences; content: it stands after another
task's sentences and was given to this task by its units and subject; "": the scraped text holds no
paragraph for the task."""
PARAGRAPH = "(责任单位:{units})"
SENTENCE_BEFORE = "。)"
"""A sentence of the normalised text starts after the end of a sentence or heading, or of a paragraph."""
TASK_ID = re.compile(r"^[一二三四五六七八]\([一二三四五六七八]\)\d$")


@dataclass(frozen=True)
class Task:
    """One numbered task of the 2022 plan."""

    id: str  # e.g. 二(一)1
    heading: str  # verbatim; "" when the scraped text lost it
    topic: str  # what a lost heading was about (ours, not the plan's): shown in brackets
    closes_by: str
    units_text: str  # the 责任单位 paragraph's text, verbatim ("" when the text holds none)
    note: str
    lead: tuple[UnitRef, ...]
    support: tuple[UnitRef, ...]
    content: str  # the task's sentences, verbatim, in the order of impl2022_task_text.csv

    def title(self) -> str:
        """The heading, or the topic of a lost heading in brackets."""
        return self.heading or f"〔{self.topic}〕"

    def section(self) -> str:
        """The sub-section the task belongs to (二(一) of 二(一)1)."""
        return self.id[:-1]


def _rows(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if tuple(reader.fieldnames or ()) != columns:
                raise DataFileError(path, f"columns must be {', '.join(columns)}")
            return list(reader)
    except FileNotFoundError:
        raise DataFileError(path, "file not found") from None


def sentence_of(text: str, opening: str) -> str:
    """The one sentence of the normalised text that starts with the opening (to its 。)."""
    starts = [m.start() for m in re.finditer(re.escape(opening), text)
              if m.start() == 0 or text[m.start() - 1] in SENTENCE_BEFORE]
    if len(starts) != 1:
        raise ValueError(f"opening {opening!r} starts {len(starts)} sentences of the text, not one")
    end = text.find("。", starts[0])
    return text[starts[0]:end + 1 if end >= 0 else len(text)]


def section_sentences(text: str, path: Path = TEXT_FILE) -> dict[str, list[str]]:
    """Each section's sentences (verbatim), in the file's order."""
    sentences: dict[str, list[str]] = {}
    for i, row in enumerate(_rows(path, ("section", "opening")), start=2):
        try:
            sentences.setdefault(row["section"], []).append(sentence_of(text, row["opening"]))
        except ValueError as exc:
            raise DataFileError(path, f"line {i}: {exc}") from None
    return sentences


def plan_text(seeds_dir: Path = SEEDS_DIR) -> str:
    """The 2022 plan's normalised text; DataFileError when the seeds folder lacks it."""
    text = document_text(DOCUMENT, seeds_dir)
    if text is None:
        raise DataFileError(seeds_dir, "the 2022 plan's text is not in this folder")
    return text


def section_texts(seeds_dir: Path = SEEDS_DIR, text_file: Path = TEXT_FILE,
                  tasks_file: Path = TASKS_FILE) -> dict[str, str]:
    """Each section's text from the plan, after checking every task's 责任单位 paragraph is verbatim in it."""
    text = plan_text(seeds_dir)
    for i, row in enumerate(_rows(tasks_file, TASK_COLUMNS), start=2):
        if row["units"] and PARAGRAPH.format(units=row["units"]) not in text:
            raise DataFileError(tasks_file, f"line {i} ({row['task']}): the 责任单位 paragraph is not verbatim in the text")
    return {section: "".join(sentences) for section, sentences in section_sentences(text, text_file).items()}


def write_section_texts(out_dir: Path, seeds_dir: Path = SEEDS_DIR) -> Path:
    """Write the sections' texts (the build step; the dashboard and the ledger read them)."""
    path = out_dir / DERIVED_TEXT
    path.write_text(json.dumps(section_texts(seeds_dir), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return path


def _derived(data_dir: Path) -> dict[str, str]:
    path = data_dir / DERIVED_TEXT
    try:
        texts = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataFileError(path, "file not found (run `python -m geo build`)") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise DataFileError(path, f"not valid JSON: {exc}") from None
    if not isinstance(texts, dict) or not all(isinstance(v, str) for v in texts.values()):
        raise DataFileError(path, "must map each section to its text")
    return texts


@lru_cache(maxsize=4)
def read_tasks(tasks_file: Path = TASKS_FILE, data_dir: Path | None = None) -> tuple[Task, ...]:
    """Every task, its paragraph parsed and its text (from the derived file) attached."""
    texts = _derived(data_dir or DATA_DIR)
    vocabulary = read_vocabulary()
    tasks = []
    for i, row in enumerate(_rows(tasks_file, TASK_COLUMNS), start=2):
        where = f"line {i} ({row['task']})"
        if not TASK_ID.match(row["task"]) or row["closes_by"] not in CLOSES_BY:
            raise DataFileError(tasks_file, f"{where}: bad task id or closes_by")
        if bool(row["units"]) != bool(row["closes_by"]) or bool(row["heading"]) == bool(row["topic"]):
            raise DataFileError(tasks_file, f"{where}: units need closes_by; a task has a heading or a topic")
        try:
            lead, support = parse_units(row["units"], vocabulary) if row["units"] else ((), ())
        except ValueError as exc:
            raise DataFileError(tasks_file, f"{where}: {exc}") from None
        tasks.append(Task(row["task"], row["heading"], row["topic"], row["closes_by"], row["units"],
                          row["note"], lead, support, texts.get(row["task"], "")))
    return tuple(tasks)
