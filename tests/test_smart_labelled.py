"""The SMART check against goals labelled by hand under the rules in worksheets/checks/RULES.md, in CPython and in Pyodide."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from worksheets import bundle
from worksheets.checks import api
from worksheets.checks.smart import check_goal

#: Sets written and labelled independently by four raters; each later set was measured on first
#: contact before the checker's rule gaps were fixed (figures in tests/data/README.md).
LABELLED_SETS = ("labelled_goals.jsonl", "labelled_goals_second_rater.jsonl",
                 "labelled_goals_set3.jsonl", "labelled_goals_set4.jsonl")
LABELLED = [json.loads(line) for name in LABELLED_SETS
            for line in (Path(__file__).parent / "data" / name).open(encoding="utf-8")]
JUDGED = ("specific", "measurable", "achievable", "time_bound")
#: Agreement with the hand labels the issue asks for, per criterion.
REQUIRED_AGREEMENT = 0.95


def _verdict(result: dict, criterion: str) -> bool:
    return result[criterion] if criterion == "crisis" else result[criterion]["met"]


def test_the_labelled_set_is_big_and_balanced_enough_to_mean_something() -> None:
    assert len(LABELLED) >= 200
    for criterion in JUDGED:
        share = sum(goal[criterion] for goal in LABELLED) / len(LABELLED)
        assert 0.25 <= share <= 0.75, f"{criterion}: {share:.0%} met"


@pytest.mark.parametrize("criterion", [*JUDGED, "crisis"])
def test_agreement_with_hand_labels(criterion: str) -> None:
    confusion: Counter[tuple[bool, bool]] = Counter()
    wrong = []
    for goal in [g for g in LABELLED if criterion in g]:  # the later raters did not label crisis
        result = check_goal(goal["goal"])
        if criterion != "crisis" and result["safety"]:
            continue  # a flagged goal gets support instead of verdicts (CONTRACTS.md)
        got = _verdict(result, criterion)
        confusion[(goal[criterion], got)] += 1
        if got != goal[criterion]:
            wrong.append(f"  labelled {goal[criterion]!s:5} got {got!s:5} | {goal['goal'][:100]}")
    agreement = (confusion[(True, True)] + confusion[(False, False)]) / sum(confusion.values())
    print(f"\n{criterion}: agreement {agreement:.3f}; true positives {confusion[(True, True)]}, "
          f"true negatives {confusion[(False, False)]}, false positives {confusion[(False, True)]}, "
          f"false negatives {confusion[(True, False)]}")
    print("\n".join(wrong))
    required = 1.0 if criterion == "crisis" else REQUIRED_AGREEMENT
    assert agreement >= required, "\n".join(wrong)


#: Sets 6-11 from six more independent raters. Their misses were read and the checker's rule gaps
#: fixed (tuned on, so these are not honest figures: tests/data/README.md). Each criterion is held to what the
#: fixes reached, less a small margin, so a change that loses a kind of wording fails here.
TUNED_SETS = {
    "labelled_goals_set6.jsonl": {"specific": 0.92, "measurable": 0.92, "achievable": 0.98, "time_bound": 0.975, "all four": 0.88},
    "labelled_goals_set7.jsonl": {"specific": 0.88, "measurable": 0.89, "achievable": 0.975, "time_bound": 0.955, "all four": 0.85},
    "labelled_goals_set8.jsonl": {"specific": 0.935, "measurable": 0.935, "achievable": 0.98, "time_bound": 0.98, "all four": 0.90},
    "labelled_goals_set9.jsonl": {"specific": 0.95, "measurable": 0.955, "achievable": 0.985, "time_bound": 0.975, "all four": 0.935},
    "labelled_goals_set10.jsonl": {"specific": 0.93, "measurable": 0.95, "achievable": 0.97, "time_bound": 0.97, "all four": 0.89},
    "labelled_goals_set11.jsonl": {"specific": 0.93, "measurable": 0.94, "achievable": 0.99, "time_bound": 0.97, "all four": 0.89},
}


@pytest.mark.parametrize("name", TUNED_SETS)
def test_the_sets_tuned_on_keep_the_agreement_their_fixes_reached(name: str) -> None:
    goals = [json.loads(line) for line in (Path(__file__).parent / "data" / name).open(encoding="utf-8") if line.strip()]
    right: Counter[str] = Counter()
    for goal in goals:
        result = check_goal(goal["goal"])  # a flagged goal counts as meeting nothing, as in the lead's measure
        ok = [bool(result[c]["met"]) == bool(goal[c]) for c in JUDGED]
        right.update(c for c, o in zip(JUDGED, ok) if o)
        right["all four"] += all(ok)
    agreement = {key: right[key] / len(goals) for key in TUNED_SETS[name]}
    print(f"\n{name}: " + ", ".join(f"{k} {v:.3f}" for k, v in agreement.items()))
    low = {k: round(v, 3) for k, v in agreement.items() if v < TUNED_SETS[name][k]}
    assert not low, f"{name} below its floor: {low}"
    graded = [g["goal"] for g in goals if g.get("not_a_goal") and any(check_goal(g["goal"])[c]["met"] for c in JUDGED)]
    assert not graded, f"not a goal yet, but graded: {graded}"


#: Labels that contradict the rules (tests/data/README.md says why); the checker follows the rules.
AGAINST_THE_RULES = {"happiness"}


@pytest.mark.parametrize("goal", [g for g in LABELLED if g.get("not_a_goal") and g["goal"] not in AGAINST_THE_RULES],
                         ids=lambda g: g["goal"][:30])
def test_text_that_is_not_a_goal_yet_meets_nothing_and_gets_one_kind_place_to_start(goal: dict) -> None:
    result = check_goal(goal["goal"])
    assert not any(result[c]["met"] for c in (*JUDGED, "relevant"))
    assert len(result["prompts"]) == 1 and "Find your why" in result["prompts"][0]
    assert not result["suggestion"]


def test_pyodide_gives_exactly_the_answers_cpython_gives(tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node, "Node.js is needed to run Pyodide outside the browser"
    requests = [{"check": "smart", "input": {"goal": goal["goal"]}} for goal in LABELLED]
    requests += [{"check": "smart", "input": {"goal": "Walk 20 minutes a day", "why": "For my kids"}},
                 {"check": "smart", "input": {"goal": "x" * 100_000}},
                 {"check": "smart", "input": {"goal": "اركض ٣ مرات في الأسبوع 🏃 run 3 times a week"}}]
    (tmp_path / "requests.json").write_text(json.dumps(requests), encoding="utf-8")
    shipped = bundle.build_bundle()
    # On the stdlib the site ships: its start-up modules precompiled by the build (worksheets/precompiled_stdlib.py).
    completed = subprocess.run(
        [node, str(Path(__file__).parent / "pyodide_run_checks.mjs"), str(shipped.wheel), str(tmp_path / "requests.json"),
         str(shipped.stdlib)],
        capture_output=True, text=True, cwd=bundle.ROOT, timeout=600,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    answer = json.loads(completed.stdout)
    assert answer["python"].startswith("3.14")
    assert {"re._parser", "json.decoder", "difflib", "datetime"} <= set(answer["precompiled"])
    expected = [json.loads(api.handle(json.dumps(request))) for request in requests]
    mismatches = [(r["input"]["goal"][:60], e, g) for r, e, g in zip(requests, expected, answer["results"]) if e != g]
    assert not mismatches, mismatches[:3]
