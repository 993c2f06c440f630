"""Text from outside (a link, an upload, a basemaps file, the environment) inside Streamlit's Markdown
elements (st.warning, st.info, st.caption, button labels): shown as it is, never read as Markdown or HTML."""

from __future__ import annotations

import re

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
"""Every ASCII punctuation mark: CommonMark lets a backslash make any of them literal, and none of them
can then open a link, an image, emphasis, code, a heading, a list, HTML, maths or a colour directive."""
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")
_SHORTCODE = re.compile(r":(?=[\w+-]+:)")
"""Streamlit turns :name: into an emoji or icon after Markdown is read; a zero-width joiner after the
first colon keeps the text as typed."""
WORD_JOINER = "\u2060"


def as_text(value: object) -> str:
    """Markdown that shows value literally, on one line (control characters and line breaks become spaces)."""
    text = _CONTROL.sub(" ", str(value))
    text = _SHORTCODE.sub(":" + WORD_JOINER, text)
    return _PUNCTUATION.sub(r"\\\1", text)


def read_as_text(markdown: str) -> str:
    """What a reader sees of as_text's Markdown (its backslashes and joiners gone)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace(WORD_JOINER, "")
