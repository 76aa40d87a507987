"""SMART check of one therapy goal, by the rules in worksheets/checks/RULES.md.

Read it in this order:
- vocabulary.py: the word lists (from lexicon.json) as regexes; patterns.py slots them into
  readable re.VERBOSE templates;
- numbers.py, timing.py, sizes.py: numbers that measure, times and deadlines, impossible sizes;
- not_a_goal.py: "idk", "?", keyboard mash: nothing to judge yet;
- reading.py: what a goal says (the Reading: its action, setting, numbers, times, absolutes);
- criteria.py: one entry per criterion, its verdict and its explanation side by side;
- rewrite.py and wording.py: one rewrite in the person's own words, and quoting them faithfully;
- cli.py: `python -m worksheets.checks.smart` reads goals on stdin, prints one JSON object per line.

The safety screen (worksheets/checks/safety.py) runs first: a flagged goal gets support instead of grading.
"""

from __future__ import annotations

from typing import Any

from .. import safety
from ..text import MAX_READ_CHARS
from .criteria import REGISTRY
from .reading import Reading, read_goal
from .rewrite import rewrite
from .wording import quoted

#: The five criteria, in the order the page shows them.
CRITERIA = tuple(REGISTRY)

__all__ = ["CRITERIA", "check_goal", "read_goal"]

EMPTY_FEEDBACK = "Write your goal above and you will see feedback here."
#: When all five criteria are met.
ALL_FIVE = "All five are there: specific, measurable, achievable, relevant and time-bound. Well done."
#: For text that is not a goal yet ("idk", "?", "what do I write"): one kind place to start.
START_HERE = ("Not sure what to write yet? That is a fine place to start. The Find your why or Goal areas "
              "worksheets can help you find one thing you would like to change.")


def _prompts(r: Reading) -> list[str]:
    prompts = []
    if r.truncated:
        prompts.append(f"This is a long goal, so only the first {MAX_READ_CHARS:,} characters were checked. "
                       "A goal of one or two sentences is easier to keep in mind.")
    if r.avoidance:
        prompts.append("Your goal says what you want to stop. What will you do instead? A goal about doing something "
                       "is easier to practise than one about not doing something.")
    if r.controlling:
        prompts.append("Part of this depends on someone else. Which part is yours? "
                       "For example, what you will say or do, and when.")
    hedge = next((quoted(h, r.raw) for h in r.hedges if quoted(h, r.raw)), "")
    if hedge:
        prompts.append(f"A word like {hedge} keeps a door half open. Could you say “I will” instead? A smaller goal you fully "
                       "commit to works better than a bigger one you hope for.")
    return prompts


def check_goal(goal: str, why: str = "") -> dict[str, Any]:
    """Per-criterion verdicts and feedback for one goal, plus the rewrite, prompts and the safety flag.

    The safety screen runs first: a flagged goal gets support instead of any grading (RULES.md).
    """
    goal = goal if isinstance(goal, str) else str(goal)
    why = why if isinstance(why, str) else str(why)
    flag, unsure = safety.assess(goal, why)
    if flag:
        return safety.flagged_goal_result(flag, CRITERIA)
    return graded(goal, why, unsure)


def graded(goal: str, why: str = "", unsure: dict[str, str] | None = None) -> dict[str, Any]:
    """check_goal's answer for a goal the safety screen has read already and not flagged (`unsure`:
    its reading). steps.check_step screens a step with its "by when" and grades it here."""
    if not goal.strip():
        result: dict[str, Any] = {name: {"met": False, "feedback": EMPTY_FEEDBACK} for name in CRITERIA}
        result.update(crisis=False, prompts=[], suggestion="", safety=None, unsure=None)
        return result
    if unsure == {"message": safety.UNREAD_SCRIPT_MESSAGE}:  # nor can it tell whether this is a goal
        return safety.flagged_goal_result(None, CRITERIA, unsure)
    reading = read_goal(goal, why)
    if reading.not_a_goal:  # "?" or "idk": nothing the model could be unsure of
        result = {name: {"met": False, "feedback": ""} for name in CRITERIA}
        result.update(crisis=False, prompts=[START_HERE], suggestion="", safety=None, unsure=None)
        return result
    if unsure:
        return safety.flagged_goal_result(None, CRITERIA, unsure)
    verdicts = {name: criterion.met(reading) for name, criterion in REGISTRY.items()}
    result = {name: {"met": verdicts[name], "feedback": REGISTRY[name].explain(reading, why, verdicts[name])}
              for name in CRITERIA}
    # The rewrite adds what the goal misses of S, M, A and T; a missing reason is asked for, never invented.
    judged = ("specific", "measurable", "achievable", "time_bound")
    result["suggestion"] = "" if all(verdicts[name] for name in judged) else rewrite(reading)
    result["crisis"] = False  # true only with a crisis flag from the safety screen, which returned above
    result["prompts"] = _prompts(reading) + ([ALL_FIVE] if all(verdicts.values()) else [])
    result["safety"] = None
    result["unsure"] = None
    return safety.guard_rewrites(result)
