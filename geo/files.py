"""Where the project's data and the plan documents live."""

from __future__ import annotations

import os
from pathlib import Path

from geo.schema import LayerSchema

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("LXPM_DATA_DIR", ROOT / "data"))
CATALOGUE_SOURCE_DIR = ROOT / "data" / "catalogue"
SEEDS_DIR = Path(os.environ.get("LXPM_SEEDS_DIR", ROOT.parent / "shared" / "seeds"))


def layer_path(schema: LayerSchema, data_dir: Path | None = None) -> Path:
    """The file a layer is stored in."""
    return (data_dir or DATA_DIR) / schema.file

