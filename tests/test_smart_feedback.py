"""Feedback a person can follow, as properties over every labelled goal (issue 16, items 1-2).

- The rewrite keeps the person's own action, setting and people, and checked again it meets
  Specific, Measurable and Time-bound.
- Following one criterion's advice (adding its example, or dropping the absolute word it
  quotes) gets that criterion met.
- The text reads well: it quotes only whole phrases the person wrote, never a bare number in
  brackets or a placeholder; keeps their capitals and "I"; never cuts words off; at most two short
  sentences per criterion; the rewrite shown once; examples from the goal's own setting; a short
  "all five are there" line when all five are met.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from worksheets.checks.smart import CRITERIA, check_goal, read_goal
from worksheets.checks.smart.wording import domain, said

DATA = Path(__file__).parent / "data"
SETS = ("labelled_goals.jsonl", "labelled_goals_second_rater.jsonl", "labelled_goals_set3.jsonl", "labelled_goals_set4.jsonl")
GOALS = [json.loads(line)["goal"] for name in SETS for line in (DATA / name).open(encoding="utf-8")]
JUDGED = ("specific", "measurable", "time_bound")
#: The issue's bar for rewrites that meet Specific, Measurable and Time-bound when checked again.
REQUIRED_CONVERGENCE = 0.95

_QUOTE = re.compile(r"“([^”]*)”")
_EXAMPLE = re.compile(r"for example “([^”]*)”")


@cache
def _check(goal: str) -> dict:
    return check_goal(goal)


def _graded() -> list[str]:
    """Labelled goals that get verdicts (not flagged by the safety screen, and goals rather than "idk")."""
    return [g for g in GOALS if not _check(g).get("safety") and any(_check(g)[c]["feedback"] for c in CRITERIA)]


def _rewritten() -> list[tuple[str, str]]:
    return [(g, _check(g)["suggestion"]) for g in _graded() if _check(g)["suggestion"]]


def test_rewrites_checked_again_meet_specific_measurable_and_time_bound() -> None:
    pairs = _rewritten()
    assert len(pairs) >= 300
    failing = [(goal, rewrite, [c for c in JUDGED if not check_goal(rewrite)[c]["met"]]) for goal, rewrite in pairs]
    failing = [f for f in failing if f[2]]
    share = 1 - len(failing) / len(pairs)
    print(f"\n{len(pairs) - len(failing)} of {len(pairs)} rewrites meet S, M and T when checked again ({share:.1%})")
    print("\n".join(f"  {missing} | {goal[:60]} -> {rewrite[:90]}" for goal, rewrite, missing in failing))
    assert share >= REQUIRED_CONVERGENCE


def _own_words(goal: str) -> list[str]:
    """The person's action verb, setting and people words, as they wrote them."""
    reading = read_goal(goal)
    words = [*reading.settings]
    if reading.action:
        words.append(reading.action.split()[0])
    words = [w for w in words if said(w, goal)]
    return words


def test_rewrites_keep_the_persons_own_action_setting_and_people() -> None:
    lost = []
    for goal, rewrite in _rewritten():
        for word in _own_words(goal):
            stem = word.lower()[:3] if " " not in word else word.lower()  # "wake" -> "waking"
            if stem not in rewrite.lower():
                lost.append(f"  lost {word!r} | {goal[:60]} -> {rewrite[:80]}")
    print("\n".join(lost))
    assert len(lost) <= len(_rewritten()) * 0.02, "\n".join(lost)


@pytest.mark.parametrize("criterion", JUDGED)
def test_following_one_criterions_example_gets_it_met(criterion: str) -> None:
    tried, failed = 0, []
    for goal in _graded():
        result = _check(goal)
        if result[criterion]["met"]:
            continue
        example = _EXAMPLE.search(result[criterion]["feedback"])
        assert example, f"{criterion} feedback without an example: {result[criterion]['feedback']}"
        followed = f"{goal.rstrip(' .!')} {example.group(1)}"
        tried += 1
        if not check_goal(followed)[criterion]["met"]:
            failed.append(f"  {followed[:110]}")
    print(f"\n{criterion}: {tried - len(failed)} of {tried} goals that follow the example meet it")
    print("\n".join(failed))
    assert len(failed) <= tried * 0.05, "\n".join(failed)


def test_dropping_the_quoted_absolute_word_makes_a_goal_achievable() -> None:
    followed = []
    for goal in _graded():
        result = _check(goal)
        quotes = _QUOTE.findall(result["achievable"]["feedback"])
        if result["achievable"]["met"] or not quotes or "no room for a bad day" not in result["achievable"]["feedback"]:
            continue
        text = goal
        for quote in quotes:
            text = re.sub(re.escape(quote), " ", text, count=1, flags=re.IGNORECASE)
        followed.append(re.sub(r"\s+", " ", text).strip())
    # What is left after a word is cut is often a fragment ("cut off my ex."), which the safety screen
    # may flag or its model be unsure of: support then, not a verdict, so those are counted apart.
    supported = [text for text in followed if check_goal(text)["safety"] or check_goal(text)["unsure"]]
    print(f"\n{len(supported)} of {len(followed)} get support instead of a verdict:\n" + "\n".join(supported))
    assert len(supported) <= len(followed) * 0.05
    judged = [text for text in followed if text not in supported]
    failed = [f"  {text[:110]}" for text in judged if not check_goal(text)["achievable"]["met"]]
    tried = len(judged)
    print(f"achievable: {tried - len(failed)} of {tried} goals without the quoted word are achievable")
    assert len(failed) <= tried * 0.05, "\n".join(failed)


def _texts(result: dict) -> list[str]:
    return [result[c]["feedback"] for c in CRITERIA] + result["prompts"] + [result["suggestion"] or ""]


def test_feedback_quotes_only_whole_phrases_the_person_wrote() -> None:
    bad = []
    for goal in _graded():
        for text in _texts(_check(goal))[:-1]:
            for match in _QUOTE.finditer(text):
                before = text[:match.start()]
                if before.endswith(("for example ", "like ", "with ")) or match.group(1) in {"because", "I will"}:
                    continue  # an example or a word to use, not the person's words
                if not said(match.group(1), goal):
                    bad.append(f"  “{match.group(1)}” | {goal[:80]}")
    assert not bad, "\n".join(bad[:30])


@pytest.mark.parametrize("pattern, what", [
    (r"\(\s*\d+(?:\.\d+)?\s*\)", "a bare number in brackets"),
    (r"your own words", "a placeholder quoted as the person's words"),
    (r"\.\.\.\.|…", "a truncation mark"),
    (r"(?<![\w'])i(?![\w'])", "a lower-case I"),
    (r"___", "a blank to fill in"),
])
def test_no_garbled_text_in_any_feedback(pattern: str, what: str) -> None:
    bad = [f"  {text[:100]} | {goal[:50]}" for goal in _graded() for text in _texts(_check(goal))
           if re.search(pattern, text)]
    assert not bad, f"{what}:\n" + "\n".join(bad[:20])


def test_a_rewrite_starts_with_a_capital_and_keeps_the_persons_capitals() -> None:
    bad = []
    for goal, rewrite in _rewritten():
        if not rewrite[0].isupper():
            bad.append(f"  starts lower | {rewrite[:80]}")
        for word in re.findall(r"(?<![.!?])(?<=\s)[A-Z][a-z]+\b|\b[A-Z]{2,}\b", re.sub(r"[.!?]\s+", ". ", goal)):
            if re.search(r"[.!?]\s+" + word, goal):
                continue  # a capital only because it starts a sentence
            if word.lower() in rewrite.lower().split() and word not in rewrite:
                bad.append(f"  lost the capitals of {word!r} | {rewrite[:80]}")
    assert not bad, "\n".join(bad[:20])


def test_each_criterions_feedback_is_at_most_two_short_sentences() -> None:
    bad = []
    for goal in _graded():
        for criterion in CRITERIA:
            text = _check(goal)[criterion]["feedback"]
            sentences = [s for s in re.split(r"(?<=[.?!])\s+(?=[A-Z“])", text) if s]
            if len(sentences) > 2 or any(len(s.split()) > 25 for s in sentences):
                bad.append(f"  {criterion}: {text}")
    assert not bad, "\n".join(sorted(set(bad))[:20])


def test_the_rewrite_is_shown_once_in_suggestion_only() -> None:
    bad = [goal for goal, rewrite in _rewritten()
           if any(rewrite.rstrip(".") in _check(goal)[c]["feedback"] for c in CRITERIA)]
    assert not bad, bad[:10]


@pytest.mark.parametrize("goal, setting", [
    ("be more confident at school", "school"),
    ("feel less stressed about my grades", "school"),
    ("be calmer with my boss", "work"),
    ("get on better with my kids", "home"),
    ("be healthier", "health"),
])
def test_examples_come_from_the_goals_own_setting(goal: str, setting: str) -> None:
    from worksheets.checks.text import lexicon

    assert domain(read_goal(goal).goal) == lexicon()["setting_examples"][setting]
    assert lexicon()["setting_examples"][setting]["situation"] in check_goal(goal)["specific"]["feedback"]


def test_a_goal_that_meets_all_five_says_so_in_one_short_line() -> None:
    result = check_goal("Call my sister every Sunday evening this month because I miss her")
    assert all(result[c]["met"] for c in CRITERIA)
    assert [p for p in result["prompts"] if p.startswith("All five are there")]
    assert result["suggestion"] == ""


@pytest.mark.parametrize("goal", [
    "Raise my hand once in maths class every week this term",
    "Make one new friend this term",
    "Be less anxious at school by doing breathing exercises when I feel panicky, 3 times a week for the next month",
])
def test_plain_actions_and_a_named_setting_and_method_are_specific(goal: str) -> None:
    result = check_goal(goal)
    assert result["specific"]["met"] is True
    assert "good direction" not in result["specific"]["feedback"]


@pytest.mark.parametrize("goal", ["hit my kids less", "get revenge on my boss", "Be a better dad", "drink less", "be less lazy"])
def test_no_praise_for_words_the_checker_does_not_know_to_be_a_good_quality(goal: str) -> None:
    result = check_goal(goal)
    assert not any("good direction" in text for text in _texts(result))


def test_a_good_quality_from_the_list_is_called_a_good_direction() -> None:
    assert "good direction" in check_goal("be calm")["specific"]["feedback"]
