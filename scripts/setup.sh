#!/usr/bin/env bash
# Sets up everything the site needs on a fresh machine: a Python >= 3.12 virtual environment
# in .venv/ with the project installed, and the pinned npm packages (Pyodide, axe-core).
# With --browser it also installs Debian's Chromium for the browser tests when it is missing.
# Each step is skipped when its inputs have not changed since it last ran.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=false
[[ "${1:-}" == "--browser" ]] && want_browser=true

python_ok() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; }

find_python() {
  local candidate
  for candidate in "${PYTHON:-}" python3.14 python3.13 python3.12 python3; do
    [[ -n "$candidate" ]] && python_ok "$candidate" && { command -v "$candidate"; return; }
  done
  # pyenv installs versions without putting them on PATH.
  for candidate in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[2-9]*/bin/python3; do
    [[ -x "$candidate" ]] && python_ok "$candidate" && { echo "$candidate"; return; }
  done
  return 1
}

stamp_of() { cat "$@" | sha256sum | cut -c1-16; }

# Python environment
if ! { [[ -x .venv/bin/python ]] && python_ok .venv/bin/python; }; then
  if ! python=$(find_python); then
    echo "setup: Python 3.12 or newer is needed and none was found." >&2
    echo "setup: install it (for example 'apt-get install python3.12 python3.12-venv'), or set PYTHON=/path/to/python3.12." >&2
    exit 1
  fi
  echo "setup: creating .venv with $python"
  rm -rf .venv
  "$python" -m venv .venv
fi
python_stamp=".venv/.installed-$(stamp_of pyproject.toml)"
if [[ ! -f "$python_stamp" ]]; then
  echo "setup: installing Python packages"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[bundle,test]'
  rm -f .venv/.installed-* && touch "$python_stamp"
fi

# Browser-side packages
if ! command -v npm >/dev/null; then
  echo "setup: npm is needed (Node.js 18 or newer); install Node.js, then run this again." >&2
  exit 1
fi
npm_stamp="node_modules/.installed-$(stamp_of package.json package-lock.json)"
if [[ ! -f "$npm_stamp" ]]; then
  echo "setup: installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
  touch "$npm_stamp"
fi

# Chromium for the browser tests (Playwright cannot download browsers here).
if $want_browser && ! command -v chromium >/dev/null; then
  echo "setup: installing Debian's chromium"
  sudo_if_needed=""
  [[ "$(id -u)" != 0 ]] && sudo_if_needed="sudo"
  $sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y -qq chromium >/dev/null
fi
exit 0
