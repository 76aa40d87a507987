"""Command line: `python -m worksheets.checks.smart [--why TEXT]` reads one goal per line on stdin
and prints one JSON object per line (the same result the browser gets)."""

from __future__ import annotations

import argparse
import json
import sys

from . import check_goal


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Check therapy goals (one per line on stdin) against SMART.")
    parser.add_argument("--why", default="", help="why the goal matters to the person (context for Relevant)")
    args = parser.parse_args(argv)
    for line in sys.stdin:
        print(json.dumps(check_goal(line.rstrip("\n"), why=args.why), ensure_ascii=False), flush=True)
