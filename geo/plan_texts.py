"""The two plan documents as text, and verbatim quote checks against them."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from geo.documents import DocumentSet, read_documents
from geo.files import SEEDS_DIR


def normalise(text: str) -> str:
    """Text with all white space removed (the 2018 text breaks lines mid-sentence)."""
    return "".join(text.split())


@lru_cache(maxsize=8)
def _document(file: str, seeds_dir: Path) -> str | None:
    path = seeds_dir / file
    return normalise(path.read_text(encoding="utf-8")) if path.is_file() else None


def document_text(doc: str, seeds_dir: Path | None = None, documents: DocumentSet | None = None) -> str | None:
    """A document's normalised text, or None when the seeds folder does not hold it."""
    return _document((documents or read_documents())[doc].file, seeds_dir or SEEDS_DIR)


def quote_in_document(quote: str, doc: str, seeds_dir: Path | None = None,
                      documents: DocumentSet | None = None) -> bool:
    """Whether a quote occurs verbatim (white space aside) in the document (as the documents file
    names it: its `file` in the seeds folder)."""
    text = document_text(doc, seeds_dir, documents)
    if text is None:
        file = (documents or read_documents())[doc].file
        raise FileNotFoundError(f"plan document {file} not in {seeds_dir or SEEDS_DIR}")
    return normalise(quote) in text
