"""One rewrite of a goal that meets more of SMART, built from the person's own words.

It keeps their action, setting and people, takes out hedges and all-or-nothing words, and adds
only what is missing: a number, a rhythm or a date, or (for a goal that names no action) one
small step from the goal's own setting. Checked again, a rewrite should meet Specific,
Measurable and Time-bound (tests/test_smart_feedback.py holds it to that).
"""

from __future__ import annotations

import re

from .. import safety
from . import criteria
from .reading import Reading
from .vocabulary import vocabulary
from .wording import domain, in_their_case

#: A rewrite is one sentence; a longer demand is rewritten from its first part only.
LONGEST_CORE = 160

_GOAL_START = re.compile(r"^(?:i\s+(?:just\s+)?(?:really\s+)?(?:want|would like|'d like|need|hope|will|plan|am going|'m going)"
                         r"\s+to|i'll|i will|my goal is(?:\s+to)?|goal:)\s+")
_SOFTEN = (
    (re.compile(r"\b(?:always|completely|totally|entirely|perfectly|fully|100%|100 percent|without fail"
                r"|without missing(?: one| a day)?|for the rest of my life|forever|for ever|for good|at all times"
                r"|all the time|24/7|at all|ever again)\b\s*"), ""),
    (re.compile(r"\bevery single\b"), "every"),
    (re.compile(r"\b(?:perfect|flawless)\b"), "good-enough"),
    (re.compile(r"\bnever\b"), "not"),
    (re.compile(r"\bagain\b"), ""),
)
_LESS = re.compile(r"\b(?:less|fewer)\b")


def _gerund(verb: str) -> str:
    """argue -> arguing, yell -> yelling, stop -> stopping: enough English for a rewrite."""
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and verb != "be":
        return verb[:-1] + "ing"
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", verb):
        return verb + verb[-1] + "ing"
    return verb + "ing"


def core(r: Reading) -> str:
    """The demand in the person's words, without 'I want to', hedges or a trailing full stop."""
    text = r.goal.split(" , ")[0] if len(r.goal) > LONGEST_CORE else r.goal
    text = _GOAL_START.sub("", text.strip(" ,.!"))
    text = vocabulary().hedge.sub("", text)
    text = re.sub(r"^\s*(?:to|and)\s+", "", text)
    return re.sub(r"\s+", " ", text).strip(" ,.!")


def rewrite(r: Reading) -> str:
    """The rewrite, or "" when the goal is too long to rewrite in one sentence or names anything harmful."""
    text = core(r)
    if not text or len(text) > LONGEST_CORE or safety.harm_terms_in(text):
        return ""  # never schedule or count a behaviour on the safety screen's harm list
    achievable = criteria.achievable(r)
    if not achievable:
        for pattern, replacement in _SOFTEN:
            text = pattern.sub(replacement, text)
        text = re.sub(r"\s+", " ", text).strip(" ,")
    timed = criteria.time_bound(r)
    if not r.action and not (r.settings or r.zero_target or r.named_measure or r.trigger):
        setting = domain(r.goal)
        step = setting["calm_step"] if r.feelings else setting["step"]
        rhythm = "" if timed else " 3 times a week this month"
        return in_their_case(f"to {text}, I will {step}{rhythm}.", r.raw)
    never = re.match(r"^not\s+([a-z]+)\b(.*)$", text)
    if never and not achievable:
        return in_their_case(f"go 7 days without {_gerund(never.group(1))}{never.group(2)}.", r.raw)
    if not criteria.measurable(r) or not criteria.specific(r):
        if _LESS.search(text) and any(v in {"less", "fewer"} for v in r.vague):
            text = f"{text}: 2 fewer times a week than now"
        else:
            text = vocabulary().vague.sub("", text).strip(" ,") + " 3 times"
            text += "" if timed else " a week"
        timed = True
    if not timed:
        text += " by the end of this month"
    return in_their_case(re.sub(r"\s+", " ", text).strip(" ,") + ".", r.raw)
