"""Reading a goal as a person would: normalise the text, repair a few typos, find its clauses.

Everything here is standard library so it runs unchanged in CPython and in Pyodide.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .phrases import Phrases

#: Only this much of a goal is read closely (the safety screen, safety.py, reads further).
MAX_READ_CHARS = 3000


@cache
def lexicon() -> dict:
    """The word lists in lexicon.json (data, kept small and reviewable)."""
    return json.loads((Path(__file__).parent / "lexicon.json").read_text(encoding="utf-8"))


def phrase_pattern(phrases: list[str] | tuple[str, ...]) -> Phrases:
    """Any of the phrases as whole words, longest first, read like a compiled regex (phrases.py)."""
    return Phrases(phrases)


_QUOTES = str.maketrans({"‘": "'", "’": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
                         "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "\u00a0": " "})
# Bidirectional controls and zero-width characters carry no meaning for the check.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_GLUED_UNIT = re.compile(r"(\d)(km|k|kg|kgs|kms|lbs?|mins?|hrs?|h|pm|am|x)\b")
_WORD = re.compile(r"[a-z][a-z'-]*")
_TIMES_PER = re.compile(r"\b(\d+)\s?x\s?(/|a|per|each|every|this|next)\s?(day|week|month|wk|weke|wek)\b")
_THOUSANDS = re.compile(r"\b(\d+)\s?k\s+(steps|words)\b")


@cache
def _translations() -> tuple[Phrases, dict[str, str]]:
    table = {**lexicon()["translations"], **lexicon()["shorthand"]}
    return phrase_pattern(list(table)), table


@cache
def _foreign() -> tuple[frozenset[str], Phrases]:
    """The first word of every translated phrase (a quick filter), and the phrases as one pattern."""
    phrases = list(lexicon()["translations"])
    return frozenset(p.split()[0] for p in phrases), phrase_pattern(phrases)


def has_foreign_words(text: str) -> bool:
    """Whether the text holds words of another language that the check reads by their meaning."""
    text = unicodedata.normalize("NFKC", text).lower().translate(_QUOTES)
    first_words, pattern = _foreign()
    if first_words.isdisjoint(re.findall(r"[^\W\d_][\w'-]*", text)):
        return False
    return bool(pattern.search(text))


@cache
def _typo_targets() -> dict[str, list[str]]:
    """Words worth repairing, bucketed by first letter so a lookup compares few candidates."""
    buckets: dict[str, list[str]] = {}
    for word in lexicon()["typo_vocabulary"]:
        buckets.setdefault(word[0], []).append(word)
    return buckets


@cache
def repair_typo(word: str) -> str:
    """A close misspelling of a time, unit or absolute word becomes that word ('evry' -> 'every')."""
    words = lexicon()
    if len(word) < 4 or word in words["not_typos"] or word in words["typo_vocabulary"]:
        return word
    if word.endswith(("in", "in'")) and word.rstrip("'") + "g" in words["typo_vocabulary"]:
        return word.rstrip("'") + "g"  # dropped g: "smokin" -> "smoking"
    if len(word) > 4 and word[-1] == word[-2] and word[:-1] in words["typo_vocabulary"]:
        return word[:-1]  # doubled last letter: "quitt" -> "quit"
    # An inflection ('weekdays', 'time') is a real word, not a typo of its neighbour ('weekday', 'times').
    candidates = [c for c in _typo_targets().get(word[0], [])
                  if abs(len(c) - len(word)) <= 2 and not (c.startswith(word) or word.startswith(c))]
    match = difflib.get_close_matches(word, candidates, n=1, cutoff=0.87)
    return match[0] if match else word


def normalise(text: str) -> str:
    """Lower-case, plain punctuation, emoji and a few foreign words read by meaning, typos repaired."""
    text = unicodedata.normalize("NFKC", text)
    for emoji, meaning in lexicon()["emoji"].items():
        if emoji in text:
            text = text.replace(emoji, meaning)
    text = _INVISIBLE.sub("", text.translate(_QUOTES)).lower()
    pattern, table = _translations()
    text = pattern.sub(lambda m: table[m.group(0)], text)
    text = _TIMES_PER.sub(lambda m: f"{m.group(1)} times {'a' if m.group(2) == '/' else m.group(2)} "
                                    f"{'week' if m.group(3).startswith('we') or m.group(3) == 'wk' else m.group(3)}", text)
    text = _THOUSANDS.sub(r"\g<1>000 \2", text)
    text = _GLUED_UNIT.sub(r"\1 \2", text)
    text = _WORD.sub(lambda m: repair_typo(m.group(0)), text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Clauses:
    """A goal split by what each part does: the demand itself, context about now, and reasons."""

    goal: str
    context: str
    reason: str


_SENTENCES = re.compile(r"[.!?;\n]+\s*|\s+-\s+")
_CONTEXT_THEN_GOAL = re.compile(
    r",\s*(?:and\s+)?(?:so|but|then)\s+(?:i\s+think\s+)?(?:what\s+i\s+(?:really\s+)?want\s+(?:to\s+do\s+)?is\s+(?:to\s+)?)?")
_FILLER_START = re.compile(r"^(?:(?:ok(?:ay)?|so|basically|honestly|um+|well|like|right|hi|hey)\b[\s,]*)+|^(?:my\s+)?goal\s*(?:is)?\s*:\s*")
_OPENER_THEN_GOAL = re.compile(r"^(?:now that|ever since|since|given that|because)\b[^,]*,\s*")


@cache
def _present_context() -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(re.escape(p) for p in lexicon()["present_context_starts"]) + r")\b")


@cache
def _goal_starts() -> re.Pattern[str]:
    return re.compile(r"^(?:i just\s+)?(?:" + "|".join(re.escape(p) for p in lexicon()["goal_starts"]) + r")\b")


@cache
def _reason_tail() -> re.Pattern[str]:
    markers = "|".join(re.escape(m) for m in sorted(lexicon()["reason_markers"], key=len, reverse=True))
    return re.compile(r"(?:,\s*|\s)(?:" + markers + r")(?![\w'])")


def _is_context(part: str) -> bool:
    return bool(_present_context().match(part)) and not _goal_starts().match(part)


def split_clauses(text: str) -> Clauses:
    """Separate what the person will do from context about the present and from reasons."""
    goal_parts: list[str] = []
    context_parts: list[str] = []
    reason_parts: list[str] = []
    for sentence in filter(None, (_FILLER_START.sub("", s.strip(" ,")) for s in _SENTENCES.split(text))):
        opener = _OPENER_THEN_GOAL.match(sentence)
        if opener:
            (reason_parts if sentence.startswith("because") else context_parts).append(opener.group(0))
            sentence = sentence[opener.end():]
        turn = _CONTEXT_THEN_GOAL.search(sentence)
        if turn and _is_context(sentence[:turn.start()]):
            context_parts.append(sentence[:turn.start()])
            sentence = sentence[turn.end():]
        elif _is_context(sentence):
            context_parts.append(sentence)
            continue
        reason = _reason_tail().search(sentence)
        if reason and reason.start() > 0:
            reason_parts.append(sentence[reason.start():].strip(" ,"))
            sentence = sentence[:reason.start()]
        elif reason:
            reason_parts.append(sentence)
            continue
        goal_parts.append(sentence)
    if not any(part.strip() for part in goal_parts):
        # Nothing but context or reasons: read it all as the goal rather than nothing.
        return Clauses(goal=text, context="", reason=" , ".join(reason_parts))
    return Clauses(goal=" , ".join(goal_parts), context=" , ".join(context_parts), reason=" , ".join(reason_parts))
