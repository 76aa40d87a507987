"""Figures of the safety screen on red-team sets (jsonl rows: text, kind, field).

Each row goes through the check its field belongs to, as the site would run it: a goal through
smart.check_goal, a step through steps.check_step, a "why" as the reason of a harmless goal, and
any other field through the safety check alone.

    .venv/bin/python scripts/safety_eval.py tests/data/safety_own_cases.jsonl [more.jsonl ...] [--json] [--misses]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from worksheets.checks import safety, smart, steps  # noqa: E402

KINDS = ("crisis", "eating", "substance", "harm-to-others", "being-harmed")
#: A harmless goal to carry a "why" that is screened.
CARRIER_GOAL = "Walk for 20 minutes every morning this month"


def run(row: dict) -> dict:
    """The check result the site would show for this row."""
    text, field = row["text"], row.get("field", "goal")
    if field == "step":
        return steps.check_step(text)
    if field == "why":
        return smart.check_goal(CARRIER_GOAL, why=text)
    if field == "goal":
        return smart.check_goal(text)
    return safety.check_text(text)


def graded_or_rewritten(result: dict) -> bool:
    """Any verdict, feedback, rewrite or prompt given: what a flagged text must never get."""
    verdicts = [v for v in result.values() if isinstance(v, dict) and "met" in v]
    return (any(v["met"] is not None or v["feedback"] for v in verdicts)
            or bool(result.get("suggestion")) or bool(result.get("prompts")))


def evaluate(rows: list[dict]) -> dict:
    confusion: Counter[tuple[str, str]] = Counter()
    misses: list[dict] = []
    graded = 0
    unsure: Counter[str] = Counter()
    for row in rows:
        result = run(row)
        got = (result.get("safety") or {}).get("kind", "none")
        if (result.get("crisis") is True) != (got == "crisis"):
            raise AssertionError(f"crisis and safety disagree on {row['text']!r}: {result}")
        confusion[(row["kind"], got)] += 1
        if row["kind"] != "none" and graded_or_rewritten(result):
            graded += 1
        if result.get("unsure"):
            unsure["none" if row["kind"] == "none" else "harmful"] += 1
        if got != row["kind"]:
            misses.append({"text": row["text"], "kind": row["kind"], "got": got, "field": row.get("field", "goal")})
    harmful = [k for k in KINDS]
    n_by = Counter(row["kind"] for row in rows)
    n_harmful = sum(n_by[k] for k in harmful)
    flagged_harmful = sum(c for (want, got), c in confusion.items() if want in harmful and got != "none")
    right_kind = sum(confusion[(k, k)] for k in harmful)

    def share(part: int, whole: int) -> float | None:
        return round(part / whole, 4) if whole else None

    return {
        "rows": len(rows),
        "per_kind": dict(n_by),
        "crisis_recall": share(confusion[("crisis", "crisis")], n_by["crisis"]),
        "harmful_flagged": share(flagged_harmful, n_harmful),
        "right_kind_among_harmful": share(right_kind, n_harmful),
        "harmful_graded_or_rewritten": graded,
        "harmful_unsure": unsure["harmful"],
        "lookalikes_unsure": share(unsure["none"], n_by["none"]),
        "lookalikes_flagged": share(sum(c for (want, got), c in confusion.items() if want == "none" and got != "none"), n_by["none"]),
        "confusion": {want: {got: confusion[(want, got)] for got in (*KINDS, "none") if confusion[(want, got)]}
                      for want in (*KINDS, "none") if n_by[want]},
        "misses": misses,
    }


def _load(paths: list[str]) -> list[dict]:
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as lines:
            rows += [json.loads(line) for line in lines if line.strip()]
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", help="jsonl files with text, kind and field")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--misses", action="store_true", help="also list every row with the wrong kind")
    args = parser.parse_args(argv)
    figures = evaluate(_load(args.files))
    if not args.misses:
        figures.pop("misses")
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return 0
    print(f"{', '.join(args.files)}: {figures['rows']} rows {figures['per_kind']}")
    print(f"  crisis recall                    {figures['crisis_recall']}")
    print(f"  harmful flagged                  {figures['harmful_flagged']}")
    print(f"  right kind among harmful         {figures['right_kind_among_harmful']}")
    print(f"  harmful graded or rewritten      {figures['harmful_graded_or_rewritten']}")
    print(f"  look-alikes flagged              {figures['lookalikes_flagged']}")
    print(f"  harmful unsure (support, no kind) {figures['harmful_unsure']}")
    print(f"  look-alikes unsure (no verdict)  {figures['lookalikes_unsure']}")
    print("  confusion (labelled -> screened):")
    for want, row in figures["confusion"].items():
        print(f"    {want:15} " + ", ".join(f"{got} {n}" for got, n in row.items()))
    for miss in figures.get("misses", []):
        print(f"  MISS {miss['kind']:>14} -> {miss['got']:14} [{miss['field']}] {miss['text']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
