import re

import pytest

from geo.catalogue_sources import check_item, read_items
from geo.plan_texts import quote_in_document
from geo.schema import CATEGORIES, SUBTYPES

from tests.seeds import needs_seeds


def test_counts_per_category(catalogue):
    counts = catalogue["category"].value_counts()
    print("\n" + ", ".join(f"{c}: {counts.get(c, 0)}" for c in CATEGORIES) + f"; total {len(catalogue)}")
    assert set(counts.index) == set(CATEGORIES)
    assert len(catalogue) >= 200


def test_ids_unique_and_vocabulary_closed(catalogue):
    assert catalogue["id"].is_unique
    for _, row in catalogue.iterrows():
        assert row["subtype"] in SUBTYPES[row["category"]], row["id"]


@needs_seeds
def test_every_quote_occurs_verbatim_in_its_document(catalogue):
    missing = [(row["id"], s["doc"], s["quote"]) for _, row in catalogue.iterrows()
               for s in row["sources"] if not quote_in_document(s["quote"], s["doc"])]
    assert missing == []


def test_every_verb_is_in_a_quote(catalogue):
    for _, row in catalogue.iterrows():
        if row["verb"]:
            assert any(row["verb"] in "".join(s["quote"].split()) for s in row["sources"]), row["id"]


def test_docs_list_matches_sources(catalogue):
    for _, row in catalogue.iterrows():
        assert sorted(row["docs"]) == sorted({s["doc"] for s in row["sources"]})


def test_every_record_resolves_its_places(catalogue, places):
    names = set(places["name_zh"])
    for _, row in catalogue.iterrows():
        assert set(row["places"]) <= names, row["id"]


def test_point_records_take_the_city_of_their_place(catalogue, places):
    by_name = places.set_index("name_zh")
    for _, row in catalogue[catalogue["geometry_rule"] == "at"].iterrows():
        place = by_name.loc[row["places"][0]]
        if place["county_adcode"]:
            # A dam or reservoir on a border river also belongs to the other bank (issue 19).
            assert row["county_adcodes"][:1] == [place["county_adcode"]] or (
                place["bank_county"] and place["county_adcode"] in row["county_adcodes"]), row["id"]
            assert len(row["county_adcodes"]) == 1 + bool(place["bank_county"]), row["id"]
            assert row["cities"][:1] == [place["prefecture"]] or place["bank_county"], row["id"]


def test_records_touch_the_plan_area_or_say_why(catalogue):
    # A record with no plan county lies wholly outside the plan area: it names where, as text.
    silent = catalogue[(catalogue["cities"].map(len) == 0) & catalogue["located"]
                       & (catalogue["outside"].map(len) == 0)]
    assert silent.empty, list(silent["id"])


def test_lines_through_places_are_schematic(catalogue):
    lines = catalogue[catalogue["geometry_rule"] == "through"]
    assert lines["schematic"].all()


def test_check_item_reports_each_problem():
    bad = {"id": "xx-1", "name_zh": "甲", "name_en": "A", "category": "transport", "subtype": "canal",
           "verb": "新建", "at": "兰州市", "units": ["兰州市"],
           "source": [{"doc": "plan2099", "section": "一", "quote": "推进"}]}
    problems = " | ".join(check_item(bad))
    for fragment in ("id must start with 'tr-'", "subtype 'canal'", "exactly one geometry key",
                     "source doc 'plan2099'", "verb '新建' occurs in none"):
        assert fragment in problems


def test_sources_read_cleanly():
    assert len(read_items()) >= 200


def test_malformed_source_file_is_a_clear_error(tmp_path):
    import shutil

    from geo.files import CATALOGUE_SOURCE_DIR
    from geo.schema import DataFileError

    shutil.copytree(CATALOGUE_SOURCE_DIR, tmp_path / "catalogue")
    path = tmp_path / "catalogue" / "transport.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\n[[item]\nbroken", encoding="utf-8")
    with pytest.raises(DataFileError, match="transport.toml: not valid TOML"):
        read_items(tmp_path / "catalogue")


def test_unknown_subtype_in_a_source_file_names_the_item(tmp_path):
    import shutil

    from geo.files import CATALOGUE_SOURCE_DIR
    from geo.schema import DataFileError

    shutil.copytree(CATALOGUE_SOURCE_DIR, tmp_path / "catalogue")
    path = tmp_path / "catalogue" / "structure.toml"
    text = path.read_text(encoding="utf-8").replace('subtype = "belt"', 'subtype = "ribbon"', 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match="structure.toml: item st-.*subtype 'ribbon'"):
        read_items(tmp_path / "catalogue")


UNLOCATED = {"id": "en-pumped-storage-test", "name_zh": "抽水蓄能电站", "name_en": "Pumped-storage plants",
             "category": "energy", "subtype": "hydropower", "verb": "",
             "unlocated": "the plan gives no place", "cities": ["兰州市"],
             "source": [{"doc": "plan2018", "section": "第六章", "quote": "合理布局抽水蓄能电站"}]}


def test_check_item_accepts_an_unlocated_record_and_rejects_a_bare_one():
    assert check_item(UNLOCATED) == []
    assert any("unlocated must say why" in p for p in check_item({**UNLOCATED, "unlocated": " "}))
    located = {k: v for k, v in UNLOCATED.items() if k != "unlocated"} | {"at": "兰州市"}
    assert any("cities may be given only" in p for p in check_item(located))


def test_an_unlocated_record_has_no_geometry_and_keeps_its_named_cities(places, county_polygons, rivers,
                                                                        tmp_path):
    from geo.catalogue import build_catalogue
    from geo.geojson_files import read_layer, write_layer
    from geo.schema import CATALOGUE

    nameless = {**UNLOCATED, "id": "en-nameless-test"}
    del nameless["cities"]
    built = build_catalogue([UNLOCATED, nameless], places, county_polygons, rivers)
    path = write_layer(built, CATALOGUE, tmp_path / "catalogue.geojson")
    assert '"geometry":null' in path.read_text(encoding="utf-8")
    back = read_layer(path, CATALOGUE).set_index("id")
    assert back.geometry.isna().all() and not back["located"].any()
    assert back.loc["en-pumped-storage-test", "cities"] == ["兰州市"]
    assert back.loc["en-nameless-test", "cities"] == [] and back.loc["en-nameless-test", "counties"] == []
    assert back.loc["en-nameless-test", "unlocated_reason"] == "the plan gives no place"


def test_an_unlocated_record_naming_a_city_outside_the_plan_is_an_error(places, county_polygons, rivers):
    from geo.catalogue import CatalogueError, build_catalogue

    with pytest.raises(CatalogueError, match="not prefecture-level units of the plan"):
        build_catalogue([{**UNLOCATED, "cities": ["武威市"]}], places, county_polygons, rivers)


def test_located_records_have_a_geometry_unlocated_ones_say_why(catalogue):
    located = catalogue[catalogue["located"]]
    assert located.geometry.notna().all() and (located["unlocated_reason"] == "").all()
    unlocated = catalogue[~catalogue["located"]]
    assert unlocated.geometry.isna().all() and (unlocated["unlocated_reason"].str.len() > 0).all()
    assert (unlocated["geometry_rule"] == "unlocated").all()


def test_every_quote_names_its_item():
    """A citation names the item it is cited for: its name_zh or one of its declared aliases."""
    from geo.catalogue_sources import quote_names_item

    unnamed = [(item["id"], s["quote"]) for item in read_items() for s in item["source"]
               if not quote_names_item(item, s["quote"])]
    assert unnamed == []


@pytest.mark.parametrize("quote,aliases,named", [
    ("推进兰州至合作铁路建设", [], True),                          # the name itself
    ("稳妥推进兰州—中卫、西宁—成都、兰州—合作", ["兰州—合作"], True),  # a declared alias
    ("加强两省机场互动合作，积极开拓面向中西亚等地区的国际航线", [], False),  # a broader phrase
])
def test_quote_names_item_by_name_or_alias(quote, aliases, named):
    from geo.catalogue_sources import quote_names_item

    item = {"name_zh": "兰州至合作铁路", "aliases": aliases}
    assert quote_names_item(item, quote) is named
    problems = check_item({**UNLOCATED, "name_zh": "兰州至合作铁路", "aliases": aliases,
                           "source": [{"doc": "plan2018", "section": "第六章", "quote": quote}]})
    assert any("names neither" in p for p in problems) is not named


def test_an_alias_no_quote_holds_is_an_error():
    problems = check_item({**UNLOCATED, "aliases": ["抽水蓄能电站群"]})
    assert any("occur in none of its quotes" in p for p in problems)


def test_an_item_both_texts_name_differently_carries_a_link():
    """Renames carry `link`: a record citing both documents whose earlier and later quotes share no
    name (name_zh or alias) must say how the later text names it. Spellings of one name are the same
    name: 至 for —, a city's name with or without 市, one inside the other (兰州—合作, 兰州至合作铁路)."""
    from geo.catalogue_sources import item_names
    from geo.documents import read_documents

    documents = read_documents()
    first, later = documents.default_from, documents.default_to
    unlinked = []
    for item in read_items():
        def named(doc: str) -> set[str]:
            return {n for s in item["source"] if s["doc"] == doc for n in item_names(item)
                    if n in "".join(s["quote"].split())}
        def same(a: str, b: str) -> bool:
            a, b = (re.sub("[—至市]", "", n) for n in (a, b))
            return a in b or b in a

        docs = {s["doc"] for s in item["source"]}
        if {first, later} <= docs and not any(same(a, b) for a in named(first) for b in named(later)):
            if not any(s.get("link") for s in item["source"] if s["doc"] == later):
                unlinked.append(item["id"])
    assert unlinked == []
