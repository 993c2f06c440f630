"""The legend of a filled ledger's progress on the map: each 进展 drawn, with how many records show it."""

from __future__ import annotations

from collections import Counter

from geo.ledger import COUNT_KEYS, NOT_REPORTED
from geo.ledger.progress import name as progress_name
from layers import styles
from layers.labels import t
from layers.legend import LegendEntry, legend_group


def progress_label(key: str, lang: str) -> str:
    """A 进展 (or not reported) in the language."""
    return t("progress_not_reported", lang) if key == NOT_REPORTED else progress_name(key, lang)


def progress_entries(ids: tuple[str, ...], progress: dict[str, str], lang: str) -> list[LegendEntry]:
    """One entry per 进展 among the records drawn (by id), in the declared order, with its count."""
    counts = Counter(progress.get(i, NOT_REPORTED) for i in ids)
    return [LegendEntry(f"{progress_label(key, lang)} · {counts[key]}", "point", styles.PROGRESS_COLOURS[key])
            for key in COUNT_KEYS if counts[key]]


def progress_legend(ids: tuple[str, ...], progress: dict[str, str], lang: str):
    """The legend feature group of the progress colouring (see progress_entries)."""
    return legend_group(t("progress_legend", lang), progress_entries(ids, progress, lang),
                        footer=t("progress_note", lang), fold_below_px=styles.LEGEND_FOLD_BELOW_PX)
