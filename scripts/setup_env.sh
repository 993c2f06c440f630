#!/usr/bin/env bash
# Create .venv with Python 3.11 and install a requirements file into it (once per change of that file).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
req=${1:-requirements.txt}
python=${PYTHON:-}
if [ -z "$python" ]; then
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1; then python=$candidate; break; fi
  done
fi
[ -n "$python" ] || { echo "setup: Python 3.11 not found" >&2; exit 1; }
if [ ! -x "$root/.venv/bin/python" ]; then
  echo "setup: creating .venv with $($python --version)"
  "$python" -m venv "$root/.venv"
fi
stamp="$root/.venv/.install-stamp-$(basename "$req")"
digest=$(cat "$root"/requirements*.txt | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
  echo "setup: installing $req"
  "$root/.venv/bin/python" -m pip install --disable-pip-version-check -q -r "$root/$req"
  echo "$digest" > "$stamp"
fi
