"""How the safety model's settings were chosen: trained without some labelled sets, judged on them.

The held-out rater sets (12-14 by default: the phrase patterns were never tuned on them) and SMART
sets (10-11: ordinary goals) are left out of training; the model trained on the rest is judged on
them with the screen's patterns in front, as the site runs it, for each UNSURE band given. None of
the sets that report first-contact figures (outside the repository) is read.

    .venv/bin/python scripts/validate_safety_model.py [--unsure 0.6 0.7]

About a minute: one training run, then one pass per band.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import safety_eval  # noqa: E402
import train_safety_model  # noqa: E402
from worksheets.checks import safety_model, smart  # noqa: E402

DATA = ROOT / "tests" / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held-out", default="safety_raters_12_14.jsonl", help="rater set judged on, left out of training")
    parser.add_argument("--held-out-goals", nargs="+", default=["labelled_goals_set10.jsonl", "labelled_goals_set11.jsonl"])
    parser.add_argument("--unsure", nargs="+", type=float, default=[safety_model.UNSURE, safety_model.THRESHOLD],
                        help="lower edges of the unsure band to compare (THRESHOLD: no band)")
    args = parser.parse_args()

    left_out = {args.held_out, *args.held_out_goals}
    examples = [example for name, example in train_safety_model.labelled_examples() if name not in left_out]
    model = train_safety_model.train(examples)
    reader = safety_model.compiled(json.loads(train_safety_model.serialised(model)))
    safety_model._model = lambda: reader  # the shipped file stays as it is

    rows = train_safety_model.rows(DATA / args.held_out)
    goals = [row["goal"] for name in args.held_out_goals for row in train_safety_model.rows(DATA / name)]
    for edge in args.unsure:
        safety_model.UNSURE = edge
        figures = safety_eval.evaluate(rows)
        answers = [smart.check_goal(goal) for goal in goals]
        figures.pop("misses")
        figures.pop("confusion")
        figures["ordinary_goals_flagged"] = sum(bool(answer["safety"]) for answer in answers)
        figures["ordinary_goals_unsure"] = sum(bool(answer["unsure"]) for answer in answers)
        figures["ordinary_goals"] = len(goals)
        print(json.dumps({"unsure_from": edge, "threshold": safety_model.THRESHOLD, **figures}))


if __name__ == "__main__":
    main()
