"""The plan documents as data (data/catalogue/documents.toml): ids, titles, colours, the default pair."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geo.toml_files import read_toml

DOCUMENTS_FILE = Path(__file__).resolve().parent.parent / "data" / "catalogue" / "documents.toml"
REQUIRED = ("id", "tag", "file", "title_zh", "title_en", "short_zh", "short_en", "colour")


class DocumentsError(ValueError):
    """The documents file is missing or malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class Document:
    """One plan document the catalogue may cite."""

    id: str
    tag: str  # e.g. "2018": the change list's status value and column suffix
    file: str  # its text in the seeds folder
    title_zh: str
    title_en: str
    short_zh: str
    short_en: str
    colour: str

    def short(self, lang: str) -> str:
        """Its short name in the language."""
        return self.short_zh if lang == "zh" else self.short_en

    def title(self, lang: str) -> str:
        """Its full title in the language."""
        return self.title_zh if lang == "zh" else self.title_en


@dataclass(frozen=True)
class DocumentSet:
    """Every document, in order, with the default comparison and the verbs looked for in quotes."""

    documents: tuple[Document, ...]
    default_from: str
    default_to: str
    verbs: tuple[str, ...]
    both_colour: str
    both_zh: str
    both_en: str

    def __getitem__(self, doc_id: str) -> Document:
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        raise KeyError(doc_id)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(d.id for d in self.documents)

    def both(self, lang: str) -> str:
        """The label of records both compared documents cite."""
        return self.both_zh if lang == "zh" else self.both_en


def _problem(path: Path, text: str) -> DocumentsError:
    return DocumentsError(f"{path}: {text}")


def parse_documents(raw: dict, path: Path) -> DocumentSet:
    """A DocumentSet from the parsed TOML, checked."""
    docs = []
    for i, entry in enumerate(raw.get("document", [])):
        missing = [k for k in REQUIRED if not isinstance(entry.get(k), str) or not entry.get(k)]
        if missing:
            raise _problem(path, f"document {i} ({entry.get('id', '?')}): missing {', '.join(missing)}")
        docs.append(Document(**{k: entry[k] for k in REQUIRED}))
    if len(docs) < 2:
        raise _problem(path, "needs at least two [[document]] tables")
    for key in ("id", "tag"):
        values = [getattr(d, key) for d in docs]
        if len(set(values)) != len(values):
            raise _problem(path, f"document {key}s must be unique, got {values}")
    pair = raw.get("compare", {})
    ids = [d.id for d in docs]
    default_from, default_to = pair.get("from", ids[0]), pair.get("to", ids[1])
    if default_from not in ids or default_to not in ids or default_from == default_to:
        raise _problem(path, f"compare must name two different documents of {ids}")
    verbs = raw.get("verbs", [])
    if not isinstance(verbs, list) or not all(isinstance(v, str) and v for v in verbs):
        raise _problem(path, "verbs must be a list of non-empty strings")
    return DocumentSet(tuple(docs), default_from, default_to, tuple(verbs),
                       str(raw.get("both_colour", "#7b3294")), str(raw.get("both_zh", "两份文件均有")),
                       str(raw.get("both_en", "Both documents")))


@lru_cache(maxsize=8)
def read_documents(path: Path | None = None) -> DocumentSet:
    """The documents of a documents file (default: data/catalogue/documents.toml)."""
    path = Path(path or DOCUMENTS_FILE)
    return parse_documents(read_toml(path, _problem), path)
