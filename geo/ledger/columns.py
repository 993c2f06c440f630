"""The ledger's columns, titles and notes in Chinese and English: the file format the writer makes and the
checker reads back."""

from __future__ import annotations

import re

from geo.languages import pick

COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("seq", "序号", "No."),
    ("task", "任务编号", "Task no."),
    ("heading", "任务", "Task"),
    ("content", "内容", "Content"),
    ("lead", "牵头单位", "Lead units"),
    ("support", "配合单位", "Supporting units"),
    ("cities", "涉及市州", "Cities"),
    ("counties", "涉及区县", "Counties"),
    ("records", "相关项目", "Related projects"),
    ("plan2018", "2018 规划出处", "2018 plan source"),
    ("notes", "备注", "Notes"),
    ("progress", "进展", "Progress"),
    ("progress_note", "进展说明", "Progress note"),
    ("updated", "更新日期", "Updated"),
)
"""(key, Chinese header, English header), in the ledger's order; the last three are filled in by the user."""
KEYS = tuple(key for key, _, _ in COLUMNS)
FILLED_IN = ("progress", "progress_note", "updated")
REQUIRED = ("task", "progress")
"""A sheet is a ledger when one row holds these headers (in either language)."""


def header_key(text: str) -> str:
    """A header cell as compared: no spaces, case folded."""
    return re.sub(r"\s+", "", text).casefold()


HEADER_FIELD = {header_key(h): key for key, zh, en in COLUMNS for h in (zh, en)}


def headers(lang: str) -> list[str]:
    """The header row in the language."""
    return [pick(zh, en, lang) for _, zh, en in COLUMNS]


def header_of(key: str, lang: str) -> str:
    """One column's header in the language."""
    zh, en = next((zh, en) for k, zh, en in COLUMNS if k == key)
    return pick(zh, en, lang)


def is_header(record: list[str]) -> bool:
    """Whether a row of a sheet is the ledger's header row."""
    found = {HEADER_FIELD.get(header_key(cell)) for cell in record}
    return all(key in found for key in REQUIRED)


TITLE = ("兰州—西宁城市群发展“十四五”实施方案 任务台账", "Task ledger: Lanzhou–Xining urban agglomeration, 14th Five-Year implementation plan")
WHOLE_PLAN = ("全部任务", "all tasks")
LEAD_ROLE = ("牵头", "lead")
ANY_ROLE = ("牵头或配合", "lead or supporting")
SOURCE_LINE = (
    "资料来源：《兰州—西宁城市群发展“十四五”实施方案》（甘肃省人民政府办公厅、青海省人民政府办公厅，2022年2月7日），"
    "任务、内容与责任单位摘自原文（网页抓取文本，句子按内容归入任务）；涉及市州、区县与相关项目、2018 规划出处取自"
    "兰西城市群规划地图的项目目录。进展、进展说明、更新日期由填报单位填写（进展：{allowed}）。",
    "Source: 《兰州—西宁城市群发展“十四五”实施方案》 (General Offices of the Gansu and Qinghai provincial governments, "
    "7 February 2022); tasks, content and units quoted from the text (a scraped web page; sentences assigned to tasks by "
    "their content); cities, counties, related projects and 2018 plan sources from the Lanzhou–Xining Plan Map's "
    "catalogue. Progress, progress note and update date are filled in by the reporting unit (progress: {allowed}).")
NOTE_CONTENT = ("责任单位段落按内容归属（原文中位于其他任务的句子之后）", "units paragraph assigned by its content (it stands after another task's sentences)")
NOTE_NO_UNITS = ("抓取文本中无本任务的责任单位段落", "no 责任单位 paragraph for this task in the scraped text")
NOTE_TOPIC = ("原文标题缺失，〔〕内为内容概括", "heading lost in the scraped text; the bracketed topic is a summary")
NOTE_INFERRED = ("“有关市州政府”按相关项目所在市州推定", "有关市州政府 inferred from the related projects' cities")
NOTE_REPAIRED = ("“{source}”为原文简写，已修复为 {units}", "{source} is a condensed form in the text, repaired as {units}")
NOTE_EXPANDED = ("“{source}”拆分为 {units}", "{source} written out as {units}")
INFERRED_MARK = ("（推定）", " (inferred)")
