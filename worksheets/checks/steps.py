"""Check of one step toward a bigger goal (the realistic-steps worksheet).

A step is flagged for absolute or all-or-nothing wording ("never", "always", "perfectly") and
for having no time frame. Those rules are the SMART check's (smart.check_goal: achievable and
time_bound), not a second copy here; this module only adds that a step with a date of its own
has a time frame, and words the answer for a step.
"""

from __future__ import annotations

import datetime
from typing import Any

from . import safety, smart

#: Shown for an empty step, so the feedback area never sits there unexplained.
EMPTY_FEEDBACK = "Write a step above and you will see feedback here."
SMALLER_STEP_PROMPT = "What is the smallest version of this step you would feel fairly sure you can do?"


def _date(text: str) -> datetime.date | None:
    """The date picked in the step's "by when" box (YYYY-MM-DD), or None."""
    try:
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        return None


def check_step(step: str, by_when: str = "") -> dict[str, Any]:
    """Verdicts for one step: `realistic` and `time_frame` ({met, feedback}), `crisis`, `prompts`, `safety`."""
    step = step if isinstance(step, str) else str(step)
    by_when = by_when if isinstance(by_when, str) else str(by_when)
    # Support instead of grading (worksheets/checks/RULES.md); a picked date holds no words to screen.
    flag, unsure = safety.assess(step, *([] if _date(by_when) else [by_when]))
    if flag or unsure:
        return safety.flagged_step_result(flag, unsure)
    if not step.strip():
        return {
            "realistic": {"met": False, "feedback": EMPTY_FEEDBACK},
            "time_frame": {"met": False, "feedback": EMPTY_FEEDBACK},
            "crisis": False,
            "prompts": [],
            "safety": None,
            "unsure": None,
        }
    smart_result = smart.graded(step)
    achievable, time_bound = smart_result["achievable"], smart_result["time_bound"]
    date = _date(by_when)
    if date is not None:
        time_frame = {"met": True, "feedback": f"You gave it a date: {date.day} {date:%B %Y}."}
    elif time_bound["met"]:
        time_frame = {"met": True, "feedback": time_bound["feedback"]}
    else:
        time_frame = {"met": False, "feedback": f"{time_bound['feedback']} Or pick a date for this step."}
    return {
        "realistic": {"met": achievable["met"], "feedback": achievable["feedback"]},
        "time_frame": time_frame,
        "crisis": smart_result["crisis"],
        "prompts": [] if achievable["met"] else [SMALLER_STEP_PROMPT],
        "safety": None,
        "unsure": None,
    }
