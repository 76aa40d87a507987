"""When a goal happens: a recurrence ("every Sunday", "3 times a week") or a deadline or period
("by Friday", "for 30 days", "at my sister's wedding"). Vague times ("soon") are neither.
"""

from __future__ import annotations

import re

from .patterns import first, verbose
from .vocabulary import vocabulary

_RECURRENCE = verbose(r"""
      \b(?:every|each|per)\s+(?:other\s+|single\s+|\d+\s+|\d+(?:st|nd|rd|th)\s+|second\s+|third\s+)?                          # every Sunday, each lunch
      (?:<TIME_UNITS>|<WEEKDAYS>s?|lunch|dinner|breakfast|meal|night|bedtime|seminar|meeting|class|lesson|workday)\b
    | \b(?:a|an|per|each|every)\s+(?:day|night|week|month|year|weekend|morning|evening|afternoon|hour|fortnight
           |workday|weekday)\b(?!\s+(?:off|out|trip|or\ two|away))
    | \b\d+\s+(?:times?|days?|nights?|mornings?|evenings?|afternoons?|sessions?)\s+(?:a|an|per|each|every|this|next)\b
      (?:\s+<TIME_UNITS>\b)?                                                          # 3 times a week
    | \b(?:on|at)\s+(?:weekends|weekdays|weeknights|school\ nights|<WEEKDAYS>s)\b
    | \b<WEEKDAYS>s\b                                                               # Sundays
    | \bon\s+(?!the\b)(?:[a-z-]+\s+){1,2}?(?:weeks|days|nights|mornings|evenings)\b       # on night-shift weeks
    | \b(?:every|each)\s+(?:set|run|block|stretch)\s+of\s+(?:nights|days|night\ shifts|shifts)\b  # after each set of nights
""")

_PERIOD = verbose(r"""
      \b(?:this|next|coming|the\ next|the\ coming|the\ whole|the\ rest\ of\ the|rest\ of\ the)\s+   # this week
        (?:\d+\s+)?(?:<PERIOD_UNITS>|mornings?|evenings?|afternoons?|<SEASONS>|school\ year|semester|holidays?)\b
    | \b(?:for|within|in|over|during|after|under)\s+(?:the\s+)?(?:next\s+|first\s+|coming\s+)?    # for 30 days
        (?:\d+(?:\.\d+)?|a|an|one)\s+<PERIOD_UNITS>\b(?!\s+(?:of|a|an|per|each|every)\b)
    | \b\d+\s+(?:days?|nights?|weeks?|fortnights?|months?|years?|weekends?)\b(?!\s+(?:a|an|per|each|every)\b)
    | \b(?:until|till|by|before)\s+(?:the\s+)?(?:end|start|beginning)\s+of\b                      # by the end of
        (?:\s+(?:the|my|this|next))?(?:\s+(?!(?:and|or|but|so|because)\b)[a-z0-9-]+){1,2}           # ... the month
    | \b(?:by|before|until|till|in|this|next|during|over)\s+(?:the\s+)?(?:(?!fall)<SEASONS>|new\ year)\b
    | \b(?:this|next|by|until|till)\s+fall\b
    | \b(?:before|until|till|by)\s+the\s+(?:<SEASONS>|year|term|month|week)\s+(?:ends?|is\ over|finishes)\b
    | \bthe\ whole\ of\s+[a-z]+\b
    | \b(?:today|tonight|tomorrow)\b
    | \b(?:in|within|over)\s+the\s+next\s+hour\b
    | \ba\s+whole\s+(?:day|week|weekend|month|year)\b                                          # a whole week without
""")

_WEEKDAY = verbose(r"""
      \b<WEEKDAYS>s?\b
    | \b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b(?=\s*(?:,|and|or|\.|$))
""")

_EVENT = verbose(r"""
      \b(?:my|our|his|her|their|[a-z]+'s)\s+                          # my sister's wedding, our next review
        (?:(?!(?:at|with|to|for|on|in|about|from|and|or)\b)[a-z0-9-]+\s+){0,2}<EVENT_NOUNS>s?\b
    | \bthe\s+(?:[a-z'-]+\s+){1,3}(?:wedding|funeral|party|reunion|conference|ceremony|gala|anniversary|memorial)\b
    | \b(?:in|by|before|until|during|of|end\ of|early|late|mid)\s+<MONTHS>\b
    | \b(?!may\b)<MONTHS>\b                                            # "may" alone is a verb
    | \b(?:before|by|until|till|after)\s+(?:the\s+)?(?:[a-z0-9-]+\s+){0,2}?<EVENT_NOUNS>\b   # before graduation
    | \b(?:at|on)\s+<EVENT_NOUNS>\b(?=\s*(?:$|[,.;!]|on\b|in\b|at\b|this\b|next\b|with\b|and\b|to\b|for\b))
                                                                     # at graduation (not "at the party": which one?)
    | \b(?:during|before|by|until|till|in|over|through|throughout|after|for|end\ of)\s+   # during exam season, by Q2
        (?:the\s+|my\s+|this\s+|next\s+)?(?:[a-z]+\s+)?<NAMED_PERIODS>\b
    | \b(?:within|for|during|over|in|by\ the\ end\ of)\s+(?:the|a|my|this)\s+\d+-(?:day|week|month)\b  # within the 6-week course
    | \b(?:at|by|before)\s+(?:the\s+|my\s+)?\d+-(?:day|week|month)\s+<EVENT_NOUNS>\b      # at 8-week review
    | \b(?:before|by|until|till|for|at|after)\s+(?:my|his|her|their|our|[a-z]+'s)\s+\d{2}(?:st|nd|rd|th)\b(?!\s+(?:time|day|week|attempt|try)\b)
                                                                     # before my 40th, before Dad's 60th
    | \b(?:before|by\ the\ time|until|till)\s+(?:i|he|she|we|they)\s+(?:turn|turns|am|is|are)\s+\d{2}\b  # before I turn 30
    | \bby\s+the\s+time\s+(?:[a-z']+\s+){1,3}?(?:starts|begins|ends|finishes|is\ over|arrives|is\ born)\b  # by the time uni starts
    | \bon\s+the\s+\d{1,2}(?:st|nd|rd|th)\b                           # on the 12th
    | \b(?:at|on|during|before|after)\s+the\s+(?:[a-z'-]+\s+){0,2}?(?:conference|parade|audit|flight|viva|careers\ fair
                                                             |job\ fair|work\ do|hen\ do|stag\ do)\b
    | \bnext\s+(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b        # next Tues
""")

#: An event someone is apologising for or talking about is in the past: "for what I said at his party".
_PAST_EVENT = re.compile(r"\b(?:for|about)\s+what\s+\w+\s+(?:said|did)\b[^,]{0,20}$")
_START_POINT = re.compile(r"(?:\b(?:starting|start|from|beginning|since|as of)\s+(?:on\s+|the\s+)?)$")


def recurrence(text: str) -> str | None:
    """The goal's rhythm ("every Sunday", "3 times a week", "weeknights"), if it has one."""
    found = [m for m in (_RECURRENCE.search(text), vocabulary().recurrence.search(text)) if m]
    return min(found, key=lambda m: m.start()).group(0).strip() if found else None


def deadline(text: str) -> str | None:
    """The first date, deadline, bounded period, holiday or named event that is not just a start point."""
    from .numbers import DATE

    words = vocabulary()
    for pattern in (DATE, words.deadline_word, _PERIOD, words.holiday, _EVENT, _WEEKDAY):
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - 20):match.start()]
            if pattern is _EVENT and _PAST_EVENT.search(text[max(0, match.start() - 40):match.start()]):
                continue
            if not (_START_POINT.search(before) or (pattern is _PERIOD and before.endswith("after "))):
                return match.group(0).strip()
    return None


_IN_MONTH = verbose(r"""
      \b(?:this|in\ a|within\ a|by\ next|next)\s+month\b
    | \b(?:in|during|by)\s+<MONTHS>\b
""")


_A_WEEK = verbose(r"""
      \b(?:this|in\ a|within\ a|in\ one|next)\s+week\b
    | \b<SEASONS>\s+break\b | \bhalf[-\ ]term\b
    | \bby\s+(?:next\s+)?<WEEKDAYS>\b
    | \bbefore\s+(?:[a-z']+\s+){0,4}?(?:on\s+)?<WEEKDAYS>\b                          # before my session on Thursday
""")
_BY_HALF_YEAR = verbose(r"\bby\s+(?:the\s+)?(?:(?!fall)<SEASONS>|christmas|the\ end\ of\ the\ year|new\ year)\b")


def weeks_in(text: str) -> float | None:
    """How many weeks the goal gives itself, when it says so plainly."""
    match = re.search(r"\b(?:in|within|over|for)\s+(?:the\s+)?(?:next\s+)?(\d+(?:\.\d+)?)\s+(days?|weeks?|months?)\b", text)
    if match:
        amount, unit = float(match.group(1)), match.group(2)
        return amount / 7 if unit.startswith("day") else amount * 4.3 if unit.startswith("month") else amount
    if re.search(r"\b(?:in|within|over)\s+the\s+next\s+hour\b", text):
        return 1 / 24 / 7
    if re.search(r"\b(?:today|tonight|tomorrow)\b", text) or re.search(r"\b(?:this|on)\s+" + vocabulary().weekdays + r"\b(?!s)", text):
        return 1 / 7
    if re.search(r"\b(?:this|the|next)\s+weekend\b|\b(?:by\s+the|in\s+a|in\s+one|over\s+a)\s+weekend\b", text):
        return 2 / 7
    if _A_WEEK.search(text):
        return 1.0
    if _IN_MONTH.search(text):
        return 4.3
    if _BY_HALF_YEAR.search(text):
        return 26.0
    return None
