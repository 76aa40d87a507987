"""Properties of the SMART check on any text: it always answers, in the same shape, and never raises."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from worksheets.checks import api
from worksheets.checks.smart import CRITERIA, check_goal

_SHAPE = set(CRITERIA) | {"crisis", "prompts", "suggestion", "safety", "unsure"}

goal_words = st.sampled_from([
    "never", "always", "call", "my", "sister", "every", "sunday", "3", "twice", "a couple", "week", "by", "friday",
    "because", "so", "I'm", "stop", "drinking", "24/7", "100%", "10x", "not", "perfect", "even if", "when", ",", ".",
    "kms", "killing time", "mañana", "🎄", "😊", "عربى", "日本語", "\u202e", "5km", "8pm", "3-4", "between", "and",
])


def _assert_answer(result: dict) -> None:
    assert set(result) == _SHAPE
    if result["safety"] or result["unsure"]:  # support instead of grading; tests/test_safety_properties.py checks it
        assert all(result[criterion] == {"met": None, "feedback": ""} for criterion in CRITERIA)
        return
    for criterion in CRITERIA:
        assert isinstance(result[criterion]["met"], bool)
        assert isinstance(result[criterion]["feedback"], str)
    assert isinstance(result["crisis"], bool)
    assert all(isinstance(prompt, str) for prompt in result["prompts"])
    # Every answer says something: feedback per criterion, or (for text that is not a goal yet) a prompt.
    assert all(result[c]["feedback"] for c in CRITERIA) or result["prompts"]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_gets_a_complete_answer(goal: str) -> None:
    _assert_answer(check_goal(goal))


@settings(max_examples=300, deadline=None)
@given(st.lists(goal_words, max_size=25).map(" ".join), st.text(max_size=50))
def test_goal_like_text_with_any_why_gets_a_complete_answer(goal: str, why: str) -> None:
    _assert_answer(check_goal(goal, why=why))


@settings(max_examples=50, deadline=None)
@given(st.text(min_size=1).map(lambda s: (s * (100_000 // len(s) + 1))[:100_000]))
def test_a_hundred_thousand_characters_are_answered_and_said_to_be_long(goal: str) -> None:
    result = check_goal(goal)
    _assert_answer(result)
    if goal.strip() and not result["safety"] and not result["unsure"]:
        # Said to be long, unless it is not a goal yet (a wall of "?"), which gets the start-here prompt;
        # an entry the screen flags, or its model is unsure of, gets support and no prompt.
        assert any("long goal" in prompt or "Find your why" in prompt for prompt in result["prompts"])


def test_the_answer_survives_a_json_round_trip_unchanged() -> None:
    request = {"check": "smart", "input": {"goal": "Run 5km every Saturday 🏃 مرتين", "why": "for my health"}}
    answer = json.loads(api.handle(json.dumps(request)))
    assert answer == json.loads(json.dumps(check_goal(**request["input"])))


def test_crisis_words_are_flagged_and_idioms_are_not() -> None:
    assert check_goal("i want to kill myself")["crisis"] is True
    assert check_goal("thinking about suicde a lot")["crisis"] is True
    assert check_goal("Stop killing time on YouTube after 11pm")["crisis"] is False
    assert check_goal("Stop cutting corners on my weekly report")["crisis"] is False
