"""The two plan documents as text, and verbatim quote checks against them."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from geo.files import SEEDS_DIR
from geo.schema import DOCUMENT_FILES


def normalise(text: str) -> str:
    """Text with all white space removed (the 2018 text breaks lines mid-sentence)."""
    return "".join(text.split())


@lru_cache(maxsize=8)
def _document(doc: str, seeds_dir: Path) -> str | None:
    path = seeds_dir / DOCUMENT_FILES[doc]
    return normalise(path.read_text(encoding="utf-8")) if path.is_file() else None


def document_text(doc: str, seeds_dir: Path | None = None) -> str | None:
    """A document's normalised text, or None when the seeds folder does not hold it."""
    return _document(doc, seeds_dir or SEEDS_DIR)


def quote_in_document(quote: str, doc: str, seeds_dir: Path | None = None) -> bool:
    """Whether a quote occurs verbatim (white space aside) in the document."""
    text = document_text(doc, seeds_dir)
    if text is None:
        raise FileNotFoundError(f"plan document {DOCUMENT_FILES[doc]} not in {seeds_dir or SEEDS_DIR}")
    return normalise(quote) in text
