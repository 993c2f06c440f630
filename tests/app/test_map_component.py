"""The map component's side in Python: what a click reports, and the component's own script."""

from __future__ import annotations

from types import SimpleNamespace

from app.map_component import COMPONENT_JS, MAP_FILES_JS, clicked_id
from layers.offline_assets import own_text


def test_a_click_reports_the_features_id():
    assert clicked_id({"click": {"id": "620102", "n": 3}}) == "620102"
    assert clicked_id(SimpleNamespace(click={"id": "tr-x", "n": 1})) == "tr-x"  # Streamlit's result object


def test_anything_else_is_no_click():
    for value in (None, {}, {"click": None}, {"click": {"id": 5}}, {"click": "620102"}, "620102",
                  SimpleNamespace(painted=True)):
        assert clicked_id(value) is None


def test_the_component_script_is_ours_and_exports_its_mount():
    assert "export default function" in own_text(COMPONENT_JS) and "setTriggerValue('painted'" in own_text(COMPONENT_JS)
    assert "async = false" in own_text(MAP_FILES_JS)  # parallel download, ordered execution
