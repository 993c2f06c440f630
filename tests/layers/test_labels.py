import pytest

from geo import registry
from geo.schema import CATEGORIES, SUBTYPES
from layers.labels import CATEGORY_LABELS, LANGUAGES, SUBTYPE_LABELS, TEXT, label, t


def test_every_text_has_both_languages():
    for key, (zh, en) in TEXT.items():
        assert zh and en, key


def test_every_category_and_subtype_is_labelled():
    assert set(CATEGORIES) <= set(CATEGORY_LABELS)
    for subtypes in SUBTYPES.values():
        assert set(subtypes) <= set(SUBTYPE_LABELS)


def test_lookup_by_language():
    assert t("title", "zh") == "兰西城市群规划地图"
    assert t("title", "en").startswith("Lanzhou")
    assert label(CATEGORY_LABELS, "water", "en") == "Water"
    assert label(CATEGORY_LABELS, "unknown", "en") == "unknown"


KEYS = ([f"group_{g}" for g in registry.GROUPS] + [f"layer_{k}" for k in registry.BASE_LAYERS]
        + [f"sublayer_{s.key}" for s in registry.SUBLAYERS]
        + [f"{p}_{part}" for p in registry.PRESETS for part in ("title", "subtitle")]
        + [f"language_{lang}" for lang in LANGUAGES])


@pytest.mark.parametrize("key", KEYS)
def test_every_registry_name_has_both_texts(key):
    assert key in TEXT
    assert all(t(key, lang).strip() for lang in LANGUAGES)
