#!/usr/bin/env bash
# Install Debian's chromium and a CJK font when they are missing (browser tests and figures need both).
#   --optional: when they cannot be installed (no apt, not root and no password-less sudo, or apt fails),
#   warn in one line and exit 0: the dashboard runs without them, only figure export needs them.
# LXPM_CHROMIUM: the chromium to look for (default /usr/bin/chromium); LXPM_SETUP_AS_USER=1: act as if
# not root (for tests).
set -euo pipefail
optional=false
[ "${1:-}" = "--optional" ] && optional=true
need=()
command -v chromium >/dev/null 2>&1 || [ -x "${LXPM_CHROMIUM:-/usr/bin/chromium}" ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi -E "wqy|noto sans cjk|noto serif cjk" || need+=(fonts-wqy-microhei)
[ ${#need[@]} -eq 0 ] && exit 0

give_up() {
  local why=$1
  if $optional; then
    echo "setup: warning: figure export needs chromium and a CJK font; ${need[*]} not installed ($why)." \
      "The dashboard runs without them; to add them: sudo apt-get install ${need[*]}" >&2
    exit 0
  fi
  echo "setup: cannot install ${need[*]}: $why" >&2
  exit 1
}

command -v apt-get >/dev/null 2>&1 || give_up "no apt-get on this system"
sudo=()
if [ "${LXPM_SETUP_AS_USER:-}" = 1 ] || [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || give_up "not root and no sudo"
  if $optional; then
    sudo -n true 2>/dev/null || give_up "not root and sudo asks for a password"
    sudo=(sudo -n)
  else
    sudo=(sudo)
  fi
fi
echo "setup: installing ${need[*]} with apt"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq || give_up "apt-get update failed"
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null || give_up "apt-get install failed"
