import json

import pytest

from layers.compact_coordinates import expand
from layers.published import URL_PREFIX, publication, publish

COLLECTION = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"id": "a", "tip": "兰州"}, "geometry": {"type": "Point", "coordinates": [103.8, 36.06]}}]}


def test_publication_is_deterministic_and_named_by_content():
    one, two = publication("counties-zh", COLLECTION), publication("counties-zh", json.loads(json.dumps(COLLECTION)))
    assert one.payload == two.payload and one.filename == two.filename
    assert one.filename.startswith("counties-zh-") and one.filename.endswith(".geojson")
    changed = publication("counties-zh", {**COLLECTION, "features": []})
    assert changed.filename != one.filename
    assert "兰州".encode() in one.payload  # UTF-8, not \\u escapes: a third fewer bytes


def test_publish_writes_once_and_returns_the_served_url(tmp_path):
    item = publication("water-wgs84", COLLECTION)
    url = publish(item, tmp_path)
    assert url == f"{URL_PREFIX}/{item.filename}"
    written = tmp_path / item.filename
    assert expand(json.loads(written.read_bytes())) == COLLECTION
    mtime = written.stat().st_mtime_ns
    assert publish(item, tmp_path) == url and written.stat().st_mtime_ns == mtime
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".tmp-")]


def test_publish_drops_older_versions_of_the_same_name_only(tmp_path):
    old = publication("units-wgs84", {**COLLECTION, "features": []})
    other = publication("units-wgs84-extra", COLLECTION)
    publish(old, tmp_path)
    publish(other, tmp_path)
    new = publication("units-wgs84", COLLECTION)
    publish(new, tmp_path)
    names = {p.name for p in tmp_path.iterdir()}
    assert names == {new.filename, other.filename}


def test_bad_names_are_refused():
    for name in ("", "../x", "a/b", "a b"):
        with pytest.raises(ValueError):
            publication(name, COLLECTION)


def test_an_unwritable_folder_raises_oserror(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(OSError):
        publish(publication("context-filled-wgs84", COLLECTION), blocker / "web")


def test_a_publication_carries_compact_coordinates_that_expand_to_the_collection():
    import json

    from layers.compact_coordinates import MARK, expand

    collection = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": "a"}, "geometry": {"type": "Point", "coordinates": [103.8343, 36.0611]}},
        {"type": "Feature", "properties": {}, "geometry": {"type": "LineString",
                                                          "coordinates": [[101.7782, 36.6171], [101.7791, 36.6102]]}},
        {"type": "Feature", "properties": {}, "geometry": {"type": "MultiPolygon", "coordinates": [
            [[[100.0, 35.0], [100.5, 35.0], [100.5, 35.5], [100.0, 35.0]]]]}},
        {"type": "Feature", "properties": {}, "geometry": None}]}
    served = json.loads(publication("test-compact", collection).payload)
    assert served[MARK] == 10_000
    assert served["features"][1]["geometry"]["coordinates"] == [1017782, 366171, 9, -69]
    assert expand(served) == collection


def test_is_published_names_only_files_that_are_there(tmp_path):
    from layers.published import is_published

    item = publication("water-wgs84", COLLECTION)
    url = publish(item, tmp_path, "/w")
    assert is_published(url, tmp_path, "/w")
    assert not is_published("/w/other-0123456789abcdef.geojson", tmp_path, "/w")
    assert not is_published("/elsewhere/" + item.filename, tmp_path, "/w")
    assert not is_published("/w/../" + item.filename, tmp_path, "/w")
