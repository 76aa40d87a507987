"""The SMART check in CPython: its result shape and the command-line contract."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from worksheets.checks import api, smart

CRITERIA = ("specific", "measurable", "achievable", "relevant", "time_bound")


def test_every_criterion_has_a_verdict_and_feedback() -> None:
    result = smart.check_goal("Call my sister every Sunday evening this month")
    for criterion in CRITERIA:
        assert isinstance(result[criterion]["met"], bool)
        assert result[criterion]["feedback"].strip()
    assert result["crisis"] is False


def test_a_vague_goal_is_not_measurable_or_time_bound() -> None:
    result = smart.check_goal("drink less")
    assert result["measurable"]["met"] is False
    assert result["time_bound"]["met"] is False


def test_a_goal_with_a_number_and_a_weekly_schedule_is_measurable_and_time_bound() -> None:
    result = smart.check_goal("Walk for 20 minutes three times a week this month")
    assert result["measurable"]["met"] is True
    assert result["time_bound"]["met"] is True


def test_never_makes_a_goal_unachievable() -> None:
    assert smart.check_goal("Never feel anxious again")["achievable"]["met"] is False


def test_a_reason_makes_a_goal_relevant() -> None:
    assert smart.check_goal("Walk 20 minutes daily", why="So I have energy for my kids")["relevant"]["met"] is True
    assert smart.check_goal("Walk 20 minutes daily")["relevant"]["met"] is False


def test_the_api_dispatches_by_check_name() -> None:
    answer = json.loads(api.handle(json.dumps({"check": "smart", "input": {"goal": "drink less"}})))
    assert answer == smart.check_goal("drink less")


def test_the_command_line_prints_one_json_object_per_goal() -> None:
    goals = ["drink less", "Call my sister every Sunday evening this month", ""]
    result = subprocess.run(
        [sys.executable, "-m", "worksheets.checks.smart"],
        input="\n".join(goals) + "\n", capture_output=True, text=True, check=True,
    )
    lines = result.stdout.splitlines()
    assert len(lines) == len(goals)
    for line in lines:
        answer = json.loads(line)
        assert set(CRITERIA) <= answer.keys()
        assert all(set(answer[c]) >= {"met", "feedback"} for c in CRITERIA)


@pytest.mark.parametrize("goal", ["", "   ", "🙂", "\u202eevil", "x" * 100_000])
def test_odd_text_gets_an_answer(goal: str) -> None:
    assert set(CRITERIA) <= smart.check_goal(goal).keys()


def test_the_browser_wheel_ships_every_file_of_the_checks_package() -> None:
    import zipfile
    from pathlib import Path

    from worksheets import bundle

    checks = Path(bundle.CHECKS_DIR)
    expected = {f"worksheets/checks/{p.relative_to(checks).as_posix()}" for p in checks.rglob("*")
                if p.suffix in {".py", ".json"} and "__pycache__" not in p.parts}
    shipped = set(zipfile.ZipFile(bundle.build_bundle().wheel).namelist())
    assert expected <= shipped, sorted(expected - shipped)
    assert "worksheets/checks/smart/__init__.py" in shipped


@pytest.mark.parametrize("goal", ["Do 200 exposures a day for my OCD", "Swim 1,000 laps every morning",
                                  "Read 40 textbooks this week", "Memorise all 1,000 pages of the DSM by Friday",
                                  "Write my memoir, all 300 pages, by next weekend",
                                  "Pay off my R400,000 debt by the end of this month"])
def test_a_size_no_one_could_reach_in_the_time_given_is_not_achievable(goal: str) -> None:
    assert not smart.check_goal(goal)["achievable"]["met"]


@pytest.mark.parametrize("goal", ["Walk 10000 steps a day", "Take 150 deep breaths a day", "Skip rope 200 times a day",
                                  "Eat under 1800 calories a day", "Practise my exposure ladder 3x this week",
                                  "Read 2 books before my session on Thursday"])
def test_a_large_but_ordinary_amount_stays_achievable(goal: str) -> None:
    assert smart.check_goal(goal)["achievable"]["met"]


@pytest.mark.parametrize("goal", ["Tell my sister before Dad's 60th", "Run a 10K before I turn 30",
                                  "Talk to two people at the work do", "Call the bank on the 12th",
                                  "Journal for 10 minutes most nights", "Sleep 7 hours on night-shift weeks",
                                  "Shower every 2nd day", "Go a whole week without checking Instagram"])
def test_named_one_off_events_and_loose_recurrences_are_time_frames(goal: str) -> None:
    assert smart.check_goal(goal)["time_bound"]["met"]
