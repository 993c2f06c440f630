import json

import pytest

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
    assert json.loads(written.read_bytes()) == COLLECTION
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
