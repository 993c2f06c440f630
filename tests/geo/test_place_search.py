"""The search index over the committed data: Chinese, pinyin and English queries."""

import json

import pytest

from geo.catalogue import load_catalogue
from geo.gazetteer import load_places
from geo.place_search import Entry, build_index, load_pinyin, matches, search
from geo.schema import DataFileError

AIRPORT = "airport-lanzhou-zhongchuan-international-airport"


@pytest.fixture(scope="module")
def index(counties, context):
    prefectures = context[context["level"] == "prefecture"]
    return build_index(counties, load_places(), load_catalogue(),
                       dict(zip(prefectures["name_zh"], prefectures["name_en"])), load_pinyin())


@pytest.mark.parametrize("query", ["兰州中川国际机场", "兰州中川", "lanzhouzhongchuan", "LanZhouZhongChuan",
                                   "Zhongchuan International Airport", " zhongchuan "])
def test_chinese_pinyin_and_english_find_the_airport_first(index, query):
    hits = search(index, query)
    assert hits[0].value == f"place:{AIRPORT}"


@pytest.mark.parametrize("query", ["城关区", "chengguanqu", "Chengguan District", "chengguan"])
def test_a_county_is_found_with_its_city(index, counties, query):
    hit = search(index, query)[0]
    row = counties[counties["name_zh"] == "城关区"].iloc[0]
    assert (hit.kind, hit.key, hit.city) == ("county", row["adcode"], row["prefecture"])


def test_every_record_is_found_by_its_english_name(index):
    catalogue = load_catalogue()
    for record in catalogue.itertuples():
        hits = search(index, record.name_en, limit=len(index))
        assert f"record:{record.id}" in [h.value for h in hits], record.name_en


def test_every_record_is_found_by_its_pinyin(index):
    pinyin = load_pinyin()
    for record in load_catalogue().itertuples():
        assert pinyin[record.name_zh], record.name_zh
        assert f"record:{record.id}" in [h.value for h in search(index, pinyin[record.name_zh], limit=400)]


@pytest.mark.parametrize("query", ["qxzvq", "zzzzzz", "", "   ", "New York"])
def test_nonsense_or_blank_finds_nothing(index, query):
    assert search(index, query) == []


def test_the_index_holds_each_city_county_place_and_record(index, counties):
    kinds = {k: [e for e in index if e.kind == k] for k in ("city", "county", "place", "record")}
    assert len(kinds["county"]) == len(counties) and len(kinds["record"]) == len(load_catalogue())
    assert {e.key for e in kinds["city"]} == set(counties["prefecture"])
    assert all(e.name_en for e in kinds["city"])  # English names from the context layer


def test_a_seat_named_like_a_county_is_that_county_not_a_second_hit(index):
    places = load_places()
    seat = places[places["id"] == "seat-chengguan-district-lanzhou"].iloc[0]
    assert [e.kind for e in index if e.name_zh == seat["name_zh"]] == ["county"]
    assert any(e.key == "seat-chengdu" for e in index)  # a seat outside the plan area stays a place


def test_exact_names_rank_before_longer_ones(index):
    hits = search(index, "兰州站")
    assert hits[0].name_zh == "兰州站"
    assert [h.name_zh for h in search(index, "lanzhou")][0] == "兰州市"


def test_matching_is_a_case_blind_substring_of_the_label():
    entry = Entry("place", "p", "兰州站", "Lanzhou railway station", "lanzhouzhan")
    assert entry.label == "兰州站 · Lanzhou railway station · lanzhouzhan"
    assert matches(entry, "RAILWAY") and matches(entry, "zhouzh") and not matches(entry, "xining")


def test_a_missing_or_malformed_pinyin_file_is_a_clear_error(tmp_path):
    with pytest.raises(DataFileError, match="search_pinyin.json: file not found"):
        load_pinyin(tmp_path)
    (tmp_path / "search_pinyin.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(DataFileError, match="name -> pinyin"):
        load_pinyin(tmp_path)
    (tmp_path / "search_pinyin.json").write_text("{", encoding="utf-8")
    with pytest.raises(DataFileError, match="not valid UTF-8 JSON"):
        load_pinyin(tmp_path)
    (tmp_path / "search_pinyin.json").write_text(json.dumps({"兰州": "lanzhou"}), encoding="utf-8")
    assert load_pinyin(tmp_path) == {"兰州": "lanzhou"}
