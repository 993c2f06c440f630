"""The build's pinyin table: the committed file is what the build writes."""

from geo.build.search_pinyin import pinyin_table, search_pinyin, searchable_names
from geo.files import DATA_DIR
from geo.place_search import load_pinyin


def test_pinyin_is_toneless_syllables_run_together():
    assert search_pinyin("兰州中川国际机场") == "lanzhouzhongchuanguojijichang"
    assert search_pinyin("乐都区") == "leduqu"  # 乐 read as a place name, not yue
    assert search_pinyin("G0612西宁南绕城（至乐都）") == "g0612xiningnanraochengzhiledu"


def test_the_committed_table_equals_a_fresh_one():
    assert load_pinyin() == pinyin_table(searchable_names(DATA_DIR))
