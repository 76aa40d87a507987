#!/usr/bin/env bash
# Sets up, then serves the site at http://127.0.0.1:8000 with live reload (specs, templates and checks included).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/mkdocs serve --dev-addr 127.0.0.1:8000 "$@"
