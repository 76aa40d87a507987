"""Word lists read without a regex (checks/phrases.py) find exactly what their regex would."""

from __future__ import annotations

import json
import re
from dataclasses import fields
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from worksheets.checks.phrases import Phrases
from worksheets.checks.smart.vocabulary import vocabulary

DATA = Path(__file__).parent / "data"
WORD_LISTS = {field.name: value for field in fields(vocabulary())
              if isinstance(value := getattr(vocabulary(), field.name), Phrases)}
GOALS = [json.loads(line)["goal"].lower() for line in (DATA / "labelled_goals.jsonl").open(encoding="utf-8")]


def _answers(matcher: re.Pattern[str] | Phrases, text: str) -> tuple:
    def span(found: re.Match[str] | None) -> tuple[int, int] | None:
        return found.span() if found else None

    return ([found.span() for found in matcher.finditer(text)], span(matcher.search(text, 3)), span(matcher.match(text)),
            span(matcher.fullmatch(text)), matcher.findall(text), matcher.sub("<\\g<0>>", text),
            matcher.sub(lambda found: found.group().upper(), text), matcher.sub("", text, count=1))


@pytest.mark.parametrize("name", sorted(WORD_LISTS))
def test_a_word_list_finds_in_every_labelled_goal_what_its_regex_finds(name: str) -> None:
    phrases = WORD_LISTS[name]
    regex = re.compile(phrases.pattern)
    for goal in GOALS:
        assert _answers(phrases, goal) == _answers(regex, goal), goal


WORDS = sorted({word for phrases in WORD_LISTS.values() for phrase in phrases.phrases for word in (phrase, *phrase.split())})
texts = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(["", " ", "'", "-", "s", "ing", "_", "2", "é", ", "])),
                 max_size=10).map("".join)


@settings(max_examples=400, deadline=None)
@given(name=st.sampled_from(sorted(WORD_LISTS)), text=texts, joiner=st.sampled_from([" ", "", "'", "-"]))
def test_a_word_list_reads_any_text_as_its_regex_would(name: str, text: str, joiner: str) -> None:
    text = joiner.join(text.split(" "))
    phrases = WORD_LISTS[name]
    assert _answers(phrases, text) == _answers(re.compile(phrases.pattern), text)
