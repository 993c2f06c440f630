"""Text from outside (a link, an upload, a basemaps file, the environment) inside Streamlit's Markdown
elements (st.warning, st.info, st.caption, button labels): shown as it is, never read as Markdown or HTML."""

from __future__ import annotations

import re

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
"""Every ASCII punctuation mark: CommonMark lets a backslash make any of them literal, and none of them
can then open a link, an image, emphasis, code, a heading, a list, HTML, maths or a colour directive."""
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")
_AFTER_MARKDOWN = re.compile(r"(?i):(?=[\w+-]+:)|:(?=/)|@|www(?=\.)")
"""What Streamlit's Markdown turns into something else after its escapes are read, so a backslash cannot
stop it: :name: shortcodes (an emoji or icon) and bare addresses (http://…, www.…, a@b.c: GFM's autolinks,
found in the parsed text). An invisible word joiner after the colon, the @ or the www keeps them text."""
WORD_JOINER = "\u2060"


def as_text(value: object) -> str:
    """Markdown that shows value literally, on one line (control characters and line breaks become spaces)."""
    text = _CONTROL.sub(" ", str(value))
    text = _AFTER_MARKDOWN.sub(lambda m: m.group(0) + WORD_JOINER, text)
    return _PUNCTUATION.sub(r"\\\1", text)


def read_as_text(markdown: str) -> str:
    """What a reader sees of as_text's Markdown (its backslashes and joiners gone)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace(WORD_JOINER, "")
