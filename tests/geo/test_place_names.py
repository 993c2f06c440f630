"""The one lookup of cities and counties by any name the page shows (links and command lines)."""

import pytest

from geo.place_names import city_lookup, county_lookup, name_key, plan_cities, resolve
from geo.place_search import load_pinyin


@pytest.fixture(scope="module")
def cities(counties, context):
    return city_lookup(counties, context, load_pinyin())


@pytest.fixture(scope="module")
def county_names(counties):
    return county_lookup(counties, load_pinyin())


@pytest.mark.parametrize("name", ["西宁市", "Xining", "xining", "XINING", "xiningshi", " Xining ", "Ｘｉｎｉｎｇ"])
def test_a_city_by_every_name_the_page_shows(cities, name):
    assert cities.find(name) == "西宁市"


@pytest.mark.parametrize("name, city", [("Haibei Autonomous Prefecture", "海北藏族自治州"),
                                        ("haibei", "海北藏族自治州"), ("haibeizangzuzizhizhou", "海北藏族自治州"),
                                        ("linxia", "临夏回族自治州"), ("Lanzhou", "兰州市")])
def test_long_names_and_their_short_forms(cities, name, city):
    assert cities.find(name) == city


@pytest.mark.parametrize("name", ["北京市", "Beijing", "", "  ", "兰州", "[x](http://evil.example/)"])
def test_unknown_names_are_none(cities, name):
    assert cities.find(name) is None


@pytest.mark.parametrize("name", ["630222", "民和回族土族自治县", "民和县", "Minhe Autonomous County", "minhe",
                                  "minhehuizutuzuzizhixian"])
def test_a_county_by_every_name_the_page_shows(county_names, name):
    assert county_names.find(name) == "630222"


def test_county_names_two_counties_share_are_not_guessed(counties):
    # Two counties whose English names share their first word: the short form names neither.
    twins = counties.copy()
    twins.loc[twins["adcode"] == "620102", "name_en"] = "Xigu North District"
    lookup = county_lookup(twins, {})
    assert lookup.find("Xigu") is None
    assert lookup.find("Xigu District") == "620104" and lookup.find("Xigu North District") == "620102"


def test_every_city_and_county_is_found_by_each_of_its_names(counties, context, cities, county_names):
    pinyin = load_pinyin()
    english = dict(zip(context["name_zh"], context["name_en"]))
    for city in plan_cities(counties):
        assert {cities.find(n) for n in (city, english[city], pinyin[city])} == {city}
    for row in counties.itertuples():
        assert {county_names.find(n) for n in (row.adcode, row.name_zh, row.name_en, pinyin[row.name_zh])} \
            == {row.adcode}


def test_resolve_names_the_choices_when_unknown(cities, counties):
    assert resolve(cities, "xining", plan_cities(counties)) == "西宁市"
    with pytest.raises(ValueError, match="unknown city 'Atlantis': choose one of 兰州市, 白银市"):
        resolve(cities, "Atlantis", plan_cities(counties))


def test_name_key_ignores_case_width_spaces_and_hyphens():
    assert name_key("Xi-Ning  ") == name_key("xining") == name_key("ＸＩＮＩＮＧ")
