import csv
import io
import json

from geo.export import catalogue_csv, catalogue_geojson


def test_geojson_export_carries_relation_reasons_and_unlocated_records(catalogue):
    doc = json.loads(catalogue_geojson(catalogue))
    by_id = {f["properties"]["id"]: f for f in doc["features"]}
    ring = by_id["tr-lanzhou-ring-road-network"]["properties"]
    assert {e["relation"] for e in ring["attribution"]} == {"located"}
    assert {e["reason"] for e in ring["attribution"]} == {"member"}
    unlocated = [f for f in doc["features"] if not f["properties"]["located"]]
    assert all(f["geometry"] is None for f in unlocated)
    assert len(doc["features"]) == len(catalogue)


def test_csv_export_lists_every_record_with_its_relations(catalogue):
    rows = list(csv.DictReader(io.StringIO(catalogue_csv(catalogue).decode("utf-8-sig"))))
    assert len(rows) == len(catalogue)
    metro = next(r for r in rows if r["id"] == "st-xining-haidong-metro-circle")
    assert "西宁市城东区 (630102): covers · member" in metro["attribution"]
    for row in rows:
        if row["located"] == "False":
            assert row["wkt"] == "" and row["unlocated_reason"]
