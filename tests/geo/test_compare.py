import csv
import io
import json

import pytest

from geo import compare
from geo.cli import main
from geo.documents import read_documents
from geo.geojson_files import write_layer
from geo.schema import CATALOGUE
from tests.geo.compare_fixture import DOCUMENTS, fixture_catalogue, fixture_documents

ISSUE_COLUMNS = ["id", "name_zh", "name_en", "status", "cities", "section_2018", "quote_2018",
                 "section_2022", "quote_2022", "verb_2018", "verb_2022"]


@pytest.fixture(scope="module")
def records(counties, context, places, rivers):
    return fixture_catalogue(counties, context, places, rivers)


@pytest.fixture(scope="module")
def table(records):
    docs = fixture_documents()
    return compare.change_list(records, docs, compare.pair_of(docs)).set_index("id")


@pytest.fixture(scope="module")
def catalogue_file(records, tmp_path_factory):
    path = tmp_path_factory.mktemp("compare") / "catalogue.geojson"
    write_layer(records, CATALOGUE, path)
    return path


def test_grouping_carried_on_new_dropped(table):
    assert table.loc["tr-xining-airport-cargo", "status"] == "both"
    assert table.loc["id-baiyin-new-materials", "status"] == "2022"
    assert table.loc["ec-huangshui-wetland", "status"] == "2018"
    assert "cu-hehuang-corridor" not in table.index  # only the third document names it


def test_a_rename_counts_as_both_only_when_a_source_links_it(table):
    renamed = table.loc["ec-lake-restoration"]
    assert renamed["status"] == "both" and renamed["link"] == "renamed" and "湖区" in renamed["link_note"]
    # the same kind of change without a link stays two records: honest, not guessed
    assert table.loc["cu-lanzhou-old-town", "status"] == "2018"
    assert table.loc["cu-lanzhou-old-town-quarter", "status"] == "2022"


def test_verbs_per_document(table):
    rail = table.loc["tr-lanzhou-linxia-intercity"]
    assert (rail["verb_2018"], rail["verb_2022"], rail["verb_changed"]) == ("规划研究", "加快建设", True)
    same = table.loc["tr-xining-airport-cargo"]
    assert (same["verb_2018"], same["verb_2022"], same["verb_changed"]) == ("建设", "建设", False)
    assert table.loc["cu-lanzhou-old-town-quarter", "verb_2022"] == "改造"  # the source's own verb


def test_source_verb_rule():
    verbs = ("规划研究", "建设")
    assert compare.source_verb({"quote": "加快建设甲", "verb": "加快"}, "建设", verbs) == "加快"
    assert compare.source_verb({"quote": "推进甲 建设"}, "推进", verbs) == "推进"
    assert compare.source_verb({"quote": "规划研究甲"}, "推进", verbs) == "规划研究"
    assert compare.source_verb({"quote": "甲乙"}, "推进", verbs) == ""


def test_rows_are_grouped_in_order_and_counted(table):
    statuses = list(table["status"])
    assert statuses == sorted(statuses, key=["both", "2022", "2018"].index)
    docs = fixture_documents()
    grid = compare.counts(table.reset_index(), compare.pair_of(docs))
    assert list(grid.columns) == ["both", "2022", "2018"]
    assert grid.loc["total"].to_dict() == {"both": 3, "2022": 2, "2018": 2}
    assert grid.loc["transport", "both"] == 2 and grid.loc["culture", "2018"] == 1


def test_any_two_documents_compare(records):
    docs = fixture_documents()
    later = compare.change_list(records, docs, compare.pair_of(docs, "impl2022", "plan2035")).set_index("id")
    assert later.loc["tr-lanzhou-linxia-intercity", "status"] == "both"
    assert later.loc["tr-lanzhou-linxia-intercity", "verb_2035"] == "建成"
    assert later.loc["cu-hehuang-corridor", "status"] == "2035"
    assert later.loc["id-baiyin-new-materials", "status"] == "2022"
    assert "ec-huangshui-wetland" not in later.index  # 2018 only: neither document of the pair
    with pytest.raises(KeyError):
        compare.pair_of(docs, "plan2018", "plan2099")


def _csv_rows(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    reader = csv.reader(io.StringIO(raw.decode("utf-8-sig")))
    header = next(reader)
    return header, [dict(zip(header, r)) for r in reader]


def test_cli_csv_columns_and_encoding(tmp_path, catalogue_file):
    out = tmp_path / "changes.csv"
    assert main(["compare", "--catalogue", str(catalogue_file), "--documents", str(DOCUMENTS),
                 "--city", "兰州市", "--out", str(out)]) == 0
    header, rows = _csv_rows(out)
    assert header == ISSUE_COLUMNS
    by_id = {r["id"]: r for r in rows}
    assert set(by_id) == {"tr-lanzhou-linxia-intercity", "cu-lanzhou-old-town", "cu-lanzhou-old-town-quarter"}
    assert by_id["tr-lanzhou-linxia-intercity"]["cities"] == "兰州市; 临夏回族自治州"
    assert by_id["tr-lanzhou-linxia-intercity"]["quote_2022"] == "加快建设兰州至临夏城际铁路"


def test_cli_on_the_project_catalogue(tmp_path):
    out = tmp_path / "lz.csv"
    assert main(["compare", "--city", "兰州市", "--out", str(out)]) == 0
    header, rows = _csv_rows(out)
    assert header == ISSUE_COLUMNS and len(rows) > 20
    assert {r["status"] for r in rows} == {"both", "2018", "2022"}
    assert all("兰州市" in r["cities"] for r in rows)


def test_cli_from_to_on_the_third_document(capsys, catalogue_file):
    assert main(["compare", "--catalogue", str(catalogue_file), "--documents", str(DOCUMENTS),
                 "--from", "impl2022", "--to", "plan2035", "--format", "json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert (body["from"], body["to"]) == ("impl2022", "plan2035")
    assert {r["id"]: r["status"] for r in body["records"]}["cu-hehuang-corridor"] == "2035"
    assert body["counts"]["2035"]["total"] == 1


def test_cli_bad_city_and_bad_document(capsys):
    assert main(["compare", "--city", "兰州"]) == 2
    err = capsys.readouterr().err
    assert "unknown city '兰州'" in err and "兰州市" in err and "Traceback" not in err
    assert main(["compare", "--from", "plan2099"]) == 2
    assert "plan2099" in capsys.readouterr().err


def test_cli_empty_result(tmp_path, capsys, catalogue_file):
    out = tmp_path / "none.csv"
    assert main(["compare", "--catalogue", str(catalogue_file), "--documents", str(DOCUMENTS),
                 "--city", "黄南藏族自治州", "--out", str(out)]) == 0
    header, rows = _csv_rows(out)
    assert header == ISSUE_COLUMNS and rows == []
    assert "no record" in capsys.readouterr().err
    assert main(["compare", "--catalogue", str(catalogue_file), "--documents", str(DOCUMENTS),
                 "--city", "黄南藏族自治州", "--format", "md"]) == 0
    assert "(no records)" in capsys.readouterr().out


def test_project_default_pair_is_2018_to_2022():
    pair = compare.pair_of(read_documents())
    assert pair.columns() == ISSUE_COLUMNS


# The real change list (2018 → 2022) against known cases of the audit (issue 19): record, status,
# and for "both" whether the later source must carry a rename link.
KNOWN_CASES = [
    ("tr-lanzhou-zhongchuan-airport-phase3", "2018", None),      # 两省机场互动合作 is its own record
    ("tr-xining-caojiabu-airport-phase3", "2018", None),
    ("tr-ganqing-airport-cooperation", "2022", None),
    ("tr-zhongchuan-caojiabu-international-routes", "both", False),
    ("tr-general-aviation-airports", "2018", None),                # 通航合作 is its own record
    ("tr-ganqing-general-aviation-cooperation", "2022", None),
    ("ec-weihe-source-protection", "2018", None),                   # the 渭河 basin is not 渭河源
    ("ec-weihe-basin-governance", "both", False),
    ("ec-liujiaxia-reservoir", "2018", None),                       # the 备用水源地 has its own record
    ("wa-liujiaxia-backup-water-source", "2022", None),
    ("ec-qinghai-tibet-plateau-barrier", "both", False),            # named three times in 2018
    ("ec-northern-sand-control-belt", "both", False),
    ("ec-qinghai-lake-governance-zone", "both", True),              # 环青海湖地区 → 青海湖地区
    ("ec-east-qinghai-dry-mountains-governance-zone", "both", True),
    ("en-hainan-clean-energy-base", "both", True),
    ("st-central-lanzhou", "both", False),
    ("st-node-haidong", "2022", None),
]


@pytest.mark.parametrize("record,status,linked", KNOWN_CASES, ids=[c[0] for c in KNOWN_CASES])
def test_the_change_list_states_known_cases(catalogue, record, status, linked):
    docs = read_documents()
    real = compare.change_list(catalogue, docs, compare.pair_of(docs)).set_index("id")
    row = real.loc[record]
    assert row["status"] == status
    if linked is not None:
        assert (row["link"] == "renamed") is linked
