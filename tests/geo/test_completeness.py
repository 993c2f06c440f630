"""The completeness file (data/catalogue/completeness.csv) against the catalogue and the two plan texts."""

import csv
import re
from collections import defaultdict

import pytest

from geo.catalogue_sources import read_items
from geo.files import CATALOGUE_SOURCE_DIR, SEEDS_DIR
from geo.plan_texts import document_text, normalise
from geo.schema import DOCUMENT_FILES, DOCUMENTS

COLUMNS = ["doc", "section", "item", "record_id", "note"]
UNLOCATED = "unlocated:"
NOT_SPATIAL = "not spatial: "
from tests.seeds import needs_seeds


def _read_csv(name: str) -> tuple[list[str], list[dict]]:
    with open(CATALOGUE_SOURCE_DIR / name, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return _read_csv("completeness.csv")[1]


@pytest.fixture(scope="module")
def sections_2022() -> list[dict]:
    return _read_csv("impl2022_sections.csv")[1]


@pytest.fixture(scope="module")
def items() -> dict[str, dict]:
    return {item["id"]: item for item in read_items()}


def plan2018_paths(text: str) -> dict[str, str]:
    """Section paths of the 2018 text in reading order (第三章第三节, 第三章第三节 专栏1 …) and their titles."""
    paths, chapter, section = {}, "", ""
    for line in text.splitlines():
        line = line.strip()
        if m := re.fullmatch(r"(第[一二三四五六七八九十]+章)\s+(\S+)", line):
            chapter, section = m.group(1), ""
            paths[chapter] = m.group(2)
        elif (m := re.fullmatch(r"(第[一二三四五六七八九十]+节)\s+(\S+)", line)) and chapter:
            section = m.group(1)
            paths[chapter + section] = m.group(2)
        elif m := re.fullmatch(r"专栏\s*(\d)\s+(\S+)", line):
            paths[f"{chapter}{section} 专栏{m.group(1)}"] = m.group(2)
    return paths


def impl2022_headings(text: str) -> set[str]:
    """Every heading title the (scrambled) 2022 text still holds: 一、… (一)… 1.…"""
    flat = normalise(text)
    chapters = re.findall(r"[一二三四五六七八九十]、([^。(]{2,20})\(一\)", flat)
    parts = re.findall(r"\([一二三四五六七八九十]\)([^。(]{2,30})。", flat)
    items = re.findall(r"(?<![0-9.])[1-9]\.([^。0-9]{2,30})。", flat)
    return set(chapters) | set(parts) | set(items)


def box_rows_without_record(rows: list[dict]) -> list[dict]:
    """Rows of a 2018 box (专栏) that name no record: every box item must be held."""
    return [r for r in rows if r["doc"] == "plan2018" and "专栏" in r["section"] and not r["record_id"]]


def rows_without_record_that_are_not_empty_sections(rows: list[dict]) -> list[dict]:
    """Rows with no record that are not a section saying it has no spatial item, and why."""
    return [r for r in rows if not r["record_id"] and not (
        not r["item"] and r["note"].startswith(NOT_SPATIAL) and len(r["note"]) > len(NOT_SPATIAL) + 5)]


def plan2018_section_texts(text: str) -> dict[str, str]:
    """The normalised text of each path of the 2018 text (a chapter's own text is its introduction;
    a box runs from its title to the next heading)."""
    texts, path, chapter, section = {}, "", "", ""
    for line in text.splitlines():
        line = line.strip()
        if m := re.fullmatch(r"(第[一二三四五六七八九十]+章)\s+(\S+)", line):
            chapter, section = m.group(1), ""
            path = chapter
        elif (m := re.fullmatch(r"(第[一二三四五六七八九十]+节)\s+(\S+)", line)) and chapter:
            section = m.group(1)
            path = chapter + section
        elif m := re.fullmatch(r"专栏\s*(\d)\s+(\S+)", line):
            path = f"{chapter}{section} 专栏{m.group(1)}"
        texts[path] = texts.get(path, "") + normalise(line)
    return texts


def record_id(row: dict) -> str:
    return row["record_id"].removeprefix(UNLOCATED)


def test_columns_and_documents():
    columns, rows = _read_csv("completeness.csv")
    assert columns == COLUMNS
    assert {r["doc"] for r in rows} == set(DOCUMENTS)


def test_every_listed_record_exists_and_says_whether_it_is_unlocated(rows, items):
    for r in rows:
        if r["record_id"]:
            assert record_id(r) in items, r
            assert r["record_id"].startswith(UNLOCATED) == ("unlocated" in items[record_id(r)]), r


def test_every_listed_record_cites_the_section_of_its_row(rows, items):
    for r in filter(lambda r: r["record_id"], rows):
        cited = {(s["doc"], s["section"]) for s in items[record_id(r)]["source"]}
        assert (r["doc"], r["section"]) in cited, r


def test_every_citation_of_every_record_is_listed(rows, items):
    listed = {(record_id(r), r["doc"], r["section"]) for r in rows if r["record_id"]}
    cited = {(rid, s["doc"], s["section"]) for rid, item in items.items() for s in item["source"]}
    assert sorted(cited - listed) == []
    assert {rid for rid, _, _ in listed} == set(items)


def test_rows_without_a_record_are_only_2022_sections_with_no_spatial_item(rows):
    assert rows_without_record_that_are_not_empty_sections(rows) == []
    assert box_rows_without_record(rows) == []


@needs_seeds
def test_every_section_of_the_2018_plan_has_a_row(rows):
    paths = plan2018_paths((SEEDS_DIR / DOCUMENT_FILES["plan2018"]).read_text(encoding="utf-8"))
    listed = {r["section"] for r in rows if r["doc"] == "plan2018"}
    assert len(paths) > 45
    assert [p for p in paths if p not in listed] == []


@needs_seeds
def test_every_row_item_occurs_in_its_section(rows, items):
    """2018: in the section's own text. 2022 (scrambled, sections assigned by content): in a quote its
    record cites for that section."""
    texts = plan2018_section_texts((SEEDS_DIR / DOCUMENT_FILES["plan2018"]).read_text(encoding="utf-8"))
    elsewhere = []
    for r in filter(lambda r: r["item"], rows):
        if r["doc"] == "plan2018":
            found = normalise(r["item"]) in texts.get(r["section"], "")
        else:
            found = any(normalise(r["item"]) in normalise(s["quote"]) for s in items[record_id(r)]["source"]
                        if (s["doc"], s["section"]) == (r["doc"], r["section"]))
        if not found:
            elsewhere.append((r["doc"], r["section"], r["item"]))
    assert elsewhere == []


def test_a_section_without_a_row_or_a_reason_fails():
    reasoned = {"doc": "plan2018", "section": "第九章第三节", "item": "", "record_id": "",
                "note": "not spatial: publicity"}
    bare = dict(reasoned, note="")
    assert rows_without_record_that_are_not_empty_sections([reasoned]) == []
    assert rows_without_record_that_are_not_empty_sections([bare]) == [bare]


def test_a_box_item_without_a_record_fails():
    held = {"doc": "plan2018", "section": "第六章第一节 专栏5", "item": "一批通用机场",
            "record_id": "unlocated:tr-general-aviation-airports", "note": ""}
    unheld = dict(held, record_id="")
    assert box_rows_without_record([held]) == []
    assert box_rows_without_record([held, unheld]) == [unheld]
    assert rows_without_record_that_are_not_empty_sections([unheld]) == [unheld]


@needs_seeds
def test_every_item_occurs_verbatim_in_its_document(rows):
    missing = [r for r in rows if r["item"] and normalise(r["item"]) not in document_text(r["doc"])]
    assert missing == []


@needs_seeds
def test_every_box_of_the_2018_plan_is_listed_with_its_items(rows):
    paths = plan2018_paths((SEEDS_DIR / DOCUMENT_FILES["plan2018"]).read_text(encoding="utf-8"))
    boxes = [p for p in paths if "专栏" in p]
    assert [b.split("专栏")[1] for b in boxes] == [str(n) for n in range(1, 8)]
    counts = defaultdict(int)
    for r in rows:
        if r["doc"] == "plan2018":
            assert r["section"] in paths, r
            counts[r["section"]] += bool(r["item"] and r["record_id"])
    print("\n" + ", ".join(f"{b.split()[-1]}: {counts[b]}" for b in boxes))
    assert all(counts[b] > 0 for b in boxes)


@needs_seeds
def test_2018_citations_use_the_text_section_paths(items):
    paths = plan2018_paths((SEEDS_DIR / DOCUMENT_FILES["plan2018"]).read_text(encoding="utf-8"))
    wrong = [(rid, s["section"]) for rid, item in items.items() for s in item["source"]
             if s["doc"] == "plan2018" and s["section"] not in paths]
    assert wrong == []


@needs_seeds
def test_2022_sections_file_holds_every_heading_of_the_text(sections_2022):
    found = impl2022_headings(document_text("impl2022"))
    listed = {s["heading"] for s in sections_2022 if s["heading"]}
    assert len(found) > 60
    assert found == listed
    assert all(s["note"].startswith("heading not in the scraped text") for s in sections_2022 if not s["heading"])


def test_every_2022_section_is_listed(rows, sections_2022, items):
    paths = [s["section"] for s in sections_2022]
    assert len(paths) == len(set(paths))
    leaves = [p for p in paths if not any(o != p and o.startswith(p) for o in paths)]
    used = {r["section"] for r in rows if r["doc"] == "impl2022"}
    assert sorted(set(leaves) - used) == []
    assert sorted(used - set(paths)) == []
    cited = {s["section"] for item in items.values() for s in item["source"] if s["doc"] == "impl2022"}
    assert sorted(cited - set(paths)) == []
    counts = defaultdict(int)
    for r in rows:
        if r["doc"] == "impl2022" and r["record_id"]:
            counts[r["section"]] += 1
    print("\n" + ", ".join(f"{p}: {counts[p]}" for p in paths if counts[p]))


def test_one_citation_one_section_path(items):
    sections = defaultdict(set)
    for item in items.values():
        for s in item["source"]:
            sections[(s["doc"], normalise(s["quote"]))].add(s["section"])
    assert {k: v for k, v in sections.items() if len(v) > 1} == {}
