import pytest

from geo.catalogue_sources import check_item, read_items
from geo.documents import DocumentsError, parse_documents, read_documents
from geo.filters import DOC_CHOICES
from geo.plan_texts import quote_in_document
from geo.schema import DOCUMENT_FILES, DOCUMENTS
from tests.geo.compare_fixture import DOCUMENTS as FIXTURE_DOCUMENTS
from tests.geo.compare_fixture import SEEDS, SOURCES, fixture_documents

DOC = {"id": "a", "tag": "1", "file": "a.txt", "title_zh": "甲", "title_en": "A", "short_zh": "甲",
       "short_en": "A", "colour": "#000000"}


def test_the_projects_documents_come_from_the_documents_file():
    docs = read_documents()
    assert docs.ids == ("plan2018", "impl2022")
    assert (docs.default_from, docs.default_to) == ("plan2018", "impl2022")
    assert DOCUMENTS == {d.id: d.title_zh for d in docs.documents}
    assert DOCUMENT_FILES["impl2022"] == docs["impl2022"].file
    assert set(DOC_CHOICES) >= {"all", "plan2018", "impl2022", "both"}
    assert docs["plan2018"].short("en") == "2018 plan" and docs["plan2018"].short("zh") == "2018 规划"


@pytest.mark.parametrize("raw, problem", [
    ({"document": [DOC]}, "at least two"),
    ({"document": [DOC, {**DOC, "tag": "2"}]}, "ids must be unique"),
    ({"document": [DOC, {**DOC, "id": "b", "title_en": ""}]}, "missing title_en"),
    ({"document": [DOC, {**DOC, "id": "b", "tag": "2"}], "compare": {"from": "a", "to": "z"}}, "compare"),
    ({"document": [DOC, {**DOC, "id": "b", "tag": "2"}], "verbs": ["建设", ""]}, "verbs"),
])
def test_a_bad_documents_file_names_the_problem(raw, problem, tmp_path):
    with pytest.raises(DocumentsError, match=problem):
        parse_documents(raw, tmp_path / "documents.toml")


def test_a_missing_documents_file_names_the_file(tmp_path):
    with pytest.raises(DocumentsError, match="file not found"):
        read_documents(tmp_path / "none.toml")


def test_a_third_document_needs_only_its_table_text_and_records():
    docs = fixture_documents()
    assert docs.ids == ("plan2018", "impl2022", "plan2035")
    items = read_items(SOURCES)  # checked against the fixture's own documents file
    cited = {s["doc"] for item in items for s in item["source"]}
    assert "plan2035" in cited
    for item in items:
        for s in item["source"]:
            assert quote_in_document(s["quote"], s["doc"], SEEDS, docs), (item["id"], s["quote"])
    assert not quote_in_document("建成兰州新区", "plan2035", SEEDS, docs)


def test_the_project_refuses_a_document_its_file_does_not_list():
    item = {"id": "cu-x", "name_zh": "甲", "name_en": "A", "category": "culture", "subtype": "tourism",
            "unlocated": "test", "source": [{"doc": "plan2035", "section": "一", "quote": "打造甲"}]}
    assert any("plan2035" in p for p in check_item(item))
    assert check_item(item, fixture_documents().ids) == []


def test_source_links_and_verbs_are_checked():
    base = {"id": "cu-x", "name_zh": "甲", "name_en": "A", "category": "culture", "subtype": "tourism",
            "unlocated": "test", "aliases": ["乙"]}
    first = {"doc": "plan2018", "section": "一", "quote": "推进甲"}
    ok = {**base, "source": [first, {"doc": "impl2022", "section": "二", "quote": "建设乙", "verb": "建设",
                                     "link": "renamed", "link_note": "2022 calls it 乙"}]}
    assert check_item(ok) == []
    no_note = {**ok, "source": [first, {**ok["source"][1], "link_note": ""}]}
    assert any("link_note" in p for p in check_item(no_note))
    bad_kind = {**ok, "source": [first, {**ok["source"][1], "link": "similar"}]}
    assert any("link 'similar'" in p for p in check_item(bad_kind))
    bad_verb = {**ok, "source": [first, {**ok["source"][1], "verb": "加快"}]}
    assert any("verb '加快' does not occur" in p for p in check_item(bad_verb))
    linked_first = {**ok, "source": [ok["source"][1], first]}
    assert any("only a later citation" in p for p in check_item(linked_first))


def test_fixture_documents_file_is_beside_its_records():
    assert FIXTURE_DOCUMENTS.parent == SOURCES
