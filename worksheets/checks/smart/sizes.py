"""Sizes no one could reach in the time a goal gives itself ("20 kg in 2 weeks", "10x more productive")."""

from __future__ import annotations

import re

from .timing import weeks_in

#: (amount pattern, the most a person could do per week by unit, what it is)
_PER_WEEK_LIMITS = (
    (re.compile(r"\b(?:lose|drop|shed)\s+(\d+(?:\.\d+)?)\s*(kg|kilos?|lbs?|pounds?|stone)\b"),
     {"kg": 2.0, "kilo": 2.0, "kilos": 2.0, "lb": 4.5, "lbs": 4.5, "pound": 4.5, "pounds": 4.5, "stone": 0.35}, "weight"),
    (re.compile(r"\bread\s+(\d+)\s+(books?|novels?)\b"), {"book": 5, "books": 5, "novel": 5, "novels": 5}, "books"),
)
#: (amount pattern, the most a person could do in one day)
_PER_DAY_LIMITS = (
    (re.compile(r"\b(\d[\d,]*)\s+(?:push-?ups|press-?ups|sit-?ups|squats|burpees)\b"), 300),
    (re.compile(r"\b(\d[\d,]*)\s*k?\s+steps\b"), 60000),
    (re.compile(r"\b(?:run|walk|cycle|swim)\s+(\d+)\s*(?:km|kilomet)"), 60),
    (re.compile(r"\b(\d+)\s+hours?\s+(?:of\s+)?(?:sleep|study|studying|work|working)\b"
                r"|\b(?:sleep|study|work)\s+(?:for\s+)?(\d+)\s+hours?\b"), 14),
    (re.compile(r"\b(?:meditate|exercise|train|run|walk|read|practise|practice|journal|pray|stretch)\s+(?:for\s+)?(\d+)\s+hours?\b"
                r"|\b(\d+)\s+hours?\s+of\s+(?:meditation|exercise|training|reading|practice|yoga)\b"), 6),
)
_MULTIPLIER = re.compile(r"\b(\d+)\s?x\s+(?:more|better|faster|as)\b|\b(\d+)\s?x\b")
_MONEY = re.compile(r"\b(?:save|pay off|pay back|earn|clear)\s+(?:my\s+|the\s+)?[£$€]?\s?(\d+(?:[.,]\d+)?)\s?(k|000)?\b")
_WHOLE_BOOK = re.compile(r"\b(?:a|an|my|the)\s+(?:[a-z0-9,]+\s+){0,2}?(?:whole|entire|full)?\s*(?:[a-z0-9,]+\s+){0,2}(?:novel|book|thesis|dissertation)\b")
_EVERY_DAY = re.compile(r"\b(?:a|per|each|every)\s+(?:day|night)\b|\bdaily\b")


def impossible(goal: str) -> str | None:
    """The part of the goal that asks for an impossible size, or None."""
    multiplier = _MULTIPLIER.search(goal)
    if multiplier and int(multiplier.group(1) or multiplier.group(2)) >= 3:
        return multiplier.group(0)
    weeks = weeks_in(goal)
    for pattern, per_week, _ in _PER_WEEK_LIMITS:
        match = pattern.search(goal)
        if match and weeks:
            limit = per_week.get(match.group(2), per_week.get(match.group(2).rstrip("s"), 0))
            if float(match.group(1)) / max(weeks, 1.0) > limit:
                return match.group(0)
    money = _MONEY.search(goal)
    if money and weeks and weeks <= 4.5:
        amount = float(money.group(1).replace(",", "")) * (1000 if money.group(2) in {"k", "000"} else 1)
        if amount >= 5000:
            return money.group(0)
    if _WHOLE_BOOK.search(goal) and re.search(r"\b(?:whole|entire|full)\b", goal) and weeks and weeks <= 2:
        return "a whole book in days"
    if re.search(r"\bcouch\b.*\bmarathon\b", goal) and (weeks is None or weeks < 12):
        return "couch to marathon"
    for pattern, limit in _PER_DAY_LIMITS:
        match = pattern.search(goal)
        if match and _EVERY_DAY.search(goal):
            amount = float(next(g for g in match.groups() if g).replace(",", ""))
            if " k " in match.group(0) or match.group(0).split()[0].endswith("k"):
                amount *= 1000
            if amount > limit:
                return match.group(0)
    return None
