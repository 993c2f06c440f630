"""scripts/serve where chromium and the CJK font cannot be installed: it starts the dashboard anyway."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from geo.files import ROOT

MISSING = {"apt-get", "apt", "sudo", "chromium"}


def _path_without(tmp_path: Path, names: set[str], extra: dict[str, str] | None = None) -> str:
    """A PATH holding every program of this system but `names`, plus fake programs (name -> script)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for directory in ("/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin"):
        for program in Path(directory).iterdir() if Path(directory).is_dir() else ():
            target = bin_dir / program.name
            if program.name not in names and not target.exists() and os.access(program, os.X_OK):
                target.symlink_to(program)
    for name, script in (extra or {}).items():
        (bin_dir / name).write_text(f"#!/bin/bash\n{script}\n")
        (bin_dir / name).chmod(0o755)
    return str(bin_dir)


@pytest.fixture
def checkout(tmp_path):
    """scripts/serve and setup_browser.sh in a copy whose env set-up is done and whose python
    records how it was called instead of serving."""
    root = tmp_path / "app"
    (root / "scripts").mkdir(parents=True)
    for name in ("serve", "setup_browser.sh"):
        shutil.copy(ROOT / "scripts" / name, root / "scripts" / name)
    (root / "scripts" / "setup_env.sh").write_text("exit 0\n")
    python = root / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(f'#!/bin/bash\necho "$*" > {root}/served\n')
    python.chmod(0o755)
    return root


def _serve(root: Path, path: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(root / "scripts" / "serve"), "--server.port", "8765"],
                          env={"HOME": str(root), "PATH": path, "LXPM_CHROMIUM": str(root / "no-chromium"), **env},
                          capture_output=True, text=True, timeout=60)


def _warning(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if "warning" in line]
    assert len(lines) == 1, stderr
    return lines[0]


def test_serve_starts_without_apt_and_without_root(checkout, tmp_path):
    done = _serve(checkout, _path_without(tmp_path, MISSING), LXPM_SETUP_AS_USER="1")
    assert done.returncode == 0, done.stderr
    warning = _warning(done.stderr)
    assert "figure export needs chromium and a CJK font" in warning and "chromium" in warning.split("(")[0]
    assert "no apt-get" in warning
    assert (checkout / "served").read_text().split() == ["-m", "app.serve", "--server.port", "8765"]


def test_serve_starts_when_not_root_and_sudo_wants_a_password(checkout, tmp_path):
    path = _path_without(tmp_path, MISSING, {"apt-get": "exit 0", "sudo": 'echo "password:" >&2; exit 1'})
    done = _serve(checkout, path, LXPM_SETUP_AS_USER="1")
    assert done.returncode == 0, done.stderr
    assert "sudo asks for a password" in _warning(done.stderr)
    assert (checkout / "served").exists()


def test_serve_starts_when_apt_fails(checkout, tmp_path):
    path = _path_without(tmp_path, MISSING, {"apt-get": 'echo "E: unable to fetch" >&2; exit 100',
                                             "sudo": '[ "$1" = -n ] && shift; exec "$@"'})
    done = _serve(checkout, path)
    assert done.returncode == 0, done.stderr
    assert "apt-get update failed" in _warning(done.stderr)
    assert (checkout / "served").exists()


def test_setup_for_the_tests_still_fails_when_it_cannot_install(checkout, tmp_path):
    done = subprocess.run(["bash", str(checkout / "scripts" / "setup_browser.sh")],
                          env={"PATH": _path_without(tmp_path, MISSING), "LXPM_SETUP_AS_USER": "1",
                               "LXPM_CHROMIUM": str(checkout / "no-chromium")},
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "cannot install chromium: no apt-get" in done.stderr
