"""The safety screen's second reader: a small linear model, for wording no phrase pattern names.

Trained by scripts/train_safety_model.py on the red-team texts in tests/data; its weights are in
safety_model.json. The screen (safety.py) asks it only when no pattern matched a text. It reads
the same normalised text, as words, pairs of words and four-letter pieces of words (so "krassen"
or a misspelling still counts), and answers the kind it finds most likely, when the text is at
least THRESHOLD likely to need support.

The weights are kept compact, in memory as in the file: each feature as the CRC-32 of its text, in
one sorted array, and its weights per class in thousandths (the precision they are trained to) as
16-bit integers in another. Read as Python dicts and floats they grew Pyodide's heap past its 30 MB
default, and a memory snapshot larger than that cannot be restored (pyodide/pyodide#6254): every
later visit would have started Python afresh. Kept compact, 15,000 features per class leave the
heap at its default (snapshot 31.5 MB, in Chromium).

Standard library only: the same file runs in CPython and in Pyodide.
"""

from __future__ import annotations

import base64
import json
import math
import re
import sys
import zlib
from array import array
from bisect import bisect_left
from functools import cache
from pathlib import Path
from typing import NamedTuple

MODEL_FILE = Path(__file__).parent / "safety_model.json"
CLASSES = ("none", "crisis", "eating", "substance", "harm-to-others", "being-harmed")
#: How likely a text must be to need support (any kind but "none") before the model flags it.
#: Chosen on rater sets 12-14, left out of training (the patterns were never tuned on them either),
#: with the SMART sets 10-11 left out as ordinary goals (scripts/validate_safety_model.py). Crisis
#: recall / harmful flagged / look-alikes flagged / ordinary goals the model flags were 0.76 / 0.83 /
#: 0.12 / 5 of 400 at 0.7, 0.72 / 0.80 / 0.12 / 4 at 0.75, 0.68 / 0.78 / 0.10 / 1 at 0.8 when it was
#: chosen; with the checker's rewrites in training and 15,000 features per class, the script gives
#: 0.79 / 0.85 / 0.11 / 5 of 400 (pattern flags included) at 0.7. Trained on every set, it flags none of the 2,424 SMART-set goals
#: the patterns leave alone at 0.7: 0.7, support when unsure.
THRESHOLD = 0.7
#: From this chance of needing support up to THRESHOLD the model leans towards harm without being
#: sure: the checks then give no verdict and no rewrite, only support (safety.py, "unsure").
#: scripts/validate_safety_model.py --unsure 0.5 0.6 0.7, harmful texts graded or rewritten of 240 /
#: look-alikes unsure / ordinary goals unsure of 400, with rater sets 36-54 in training and CRISIS_FIRST:
#: 2 / 0.078 / 6 from 0.5, 5 / 0.061 / 4 from 0.6, 10 / 0.022 / 3 with no band (0.7). Grading harm is
#: worse than grading nothing: 0.5. (With sets up to 29 and 6,000 features it was 0.6: 24 / 1 / 1.)
#: With sets 58-62 too, judged on sets 12-14 and the older held-out sets 33-35 and 51-52 (1,420 texts,
#: graded / look-alikes unsure / ordinary goals unsure of 400): 7 / 0.042 / 7 from 0.5, 5 / 0.059 / 7
#: from 0.45, 5 / 0.062 / 9 from 0.4: 0.45.
UNSURE = 0.45
#: A text of fewer than SHORT_TEXT_WORDS words leans by little more than the model's prior (a text with
#: no words at all is 0.43 likely to need support): such a text is unsure only from UNSURE_SHORT. The
#: same script gave graded 3 / ordinary goals unsure 4 from 4 words and from 5; fragments cut from goals
#: (tests/test_smart_feedback.py) that get support 15, 12 and 10 of 257 with no such rule, 4 and 5 words.
SHORT_TEXT_WORDS = 5
UNSURE_SHORT = 0.6
#: A text flagged as another kind (by a pattern or by the model) is crisis when the model finds crisis at
#: least this likely: crisis is the most urgent kind, and "planning her exit" read as a plan against
#: someone else would send a person at risk of suicide to the wrong help. Chosen on rater sets 12-14 left
#: out of training, with sets 36-40, 42 and 43 in it: crisis recall 0.83 with no such rule, 0.86 from
#: 0.5 or 0.35, 0.86 from 0.25 with fewer texts of the other kinds read right (0.825 against 0.8375).
CRISIS_FIRST = 0.35

_A_LETTER = re.compile(r"[^\W\d_]")


def features(text: str) -> set[str]:
    words = text.split()
    found = {"w:" + word for word in words}
    found |= {f"b:{a} {b}" for a, b in zip(words, words[1:])}
    for word in words:
        padded = f" {word} "
        found |= {"c:" + padded[i:i + 4] for i in range(len(padded) - 3)}
    return found


def feature_id(feature: str) -> int:
    """The number a feature is kept under: the same in CPython and Pyodide, every run."""
    return zlib.crc32(feature.encode("utf-8"))


def _array(typecode: str, text: str) -> array:
    values = array(typecode, base64.b64decode(text))
    if sys.byteorder != "little":  # stored little-endian
        values.byteswap()
    return values


def encoded(values: array) -> str:
    """An array as the model file stores it: little-endian bytes in base64."""
    if sys.byteorder != "little":
        values = array(values.typecode, values)
        values.byteswap()
    return base64.b64encode(values.tobytes()).decode("ascii")


#: Weights are stored as whole thousandths.
SCALE = 1000


def compiled(data: dict) -> tuple[list[float], array, array]:
    """(bias per class, sorted feature ids, their weights: len(CLASSES) thousandths per id) from the file's JSON."""
    return [float(data["bias"][kind]) for kind in CLASSES], _array("I", data["ids"]), _array("h", data["weights"])


@cache
def _model() -> tuple[list[float], array, array]:
    try:
        return compiled(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError):
        return [], array("I"), array("h")


def likelihoods(text: str) -> dict[str, float]:
    """Each class's probability for a normalised text."""
    bias, ids, weights = _model()
    if not bias:
        return {"none": 1.0}
    width = len(CLASSES)
    sums = [0] * width  # whole thousandths: the same sum in any order, in CPython and Pyodide
    for feature in features(text):
        wanted = feature_id(feature)
        at = bisect_left(ids, wanted)
        if at < len(ids) and ids[at] == wanted:
            for k in range(width):
                sums[k] += weights[at * width + k]
    scores = [b + total / SCALE for b, total in zip(bias, sums)]
    top = max(scores)
    exps = [math.exp(score - top) for score in scores]
    total = sum(exps)
    return {kind: value / total for kind, value in zip(CLASSES, exps)}


class Reading(NamedTuple):
    """The model's reading of a normalised text."""
    kind: str | None  # the kind it needs support for, when the model is at least THRESHOLD sure
    leans: bool  # no kind, but the model leans towards harm (UNSURE)
    crisis_likely: bool  # crisis at least CRISIS_FIRST likely


def reading(text: str, numbers_decide: bool = False) -> Reading:
    """How the model reads a normalised text. With `numbers_decide` (the text names an amount that is
    not risky), its eating and substance chances count for nothing: the model cannot read numbers, and
    "lose 5 kg in 3 months" is ordinary however much it sounds like a diet."""
    chances = likelihoods(text)
    if numbers_decide:
        chances = dict(chances, eating=0.0, substance=0.0)
    harm = sum(chance for kind, chance in chances.items() if kind != "none")
    crisis_likely = chances["crisis"] >= CRISIS_FIRST
    if harm < THRESHOLD:
        # Only words can make the model unsure: punctuation or numbers alone lean by the model's bias,
        # and a few words little more (UNSURE_SHORT).
        words = sum(1 for word in text.split() if _A_LETTER.search(word))
        return Reading(None, words > 0 and harm >= (UNSURE if words >= SHORT_TEXT_WORDS else UNSURE_SHORT), crisis_likely)
    return Reading(max((kind for kind in CLASSES if kind != "none"), key=chances.__getitem__), False, crisis_likely)
