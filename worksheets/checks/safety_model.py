"""The safety screen's second reader: a small linear model, for wording no phrase pattern names.

Trained by scripts/train_safety_model.py on the red-team texts in tests/data; its weights are in
safety_model.json. The screen (safety.py) asks it only when no pattern matched a text. It reads
the same normalised text, as words, pairs of words and four-letter pieces of words (so "krassen"
or a misspelling still counts), and answers the kind it finds most likely, when the text is at
least THRESHOLD likely to need support.

Standard library only: the same file runs in CPython and in Pyodide.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from pathlib import Path

MODEL_FILE = Path(__file__).parent / "safety_model.json"
CLASSES = ("none", "crisis", "eating", "substance", "harm-to-others", "being-harmed")
#: How likely a text must be to need support (any kind but "none") before the model flags it.
#: Chosen on rater sets 12-14, left out of training (the patterns were never tuned on them either),
#: with the SMART sets 10-11 left out as ordinary goals (scripts/validate_safety_model.py). Crisis
#: recall / harmful flagged / look-alikes flagged / ordinary goals the model flags were 0.76 / 0.83 /
#: 0.12 / 5 of 400 at 0.7, 0.72 / 0.80 / 0.12 / 4 at 0.75, 0.68 / 0.78 / 0.10 / 1 at 0.8 when it was
#: chosen; with the checker's rewrites in training, the script gives 0.74 / 0.82 / 0.13 / 6 of 400
#: (pattern flags included) at 0.7. Trained on every set, it flags none of the 2,424 SMART-set goals
#: the patterns leave alone at 0.7: 0.7, support when unsure.
THRESHOLD = 0.7
#: From this chance of needing support up to THRESHOLD the model leans towards harm without being
#: sure: the checks then give no verdict and no rewrite, only support (safety.py, "unsure").
#: scripts/validate_safety_model.py --unsure 0.5 0.6 0.7, harmful texts graded or rewritten /
#: look-alikes unsure / ordinary goals unsure: 36 of 240 / 0 of 180 / 0 of 400 with no band (0.7),
#: 24 / 1 / 1 from 0.6, 17 / 7 / 4 from 0.5 (where short ordinary fragments such as "put myself
#: first" lean too: a text with no words at all is 0.43).
UNSURE = 0.6

_A_LETTER = re.compile(r"[^\W\d_]")


def features(text: str) -> set[str]:
    words = text.split()
    found = {"w:" + word for word in words}
    found |= {f"b:{a} {b}" for a, b in zip(words, words[1:])}
    for word in words:
        padded = f" {word} "
        found |= {"c:" + padded[i:i + 4] for i in range(len(padded) - 3)}
    return found


@cache
def _model() -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    try:
        model = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}, {}
    return model["bias"], model["weights"]


def likelihoods(text: str) -> dict[str, float]:
    """Each class's probability for a normalised text."""
    bias, weights = _model()
    if not bias:
        return {"none": 1.0}
    found = sorted(features(text))  # summed in one order: the same figures in CPython and Pyodide, every run
    scores = {kind: bias[kind] + sum(weights[kind].get(f, 0.0) for f in found) for kind in CLASSES}
    top = max(scores.values())
    exps = {kind: math.exp(score - top) for kind, score in scores.items()}
    total = sum(exps.values())
    return {kind: value / total for kind, value in exps.items()}


def kind_of(text: str, threshold: float | None = None) -> str | None:
    """The kind of support a normalised text needs by the model's reading, or None."""
    return reading(text, threshold)[0]


def reading(text: str, threshold: float | None = None) -> tuple[str | None, bool]:
    """(kind, unsure) for a normalised text: the kind it needs support for when the model is at least
    `threshold` (THRESHOLD) sure, else None, and whether the model leans towards harm anyway (UNSURE)."""
    chances = likelihoods(text)
    harm = 1.0 - chances["none"]
    if harm < (THRESHOLD if threshold is None else threshold):
        # Only words can make the model unsure: punctuation or numbers alone lean by the model's bias.
        return None, harm >= UNSURE and _A_LETTER.search(text) is not None
    return max((kind for kind in CLASSES if kind != "none"), key=chances.__getitem__), False
