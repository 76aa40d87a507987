#!/usr/bin/env bash
# Sets up (Chromium included), then runs every test: unit, rendering and browser. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
exec .venv/bin/python -m pytest "$@"
