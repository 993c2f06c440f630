"""The two languages and the one rule for picking between a Chinese and an English text; every
module that speaks both (geo's messages, layers' labels, the figures) goes through pick()."""

from __future__ import annotations

LANGUAGES = ("zh", "en")
DEFAULT = "zh"
_LIST_SEPARATOR = {"zh": "；", "en": "; "}
_SENTENCE_END = {"zh": "。", "en": ". "}


def pick(zh: str, en: str, lang: str) -> str:
    """The text in the language (Chinese for any language but English)."""
    return en if lang == "en" else zh


def list_separator(lang: str) -> str:
    """What joins the items of a list in running text."""
    return pick(_LIST_SEPARATOR["zh"], _LIST_SEPARATOR["en"], lang)


def sentence_end(lang: str) -> str:
    """What ends a sentence before the next one."""
    return pick(_SENTENCE_END["zh"], _SENTENCE_END["en"], lang)
