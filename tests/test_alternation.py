"""The safety screen's alternations, compiled per text from the alternatives that can match it,
match exactly as the one large regex they stand for would, and literals.json is current."""

from __future__ import annotations

import json
import re
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from worksheets.checks import alternation, safety

ALTERNATIONS = {"benign": safety._patterns()[0], "exclusions": safety._concepts()[0],
                **{kind: found for kind, found in safety._patterns()[1]},
                **{f"family {name}": found for name, found in safety._concepts()[1].items()}}


@cache
def _whole_regex(name: str) -> re.Pattern[str]:
    """The one regex an alternation stands for: its alternatives in order, one named group per name."""
    groups: dict[str, list[str]] = {}
    for group, pattern in ALTERNATIONS[name].alternatives:
        groups.setdefault(group, []).append(pattern)
    tags = {group: f"g{i}" for i, group in enumerate(groups)}
    return re.compile(alternation.whole_words([f"(?P<{tags[g]}>" + "|".join(p) + ")" for g, p in groups.items()]))


def _by_whole_regex(name: str, text: str) -> list[tuple[tuple[int, int], str]]:
    names = {f"g{i}": group for i, group in enumerate(dict.fromkeys(g for g, _ in ALTERNATIONS[name].alternatives))}
    return [(m.span(), names[m.lastgroup]) for m in _whole_regex(name).finditer(text)]


def _by_alternation(name: str, text: str) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), group) for m, group in ALTERNATIONS[name].finditer(text)]


#: Pieces of text the patterns look for, from literals.json, and ordinary words between them.
PIECES = sorted({literal for literals in alternation.known_literals().values() for literal in literals})
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(["i", "my", "to", "and", "not", "every", "day",
                                                                     "a", "'", "3", "week", ",", "x"])),
                 min_size=1, max_size=12).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(name=st.sampled_from(sorted(ALTERNATIONS)), text=texts)
def test_an_alternation_matches_as_its_whole_regex_would(name: str, text: str) -> None:
    assert _by_alternation(name, text) == _by_whole_regex(name, text)


def test_the_screen_reads_the_labelled_texts_as_the_whole_regexes_would() -> None:
    texts = [json.loads(line).get("text", "") for path in ("safety_redteam.jsonl", "safety_raters_9_11.jsonl")
             for line in (safety.Path(__file__).parent / "data" / path).open(encoding="utf-8")]
    for text in map(safety.normalise, texts[:400]):
        for name in ("benign", *safety.lexicon()["priority"]):
            assert _by_alternation(name, text)[:1] == _by_whole_regex(name, text)[:1], (name, text)


def test_literals_json_is_current() -> None:
    patterns, texts = set(safety.alternation_patterns()), alternation.ordinary_texts()
    expected = {p: found for p in sorted(patterns) if (found := alternation.required_literals(p, texts))}
    assert alternation.known_literals() == expected, "run: python -m worksheets.checks.alternation --write"
    # Nearly every pattern needs a literal: the few that do not are compiled for every text.
    assert len(expected) >= 0.95 * len(patterns)
