"""The five SMART criteria, one registry entry each: its verdict and its explanation side by side.

A verdict reads only the Reading (reading.py); an explanation says, in one or two short
sentences, what the person did well or one thing to add. The rewrite is shown once, in the
result's `suggestion`, never inside a criterion's feedback.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .reading import Reading
from .vocabulary import vocabulary
from .wording import domain, quoted


def _good_direction(r: Reading) -> str:
    """ “Calm” is a good direction. only when every word of the goal is known: a good quality from the
    lexicon's list, with nothing but small words around it ("be calmer", "feel more confident")."""
    words = vocabulary()
    found = words.benign_direction.search(r.goal)
    rest = words.filler.sub(" ", words.vague.sub(" ", words.benign_direction.sub(" ", r.goal)))
    if not found or r.absolutes or re.search(r"[^\W\d_]{3,}", re.sub(r"\b(?:feel|become|stay)\b", " ", rest)):
        return ""
    words = quoted(found.group(0), r.raw)
    return f"{words[:2].upper() + words[2:] if words else 'That'} is a good direction. "


@dataclass(frozen=True)
class Criterion:
    """One SMART letter: whether a reading meets it, and what to tell the person either way."""

    name: str
    met: Callable[[Reading], bool]
    explain: Callable[[Reading, str, bool], str]


# --- Specific ------------------------------------------------------------------------------------

def specific(r: Reading) -> bool:
    """A concrete action pinned by a detail, a setting or trigger, a named measure, or quitting a habit."""
    if r.settings or r.trigger or r.method or r.named_measure or r.zero_target:
        return True
    if r.vague_object:
        return False  # "do 3 brave things": a number does not make "brave things" something you could watch
    if not r.action:
        # A clock time or amount with a time frame pins a plan down even without a listed verb.
        return bool((r.clock or r.duration) and time_bound(r) and not r.feelings and not r.life_areas)
    if r.vague_action and not (r.measures or r.duration or r.clock):
        return False
    return bool(r.measures or r.recurrence or r.duration or r.clock) or r.action_detail


def explain_specific(r: Reading, why: str, met: bool) -> str:
    example = domain(r.goal)["situation"]
    if met:
        evidence = next((q for q in map(lambda p: quoted(p, r.raw), (*r.settings, r.method, r.named_measure)) if q), "")
        if evidence:
            return f"You name something concrete: {evidence}. You will know what to do and where."
        return "You name what you will do, so you will know when it is done."
    if r.life_areas and quoted(r.life_areas[0], r.raw):
        return (f"Pick one situation within {quoted(r.life_areas[0], r.raw)} and what you will do there, "
                f"for example “{example}”.")
    if r.vague and r.action and quoted(r.vague[0], r.raw):
        return (f"The word {quoted(r.vague[0], r.raw)} leaves the action open. "
                f"Say exactly what you will do, and where or with whom, for example “{example}”.")
    if not r.action:
        return (f"{_good_direction(r)}Name one situation and one thing you will do there, "
                f"for example “{example}”.")
    return f"Say where, with whom or how you will do it, for example “{example}”."


# --- Measurable ----------------------------------------------------------------------------------

def measurable(r: Reading) -> bool:
    """A number, a bound, a duration or clock time, a zero target, a rhythm on an action, or one checkable act."""
    if r.measures or r.duration or r.clock or r.bound or r.zero_target or r.named_measure:
        return True
    if (r.vague_action or (r.vague and not r.action)) and not r.bound:
        return False
    if r.learning:
        return False  # "learn to play the piano": learning has no point at which it is done
    if r.recurrence and r.action:
        return True
    words = vocabulary()
    return bool(r.action and (r.action_detail or words.self_contained.match(r.action)
                              or re.match(r"get\w*" + words.outcome.pattern, r.action)))


def explain_measurable(r: Reading, why: str, met: bool) -> str:
    if met:
        evidence = next((q for q in map(lambda p: quoted(p, r.raw), (r.bound, r.duration, r.clock, r.recurrence)) if q), "")
        return f"You could check this afterwards{': ' + evidence if evidence else ''}. That makes progress easy to see."
    vague = quoted(r.vague[0], r.raw) if r.vague else ""
    if vague:
        return (f"How much is {vague}? "
                "Add how many, how often or how long, for example “3 times a week”.")
    if r.feelings and not r.action:
        return ("A feeling is hard to count. Add something you can tick off, for example “3 times a week”, "
                "or rate the feeling from 0 to 10 each evening.")
    return "How will you know it happened? Add a number, how often or how long, for example “3 times a week”."


# --- Achievable ----------------------------------------------------------------------------------

def achievable(r: Reading) -> bool:
    """No absolute or perfection demand, and no impossible size."""
    return not (r.absolutes or r.impossible)


def explain_achievable(r: Reading, why: str, met: bool) -> str:
    if met:
        return "This sounds within reach. Small, doable steps keep motivation up."
    if r.impossible:
        amount = re.search(r"\d.*", r.impossible)  # "40 books", not "read 40 books"
        size = quoted(amount.group(0) if amount else r.impossible, r.raw)
        aim = f"Aiming for {size} in that time is a lot." if size else "That is a lot for the time you give it."
        return f"{aim} A smaller first target you can reach builds momentum."
    words = list(dict.fromkeys(q for q in (quoted(a, r.raw) for a in r.absolutes) if q))[:3]
    if len(words) == 1:
        return f"A word like {words[0]} leaves no room for a bad day. Try it without that word, or start with one situation."
    if words:
        listed = ", ".join(words[:-1]) + " and " + words[-1]
        return f"Words like {listed} leave no room for a bad day. Try it without them, or start with one situation."
    return "All-or-nothing wording leaves no room for a bad day. Try a smaller first step you can keep."


# --- Relevant ------------------------------------------------------------------------------------

def relevant(r: Reading) -> bool:
    """A reason in the goal or in the why box."""
    return r.reason_given


def explain_relevant(r: Reading, why: str, met: bool) -> str:
    if met:
        return "You say why this matters to you. Keep that reason close on hard days."
    return "Why does this matter to you? Add a reason with “because”, or write it in the why box."


# --- Time-bound ----------------------------------------------------------------------------------

def time_bound(r: Reading) -> bool:
    """A rhythm with a time unit, or a deadline, period or named one-off event."""
    return bool(r.recurrence or r.deadline)


def explain_time_bound(r: Reading, why: str, met: bool) -> str:
    if met:
        when = quoted(r.recurrence, r.raw) or quoted(r.deadline, r.raw)
        return f"It has a time frame{': ' + when if when else ''}, so you will know when to check in."
    vague = quoted(r.vague_times[0], r.raw) if r.vague_times else ""
    if vague:
        return f"The word {vague} leaves the timing open. Add a date or a rhythm, for example “by the end of this month”."
    return "When will you do this, or how often? Add a date or a rhythm, for example “every Sunday”."


REGISTRY: dict[str, Criterion] = {c.name: c for c in (
    Criterion("specific", specific, explain_specific),
    Criterion("measurable", measurable, explain_measurable),
    Criterion("achievable", achievable, explain_achievable),
    Criterion("relevant", relevant, explain_relevant),
    Criterion("time_bound", time_bound, explain_time_bound),
)}
