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
from .reading import TRY_AS_ACTION, Reading
from .vocabulary import vocabulary
from ..text import has_foreign_words
from .numbers import numbers_as_digits
from .sizes import impossible
from .wording import domain, in_their_case

#: A rewrite is one sentence; a longer demand is rewritten from its first part only.
LONGEST_CORE = 160

_GOAL_START = re.compile(r"^(?:(?:i\s*)?(?:just\s+)?(?:really\s+)?(?:want|would like|'d like|'d love|would love|need|hope|will|plan|am going|'m going)"
                         r"\s+to|i'll|i will|my goal is(?:\s+to)?|goal:|how\s+(?:do|can|should)\s+i)\s+", re.IGNORECASE)
#: How each all-or-nothing word is softened. Other absolutes ("everyone", "a single") are left as
#: written: taking them out would change what the goal is about.
_SOFTER = {"every single": "every", "perfect": "good-enough", "flawless": "good-enough", "never": "not",
           "never ever": "not", "every time": "when", "perfection": "progress"}
_LEFT_OUT = re.compile(r"(?<![\w'])(?:always|completely|totally|entirely|perfectly|flawlessly|fully|100%|100 percent"
                       r"|without fail|without missing(?: one| a day)?|for the rest of my life|the rest of my life|forever"
                       r"|for ever|for good|at all times|all the time|24/7|at all|ever again|no matter what)(?![\w'])\s*",
                       re.IGNORECASE)
_STOPPING = re.compile(r"^" + vocabulary().avoidance_starts + r"\s+([a-z]+ing)\b(.*)$", re.IGNORECASE)
#: For a feeling in a place the goal names ("stay calm at family dinners"): a step taken right there.
CALM_IN_PLACE = "take 5 slow breaths when I notice it building"
_STATE_START = re.compile(r"^(?:be|feel|stay|become|get|keep|know)\b", re.IGNORECASE)
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
    """The demand in the person's words, without 'I want to', hedges or a trailing full stop.

    When the whole goal is the demand (no context or reason clause), it is their text as typed;
    otherwise the demand as read, given their capitals back.
    """
    whole = not r.clauses.context and not r.clauses.reason and not re.search(r"[.;!?\n]\s*\S", r.raw.strip())
    text = r.raw.strip() if whole else r.goal
    text = text.split(" , ")[0] if len(text) > LONGEST_CORE else text
    text = _GOAL_START.sub("", text.strip(" ,.!?").replace("’", "'"))
    # "try to call" is a hedge; "try a new class" is the action itself.
    hedge = re.compile(vocabulary().hedge.pattern, re.IGNORECASE)
    text = hedge.sub(lambda m: m.group(0) if TRY_AS_ACTION.match(text, m.end()) and m.group(0).lower().startswith("try")
                     else "", text)
    text = _drop(vocabulary().chatter, text)  # "lol", "tbh"
    text = re.sub(r"^(?:i am|i'm)\s+", "be ", text, flags=re.IGNORECASE)
    text = re.sub(r"^\s*(?:to|and)\s+", "", text, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", text).strip(" ,.!?")


def _soften(text: str) -> str:
    """Take the all-or-nothing words out: 'never' -> 'not', 'every single' -> 'every', 'perfect' -> 'good-enough'."""
    text = _LEFT_OUT.sub("", text)
    for word, softer in _SOFTER.items():
        text = re.sub(r"(?<![\w'-])" + re.escape(word) + r"(?![\w'-])", softer, text, flags=re.IGNORECASE)
    text = re.sub(r"\bagain\b", "", text, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", text).strip(" ,")


def _drop(pattern: re.Pattern[str], text: str) -> str:
    """Leave out what the pattern matches, matching case-insensitively on the person's own text."""
    return re.sub(r"\s+", " ", re.compile(pattern.pattern, re.IGNORECASE).sub("", text)).strip(" ,")


def _smaller(text: str, r: Reading) -> str:
    """An impossible amount halved until it fits the time given: "Read 40 books this week" -> "Read 5 books..."."""
    number = re.search(r"\d[\d,]*", r.impossible or "")
    if not number or number.group(0) not in text:
        return text
    amount = int(number.group(0).replace(",", ""))
    numeric = numbers_as_digits(r.goal)
    while amount > 1:
        amount //= 2
        if impossible(numeric.replace(r.impossible, r.impossible.replace(number.group(0), str(amount)))) is None:
            return text.replace(number.group(0), str(amount), 1)
    return text


def rewrite(r: Reading) -> str:
    """The rewrite, or "" when the goal is too long to rewrite in one sentence or names anything harmful."""
    text = core(r)
    if not text or len(text) > LONGEST_CORE or safety.harm_terms_in(text):
        return ""  # never schedule or count a behaviour on the safety screen's harm list
    if has_foreign_words(r.raw):
        return ""  # a rewrite half in their language and half in English helps no one
    achievable = criteria.achievable(r)
    if not achievable:
        text = _soften(text)
    if r.impossible:
        text = _smaller(text, r)
    if not criteria.time_bound(r):
        text = _drop(vocabulary().vague_time, text)  # "soon" gives way to a real time frame
    timed = criteria.time_bound(r)
    if r.controlling:
        return ""  # the prompt asks which part is theirs; a rewrite would schedule someone else
    state = not r.action and not criteria.specific(r) and (r.feelings or _STATE_START.match(text))
    if state or (not r.action and not (r.settings or r.zero_target or r.named_measure or r.trigger)):
        setting = domain(r.goal)
        step = (CALM_IN_PLACE if r.settings else setting["calm_step"]) if r.feelings else setting["step"]
        rhythm = "" if timed else " 3 times a week this month"
        first, _, rest = text.partition(" ")
        text = (first if first[1:].isupper() or first == "I" else first.lower()) + (" " + rest if rest else "")
        return in_their_case(f"to {text}, I will {step}{rhythm}.", r.raw)
    never = re.match(r"^not\s+([a-z]+)\b(.*)$", text, re.IGNORECASE)
    if never and not achievable:
        return in_their_case(f"go 7 days without {_gerund(never.group(1).lower())}{never.group(2)}.", r.raw)
    stopping = _STOPPING.match(text)
    if stopping and not criteria.measurable(r):
        # "Stop freaking out about needles 3 times a week" would schedule what they want to stop.
        return in_their_case(f"go 7 days without {stopping.group(1)}{stopping.group(2)}.", r.raw)
    measurable = criteria.measurable(r)
    if not measurable:
        if _LESS.search(text) and any(v in {"less", "fewer"} for v in r.vague):
            text = f"{text}: 2 fewer times a week than now"
        else:
            text = _drop(vocabulary().vague, text) + " 3 times"
            text += "" if timed else " a week"
        timed = True
    if not criteria.specific(r) and (measurable or r.vague_object):
        text += " " + domain(r.goal)["situation"]  # "do 3 brave things this week" gets a place to do them
    if not timed:
        text += " by the end of this month"
    text = re.sub(r"\s+([,;:.])", r"\1", re.sub(r"\s+", " ", text))
    return in_their_case(re.sub(r"(?:,\s*)+,", ",", text).strip(" ,") + ".", r.raw)
