import csv
import io
import json
import shutil

import pytest

from geo.cli import main
from geo.files import DATA_DIR


def test_export_counties_geojson_to_stdout(capsys):
    assert main(["export", "counties"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert len(doc["features"]) == 39


def test_export_rivers_csv_to_file(tmp_path):
    out = tmp_path / "rivers.csv"
    assert main(["export", "rivers", "--format", "csv", "--out", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert {"黄河", "湟水"} <= {r["name_zh"] for r in rows}
    assert rows[0]["wkt"].startswith(("LINESTRING", "MULTILINESTRING"))


def test_corrupted_file_gives_exit_2_and_a_clear_message(tmp_path, capsys):
    shutil.copytree(DATA_DIR, tmp_path / "data")
    (tmp_path / "data" / "plan_units.geojson").write_text("{oops", encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "data"), "export", "plan_units"]) == 2
    err = capsys.readouterr().err
    assert "plan_units.geojson" in err and "not valid UTF-8 JSON" in err
    assert "Traceback" not in err


@pytest.mark.slow
def test_build_check_passes_on_the_committed_files(capsys):
    assert main(["build", "--check"]) == 0
    assert "matches a fresh build" in capsys.readouterr().out


@pytest.mark.slow
def test_build_check_fails_when_a_file_differs(tmp_path, capsys):
    shutil.copytree(DATA_DIR, tmp_path / "data")
    path = tmp_path / "data" / "lakes.geojson"
    path.write_text(path.read_text(encoding="utf-8").replace("青海湖", "青海湖X"), encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "data"), "build", "--check"]) == 1
    assert "lakes.geojson: differs from a fresh build" in capsys.readouterr().err


def test_export_projects_csv_carries_cities_and_sources(tmp_path):
    out = tmp_path / "projects.csv"
    assert main(["export", "projects", "--format", "csv", "--out", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel shows the Chinese text
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) >= 200
    assert all(r["cities"] or r["outside"] or r["located"] == "False" for r in rows)
    assert all("「" in r["sources"] for r in rows)
    lz = next(r for r in rows if r["id"] == "tr-lanzhou-ring-road-network")
    assert "兰州市城关区 (620102): located · member" in lz["attribution"]


@pytest.mark.parametrize("layer,category", [("transport", "transport"), ("ecology", "ecology"),
                                            ("structure", "structure")])
def test_export_category_layers(capsys, layer, category):
    assert main(["export", layer]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["features"] and {f["properties"]["category"] for f in doc["features"]} == {category}


def test_export_places_csv_has_lon_lat(capsys):
    assert main(["export", "places", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {"lon", "lat", "coord_source", "source_ref"} <= set(rows[0])


def test_compare_takes_a_city_in_english_or_pinyin(tmp_path, capsys):
    outs = []
    for name in ("西宁市", "Xining", "xiningshi"):
        out = tmp_path / f"{name}.csv"
        assert main(["compare", "--city", name, "--out", str(out)]) == 0
        outs.append(out.read_text(encoding="utf-8-sig"))
    assert outs[0] == outs[1] == outs[2] and outs[0].count("\n") > 1
    assert main(["compare", "--city", "Atlantis"]) == 2
    assert "unknown city 'Atlantis'" in capsys.readouterr().err
