"""SMART check of one therapy goal (first cut: the full rules follow ../shared/smart-rules.md later).

Command line: `python -m worksheets.checks.smart` reads one goal per line on stdin and prints
one JSON object per line.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

_NUMBER = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|once|twice)\b", re.I)
_TIME = re.compile(
    r"\b(by|before|until|within|for)\b.*\b(day|week|month|year|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday)s?\b|\b(daily|weekly|every (day|morning|evening|night|week))\b|\btomorrow\b|\btonight\b",
    re.I,
)
_ABSOLUTE = re.compile(r"\b(never|always|forever|completely|perfect(ly)?|every time)\b", re.I)
_REASON = re.compile(r"\b(because|so that|so i can|for my)\b", re.I)


def _criterion(met: bool, yes: str, no: str) -> dict[str, Any]:
    return {"met": met, "feedback": yes if met else no}


def check_goal(goal: str, why: str = "") -> dict[str, Any]:
    """Return per-criterion results for one goal."""
    text = " ".join(goal.split())
    words = text.split()
    measurable = bool(_NUMBER.search(text))
    time_bound = bool(_TIME.search(text))
    return {
        "specific": _criterion(
            len(words) >= 4,
            "You name something concrete.",
            "Name the situation or action you mean: where, with whom, what you will do.",
        ),
        "measurable": _criterion(
            measurable,
            "There is something you can count or check.",
            "Add a number you can check, such as how often or how long.",
        ),
        "achievable": _criterion(
            not _ABSOLUTE.search(text),
            "This sounds within reach.",
            "Words like 'never' or 'always' set the bar out of reach: aim for one step smaller.",
        ),
        "relevant": _criterion(
            bool(why.strip()) or bool(_REASON.search(text)),
            "You say why this matters to you.",
            "Why does this matter to you? Adding your reason keeps you going.",
        ),
        "time_bound": _criterion(
            time_bound,
            "It has a time frame.",
            "Add when: a date, 'this week', or how often, like 'every morning'.",
        ),
        "crisis": False,
    }


def main() -> None:
    for line in sys.stdin:
        print(json.dumps(check_goal(line.rstrip("\n")), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
