import pytest

from geo.filters import Filters, comparison_class, counts_by_category, filter_catalogue
from geo.schema import CATEGORIES


def test_no_filter_keeps_everything(catalogue):
    assert len(filter_catalogue(catalogue, Filters())) == len(catalogue)


def test_city_filter_keeps_records_touching_the_city(catalogue):
    out = filter_catalogue(catalogue, Filters(cities=("西宁市",)))
    assert 0 < len(out) < len(catalogue)
    assert out["cities"].map(lambda cs: "西宁市" in cs).all()


def test_several_cities_are_a_union(catalogue):
    a = filter_catalogue(catalogue, Filters(cities=("西宁市",)))
    b = filter_catalogue(catalogue, Filters(cities=("定西市",)))
    ab = filter_catalogue(catalogue, Filters(cities=("西宁市", "定西市")))
    assert set(ab["id"]) == set(a["id"]) | set(b["id"])


def test_county_filter(catalogue):
    out = filter_catalogue(catalogue, Filters(county="620121"))  # 永登县
    assert len(out) > 0
    assert out["county_adcodes"].map(lambda cs: "620121" in cs).all()


def test_category_and_mode(catalogue):
    rail = filter_catalogue(catalogue, Filters(categories=("transport",), modes=("railway",)))
    assert len(rail) > 0 and (rail["subtype"] == "railway").all()
    mixed = filter_catalogue(catalogue, Filters(categories=("transport", "water"), modes=("airport",)))
    assert set(mixed["category"]) == {"transport", "water"}
    assert set(mixed.loc[mixed["category"] == "transport", "subtype"]) == {"airport"}


def test_document_filter(catalogue):
    only_2022 = filter_catalogue(catalogue, Filters(doc="impl2022"))
    assert only_2022["docs"].map(lambda d: "impl2022" in d).all()
    both = filter_catalogue(catalogue, Filters(doc="both"))
    assert both["docs"].map(len).eq(2).all()
    assert len(both) < len(only_2022)


def test_text_search_matches_chinese_and_english(catalogue):
    zh = filter_catalogue(catalogue, Filters(text="机场"))
    en = filter_catalogue(catalogue, Filters(text="airport"))
    assert len(zh) > 0 and len(en) > 0
    assert zh["name_zh"].str.contains("机场").all()


def test_empty_result_is_an_empty_frame(catalogue):
    out = filter_catalogue(catalogue, Filters(text="no such project 不存在"))
    assert out.empty and list(out.columns) == list(catalogue.columns)


def test_comparison_classes():
    assert comparison_class(["plan2018"]) == "plan2018_only"
    assert comparison_class(["impl2022"]) == "impl2022_only"
    assert comparison_class(["impl2022", "plan2018"]) == "both"


def test_counts_cover_every_category(catalogue):
    counts = counts_by_category(catalogue.iloc[0:0], CATEGORIES)
    assert list(counts.index) == list(CATEGORIES) and counts.sum() == 0


PLAN_CITIES = ("兰州市", "白银市", "定西市", "临夏回族自治州", "西宁市", "海东市", "海北藏族自治州",
               "海南藏族自治州", "黄南藏族自治州")


@pytest.mark.parametrize("city", PLAN_CITIES)
def test_city_filter_returns_only_records_with_a_reason_for_the_city(catalogue, city):
    out = filter_catalogue(catalogue, Filters(cities=(city,)))
    assert len(out) > 0
    for _, row in out.iterrows():
        mine = [e for e in row["attribution"] if e["city"] == city]
        assert mine and all(e["reason"] for e in mine), row["id"]
    expected = {r["id"] for _, r in catalogue.iterrows() if any(e["city"] == city for e in r["attribution"])}
    assert set(out["id"]) == expected


@pytest.mark.parametrize("city", PLAN_CITIES)
def test_located_only_narrows_to_records_located_in_the_city(catalogue, city):
    every = filter_catalogue(catalogue, Filters(cities=(city,)))
    located = filter_catalogue(catalogue, Filters(cities=(city,), located_only=True))
    assert set(located["id"]) <= set(every["id"])
    for _, row in located.iterrows():
        assert any(e["city"] == city and e["relation"] == "located" for e in row["attribution"]), row["id"]
    dropped = every[~every["id"].isin(located["id"])]
    for _, row in dropped.iterrows():
        assert all(e["relation"] != "located" for e in row["attribution"] if e["city"] == city)


def test_located_only_drops_an_area_spanning_two_cities(catalogue):
    located = filter_catalogue(catalogue, Filters(cities=("西宁市",), located_only=True))
    every = filter_catalogue(catalogue, Filters(cities=("西宁市",)))
    assert "st-xining-haidong-metro-circle" in set(every["id"]) - set(located["id"])
