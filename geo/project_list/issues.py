"""What an import of a user's project list reports: row-level issues and whole-file rejections."""

from __future__ import annotations

from dataclasses import dataclass

from geo.languages import pick

ERROR = "error"
WARNING = "warning"
LEVELS = (ERROR, WARNING)

FILE_ROW = 0
"""Issue.row of a problem with the whole file or its columns; data rows count from 1 (see read)."""

SHOWN_CHARS = 40
"""User values quoted in a message are cut to this many characters."""


@dataclass(frozen=True)
class Issue:
    """One problem of one row (or of the file, row FILE_ROW) and column, in Chinese and English."""

    row: int
    column: str
    level: str
    message_zh: str
    message_en: str

    def message(self, lang: str) -> str:
        """The message in the language."""
        return pick(self.message_zh, self.message_en, lang)


class ImportRejected(Exception):
    """The whole file cannot be imported (too big, too many rows, unreadable); no row is usable."""

    def __init__(self, message_zh: str, message_en: str) -> None:
        self.message_zh = message_zh
        self.message_en = message_en
        super().__init__(f"{message_zh} / {message_en}")

    def message(self, lang: str) -> str:
        """The message in the language."""
        return pick(self.message_zh, self.message_en, lang)


def quoted(value: object) -> str:
    """A user value for a message: quoted, one line, cut to SHOWN_CHARS."""
    text = " ".join(str(value).split())
    if len(text) > SHOWN_CHARS:
        text = text[:SHOWN_CHARS] + "…"
    return f"'{text}'"
