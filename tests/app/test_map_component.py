"""The map component's side in Python: what a click reports, and the component's own script."""

from __future__ import annotations

from types import SimpleNamespace

from app.map_component import COMPONENT_JS, clicked_id


def test_a_click_reports_the_features_id():
    assert clicked_id({"click": {"id": "620102", "n": 3}}) == "620102"
    assert clicked_id(SimpleNamespace(click={"id": "tr-x", "n": 1})) == "tr-x"  # Streamlit's result object


def test_anything_else_is_no_click():
    for value in (None, {}, {"click": None}, {"click": {"id": 5}}, {"click": "620102"}, "620102",
                  SimpleNamespace(painted=True)):
        assert clicked_id(value) is None


def test_the_component_script_is_ours_and_exports_its_mount():
    text = COMPONENT_JS.read_text(encoding="utf-8")
    assert "export default function" in text and "setTriggerValue('painted'" in text
    assert "async = false" in text  # parallel download, ordered execution
