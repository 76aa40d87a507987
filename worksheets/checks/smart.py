"""SMART check of one therapy goal, by the definitions in ../shared/smart-rules.md.

It reads a goal the way a careful therapist would: the part that is the demand, not the context
or the reason; numbers that measure, not ages or "24/7"; absolutes, unless negated or inside a
finite window. Each criterion gets a verdict, a warm sentence and a suggestion in the person's
own words. Word lists live in lexicon.json.

Command line: `python -m worksheets.checks.smart [--why TEXT]` reads one goal per line on stdin
and prints one JSON object per line.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from functools import cache
from typing import Any

from . import safety
from .text import MAX_READ_CHARS, Clauses, lexicon, normalise, phrase_pattern, split_clauses

CRITERIA = ("specific", "measurable", "achievable", "relevant", "time_bound")


@dataclass(frozen=True)
class _Patterns:
    """Every regex the check uses, compiled once from the lexicon."""

    number_words: re.Pattern[str]
    vague: re.Pattern[str]
    vague_time: re.Pattern[str]
    absolute: re.Pattern[str]
    perfection: re.Pattern[str]
    feeling: re.Pattern[str]
    setting: re.Pattern[str]
    life_area: re.Pattern[str]
    people: re.Pattern[str]
    concrete_verb: re.Pattern[str]
    countable: re.Pattern[str]
    holiday: re.Pattern[str]
    deadline_word: re.Pattern[str]
    event: re.Pattern[str]
    crisis: re.Pattern[str]
    crisis_stem: re.Pattern[str]
    hedge: re.Pattern[str]
    relevance: re.Pattern[str]
    zero_feeling: re.Pattern[str]
    in_month: re.Pattern[str]
    recurrence: re.Pattern[str]
    verb: re.Pattern[str]
    multiword_setting: re.Pattern[str]
    self_contained: re.Pattern[str]
    state_verb: re.Pattern[str]


def _verb_forms(verbs: list[str]) -> list[str]:
    """Inflections of each verb's first word: call -> calls, called, calling; argue -> arguing; run -> running."""
    forms: list[str] = []
    for verb in verbs:
        head, _, rest = verb.partition(" ")
        tail = f" {rest}" if rest else ""
        stems = {head, head + "s", head + "es", head + "ed", head + "d", head + "ing"}
        if head.endswith("e"):
            stems.add(head[:-1] + "ing")
        if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", head):
            stems |= {head + head[-1] + "ing", head + head[-1] + "ed"}
        forms += [stem + tail for stem in stems]
    return forms


@cache
def _patterns() -> _Patterns:
    words = lexicon()
    months = "|".join(words["months"])
    return _Patterns(
        number_words=phrase_pattern(list(words["number_words"])),
        vague=phrase_pattern(words["vague_amounts"]),
        vague_time=phrase_pattern(words["vague_times"]),
        absolute=phrase_pattern(words["absolutes"]),
        perfection=phrase_pattern(words["perfection_words"]),
        feeling=phrase_pattern(words["feelings"]),
        setting=phrase_pattern(words["settings"]),
        life_area=phrase_pattern(words["life_areas"]),
        people=phrase_pattern(words["people"]),
        concrete_verb=phrase_pattern(_verb_forms(words["concrete_verbs"])),
        multiword_setting=phrase_pattern([s for s in words["settings"] if " " in s]),
        self_contained=phrase_pattern(_verb_forms(words["self_contained_actions"])),
        verb=phrase_pattern(_verb_forms(words["concrete_verbs"] + words["state_verbs"] + words["self_contained_actions"])),
        recurrence=phrase_pattern(words["recurrence_words"]),
        state_verb=phrase_pattern(_verb_forms(words["state_verbs"])),
        countable=phrase_pattern(words["countable_habits"]),
        holiday=phrase_pattern(words["holidays"]),
        deadline_word=phrase_pattern(words["deadline_words"]),
        event=re.compile(
            r"\b(?:my|our|his|her|their|[a-z]+'s)\s+(?:(?!(?:at|with|to|for|on|in|about|from|and|or)\b)[a-z0-9-]+\s+){0,2}(?:" + "|".join(map(re.escape, words["event_nouns"]))
            + r")s?\b|\bthe\s+(?:[a-z'-]+\s+){1,3}(?:wedding|funeral|party|reunion|conference|ceremony|gala)\b"
            + r"|\b(?:in|by|before|until|during|of|end of|early|late|mid)\s+(?:" + months + r")\b"
            + r"|\b(?:" + months.replace("|may", "") + r")\b"
        ),
        crisis=phrase_pattern(words["crisis_phrases"]),
        crisis_stem=re.compile(r"\b(?:" + "|".join(words["crisis_stems"]) + r")"),
        hedge=phrase_pattern(words["hedges"]),
        zero_feeling=re.compile(r"\b0\s+(?=(?:[a-z-]+\s+)?(?:" + "|".join(map(re.escape, words["feelings"])) + r")\b)"),
        in_month=re.compile(r"\b(?:this|in a|within a|by next)\s+month\b|\b(?:in|during|by)\s+(?:" + months + r")\b"),
        relevance=phrase_pattern(words["reason_markers"] + words["relevance_phrases"]),
    )


# --- numbers ----------------------------------------------------------------------------------

_NUMBER = r"\d+(?:[.,]\d+)*"
_UNIT_WORDS = r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?|years?|weekends?|mornings?|evenings?|afternoons?|sessions?|terms?|quarters?|weekdays?|weeknights?|workdays?)"
_CLOCK = re.compile(
    r"\b\d{1,2}(?::\d{2})?\s?(?:am|pm)\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}\s?o'clock\b"
    r"|\b(?:at|by|before|after|until|till|past)\s+\d{1,2}\b(?=\s*(?:$|[,.;!]|on\b|in the\b|every\b|each\b|at night\b|tonight\b|and\b|or\b|latest\b|at the latest\b))"
    r"|\b(?:noon|midday|midnight)\b"
)
_DATE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\s+\d{1,2}(?:st|nd|rd|th)?\b"
    r"|(?<!a )(?<!be )\b(?!24/7\b)(?:3[01]|[12]\d|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])(?:/\d{2,4})?\b(?!\s*(?:/|out of|or\b|and\b|person|rating|score|mum|mom|dad))(?<!/10)"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b(?:on|by|before|until|till|from|after)\s+the\s+\d{1,2}(?:st|nd|rd|th)\b(?!\s+(?!of\b)[a-z])"
    r"|\b(?:in|by|before|until|during|for|of)\s+(?:19|20)\d\d\b"
)
# Numbers that count nothing: ages, ordinals, "24/7", "10x", "100% better", ratings of a person,
# people one has ("my 2 kids"), the names of scales and techniques ("GAD-7", "5-4-3-2-1").
_NOT_A_MEASURE = re.compile(
    r"\b24/7\b|\b\d+\s?x\b|\b\d+\s?(?:%|percent)(?=\s+(?:better|happier|happy|more|less|confident|calm|sure|sober|certain|fine|okay|ok|healthy|of the time|effort|committed|present|focused|myself)\b)"
    r"|\b(?:1\d\d|[2-9]\d\d)\s?(?:%|percent)|\btop\s+\d+\s?%|\b10\s?/\s?10\b|\b10\s+out of\s+10\b|\b\d+\s?/\s?10\s+(?:person|mum|mom|dad|parent|wife|husband|partner|friend|me)\b"
    r"|\b(?:my|our|his|her|their|the)\s+\d+\s+(?:[a-z]+\s+)?(?:kids|children|sons|daughters|boys|girls|siblings|brothers|sisters|dogs|cats|grandkids|grandchildren|parents|friends|people)\b"
    r"|\b(?:i'm|i am|im|aged?|turned?|turning)\s+\d{1,2}\b(?!\s*(?::|am|pm|o'clock|" + _UNIT_WORDS[3:-1] + r"|km|kg|minutes|times))"
    r"|\b\d+\s+years?\s+old\b|\b\d+(?:st|nd|rd|th)\b|\b[a-z]+-\d+\b|\b\d(?:-\d){2,}\b|\b(?:top|number|no\.?)\s+\d+\b"
)
_RANGE = re.compile(r"\b(\d+)\s*(?:-|to)\s*(\d+)\b|\bbetween\s+(\d+)\s+and\s+(\d+)\b")
def _numbers_as_digits(text: str) -> str:
    """Spell number words as digits, leaving 'no one', 'one day' and 'someone' alone."""
    table = lexicon()["number_words"]

    def spell(match: re.Match[str]) -> str:
        word = match.group(0)
        value = table[word]
        after = text[match.end():match.end() + 12]
        before = text[max(0, match.start() - 4):match.start()]
        if word in {"a", "an"}:
            return word
        if word == "once" and before.endswith("for "):
            return word
        if word == "one" and (before.endswith(("no ", "the ", "any", "some")) or re.match(r"\s+(?:day|of|another|more|thing i|way|step)\b", after)):
            return word
        if word in {"none"}:
            return word
        if word == "once":
            return "1 time"
        if word == "twice":
            return "2 times"
        if word == "thrice":
            return "3 times"
        if word.startswith("half"):
            return "0.5 " + word.split()[-1]
        return str(int(value)) if value == int(value) else str(value)

    return _patterns().number_words.sub(spell, text)


def _measures(text: str) -> list[float]:
    """The numbers in a text that measure something, with number words read as numbers."""
    masked = re.sub(r"\b(?:19|20)\d\d\b", " ", _DATE.sub(" ", text))
    masked = _NOT_A_MEASURE.sub(" ", masked)
    masked = _CLOCK.sub(" ", masked)
    masked = _patterns().zero_feeling.sub(" ", masked)
    values = []
    for match in re.finditer(_NUMBER, masked):
        try:
            values.append(float(match.group(0).replace(",", "")))
        except ValueError:
            continue
    return values


# --- what the goal says ----------------------------------------------------------------------

_RECURRENCE = re.compile(
    r"\b(?:daily|nightly|weekly|fortnightly|monthly|yearly|annually|weeknights|weekdays|school nights|workdays|workday|every ?day|everyday)\b"
    r"|\b(?:every|each|per)\s+(?:other\s+|single\s+|\d+\s+)?(?:" + _UNIT_WORDS[3:-1] + r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|lunch|dinner|breakfast|meal|night|bedtime|seminar|meeting|class|lesson|shift|workday)\b"
    r"|\b(?:a|an|per|each|every)\s+(?:day|night|week|month|year|weekend|morning|evening|afternoon|hour|fortnight|workday|weekday)\b(?!\s+(?:off|out|trip|or two|away))"
    r"|\b\d+\s+(?:times?|days?|nights?|mornings?|evenings?|afternoons?|sessions?)\s+(?:a|an|per|each|every|this|next)\b"
    r"|\b(?:on|at)\s+(?:weekends|weekdays|weeknights|school nights|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)\b"
    r"|\b(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)\b"
)
_PERIOD_UNITS = r"(?:days?|nights?|weeks?|fortnights?|months?|years?|weekends?|terms?|semesters?|quarters?)"
_PERIOD = re.compile(
    r"\b(?:this|next|coming|the next|the coming|the whole|the rest of the|rest of the)\s+(?:\d+\s+)?(?:" + _PERIOD_UNITS + r"|mornings?|evenings?|afternoons?|spring|summer|autumn|fall|winter|school year|semester|holidays?)\b"
    r"|\b(?:for|within|in|over|during|after|under)\s+(?:the\s+)?(?:next\s+|first\s+|coming\s+)?(?:\d+(?:\.\d+)?|a|an|one)\s+" + _PERIOD_UNITS + r"\b(?!\s+(?:of|a|an|per|each|every)\b)"
    r"|\b\d+\s+(?:days?|nights?|weeks?|fortnights?|months?|years?|weekends?)\b(?!\s+(?:a|an|per|each|every)\b)"
    r"|\b(?:until|till|by|before)\s+(?:the\s+)?(?:end|start|beginning)\s+of\b"
    r"|\b(?:by|before|until|till|in|this|next|during|over)\s+(?:the\s+)?(?:spring|summer|autumn|winter|new year)\b|\b(?:this|next|by|until|till)\s+fall\b"
    r"|\b(?:before|until|till|by)\s+the\s+(?:summer|spring|autumn|winter|year|term|month|week)\s+(?:ends?|is over|finishes)\b"
    r"|\bthe whole of\s+[a-z]+\b|\b(?:today|tonight|tomorrow)\b"
)
_WEEKDAY = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b(?=\s*(?:,|and|or|\.|$))")
_DURATION = re.compile(r"\b(?:for\s+)?(?:at least\s+)?\d+(?:\.\d+)?\s*-?\s*(?:seconds?|minutes?|mins?|hours?|hrs?|h)\b|\bhalf an hour\b|\ba whole\s+(?:film|movie|song|day|hour|episode|meeting|class)\b|\bthe whole\s+(?:film|movie|day|meeting|class)\b")
_BOUND = re.compile(r"\b(?:no more than|not more than|at least|at most|up to|fewer than|less than|more than|under|below|above|over|max(?:imum)?|minimum|only|tops|down to|down from|from\s+\d+\s+to)\s+\d|\b\d+\s+(?:or\s+)?(?:fewer|less|more|max|tops)\b")
_ZERO_TARGET = re.compile(r"\b(?:no|zero|0|quit|quitting|stop|stopping|never|give up|giving up|without|cut out|cutting out|not|don't|won't|avoid|no more|refuse|eliminate|ditch|kick|ban|drop)\b")
_SCALE = re.compile(r"\b(?:score|rating|gad-?7|phq-?9|rosenberg|bdi|scale|fear rating|anxiety rating|average|level)\b")
_NAMED_MEASURE = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:k\s+)?(?:km|kilomet(?:re|er)s?|miles?|kg|kilos?|lbs?|pounds?|stone|steps?|litres?|liters?|glasses|cups?|calories|hours? (?:of )?(?:sleep|screen time)|points?|units?)\b|\bscreen time\b|\binbox\b")
_TRIGGER = re.compile(r"\b(?:when|whenever|every time|each time|if|next time|as soon as|before|after)\s+(?:i|my|someone|people|he|she|they|we|the|a)\b[^,]*")
_MASKED_IDIOMS = re.compile(
    r"\b(?:take advantage of|take care of|take it easy|take things|take me seriously|take (?:it|things) personally|get along|get over|"
    r"get better|get back out there|get out there|give up on|let go|move on|look after|look forward|spend (?:quality |more |less )?time|"
    r"cut down|cut back|work on|focus on|deal with|open up|stand up for|make sense|make friends|make peace|kill time|killing time|"
    r"have fun|be there for|go easy|go back to being|feel like|lose my temper|lose it|lose control|lose my cool|"
    r"save money|spend money|make money|waste money|how do i|what do i|how can i|cut(?:ting)? corners|get through|get by|"
    r"shoot(?:ing)? myself in the foot|killing me|kill it|kills me|murder a)\b"
)
_ADVERB = re.compile(r"\b(?!(?:family|daily|weekly|monthly|nightly|early|fortnightly)\b)[a-z]{3,}ly\b")
_FILLER = re.compile(
    r"\b(?:i|me|my|myself|to|the|a|an|and|or|of|for|in|on|at|with|about|it|its|it's|that|this|these|those|be|is|are|am|"
    r"was|were|so|just|really|very|too|more|less|better|worse|some|any|anything|something|everything|nothing|stuff|"
    r"things?|thing|way|ways|lot|bit|little|few|much|many|often|again|up|out|down|off|back|no|yes|not|don't|do|"
    r"does|can|will|i'll|want|wanna|would|should|could|get|got|have|has|had|make|being|how|what|when|where|why|who|"
    r"which|if|than|then|also|even|well|good|bad|new|own|other|others|lol|please|try|maybe|hope|somehow|seriously|"
    r"like|feel|feeling|general|life|world|time|times|day|days|people|person|sure|him|her|them|us|we|you|your|he|she|they|"
    r"whatever|whoever|anyone|anybody|someone|somebody|says|say|said|right|wrong|exactly|first|last|there|here|all|every|"
    r"ever|never|always|once|again|instead|already|still|only|as|by|from|into|onto|over|under|after|before|while|until)\b"
)


@dataclass
class Reading:
    """What a goal says, as evidence for each criterion. Phrases are the person's own words."""

    clauses: Clauses
    goal: str
    measures: list[float]
    vague: list[str]
    vague_times: list[str]
    absolutes: list[str]
    impossible: str | None
    settings: list[str]
    trigger: str | None
    named_measure: str | None
    zero_target: str | None
    action: str | None
    action_detail: bool
    vague_action: bool
    feelings: list[str]
    life_areas: list[str]
    recurrence: str | None
    deadline: str | None
    duration: str | None
    clock: str | None
    bound: str | None
    crisis: bool
    hedges: list[str]
    avoidance: str | None
    controlling: str | None
    reason_given: bool
    truncated: bool


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return match.group(0).strip() if match else None


def _is_crisis(text: str) -> bool:
    p = _patterns()
    return bool(p.crisis.search(text) or p.crisis_stem.search(text))


def _absolutes(goal: str) -> list[str]:
    """Absolute demands in the goal, leaving out negated perfection words and 'even if ...' clauses."""
    p = _patterns()
    found: list[str] = []
    for match in p.absolute.finditer(goal):
        word = match.group(0)
        before = goal[max(0, match.start() - 40):match.start()]
        clause_start = max(before.rfind(","), before.rfind(" but "))
        local = before[clause_start + 1:] if clause_start >= 0 else before
        if re.search(r"\beven (?:if|though|when)\b", local):
            continue
        if p.perfection.fullmatch(word) and re.search(r"(?:\bnot|n't|\bno need to|\bnever)\s+(?:\S+\s+){0,3}$", before):
            continue
        if word == "all the time" and re.search(r"\b(?:stop|quit|less|not)\b", local):
            continue
        if word == "ever" and re.match(r"\s+(?:since|before|after)\b", goal[match.end():]):
            continue
        if word in {"everything"} and not re.search(r"\b(?:control|fix|do|finish|manage|handle|perfect|organi[sz]e|plan)\b\s*$", before) \
                and not re.match(r"\s+(?:is|goes|to be)\s+(?:perfect|right)", goal[match.end():]):
            continue
        if word == "a single" and not (re.search(r"\b(?:not|no|without|never)\b", local)
                                       and p.feeling.search(" ".join(goal[match.end():].split()[:2]))):
            continue
        if word in {"exactly", "get rid of"}:
            continue
        found.append(word)
    found += re.findall(r"\b(?:1(?:0[1-9]|[1-9]\d)|[2-9]\d\d)\s?(?:%|percent)", goal)
    found += re.findall(r"\ball (?:of )?my (?:[a-z]+ )?(?:thoughts|worries|feelings|fears|anxiety|problems|stress)\b", goal)
    # A zero applied to a feeling ("zero anxiety", "no pain at all", "without any fear").
    for match in re.finditer(r"\b(?:zero|no|without(?: feeling)? any|not (?:a single|one|any))\s+([a-z-]+)(?:\s+([a-z-]+))?", goal):
        if any(word and p.feeling.fullmatch(word) for word in match.groups()):
            found.append(match.group(0))
    if re.search(r"\bat all\b", goal) and p.feeling.search(goal):
        found.append("at all")
    # "not ... again" is "never again".
    again = re.search(r"\b(?:not|n't|no longer)\b[^,]*\bagain\b", goal)
    if again:
        found.append(again.group(0))
    return list(dict.fromkeys(found))


_IMPOSSIBLE_RATES = (
    # (regex capturing an amount, the most a person could do per week, what it is)
    (re.compile(r"\b(?:lose|drop|shed)\s+(\d+(?:\.\d+)?)\s*(kg|kilos?|lbs?|pounds?|stone)\b"), {"kg": 2.0, "kilo": 2.0, "kilos": 2.0, "lb": 4.5, "lbs": 4.5, "pound": 4.5, "pounds": 4.5, "stone": 0.35}, "weight"),
    (re.compile(r"\bread\s+(\d+)\s+(books?|novels?)\b"), {"book": 5, "books": 5, "novel": 5, "novels": 5}, "books"),
)
_PER_DAY_LIMITS = (
    (re.compile(r"\b(\d[\d,]*)\s+(?:push-?ups|press-?ups|sit-?ups|squats|burpees)\b"), 300),
    (re.compile(r"\b(\d[\d,]*)\s*k?\s+steps\b"), 60000),
    (re.compile(r"\b(?:run|walk|cycle|swim)\s+(\d+)\s*(?:km|kilomet)"), 60),
    (re.compile(r"\b(\d+)\s+hours?\s+(?:of\s+)?(?:sleep|study|studying|work|working)\b|\b(?:sleep|study|work)\s+(?:for\s+)?(\d+)\s+hours?\b"), 14),
    (re.compile(r"\b(?:meditate|exercise|train|run|walk|read|practise|practice|journal|pray|stretch)\s+(?:for\s+)?(\d+)\s+hours?\b|\b(\d+)\s+hours?\s+of\s+(?:meditation|exercise|training|reading|practice|yoga)\b"), 6),
)


def _weeks_in(text: str) -> float | None:
    """How many weeks the goal gives itself, when it says so plainly."""
    match = re.search(r"\b(?:in|within|over|for)\s+(?:the\s+)?(?:next\s+)?(\d+(?:\.\d+)?)\s+(days?|weeks?|months?)\b", text)
    if match:
        amount, unit = float(match.group(1)), match.group(2)
        return amount / 7 if unit.startswith("day") else amount * 4.3 if unit.startswith("month") else amount
    if re.search(r"\b(?:this|in a|within a|in one)\s+week\b|\bby\s+(?:next\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(?:tomorrow|tonight|today)\b", text):
        return 1.0
    if _patterns().in_month.search(text):
        return 4.3
    if re.search(r"\bby\s+(?:the\s+)?(?:spring|summer|autumn|winter|christmas|the end of the year|new year)\b", text):
        return 26.0
    return None


def _impossible(goal: str) -> str | None:
    """A size no one could reach in the time given ('20 kg in 2 weeks', '10x more productive')."""
    multiplier = re.search(r"\b(\d+)\s?x\s+(?:more|better|faster|as)\b|\b(\d+)\s?x\b", goal)
    if multiplier and int(multiplier.group(1) or multiplier.group(2)) >= 3:
        return multiplier.group(0)
    weeks = _weeks_in(goal)
    for pattern, per_week, _ in _IMPOSSIBLE_RATES:
        match = pattern.search(goal)
        if match and weeks:
            limit = per_week.get(match.group(2), per_week.get(match.group(2).rstrip("s"), 0))
            if float(match.group(1)) / max(weeks, 1.0) > limit:
                return match.group(0)
    money = re.search(r"\b(?:save|pay off|pay back|earn|clear)\s+(?:my\s+|the\s+)?[£$€]?\s?(\d+(?:[.,]\d+)?)\s?(k|000)?\b", goal)
    if money and weeks and weeks <= 4.5:
        amount = float(money.group(1).replace(",", "")) * (1000 if money.group(2) in {"k", "000"} else 1)
        if amount >= 5000:
            return money.group(0)
    if re.search(r"\b(?:a|an|my|the)\s+(?:[a-z0-9,]+\s+){0,2}?(?:whole|entire|full)?\s*(?:[a-z0-9,]+\s+){0,2}(?:novel|book|thesis|dissertation)\b", goal) \
            and re.search(r"\b(?:whole|entire|full)\b", goal) and weeks and weeks <= 2:
        return "a whole book in days"
    if re.search(r"\bcouch\b.*\bmarathon\b", goal) and (weeks is None or weeks < 12):
        return "couch to marathon"
    for pattern, limit in _PER_DAY_LIMITS:
        match = pattern.search(goal)
        if match and re.search(r"\b(?:a|per|each|every)\s+(?:day|night)\b|\bdaily\b", goal):
            amount = float(next(g for g in match.groups() if g).replace(",", ""))
            if " k " in match.group(0) or match.group(0).split()[0].endswith("k"):
                amount *= 1000
            if amount > limit:
                return match.group(0)
    return None


#: Words after which the action phrase ends: what follows qualifies it and names no amount.
_SUBORDINATE = re.compile(r"\b(?:without|instead of|even if|even though|unless|so that|because|rather than)\b")
_PEOPLE_WORDS = "|".join(re.escape(w) for w in sorted(lexicon()["people"], key=len, reverse=True))


def _action(goal: str) -> tuple[str | None, bool, bool]:
    """The goal's main action outside 'when ...' triggers: (phrase, pinned by a detail?, vague amount in it?).

    A goal led by a state verb ("be calm", "feel at peace", "know what to say") has no action,
    unless another verb follows it ("be brave and call my sister") or it sets someone else's
    action ("make him text me back").
    """
    p = _patterns()
    main = p.life_area.sub(" ", _MASKED_IDIOMS.sub(" be ", _TRIGGER.sub(" ", goal)))
    # Places and events can hold verbs ("book club", "phone call"): they are details, not actions.
    main = p.multiword_setting.sub(" place ", main)
    position = 0
    while True:
        match = p.verb.search(main, position)
        if match is None:
            return None, False, False
        verb = match.group(0)
        if p.state_verb.fullmatch(verb) and not p.concrete_verb.fullmatch(verb):
            others = re.match(r"\s+(?:sure\s+)?(?:(?:my|his|her|our|their|the)\s+(?:[a-z-]+\s+)?(?:" + _PEOPLE_WORDS + r")|him|her|them|everyone|everybody|people)\s+(?:to\s+)?", main[match.end():])
            if verb.startswith(("make", "get", "have", "let", "help")) and others:
                position = match.end() + others.end()
                continue
            joined = re.search(r",|\band\b|\bthen\b", main[match.end():])
            if not joined:
                return None, False, False
            position = match.end() + joined.end()
            continue
        rest = _SUBORDINATE.split(main[match.end():].split(",")[0])[0]
        vague = bool(p.vague.search(rest))
        if p.self_contained.fullmatch(verb) and not re.search(r"[a-z]{3,}|\d", _FILLER.sub(" ", rest)):
            return (verb + rest)[:80].strip(), False, vague
        leftover = _FILLER.sub(" ", _ADVERB.sub(" ", p.feeling.sub(" ", p.vague.sub(" ", _NOT_A_MEASURE.sub(" ", rest)))))
        detail = bool(re.search(r"[a-z]{3,}|\d", leftover)) or bool(p.people.search(rest)) or bool(re.match(r"\s+me\b", rest))
        return (verb + rest)[:80].strip(), detail, vague


def _named_measure(text: str) -> str | None:
    """A countable measure with a target: kilograms, steps, screen time, or a number of a countable habit."""
    found = _first(_NAMED_MEASURE, text)
    if found:
        return found
    for number in re.finditer(r"\b\d+(?:\.\d+)?\s+([a-z-]+)(?:\s+([a-z-]+))?", text):
        if any(word and _patterns().countable.fullmatch(word) for word in number.groups()):
            return number.group(0)
    return None


_START_POINT = re.compile(r"(?:\b(?:starting|start|from|beginning|since|as of)\s+(?:on\s+|the\s+)?)$")


def _deadline(text: str) -> str | None:
    """The first date, deadline, bounded period, holiday or named event that is not just a start point."""
    p = _patterns()
    for pattern in (_DATE, p.deadline_word, _PERIOD, p.holiday, p.event, _WEEKDAY):
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - 20):match.start()]
            if not (_START_POINT.search(before) or (pattern is _PERIOD and before.endswith("after "))):
                return match.group(0).strip()
    return None


def read_goal(goal: str, why: str = "") -> Reading:
    """Collect the evidence the criteria are judged on."""
    p = _patterns()
    raw = goal if isinstance(goal, str) else str(goal)
    truncated = len(raw) > MAX_READ_CHARS
    text = normalise(raw[:MAX_READ_CHARS])
    clauses = split_clauses(text)
    main = clauses.goal
    numeric = _numbers_as_digits(main)
    timed = _numbers_as_digits(main + " , " + clauses.reason)
    action, detail, vague_action = _action(numeric)
    trigger_match = _TRIGGER.search(main)
    trigger = None
    if trigger_match:
        words = trigger_match.group(0)
        if (p.setting.search(words) or p.people.search(re.sub(r"^\S+\s+", "", words)) or p.concrete_verb.search(words)
                or p.countable.search(words)) and not p.life_area.search(words):
            trigger = words
    zero = None
    unidiomatic = _MASKED_IDIOMS.sub(" be ", numeric)
    for match in _ZERO_TARGET.finditer(unidiomatic):
        window = " ".join(unidiomatic[match.end():].split()[:5])
        habit = p.countable.search(window)
        after = unidiomatic[match.end():]
        if habit and not re.match(r"\s*(?:more than|less than|fewer than)", after) \
                and not re.match(r"\s*(?:\S+\s+){0,4}?(?:so much|as much|too much|so often|as often|too often|less|more)\b", after[len(window[:habit.end()]) + 1:]):
            zero = (match.group(0) + " " + window[:habit.end()]).strip()
            break
    zero = zero or _first(re.compile(r"\b(?:sober|(?:alcohol|smoke|drug|caffeine|sugar|nicotine|debt|gambling|vape)[- ]free)\b"), numeric)
    settings = [s for s in p.setting.findall(main) if not p.life_area.search(s)]
    measures = _measures(numeric)
    recurrence = _first(_RECURRENCE, timed) or _first(p.recurrence, timed)
    deadline = _deadline(timed)
    why_text = (why or "").strip()
    reading = Reading(
        clauses=clauses,
        goal=main,
        measures=measures,
        vague=p.vague.findall(main),
        vague_times=p.vague_time.findall(text),
        absolutes=_absolutes(main),
        impossible=_impossible(numeric),
        settings=settings,
        trigger=trigger,
        named_measure=_named_measure(numeric) if measures or "inbox" in numeric else None,
        zero_target=zero,
        action=action,
        action_detail=detail,
        vague_action=vague_action,
        feelings=p.feeling.findall(main),
        life_areas=p.life_area.findall(main),
        recurrence=recurrence,
        deadline=deadline,
        duration=_first(_DURATION, numeric),
        clock=_first(_CLOCK, numeric),
        bound=_first(_BOUND, numeric),
        # The rest of a very long paste is still read for crisis words, without the slower repairs.
        crisis=_is_crisis(text) or (truncated and _is_crisis(raw[MAX_READ_CHARS - 40:].lower().replace("’", "'"))),
        hedges=p.hedge.findall(main),
        avoidance=None,
        controlling=None,
        reason_given=bool(re.search(r"[^\W\d_]{2,}", why_text)) or bool(clauses.reason.strip()) or bool(p.relevance.search(text)),
        truncated=truncated,
    )
    if _SCALE.search(numeric) and measures:
        reading.named_measure = reading.named_measure or _first(_SCALE, numeric)
    avoid = re.match(r"^(?:i want to\s+|i will\s+|i'll\s+)?(?:stop|don't|do not|no more|avoid|not|quit|no longer)\b(?!\s+more than)\s*(.*)", main)
    if avoid and not zero and not re.match(r"^say no\b", main):
        reading.avoidance = avoid.group(0)
    control = re.search(r"\b(?:make|get|have|keep)\s+(?:sure\s+)?(?:everyone|everybody|nobody|no one|my\s+[a-z-]+|him|her|them|people|the\s+whole\s+[a-z]+)\s+(?:to\s+)?[a-z]+", main)
    if control and not re.search(r"\b(?:make|get|have|keep)\s+(?:sure\s+)?my\s+(?:bed|phone|room|screen|inbox|score|gad|phq|fear|anxiety|cv|resume|tax|report|work|steps)", control.group(0)):
        reading.controlling = control.group(0)
    return reading


# --- verdicts --------------------------------------------------------------------------------

def is_specific(r: Reading) -> bool:
    if r.settings or r.trigger or r.named_measure or r.zero_target:
        return True
    if not r.action:
        # A clock time or amount with a time frame pins a plan down even without a listed verb.
        return bool((r.clock or r.duration) and is_time_bound(r) and not r.feelings)
    if r.vague_action and not (r.measures or r.duration or r.clock):
        return False
    quantity = bool(r.measures or r.recurrence or r.duration or r.clock)
    return quantity or r.action_detail


def is_measurable(r: Reading) -> bool:
    if r.measures or r.duration or r.clock or r.bound or r.zero_target:
        return True
    if (r.vague_action or (r.vague and not r.action)) and not r.bound:
        return False
    if r.recurrence and r.action:
        return True
    return bool(r.action and (r.action_detail or _patterns().self_contained.match(r.action)))


def is_achievable(r: Reading) -> bool:
    return not (r.absolutes or r.impossible)


def is_time_bound(r: Reading) -> bool:
    return bool(r.recurrence or r.deadline)


# --- feedback --------------------------------------------------------------------------------

def _quote(text: str, limit: int = 70) -> str:
    text = text.strip(" ,.")
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _core(goal: str) -> str:
    """The person's goal, shortened and without hedges, for suggestions built from their own words."""
    core = re.sub(r"^(?:i (?:just )?(?:want|would like|'d like|need|hope|will|plan) to|i'll|i will|my goal is to)\s+", "", goal.strip(" ,."))
    core = _patterns().hedge.sub("", core)
    core = re.sub(r"\s+", " ", re.sub(r"^\s*to\s+", "", core)).strip(" ,")
    return _quote(core[:1].upper() + core[1:], 60) if core else "Your goal"


_SOFTEN = (
    (re.compile(r"\b(?:always|completely|totally|entirely|perfectly|fully|100%|100 percent|without fail|without missing(?: one)?|"
                r"for the rest of my life|forever|for ever|for good|at all times|all the time|24/7|at all|ever again)\b\s*"), ""),
    (re.compile(r"\bevery single\b"), "every"),
    (re.compile(r"\b(?:perfect|flawless)\b"), "good-enough"),
    (re.compile(r"\bnever\b"), "not"),
    (re.compile(r"\bagain\b"), ""),
)


def _gerund(verb: str) -> str:
    """argue -> arguing, yell -> yelling, stop -> stopping: enough English for a suggestion."""
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and verb != "be":
        return verb[:-1] + "ing"
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", verb):
        return verb + verb[-1] + "ing"
    return verb + "ing"


def suggestion(r: Reading) -> str:
    """One rewrite of the goal that would meet more of SMART, built from the person's words."""
    if not r.action and not r.settings and not r.zero_target and not r.named_measure:
        role = re.match(r"^(?:be|become)\s+(?:a|an|the)\s+(.+)$", _core(r.goal).lower())
        if role:
            return (f"One thing a {role.group(1)} does that I will do: ___ (for example, 15 minutes of time together), "
                    "3 times a week this month.")
        if r.feelings:
            return (f"When I notice I feel {r.feelings[0]}, I will do one small thing that helps (like a 5-minute walk "
                    "or texting a friend), 3 times this week.")
        return f"One thing I will do that helps me {_core(r.goal).lower()}: ___, 3 times a week this month."
    text = _core(r.goal).lower()
    if not is_achievable(r):
        for pattern, replacement in _SOFTEN:
            text = pattern.sub(replacement, text)
    measurable, timed = is_measurable(r), is_time_bound(r) or not is_achievable(r)
    if not measurable:
        fewer = any(v in {"less", "fewer"} for v in r.vague)
        text = _patterns().vague.sub("", text)
        text = text.strip(" ,") + (": 2 fewer than usual" if fewer else " 3 times") + ("" if timed else " each week")
        timed = True
    never = re.match(r"^not\s+([a-z]+)\b(.*)$", text.strip())
    if never and not is_achievable(r):
        return f"Go 7 days without {_gerund(never.group(1))}{never.group(2).rstrip(' ,')}."
    text = re.sub(r"\s+", " ", text).strip(" ,")
    text = text[:1].upper() + text[1:]
    if not timed:
        text += " by the end of this month"
    if not is_achievable(r):
        text += " for the next 7 days" if not is_time_bound(r) else ""
    return text + "."


def _feedback(r: Reading, why: str) -> dict[str, dict[str, Any]]:
    core = _core(r.goal)
    specific, measurable, achievable = is_specific(r), is_measurable(r), is_achievable(r)
    relevant, time_bound = r.reason_given, is_time_bound(r)

    if specific:
        evidence = r.settings[0] if r.settings else r.trigger or r.named_measure or r.zero_target or r.action or ""
        s_text = f"You name something concrete (“{_quote(evidence, 50)}”), so you will know what to do and where."
    elif r.feelings and not r.action:
        s_text = (f"“{_quote(r.feelings[0], 30)}” is a feeling, which is a fine place to start. What would you do, and in "
                  "which situation, that shows it? For example: “In the Monday meeting, I will …” or “When ___ happens, I will …”.")
    elif r.life_areas:
        s_text = (f"“{r.life_areas[0]}” is a whole area of life. Pick one situation inside it and one thing you will do there, "
                  f"like “{core} at ___ (a place, a person or a moment)”.")
    elif not r.action:
        s_text = (f"“{core}” describes who you want to be, which is a good direction. What is one thing that person does, "
                  f"in one situation? For example: “{suggestion(r)}”")
    elif r.vague:
        s_text = (f"“{r.vague[0]}” leaves the action open. Say exactly what you will do, and where or with whom: "
                  f"“{core}” could become “{suggestion(r)}”")
    else:
        s_text = f"Say what you will do, and where or with whom. For example: “{core} with ___ at ___”."

    if measurable:
        evidence = (r.bound or r.duration or r.clock or (r.zero_target and "none at all")
                    or (r.measures and f"{r.measures[0]:g}") or r.recurrence or "a single action you can tick off")
        m_text = f"You could check this afterwards ({_quote(str(evidence), 40)}). That makes progress easy to see."
    elif r.vague:
        m_text = (f"“{r.vague[0]}” is hard to check: how much is enough? Put a number on it, such as how many, how often or "
                  f"how long: “{suggestion(r)}”")
    elif r.feelings:
        m_text = ("Feelings are hard to count directly. Choose something you can tick off, or rate how you feel from 0 to 10 "
                  "each evening and aim for a number.")
    else:
        m_text = f"How will you know it happened? Add a number, a frequency or a length of time: “{suggestion(r)}”"

    if achievable:
        a_text = "This sounds within reach. Small, doable steps keep motivation up."
    elif r.impossible:
        a_text = (f"“{_quote(r.impossible, 30)}” is a lot for that time. A smaller target you can reach builds momentum; "
                  "you can raise it once you get there.")
    else:
        word = _quote(r.absolutes[0], 30)
        a_text = (f"“{word}” sets the bar out of reach, and one slip could make the whole goal feel lost. "
                  f"Try one situation and a smaller first step: “{suggestion(r)}”")

    if relevant:
        reason = _quote(why, 60) if why.strip() else _quote(r.clauses.reason or "your own words", 60)
        r_text = f"You say why this matters to you (“{reason}”). Keep that reason close on hard days."
    else:
        r_text = ("Why does this matter to you? Add a “because …” or write your reason in the why box. "
                  "Goals tied to what you value are easier to keep.")

    if time_bound:
        t_text = f"It has a time frame (“{_quote(r.recurrence or r.deadline or '', 40)}”), so you will know when to check in."
    elif r.vague_times:
        t_text = (f"“{r.vague_times[0]}” leaves the timing open. Give it a date or a rhythm: “{suggestion(r)}”")
    else:
        t_text = f"When will you do this, or how often? Add a date or a rhythm: “{suggestion(r)}”"

    return {
        "specific": {"met": specific, "feedback": s_text},
        "measurable": {"met": measurable, "feedback": m_text},
        "achievable": {"met": achievable, "feedback": a_text},
        "relevant": {"met": relevant, "feedback": r_text},
        "time_bound": {"met": time_bound, "feedback": t_text},
    }


def _prompts(r: Reading) -> list[str]:
    prompts = []
    if r.truncated:
        prompts.append(f"This is a long goal, so only the first {MAX_READ_CHARS:,} characters were checked. "
                       "A goal of one or two sentences is easier to keep in mind.")
    if r.avoidance:
        prompts.append("Your goal says what you want to stop. What will you do instead? A goal about doing something "
                       "is easier to practise than one about not doing something.")
    if r.controlling:
        prompts.append(f"“{_quote(r.controlling, 40)}” depends partly on someone else. Which part is yours? "
                       "For example, what you will say or do, and when.")
    if r.hedges:
        prompts.append(f"“{r.hedges[0]}” keeps a door half open. Could you say “I will …”? A smaller goal you fully "
                       "commit to works better than a bigger one you hope for.")
    return prompts


def check_goal(goal: str, why: str = "") -> dict[str, Any]:
    """Per-criterion verdicts and feedback for one goal, plus the crisis flag, extra prompts and the safety flag."""
    goal = goal if isinstance(goal, str) else str(goal)
    why = why if isinstance(why, str) else str(why)
    flag = safety.screen_all(goal, why)  # support instead of grading: ../shared/safety-rules.md
    if flag:
        return safety.flagged_goal_result(flag, CRITERIA)
    if not goal.strip():
        empty = "Write your goal above and you will see feedback here."
        result: dict[str, Any] = {name: {"met": False, "feedback": empty} for name in CRITERIA}
        result.update(crisis=False, prompts=[], suggestion="", safety=None)
        return result
    reading = read_goal(goal, why)
    result = _feedback(reading, why)
    met = all(result[name]["met"] for name in CRITERIA)
    result["suggestion"] = "" if met else suggestion(reading)
    result["crisis"] = False  # true only with a crisis flag from the safety screen, which returned above
    result["prompts"] = _prompts(reading)
    result["safety"] = None
    return safety.guard_rewrites(result)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Check therapy goals (one per line on stdin) against SMART.")
    parser.add_argument("--why", default="", help="why the goal matters to the person (context for Relevant)")
    args = parser.parse_args(argv)
    for line in sys.stdin:
        print(json.dumps(check_goal(line.rstrip("\n"), why=args.why), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
