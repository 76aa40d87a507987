"""Sizes no one could reach in the time a goal gives itself ("20 kg in 2 weeks", "10x more productive")."""

from __future__ import annotations

import re

from .timing import weeks_in

#: (amount pattern, the most a person could do per week by unit, what it is)
_PER_WEEK_LIMITS = (
    (re.compile(r"\b(?:lose|drop|shed)\s+(\d+(?:\.\d+)?)\s*(kg|kilos?|lbs?|pounds?|stone)\b"),
     {"kg": 2.0, "kilo": 2.0, "kilos": 2.0, "lb": 4.5, "lbs": 4.5, "pound": 4.5, "pounds": 4.5, "stone": 0.35}, "weight"),
    (re.compile(r"\bread\s+(\d+)\s+(?:[a-z-]+\s+)?(books?|novels?|textbooks?)\b"),
     {"book": 5, "books": 5, "novel": 5, "novels": 5, "textbook": 2, "textbooks": 2}, "books"),
)
#: (amount pattern, the most a person could do in one day)
_PER_DAY_LIMITS = (
    (re.compile(r"\b(\d[\d,]*)\s+(?:push-?ups|press-?ups|sit-?ups|squats|burpees)\b"), 300),
    (re.compile(r"\b(\d[\d,]*)\s*k?\s+steps\b"), 60000),
    (re.compile(r"\b(?:run|walk|cycle|swim)\s+(\d+)\s*(?:km|kilomet)"), 60),
    (re.compile(r"\b(\d+)\s+hours?\s+(?:of\s+)?(?:sleep|study|studying|work|working|revision|revising)\b"
                r"|\b(?:sleep|study|work|revise)\s+(?:for\s+)?(\d+)\s+hours?\b"), 14),
    (re.compile(r"\b(?:meditate|exercise|train|run|walk|read|practise|practice|journal|pray|stretch)\s+(?:for\s+)?(\d+)\s+hours?\b"
                r"|\b(\d+)\s+hours?\s+of\s+(?:meditation|exercise|training|reading|practice|yoga)\b"), 6),
)
#: Tasks a person could finish at most this many of in a day, however hard they push.
_TASKS_PER_DAY = {"recipe": 6, "project": 2, "essay": 2, "chapter": 10, "application": 40, "job": 40, "college": 10,
                  "thing": 30, "task": 30, "page": 150, "pushup": 1000, "situp": 1000, "squat": 1000, "newword": 100,
                  "friend": 2}
_TASKS = re.compile(r"\b(\d[\d,]*)\s+(?:of\s+(?:my|his|her|their|the)\s+)?(?:[a-z'-]+\s+){0,2}?"
                    r"(recipe|project|essay|chapter|application|job|college|thing|task|page|push-?up|sit-?up|squat|friend)s?\b")
_NEW_WORDS = re.compile(r"\b(?:learn|memori[sz]e)\s+(\d[\d,]*)\s+(?:[a-z]+\s+)?(?:words|phrases|flashcards|flash\s+cards|cards|terms|definitions)\b")
_LANGUAGE = re.compile(r"\b(?:learn|master|speak)\s+(?:a\s+(?:new\s+)?language|[a-z]+\s+fluently|(?:fluent\s+)?[a-z]+ish\b|"
                       r"(?:fluent\s+)?(?:mandarin|japanese|german|french|spanish|italian|arabic|russian|korean|portuguese|english))")
_SCORE_CHANGE = re.compile(r"\b(?:raise|improve|increase|reduce|lower|drop|cut|get|bring)\s+(?:my\s+)?(?:[a-z0-9-]+\s+){0,2}?"
                           r"(?:score|gad-?7|phq-?9|y-?bocs|suds|bdi|rating)\s+(?:by\s+(\d+)\s+points?|from\s+(\d+)\s+to\s+(\d+))")
_WHOLE_LIFE = re.compile(r"\b(?:fix|sort out|sort|change|solve|heal|repair|turn around)\s+(?:my\s+|our\s+)?"
                         r"(?:whole\s+life|entire\s+life|life|everything|all\s+(?:of\s+)?my\s+problems|\d+\s+years\s+of)\b")
#: "10x more productive", "10x my revenue"; not "3x this week", which is a count.
_MULTIPLIER = re.compile(r"\b(\d+)\s?x\s+(?:more|better|faster|as)\b"
                         r"|\b(\d+)\s?x\b(?!\s*(?:a|an|per|each|every|this|next|in|on|daily|weekly|a\s+\w+)\b)")
_MONEY = re.compile(r"\b(?:save|pay off|pay back|earn|clear)\s+(?:my\s+|the\s+)?(?:whole\s+|entire\s+|full\s+)?"
                    r"(?:[£$€₹]|rs\.?|r)?\s?(\d+(?:[.,]\d+)*)\s?(k|000)?\b")
_WHOLE_BOOK = re.compile(r"\b(?:a|an|my|the)\s+(?:[a-z0-9,]+\s+){0,2}?(?:whole|entire|full)?\s*(?:[a-z0-9,]+\s+){0,2}(?:novel|book|thesis|dissertation)\b")
_THESIS = re.compile(r"\b(?:write|finish|complete|do)\s+(?:my|a|the)\s+(?:[a-z0-9,-]+\s+){0,2}?(?:thesis|dissertation|novel|memoir|phd)\b")
#: Many of anything every day ("200 exposures a day", "1,000 laps every morning"), unless it is a unit of
#: measure or a bound ("10000 steps a day", "under 2000 calories a day").
_MANY_A_DAY = re.compile(r"\b(?<!under )(?<!than )(?<!most )(?<!max )(?<!below )(\d[\d,]*)\s+((?:[a-z'-]+\s+){1,3}?)"
                         r"(?:a|per|each|every)\s+(?:day|morning|evening|night)\b")
_UNITS = frozenset("steps step calories kcal ml mg g grams words pages seconds secs minutes mins metres meters m yards "
                   "feet ft oz litres liters points pounds dollars euros rand rupees k of times reps breaths jumping skips sips".split())
#: Memorising or learning pages: a few a day at most ("memorise all 1,000 pages of the DSM by Friday").
_MEMORISE_PAGES = re.compile(r"\b(?:memori[sz]e|learn)\s+(?:all\s+)?(?:(?:the|of\s+the)\s+)?(\d[\d,]*)\s+pages\b")
#: A crowd to see in days: "meet every one of my old colleagues this week, all 140 of them".
_ALL_OF_THEM = re.compile(r"\ball\s+(\d[\d,]*)\s+of\s+them\b")
#: Years of backlog in days: "finish every unfinished project from the last 10 years this weekend".
_YEARS_OF = re.compile(r"\b(?:every|all)\b[^,.]{0,40}?\b(?:from|of|in)\s+the\s+(?:last|past)\s+(\d+)\s+years\b")
#: An audience in days: "1 million followers by friday".
_FOLLOWERS = re.compile(r"\b(\d+(?:\.\d+)?)\s*(million|m|k)?\s+(?:new\s+)?(?:followers|subscribers|likes|views)\b")
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
    thesis = _THESIS.search(goal)
    if thesis and weeks is not None and weeks <= 1:
        return thesis.group(0)
    pages = _MEMORISE_PAGES.search(goal)
    if pages and weeks and float(pages.group(1).replace(",", "")) / (weeks * 7) > 20:
        return pages.group(0)
    if weeks is not None and weeks <= 1:
        days = max(weeks * 7, 1 / 24)
        crowd = _ALL_OF_THEM.search(goal)
        if crowd and float(crowd.group(1).replace(",", "")) / days > 10:
            return crowd.group(0)
        years = _YEARS_OF.search(goal)
        if years and int(years.group(1)) >= 2:
            return "years of work in days"  # no number to shrink: "the last 1 years" helps no one
        audience = _FOLLOWERS.search(goal)
        if audience:
            scale = {"million": 1e6, "m": 1e6, "k": 1e3}.get(audience.group(2) or "", 1)
            if float(audience.group(1)) * scale / days > 1000:
                return audience.group(0)
        for task in _TASKS.finditer(goal):
            limit = _TASKS_PER_DAY[task.group(2).replace("-", "")]
            if float(task.group(1).replace(",", "")) / days > limit:
                return task.group(0)
        words = _NEW_WORDS.search(goal)
        if words and float(words.group(1).replace(",", "")) / days > _TASKS_PER_DAY["newword"]:
            return words.group(0)
        score = _SCORE_CHANGE.search(goal)
        if score:
            change = float(score.group(1)) if score.group(1) else abs(float(score.group(2)) - float(score.group(3)))
            if change >= 10:
                return score.group(0)
    if weeks is not None and weeks <= 4.5 and (_WHOLE_LIFE.search(goal) or _LANGUAGE.search(goal)):
        return (_WHOLE_LIFE.search(goal) or _LANGUAGE.search(goal)).group(0)
    if re.search(r"\bcouch\b.*\bmarathon\b", goal) and (weeks is None or weeks < 12):
        return "couch to marathon"
    if _EVERY_DAY.search(goal) or re.search(r"\b(?:every|each)\s+(?:morning|evening|night)\b", goal):
        words = _NEW_WORDS.search(goal)
        if words and float(words.group(1).replace(",", "")) > _TASKS_PER_DAY["newword"]:
            return words.group(0)
        for many in _MANY_A_DAY.finditer(goal):
            if float(many.group(1).replace(",", "")) > 150 and _UNITS.isdisjoint(many.group(2).split()):
                return many.group(0)
    for pattern, limit in _PER_DAY_LIMITS:
        match = pattern.search(goal)
        if match and _EVERY_DAY.search(goal):
            amount = float(next(g for g in match.groups() if g).replace(",", ""))
            if " k " in match.group(0) or match.group(0).split()[0].endswith("k"):
                amount *= 1000
            if amount > limit:
                return match.group(0)
    return None
