import json

import pytest

from geo.files import layer_path
from geo.geojson_files import read_layer
from geo.schema import COUNTIES, RIVERS, DataFileError


def _copy(tmp_path, schema):
    src = layer_path(schema)
    dst = tmp_path / schema.file
    dst.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    return dst


def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(DataFileError, match="counties.geojson: file not found"):
        read_layer(tmp_path / "counties.geojson", COUNTIES)


def test_truncated_file_is_a_clear_error(tmp_path):
    path = _copy(tmp_path, COUNTIES)
    path.write_text(path.read_text(encoding="utf-8")[:5000], encoding="utf-8")
    with pytest.raises(DataFileError, match="not valid UTF-8 JSON"):
        read_layer(path, COUNTIES)


def test_missing_column_is_named(tmp_path):
    path = _copy(tmp_path, COUNTIES)
    doc = json.loads(path.read_text(encoding="utf-8"))
    for f in doc["features"]:
        del f["properties"]["area_km2"]
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DataFileError, match="missing column.*area_km2"):
        read_layer(path, COUNTIES)


def test_duplicate_id_is_named(tmp_path):
    path = _copy(tmp_path, COUNTIES)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["features"][1]["properties"]["adcode"] = doc["features"][0]["properties"]["adcode"]
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DataFileError, match="duplicate adcode"):
        read_layer(path, COUNTIES)


def test_projected_coordinates_are_rejected(tmp_path):
    path = _copy(tmp_path, RIVERS)
    doc = json.loads(path.read_text(encoding="utf-8"))
    geom = doc["features"][0]["geometry"]
    geom["type"], geom["coordinates"] = "LineString", [[11_000_000.0, 4_300_000.0], [11_000_100.0, 4_300_100.0]]
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DataFileError, match="outside the region"):
        read_layer(path, RIVERS)


def test_wrong_geometry_type_is_named(tmp_path):
    path = _copy(tmp_path, COUNTIES)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["features"][0]["geometry"] = {"type": "Point", "coordinates": [103.8, 36.0]}
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DataFileError, match="is a Point"):
        read_layer(path, COUNTIES)


def test_wrong_value_type_is_named(tmp_path):
    path = _copy(tmp_path, COUNTIES)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["features"][0]["properties"]["area_km2"] = "big"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DataFileError, match="'area_km2' must hold float"):
        read_layer(path, COUNTIES)
