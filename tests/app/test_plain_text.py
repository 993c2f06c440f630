"""Values from outside inside Streamlit's Markdown: every mark escaped, one line, read back unchanged."""

import re

import pytest

from app.plain_text import as_text, read_as_text

PAYLOADS = ["[点此重新登录](http://evil.example/)", "![x](http://evil.example/x.png)",
            "<img src=x onerror=alert(1)>", "**bold** _it_ `code` ~~s~~", "# heading", "$x^2$", ":red[red]",
            ":smile: :material/home:", "http://evil.example/ www.evil.example", "a\\b", "&lt;b&gt;",
            "<http://evil.example>", "1. list", "> quote", "| a | b |"]


@pytest.mark.parametrize("value", PAYLOADS)
def test_every_markdown_mark_is_escaped_and_reads_back_as_given(value):
    shown = as_text(value)
    assert read_as_text(shown) == value
    # no ASCII punctuation is left without its backslash (each could open a Markdown construct)
    assert not re.search(r"[!-/:-@\[-`{-~]", re.sub(r"\\.", "", shown))


@pytest.mark.parametrize("value", ["http://evil.example/x.png", "HTTPS://evil.example", "www.evil.example",
                                   "WWW.evil.example", "admin@evil.example", ":smile:", "file:///etc/passwd"])
def test_bare_addresses_and_shortcodes_are_broken_invisibly(value):
    shown = as_text(value).replace("\\", "")
    assert not re.search(r"(?i)://|www\.|@\w|:\w+:", shown)
    assert read_as_text(as_text(value)) == value


def test_line_breaks_and_control_characters_become_spaces():
    assert read_as_text(as_text("a\nb\r\n# c\x00d")) == "a b # c d"


def test_plain_words_are_unchanged():
    assert as_text("兰州市 Xining 2022") == "兰州市 Xining 2022"
