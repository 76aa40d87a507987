"""Small helpers for feedback a person can follow: their own words as they wrote them, and
examples from the setting their goal is about (school, home, work, health)."""

from __future__ import annotations

import re
from functools import cache

from ..phrases import Phrases
from ..text import lexicon, phrase_pattern
from .vocabulary import vocabulary


_TOKEN = re.compile(r"[\w'’%/-]+")


def said(phrase: str | None, goal: str) -> str | None:
    """The phrase as the person wrote it (their capitals), when it appears whole in their goal; else None.

    Feedback quotes only such phrases, so it never quotes a fragment or words they did not write.
    """
    wanted = [w.lower().replace("’", "'") for w in _TOKEN.findall(phrase or "")]
    if not wanted:
        return None
    tokens = list(_TOKEN.finditer(goal))
    lowered = [t.group(0).lower().replace("’", "'") for t in tokens]
    for i in range(len(tokens) - len(wanted) + 1):
        if lowered[i:i + len(wanted)] == wanted:
            found = goal[tokens[i].start():tokens[i + len(wanted) - 1].end()]
            before = goal[:tokens[i].start()].rstrip()
            if (not before or before[-1] in ".!?") and found[1:2].islower():
                found = found[0].lower() + found[1:]  # a capital only because it starts their sentence
            return found
    return None


def quoted(phrase: str | None, goal: str) -> str:
    """ “phrase” when the person wrote it, else the empty string. """
    found = said(phrase, goal)
    return f"“{found}”" if found else ""


@cache
def _settings() -> tuple[tuple[Phrases, dict[str, str]], ...]:
    examples = lexicon()["setting_examples"]
    return tuple((phrase_pattern(entry["words"]), entry) for name, entry in examples.items() if entry["words"])


def domain(text: str) -> dict[str, str]:
    """The setting the goal is about, as its example phrases: school, work, home, health, or everyday."""
    text = vocabulary().idiom.sub(" ", text)  # "work on my health" is about health, not work
    return next((entry for pattern, entry in _settings() if pattern.search(text)), lexicon()["setting_examples"]["everyday"])


def in_their_case(text: str, goal: str) -> str:
    """Give each word of a rewrite the capitals it has in the person's goal; 'i' is 'I'; first letter up."""
    cases = {}
    for match in re.finditer(r"[\w'’-]+", goal):
        word = match.group(0)
        sentence_start = not goal[:match.start()].strip() or goal[:match.start()].rstrip()[-1] in ".!?"
        if sentence_start and not word[1:].isupper():
            continue  # a capital only because it starts a sentence
        cases.setdefault(word.lower().replace("’", "'"), word)

    def restore(match: re.Match[str]) -> str:
        word = match.group(0)
        if word in {"i", "i'm", "i'll", "i've", "i'd"}:
            return "I" + word[1:]
        return cases.get(word, word)

    text = re.sub(r"[\w'-]+", restore, text)
    return text[:1].upper() + text[1:]
