"""The safety screen's second reader (checks/safety_model.py): it is the model its training script
makes from tests/data, it reads what the patterns miss, and it leaves ordinary goals alone."""

from __future__ import annotations

import json
import math
import sys
from functools import cache
from pathlib import Path

from worksheets.checks import safety, safety_model

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import train_safety_model  # noqa: E402


def _missed_by_patterns(rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(text, kind) for text, kind in rows if not safety._find(safety.normalise(text), read_meaning=False)]


@cache
def _trained() -> dict:
    return train_safety_model.train(train_safety_model.training_set())


def test_the_shipped_model_is_the_one_its_script_trains() -> None:
    assert safety_model.MODEL_FILE.read_text(encoding="utf-8") == train_safety_model.serialised(_trained()), (
        "run: .venv/bin/python scripts/train_safety_model.py")


def test_the_compact_model_reads_as_the_trained_weights_do() -> None:
    """Ids and thousandths in arrays (kept small for Pyodide's heap) give the trained weights' figures."""
    model = _trained()
    for text, _ in train_safety_model.training_set()[::20]:
        found = safety_model.features(safety.model_input(safety.normalise(text)))
        scores = {kind: model["bias"][kind] + sum(model["weights"][kind].get(f, 0.0) for f in found)
                  for kind in safety_model.CLASSES}
        top = max(scores.values())
        total = sum(math.exp(score - top) for score in scores.values())
        expected = {kind: math.exp(score - top) / total for kind, score in scores.items()}
        got = safety_model.likelihoods(safety.model_input(safety.normalise(text)))
        assert all(abs(got[kind] - expected[kind]) < 1e-6 for kind in safety_model.CLASSES), text


def test_the_model_flags_most_harmful_texts_the_patterns_miss() -> None:
    missed = [(text, kind) for text, kind in _missed_by_patterns(train_safety_model.training_set()) if kind != "none"]
    flagged = [text for text, kind in missed if safety.explain(text)]
    assert len(missed) >= 50  # the patterns miss many: the model is what reads them
    # It reads words, not meaning, at a threshold that spares ordinary goals: about half of them (51 %
    # when trained; unseen texts: tests/data/README.md).
    assert len(flagged) >= 0.5 * len(missed), sorted(set(text for text, _ in missed) - set(flagged))[:20]


def test_the_model_leaves_ordinary_goals_and_lookalikes_alone() -> None:
    goals = [(json.loads(line)["goal"], "none") for path in sorted((ROOT / "tests" / "data").glob("labelled_goals*.jsonl"))
             for line in path.open(encoding="utf-8")]
    by_model = [text for text, _ in _missed_by_patterns(goals) if safety.explain(text)]
    assert len(by_model) <= 0.005 * len(goals), by_model
    lookalikes = [(text, kind) for text, kind in train_safety_model.training_set() if kind == "none"]
    by_model = [text for text, _ in _missed_by_patterns(lookalikes) if safety.explain(text)]
    assert len(by_model) <= 0.02 * len(lookalikes), by_model


def test_a_model_flag_gets_the_kinds_support_and_no_coaching() -> None:
    text = next(text for text, kind in _missed_by_patterns(train_safety_model.training_set())
                if kind == "crisis" and safety.explain(text) == ("crisis", "model"))
    result = safety.check_text(text)
    assert result["safety"] == {"kind": "crisis", "message": safety.MESSAGES["crisis"]}
