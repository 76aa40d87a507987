"""Train the safety screen's second reader: a small linear model over words and word pieces.

The phrase patterns (safety_lexicon.json) catch the wording they were written for; people in
trouble often write around every keyword ("make sure the dog goes to dave before I check out").
This model is trained on the labelled red-team texts in tests/data (written by raters from
safety-rules.md only) and on the SMART raters' ordinary goals as texts needing nothing. The
screen asks it only when no pattern matched, and flags a text when the model finds it more
likely harmful than not by THRESHOLD.

    .venv/bin/python scripts/train_safety_model.py

writes worksheets/checks/safety_model.json (weights rounded, the strongest features only); judge
it with scripts/safety_eval.py on texts it never saw. Standard library only, seeded: the same
data gives the same file (tests/test_safety_model.py checks the shipped file is current).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from array import array
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from worksheets.checks import safety  # noqa: E402
from worksheets.checks.safety_model import CLASSES, MODEL_FILE, SCALE, encoded, feature_id, features  # noqa: E402
from worksheets.checks.smart.reading import read_goal  # noqa: E402
from worksheets.checks.smart.rewrite import rewrite  # noqa: E402

DATA = ROOT / "tests" / "data"
SAFETY_SETS = ["safety_redteam.jsonl", "safety_raters_2_5.jsonl", "safety_raters_6_8.jsonl", "safety_raters_9_11.jsonl",
               "safety_raters_12_14.jsonl", "safety_raters_16_29.jsonl", "safety_raters_36_54.jsonl",
               "safety_raters_58_62.jsonl", "safety_own_cases.jsonl"]
EPOCHS = 30
LEARNING_RATE = 0.2
L2 = 1e-3
#: Rare classes count more, by (share they would have if equal / share they have) ** BALANCE.
#: Trained without sets 12-14 and SMART sets 10-11, judged on 12-14 and the older held-out sets
#: 33-35 and 51-52 (1,420 texts; crisis recall / harmful graded / look-alikes flagged / ordinary goals
#: flagged of 400), with sets 58-62: 0.5 0.953 / 7 / 0.068 / 5, 0.75 0.957 / 5 / 0.074 / 5, 1.0
#: 0.960 / 4 / 0.083 / 12. 0.75 also raised every text's lean towards harm: 13 of 254 fragments cut
#: from SMART-set goals got support instead of a verdict (tests/test_smart_feedback.py allows 5 %),
#: against 8 of 257 for the shipped model (0.5, with the own cases on nerves). A crisis-only edge
#: (crisis at least 0.2-0.3 likely flags, or makes the checker unsure) graded no fewer and left 2-3
#: times as many ordinary goals unsure or flagged.
BALANCE = 0.5
#: Features kept per class in the shipped file, by weight. Trained without rater sets 12-14 and
#: judged on them, more kept flagged more of their harmful texts at every threshold (2000 -> 4000 ->
#: 6000: 0.75 -> 0.77 -> 0.78 at 0.7, with sets 16-24). With sets 16-29 and the rewrites
#: (scripts/validate_safety_model.py; crisis recall / harmful flagged / look-alikes flagged): 6000
#: 0.74 / 0.82 / 0.13, 10000 0.75 / 0.83 / 0.11, 15000 0.79 / 0.85 / 0.11, and no better at 20000 or
#: with every feature. 15000 is an 800 kB file; it fits Pyodide's default heap only in the compact
#: form safety_model.py keeps it in.
KEPT = 15000


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def labelled_examples() -> list[tuple[str, tuple[str, str]]]:
    """(file name, (text, kind)) for every training text: the red-team texts with their kinds; the
    SMART sets' ordinary goals, and the checker's own rewrites of them ("Go 7 days without ..."), as
    texts needing nothing, so a person who takes the checker's suggestion does not find the screen
    unsure of it (scripts/validate_safety_model.py: with the rewrites, the ordinary goals of SMART
    sets 10-11 left unsure went from 6 to 4 of 400 from 0.5, and sets 12-14's crisis recall from
    0.69 to 0.74)."""
    examples = [(name, (row["text"], row["kind"])) for name in SAFETY_SETS for row in rows(DATA / name)]
    for path in sorted(DATA.glob("labelled_goals*.jsonl")):
        for row in rows(path):
            examples.append((path.name, (row["goal"], "none")))
            suggestion = rewrite(read_goal(row["goal"]))
            if suggestion:
                examples.append((path.name, (suggestion, "none")))
    return examples


def training_set() -> list[tuple[str, str]]:
    return [example for _, example in labelled_examples()]


def train(examples: list[tuple[str, str]]) -> dict[str, dict[str, float]]:
    """Softmax regression by stochastic gradient descent, classes weighted to count alike."""
    encoded = [(sorted(features(safety.model_input(safety.normalise(text)))), CLASSES.index(kind)) for text, kind in examples]
    counts = Counter(label for _, label in encoded)
    weight_of = {label: (len(encoded) / (len(CLASSES) * count)) ** BALANCE for label, count in counts.items()}
    weights: list[dict[str, float]] = [{} for _ in CLASSES]
    bias = [0.0] * len(CLASSES)
    rng = random.Random(20261128)
    for epoch in range(EPOCHS):
        rng.shuffle(encoded)
        rate = LEARNING_RATE / (1 + epoch * 0.3)
        for found, label in encoded:
            scores = [bias[k] + sum(weights[k].get(f, 0.0) for f in found) for k in range(len(CLASSES))]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            for k in range(len(CLASSES)):
                gradient = (exps[k] / total - (k == label)) * weight_of[label]
                bias[k] -= rate * gradient
                for f in found:
                    w = weights[k].get(f, 0.0)
                    weights[k][f] = w - rate * (gradient / len(found) ** 0.5 + L2 * w)
    model = {"bias": {CLASSES[k]: round(bias[k], 4) for k in range(len(CLASSES))}, "weights": {}}
    for k, kind in enumerate(CLASSES):
        strongest = sorted(weights[k].items(), key=lambda item: -abs(item[1]))[:KEPT]
        model["weights"][kind] = {f: round(w, 3) for f, w in sorted(strongest) if round(w, 3)}
    return model


def serialised(model: dict) -> str:
    """The model file: biases, and the kept features' ids and weights as compact arrays (safety_model.py);
    two features with one id (a CRC-32 clash) share the sum of their weights."""
    rows: dict[int, list[int]] = {}
    for k, kind in enumerate(CLASSES):
        for feature, weight in model["weights"][kind].items():
            rows.setdefault(feature_id(feature), [0] * len(CLASSES))[k] += round(weight * SCALE)
    ids = sorted(rows)
    return json.dumps({
        "bias": model["bias"],
        "ids": encoded(array("I", ids)),
        "weights": encoded(array("h", [weight for found in ids for weight in rows[found]])),
    }, sort_keys=True, separators=(",", ":")) + "\n"


def main() -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    model = train(training_set())
    MODEL_FILE.write_text(serialised(model), encoding="utf-8")
    print(f"{MODEL_FILE.name}: {sum(map(len, model['weights'].values()))} weights, {MODEL_FILE.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
