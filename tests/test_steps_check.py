"""The realistic-steps check, in CPython: it words SMART's verdicts for a step, never its own rules."""

from __future__ import annotations

import json

import pytest

from worksheets.checks import api, smart, steps


@pytest.mark.parametrize(
    "step",
    [
        "Always speak up perfectly in every meeting",
        "Never feel anxious again",
        "Practise my talk in front of one friend by next Friday",
        "Practise the first two minutes of my talk out loud at home three times this week",
        "Feel completely calm",
        "Go for a walk",
    ],
)
def test_a_step_is_realistic_and_timed_exactly_when_the_smart_check_says_so(step: str) -> None:
    expected = smart.check_goal(step)
    result = steps.check_step(step)
    assert result["realistic"] == expected["achievable"]
    assert result["time_frame"]["met"] == expected["time_bound"]["met"]
    assert result["crisis"] == expected["crisis"]


def test_all_or_nothing_wording_is_flagged_with_a_smaller_step_to_try() -> None:
    result = steps.check_step("Always speak up perfectly in every meeting")
    assert result["realistic"]["met"] is False
    assert result["prompts"] == [steps.SMALLER_STEP_PROMPT]


def test_a_step_with_no_time_frame_is_flagged() -> None:
    result = steps.check_step("Practise my talk in front of one friend")
    assert result["time_frame"]["met"] is False
    assert "date" in result["time_frame"]["feedback"]


def test_a_date_of_its_own_gives_a_step_a_time_frame() -> None:
    result = steps.check_step("Practise my talk in front of one friend", by_when="2026-03-05")
    assert result["time_frame"] == {"met": True, "feedback": "You gave it a date: 5 March 2026."}


@pytest.mark.parametrize("by_when", ["", "soon", "2026-02-30", "05/03/2026"])
def test_a_missing_or_broken_date_does_not_count_as_a_time_frame(by_when: str) -> None:
    assert steps.check_step("Practise my talk in front of one friend", by_when=by_when)["time_frame"]["met"] is False


def test_an_empty_step_gets_an_invitation_not_a_verdict_on_nothing() -> None:
    result = steps.check_step("   ")
    assert result["realistic"]["met"] is False and result["time_frame"]["met"] is False
    assert result["realistic"]["feedback"] == steps.EMPTY_FEEDBACK
    assert result["crisis"] is False and result["prompts"] == []


def test_the_browser_entry_point_runs_the_steps_check() -> None:
    request = {"check": "steps", "input": {"step": "Never miss a day", "by_when": "2026-04-01"}}
    answer = json.loads(api.handle(json.dumps(request)))
    assert answer == steps.check_step("Never miss a day", "2026-04-01")
    assert set(answer) == {"realistic", "time_frame", "crisis", "prompts", "safety", "unsure"}
