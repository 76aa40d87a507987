"""Benchmark of the SMART check: one check's latency in CPython and in Pyodide (Node.js), and a
100,000-character goal. Prints its figures; targets are judged by reading them, not by a test.

Run: .venv/bin/python scripts/bench_checks.py
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from worksheets import bundle  # noqa: E402
from worksheets.checks.smart import check_goal  # noqa: E402

GOALS = [json.loads(line)["goal"] for line in (ROOT / "tests" / "data" / "labelled_goals.jsonl").open(encoding="utf-8")]


def _percentiles(millis: list[float]) -> str:
    ordered = sorted(millis)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"p50 {statistics.median(ordered):.2f} ms, p95 {p95:.2f} ms, max {ordered[-1]:.2f} ms over {len(ordered)} goals"


def main() -> None:
    check_goal("warm up the caches")
    millis = []
    for goal in GOALS:
        started = time.perf_counter()
        check_goal(goal)
        millis.append((time.perf_counter() - started) * 1000)
    print(f"CPython {sys.version.split()[0]}: {_percentiles(millis)}")

    huge = ("I want to call my sister every Sunday because I miss her. " * 2000)[:100_000]
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        check_goal(huge)
        timings.append((time.perf_counter() - started) * 1000)
    print(f"CPython, one 100,000-character goal: median {statistics.median(timings):.2f} ms of 5")

    node = shutil.which("node")
    if node is None:
        print("Pyodide: skipped, Node.js not found")
        return
    with tempfile.TemporaryDirectory() as folder:
        requests = Path(folder) / "requests.json"
        requests.write_text(json.dumps([{"check": "smart", "input": {"goal": g}} for g in GOALS * 2 + [huge]]))
        shipped = bundle.build_bundle()
        completed = subprocess.run([node, str(ROOT / "tests" / "pyodide_run_checks.mjs"), str(shipped.wheel),
                                    str(requests), str(shipped.stdlib)], capture_output=True, text=True, check=True, cwd=ROOT)
    answer = json.loads(completed.stdout)
    # The first pass warms Pyodide's caches; the second is what a person typing sees.
    print(f"Pyodide (Python {answer['python'].split()[0]}, Node.js): {_percentiles(answer['millis'][len(GOALS):-1])}")
    print(f"Pyodide, one 100,000-character goal: {answer['millis'][-1]:.2f} ms")


if __name__ == "__main__":
    main()
