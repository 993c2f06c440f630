"""Importing a user's project list: each bad file gets its message; nothing but ImportRejected escapes."""

from __future__ import annotations

import csv
import io
import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo import project_list as pi
from geo.cli import main
from geo.files import ROOT
from geo.gcj02 import gcj02_to_wgs84
from geo.project_list.issues import ERROR, FILE_ROW, WARNING

FIXTURES = ROOT / "tests" / "fixtures" / "imports"


@pytest.fixture(scope="module")
def load(places, counties):
    def run(name: str, **options) -> pi.ImportResult:
        path = FIXTURES / name
        return pi.import_projects(path.read_bytes(), path.name, places, counties, **options)
    return run


def _has(result: pi.ImportResult, row: int, column: str, level: str, zh: str, en: str) -> bool:
    return any(i.row == row and i.column == column and i.level == level
               and zh in i.message_zh and en in i.message_en for i in result.issues)


# ---------------------------------------------------------------- encodings and formats


@pytest.mark.parametrize("name", ["gbk.csv", "utf16.csv"])
def test_gbk_and_utf16_csv_are_read(load, name):
    result = load(name)
    assert result.issues == []
    assert list(result.valid["name"]) == ["兰州新区项目", "西宁项目"]
    assert list(result.valid["category"]) == ["产业", "交通"]
    assert list(result.valid["city"]) == ["兰州市", "西宁市"]
    assert list(result.valid["located_by"]) == ["lonlat", "lonlat"]


def test_gb18030_beyond_gbk(load):
    assert list(load("gb18030.csv").valid["name"]) == ["䶮字项目"]


def test_utf8_bom_does_not_stick_to_the_first_header(load):
    result = load("bom.csv")
    assert result.issues == [] and list(result.valid["name"]) == ["兰州项目"]
    assert result.table.columns[0] == "名称"


def test_xlsx_first_sheet_numbers_and_bad_cell(load):
    result = load("projects.xlsx")
    assert result.fmt == "xlsx"
    assert list(result.valid["name"]) == ["表格项目", "第五行"]
    assert list(result.valid["row"]) == [2, 5]  # the spreadsheet's own row numbers
    assert _has(result, 3, "经度", ERROR, "经度 'abc' 不是数字", "Longitude 'abc' is not a number")


def test_geojson_points_properties_and_non_points(load):
    result = load("projects.geojson")
    assert result.fmt == "geojson"
    valid = result.valid.set_index("row")
    assert list(valid.index) == [1, 2, 4]  # features are numbered from 1
    assert valid.loc[2, "name"] == "西宁点"  # 名称 fills where name is blank
    assert valid.loc[4, "located_by"] == "place" and valid.loc[4, "city"] == "西宁市"
    assert _has(result, 3, "geometry", ERROR, "仅支持点", "only Point")
    assert _has(result, FILE_ROW, "extra", WARNING, "未知列 'extra'", "Unknown column 'extra'")
    assert sum(i.row == 3 for i in result.issues) == 1  # no second "no location" error


# ---------------------------------------------------------------- columns


def test_missing_name_column(load):
    result = load("missing_name.csv")
    assert result.valid.empty
    assert _has(result, FILE_ROW, "name", ERROR, "缺少名称列", "Missing the name column")
    assert "缺少名称列" in result.table[pi.ERROR_COLUMN].iloc[0]


def test_misspelled_column_gets_a_suggestion_and_aliases_are_accepted(load):
    result = load("misspelled_column.csv")
    assert _has(result, FILE_ROW, "nmae", WARNING, "是否为 'name'", "did you mean 'name'")
    assert _has(result, FILE_ROW, "name", ERROR, "列 'nmae' 是否为 'name'", "Is column 'nmae' meant to be 'name'")
    assert not any(i.column in ("lng", "lat") for i in result.issues)  # lng is a known alias


def test_no_location_column(load):
    result = load("no_location.csv")
    assert _has(result, FILE_ROW, "lon/lat", ERROR, "缺少位置列", "Missing a location")


def test_header_only_has_no_data_rows(load):
    result = load("header_only.csv")
    assert result.rows_read == 0 and result.valid.empty
    assert _has(result, FILE_ROW, "", ERROR, "没有数据行", "no data rows")


def test_ragged_rows(load):
    result = load("ragged.csv")
    assert _has(result, 2, "", WARNING, "多 2 个单元格", "2 cell(s) beyond the header")
    assert _has(result, 3, "lat", ERROR, "缺少纬度", "Latitude is missing")
    assert list(result.valid["row"]) == [2]


# ---------------------------------------------------------------- values


def test_non_numeric_longitude(load):
    result = load("non_numeric.csv")
    assert _has(result, 3, "lon", ERROR, "经度 '东经103.8' 不是数字", "Longitude '东经103.8' is not a number")
    assert list(result.valid["name"]) == ["好项目"]  # valid rows are kept when others fail


def test_swapped_lon_lat(load):
    result = load("swapped.csv")
    assert result.valid.empty
    assert _has(result, 2, "lon/lat", ERROR, "经纬度可能颠倒", "look swapped")
    assert "(103.83, 36.06)" in result.issues[0].message_en


def test_outside_region_is_an_error_outside_plan_area_a_warning(load):
    result = load("outside_region.csv")
    assert _has(result, 2, "", WARNING, "在规划范围（39 个县区）之外", "outside the plan area")
    assert _has(result, 3, "lon/lat", ERROR, "超出本区域", "outside the region (lon 85–120, lat 25–46)")
    assert _has(result, 4, "lon/lat", ERROR, "超出本区域", "outside the region")
    beijing = result.valid.iloc[0]
    assert beijing["name"] == "北京项目" and beijing["city"] == "" and beijing["county"] == ""
    assert "规划范围" in beijing["warnings"] and "plan area" in beijing["warnings_en"]


def test_duplicates_keep_the_first(load):
    result = load("duplicates.csv")
    assert _has(result, 3, "name", WARNING, "与第 2 行重复", "Duplicate of row 2")
    assert list(result.valid["row"]) == [2, 4]  # same name elsewhere is no duplicate


def test_unknown_place_suggests_the_closest(load):
    result = load("unknown_place.csv")
    assert _has(result, 2, "place", ERROR, "未知地点 '兰州西火车站'。是否为 '兰州西站'", "Did you mean '兰州西站'")
    valid = result.valid.set_index("row")
    assert valid.loc[3, "located_by"] == "place" and valid.loc[3, "city"] == "兰州市"
    assert valid.loc[4, "located_by"] == "county_seat" and valid.loc[4, "county"] == "湟中区"


def test_unknown_city_suggests_the_closest_and_short_names_work(load):
    result = load("unknown_city.csv")
    assert _has(result, 2, "city", ERROR, "未知市州 '兰洲市'。是否为 '兰州市'", "Unknown city '兰洲市'. Did you mean '兰州市'")
    assert list(result.valid["city"]) == ["兰州市"] and list(result.valid["city_input"]) == ["兰州"]


def test_counties_by_name_short_name_and_plan_name(load, places):
    result = load("county.csv")
    valid = result.valid.set_index("row")
    assert list(valid["county"]) == ["大通回族土族自治县", "湟中区", "同仁市", "临夏市"]
    assert set(valid["located_by"]) == {"county_seat"}
    seat = places[(places["kind"] == "seat") & (places["name_zh"] == "同仁市")].geometry.iloc[0]
    assert valid.loc[4].geometry.equals(seat)
    assert _has(result, 6, "county", ERROR, "未知县区 '不存在县'", "Unknown county '不存在县'")


def test_every_plan_county_has_a_seat(places, counties):
    seats = set(places[places["kind"] == "seat"]["name_zh"])
    assert set(counties["name_zh"]) <= seats


def test_gcj02_option_converts_to_wgs84(load):
    plain, shifted = load("gcj02.csv"), load("gcj02.csv", gcj02=True)
    expected = gcj02_to_wgs84(np.array([[103.834303, 36.061089]]))[0]
    point = shifted.valid.geometry.iloc[0]
    assert point.x == pytest.approx(expected[0], abs=1e-9) and point.y == pytest.approx(expected[1], abs=1e-9)
    assert plain.valid.geometry.iloc[0].x == pytest.approx(103.834303)
    assert 0.001 < plain.valid.geometry.iloc[0].x - point.x < 0.004  # ≈ 100–300 m here


def test_payload_names_are_kept_as_text_and_exports_defuse_formulas(load):
    result = load("payloads.csv")
    assert result.issues == []
    names = list(result.valid["name"])
    assert names[:2] == ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]
    rows = list(csv.reader(io.StringIO(pi.imported_csv(result.valid).decode("utf-8-sig"))))
    header = rows[0]
    exported = [r[header.index("name")] for r in rows[1:]]
    assert exported[:2] == names[:2]
    assert exported[2:] == ["'" + n for n in names[2:]]  # =…, @…, -… start formulas in a spreadsheet
    assert rows[4][header.index("category")] == "'+cmd"
    assert rows[1][header.index("lon")] == "103.8"  # numbers stay numbers
    doc = json.loads(pi.imported_geojson(result.valid))
    assert [f["properties"]["name"] for f in doc["features"]] == names
    assert doc["features"][0]["geometry"] == {"type": "Point", "coordinates": [103.8, 36.0]}


def test_annotated_csv_has_the_error_column_and_bom(load):
    result = load("non_numeric.csv")
    data = pi.annotated_csv(result)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [r["name"] for r in rows] == ["好项目", "坏经度"]
    assert rows[0]["error"] == ""
    assert "经度 '东经103.8' 不是数字" in rows[1]["error"] and "is not a number" in rows[1]["error"]


def test_annotated_negative_numbers_stay_numbers(load):
    rows = list(csv.reader(io.StringIO(pi.annotated_csv(load("outside_region.csv")).decode("utf-8-sig"))))
    assert rows[2][1] == "-73.99"


# ---------------------------------------------------------------- rejected files


@pytest.mark.parametrize("name, zh, en", [
    ("empty.csv", "文件为空", "empty"),
    ("blank.csv", "文件为空", "empty"),
    ("junk.bin", "不是文本表格", "not a text table"),
    ("old.xls", "旧版 Excel", "Old Excel (.xls)"),
    ("fake.xlsx", "不是有效的 .xlsx", "not a valid .xlsx"),
    ("broken.geojson", "不是有效的 JSON", "not valid JSON"),
    ("topology.json", "不是 GeoJSON 要素集合", "not a GeoJSON FeatureCollection"),
])
def test_unreadable_files_are_rejected_with_a_message(load, name, zh, en):
    with pytest.raises(pi.ImportRejected) as caught:
        load(name)
    assert zh in caught.value.message_zh and en in caught.value.message_en


def _rows_csv(n: int) -> bytes:
    lines = ["name,lon,lat"] + [f"项目{i},{101 + (i % 300) / 100:.2f},{36 + (i % 97) / 100:.2f}" for i in range(n)]
    return "\n".join(lines).encode("utf-8")


def test_too_many_rows(places, counties):
    with pytest.raises(pi.ImportRejected) as caught:
        pi.import_projects(_rows_csv(pi.MAX_ROWS + 1), "big.csv", places, counties)
    assert "行数过多（20,001 行，上限为 20,000 行）" in caught.value.message_zh
    assert "Too many rows" in caught.value.message_en


def test_too_many_rows_in_xlsx(places, counties):
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["name", "lon", "lat"])
    for i in range(pi.MAX_ROWS + 1):
        sheet.append([f"p{i}", 103.8, 36.0])
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(pi.ImportRejected) as caught:
        pi.import_projects(buffer.getvalue(), "big.xlsx", places, counties)
    assert "行数过多" in caught.value.message_zh


def test_too_many_bytes(places, counties, tmp_path):
    data = b"name,lon,lat\n" + b"x" * pi.MAX_BYTES
    with pytest.raises(pi.ImportRejected) as caught:
        pi.import_projects(data, "big.csv", places, counties)
    assert "文件过大" in caught.value.message_zh and "limit is 10 MB" in caught.value.message_en
    path = tmp_path / "big.csv"
    path.write_bytes(data)
    with pytest.raises(pi.ImportRejected):
        pi.import_file(path, places, counties)


def test_20000_rows_import_whole(places, counties):
    """The limit's worth of rows all come through (their speed: benchmarks/import_benchmark.py)."""
    data = _rows_csv(pi.MAX_ROWS)
    result = pi.import_projects(data, "many.csv", places, counties)
    assert len(result.valid) == pi.MAX_ROWS


def test_20000_bad_rows_each_get_an_error(places, counties):
    lines = ["name,city,lon,lat,place"] + [f"p{i},城{i},x{i},{i},地{i}" for i in range(pi.MAX_ROWS)]
    result = pi.import_projects("\n".join(lines).encode(), "bad.csv", places, counties)
    assert result.valid.empty and result.errors >= pi.MAX_ROWS


# ---------------------------------------------------------------- filter


def test_filter_imported_by_city_and_county(load):
    valid = load("gbk.csv").valid
    assert len(pi.filter_imported(valid, (), "")) == 2
    assert list(pi.filter_imported(valid, ("西宁市",), "")["name"]) == ["西宁项目"]
    lanzhou = valid[valid["city"] == "兰州市"]["county_adcode"].iloc[0]
    assert list(pi.filter_imported(valid, (), lanzhou)["name"]) == ["兰州新区项目"]
    assert pi.filter_imported(valid, ("西宁市",), lanzhou).empty


# ---------------------------------------------------------------- fuzz


def _import(data: bytes, filename: str, places, counties) -> None:
    try:
        result = pi.import_projects(data, filename, places, counties)
    except pi.ImportRejected as exc:
        assert exc.message_zh and exc.message_en
        return
    assert len(result.valid) <= result.rows_read
    assert len(result.table) == result.rows_read
    pi.annotated_csv(result)
    pi.imported_csv(result.valid)
    pi.imported_geojson(result.valid)
    pi.report_lines(result, "en")


FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
FILENAMES = st.sampled_from(["a.csv", "a.xlsx", "a.geojson", "a.json", "a.txt", "a", "a.xls"])


@FUZZ
@given(data=st.binary(max_size=3000), filename=FILENAMES)
def test_random_bytes_raise_nothing_but_import_rejected(places, counties, data, filename):
    _import(data, filename, places, counties)


KNOWN_HEADERS = [a for aliases in pi.FIELDS.values() for a in aliases]
CELLS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", " ", "103.8", "36.06", "-73", "1e400", "nan", "inf", "兰州西站", "湟中", "兰州",
                     "兰洲市", "<script>alert(1)</script>", "=1+1", "\"", "\r\n", "，", "１０３.８"]),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.floats(30, 110).map(lambda v: f"{v:.4f}"),
)


HEADERS = st.one_of(
    st.lists(st.one_of(st.sampled_from(KNOWN_HEADERS), st.text(max_size=8)), min_size=0, max_size=8),
    st.permutations(["name", "lon", "lat", "city", "place", "county", "category"]),
)


@FUZZ
@given(
    headers=HEADERS,
    rows=st.lists(st.lists(CELLS, max_size=9), max_size=25),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
    delimiter=st.sampled_from([",", "\t", ";"]),
)
def test_random_csv_tables_raise_nothing_but_import_rejected(places, counties, headers, rows, encoding, delimiter):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(headers)
    writer.writerows(rows)
    data = buffer.getvalue().encode(encoding, errors="replace")
    _import(data, "fuzz.csv", places, counties)


PLAUSIBLE_ROWS = st.lists(st.tuples(
    st.text(st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=10),
    st.floats(100, 104).map(str), st.floats(35, 37.5).map(str), CELLS, CELLS,
).map(list), min_size=1, max_size=30)


@FUZZ
@given(rows=PLAUSIBLE_ROWS, extra=st.sampled_from(["city", "place", "county", "类别", "nmae", ""]))
def test_random_plausible_tables_raise_nothing_but_import_rejected(places, counties, rows, extra):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["name", "lon", "lat", extra, "县区"])
    writer.writerows(rows)
    _import(buffer.getvalue().encode("utf-8"), "plausible.csv", places, counties)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.floats(allow_nan=False) | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
GEOMETRIES = st.one_of(
    st.none(), JSON_VALUES,
    st.builds(lambda c: {"type": "Point", "coordinates": c}, st.lists(JSON_VALUES, max_size=3)),
    st.builds(lambda x, y: {"type": "Point", "coordinates": [x, y]},
              st.floats(95, 110), st.floats(30, 45)),
)
FEATURES = st.one_of(
    JSON_VALUES,
    st.builds(lambda g, p: {"type": "Feature", "geometry": g, "properties": p}, GEOMETRIES,
              st.one_of(JSON_VALUES, st.dictionaries(st.sampled_from(KNOWN_HEADERS) | st.text(max_size=5),
                                                     CELLS | JSON_VALUES, max_size=5))),
)


@FUZZ
@given(features=st.lists(FEATURES, max_size=10))
def test_random_geojson_raises_nothing_but_import_rejected(places, counties, features):
    data = json.dumps({"type": "FeatureCollection", "features": features}).encode("utf-8")
    _import(data, "fuzz.geojson", places, counties)


# ---------------------------------------------------------------- command line


@pytest.mark.parametrize("name, code", [
    ("non_numeric.csv", 0),  # some rows usable
    ("swapped.csv", 1),      # nothing usable
    ("missing_name.csv", 1),
    ("junk.bin", 2),         # rejected
    ("empty.csv", 2),
    ("does-not-exist.csv", 2),
])
def test_cli_validate_exit_codes(capsys, name, code):
    assert main(["validate", str(FIXTURES / name)]) == code
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    if code < 2:
        assert out.strip().splitlines()[-1].startswith("读取 ")
    else:
        assert err.strip()


def test_cli_validate_report_in_english(capsys):
    assert main(["validate", str(FIXTURES / "non_numeric.csv"), "--lang", "en"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines == ["row 3 | lon | error | Longitude '东经103.8' is not a number.",
                     "Read 2 rows: 1 usable, 1 errors, 0 warnings."]


def test_cli_validate_gcj02_and_too_big(capsys, tmp_path):
    assert main(["validate", str(FIXTURES / "gcj02.csv"), "--gcj02"]) == 0
    big = tmp_path / "big.csv"
    big.write_bytes(b"name\n" + b"x" * pi.MAX_BYTES)
    assert main(["validate", str(big), "--lang", "en"]) == 2
    assert "too big" in capsys.readouterr().err
