"""Reading a hand-written TOML file of the project (stdlib only: the schema and documents modules use it)."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path


def read_toml(path: Path, problem: Callable[[Path, str], Exception]) -> dict:
    """A TOML file's table; a missing or malformed file raises problem(path, what is wrong)."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise problem(path, "file not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise problem(path, f"not valid TOML: {exc}") from None
