"""The declared 进展 (progress) values of a ledger, with their English equivalents."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Status:
    """One 进展 value: its key, its Chinese and English names."""

    key: str
    zh: str
    en: str


STATUSES: tuple[Status, ...] = (
    Status("completed", "已完成", "Completed"),
    Status("under_way", "在建", "Under way"),
    Status("preparing", "前期", "In preparation"),
    Status("not_started", "未启动", "Not started"),
    Status("lagging", "滞后", "Behind schedule"),
)
"""In the order a ledger lists them."""

WORST_FIRST = ("lagging", "not_started", "preparing", "under_way", "completed")
"""A record in several reported tasks takes the least advanced of their values: a lag is never hidden
behind another task's completion."""

_BY_SPELLING = {spelling.casefold(): s.key for s in STATUSES for spelling in (s.zh, s.en, s.key)}


def status_of(value: str) -> str | None:
    """The key of a 进展 value written in Chinese or English (any case, outer spaces ignored); None if unknown."""
    return _BY_SPELLING.get(" ".join(value.split()).casefold())


def allowed_values(lang: str) -> str:
    """The allowed values, for a message: "已完成、在建…" / "Completed, Under way …"."""
    if lang == "zh":
        return "、".join(s.zh for s in STATUSES)
    return ", ".join(s.en for s in STATUSES)


def name(key: str, lang: str) -> str:
    """A status' name in the language."""
    status = next(s for s in STATUSES if s.key == key)
    return status.zh if lang == "zh" else status.en


def least_advanced(keys: list[str]) -> str:
    """The least advanced of several statuses (see WORST_FIRST)."""
    return min(keys, key=WORST_FIRST.index)
