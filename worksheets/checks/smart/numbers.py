"""Numbers in a goal: which of them measure something, and which name a clock time, a date or a size.

"3 times a week" measures; "my 2 kids", "24/7", "10x", "I'm 45" and "GAD-7" do not.
"""

from __future__ import annotations

import re

from ..text import lexicon
from .patterns import first, verbose
from .vocabulary import vocabulary

NUMBER = r"\d+(?:[.,]\d+)*"

CLOCK = verbose(r"""
      \b\d{1,2}(?::\d{2})?\s?(?:am|pm)\b              # 8pm, 7:30 am
    | \b\d{1,2}:\d{2}\b                               # 22:00
    | \b\d{1,2}\s?o'clock\b
    | \b(?:at|by|before|after|until|till|past)\s+(?:1[0-2]|0?[1-9])\b   # "in bed by 11", not "after 2 rounds" or "at 25"
      (?=\s*(?:$|[,.;!]|on\b|in\ the\b|every\b|each\b|at\ night\b|tonight\b|and\b|or\b|latest\b|at\ the\ latest\b))
    | \b(?:noon|midday|midnight)\b
""")

DATE = verbose(r"""
      \b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?<MONTHS>[a-z]*\b          # 5th of March
    | \b<MONTHS>[a-z]*\s+\d{1,2}(?:st|nd|rd|th)?\b                     # March 5
    | (?<!a\ )(?<!be\ )\b(?!24/7\b)                                    # 5/3, 05/03/2026, not "a 10/10" or "24/7"
      (?:3[01]|[12]\d|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])(?:/\d{2,4})?\b
      (?!\s*(?:/|out\ of|or\b|and\b|person|rating|score|mum|mom|dad))(?<!/10)
    | \b\d{4}-\d{2}-\d{2}\b                                            # 2026-03-05
    | \b(?:on|by|before|until|till|from|after)\s+the\s+\d{1,2}(?:st|nd|rd|th)\b(?!\s+(?!of\b)[a-z])
    | \b(?:in|by|before|until|during|for|of)\s+(?:19|20)\d\d\b          # by 2027
""")

#: Numbers that count nothing.
NOT_A_MEASURE = verbose(r"""
      \b24/7\b
    | \b\d+\s?x\b(?!\s*(?:a|an|per|each|every|daily|weekly|monthly|nightly)\b)    # 10x, but "3x weekly" is a count
    | \b\d+\s?(?:%|percent)                                            # 100% better, 50% of the time
      (?=\s+(?:<FEELINGS>|<GOOD_QUALITIES>|<VAGUE>|sure|sober|certain|fine|okay|ok
               |of\ the\ time|effort|committed|focused|myself|of\ my\ (?:attention|effort|energy|focus|time|heart)
               |attention|present|honest)\b)
    | \b(?:1(?:0[1-9]|[1-9]\d)|[2-9]\d\d)\s?(?:%|percent)                # 110%
    | \b100\s?(?:%|percent)(?!\s+(?:on|in|of\s+(?:my|the)\s+(?:questions|answers|tasks)))  # 100% sure, not "100% on the exam"
    | \b0\s?(?:%|percent)                                             # 0% anxious
    | \bwas\s+at\s+\d{1,2}\b(?!\s*(?::|am|pm))                      # like I was at 25
    | \b\d+\s+years\s+of\b                                          # 20 years of problems
    | \btop\s+\d+\s?%
    | \b10\s?/\s?10\b | \b10\s+out\ of\s+10\b                            # a 10/10 person
    | \b\d+\s?/\s?10\s+(?:<PEOPLE>|person|me)\b                         # a 10/10 mum
    | \b(?:my|our|his|her|their|the)\s+\d+\s+(?:[a-z]+\s+)?             # my 2 kids
      (?:<PEOPLE>|boy|girl|dog|cat|pet|grandkid|grandchildren|children|people)s?\b
    | \b(?:i'm|i\ am|im|aged?|turned?|turning)\s+\d{1,2}\b  # ages
      (?!\s*(?::|am|pm|o'clock|<TIME_UNITS>\b|km|kg|minutes|times))
    | \b\d+\s+years?\s+old\b
    | \b\d+(?:st|nd|rd|th)\b                                           # ordinals
    | \b[a-z]+-\d+\b                                                   # GAD-7, CBT-I-6
    | \b\d(?:-\d){2,}\b                                                # 5-4-3-2-1, 4-7-8
    | \b(?:top|number|no\.?)\s+\d+\b
""")

_NUMBER_WORDS_KEPT_AFTER_ONE = re.compile(r"\s+(?:day|of|another|more|thing i|way|step)\b")


def numbers_as_digits(text: str) -> str:
    """Spell number words as digits ("twice" -> "2 times"), leaving 'no one', 'one day' and 'someone' alone."""
    table = lexicon()["number_words"]

    def spell(match: re.Match[str]) -> str:
        word = match.group(0)
        value = table[word]
        before = text[max(0, match.start() - 4):match.start()]
        if word in {"a", "an", "none"} or (word == "once" and before.endswith("for ")):
            return word
        if word == "one" and (before.endswith(("no ", "the ", "any", "some"))
                              or _NUMBER_WORDS_KEPT_AFTER_ONE.match(text, match.end())):
            return word
        if word in {"once", "twice", "thrice"}:
            return f"{int(value)} times" if word != "once" else "1 time"
        if word.startswith("half"):
            return "0.5 " + word.split()[-1]
        return str(int(value)) if value == int(value) else str(value)

    return vocabulary().number_words.sub(spell, text)


def _zero_feeling() -> re.Pattern[str]:
    return re.compile(r"\b0\s+(?=(?:[a-z-]+\s+)?" + vocabulary().feeling.pattern + ")")


ZERO_FEELING = _zero_feeling()


def measures(text: str) -> list[float]:
    """The numbers in a text that measure something (number words already spelled as digits)."""
    masked = re.sub(r"\b(?:19|20)\d\d\b", " ", DATE.sub(" ", text))
    masked = NOT_A_MEASURE.sub(" ", masked)
    masked = CLOCK.sub(" ", masked)
    masked = ZERO_FEELING.sub(" ", masked)
    values = []
    for match in re.finditer(NUMBER, masked):
        try:
            values.append(float(match.group(0).replace(",", "")))
        except ValueError:
            continue
    return values


DURATION = verbose(r"""
      \b(?:for\s+)?(?:at\ least\s+)?\d+(?:\.\d+)?\s*-?\s*(?:seconds?|minutes?|mins?|hours?|hrs?|h)\b
    | \bhalf\ an\ hour\b
    | \b(?:for|at\ least|at\ most|about|up\ to|within)\s+(?:an|one)\s+(?:hour|minute)\b
    | \ba\ whole\s+(?:film|movie|song|day|hour|episode|meeting|class)\b
    | \bthe\ whole\s+(?:film|movie|day|meeting|class)\b
""")

BOUND = verbose(r"""
      \b(?:no\ more\ than|not\ more\ than|at\ least|at\ most|up\ to|fewer\ than|less\ than|more\ than
           |under|below|above|over|max(?:imum)?|minimum|only|tops|down\ to|down\ from|from\s+\d+\s+to)\s+\d
    | \b\d+\s+(?:or\s+)?(?:fewer|less|more|max|tops)\b
""")

SCALE = verbose(r"\b(?:<SCALES>|level)\b")

#: A grade as a target: "never below an A", "get at least a B".
GRADE = re.compile(r"\b(?:grade|get|score|mark)\s+(?:below|above|lower than|higher than|at least)\s+(?:an?\s+)?[a-f][+*]?(?=\s|$|[,.!])")

NAMED_MEASURE = verbose(r"""
      \b\d+(?:[.,]\d+)?\s*(?:k\s+)?<MEASURE_UNITS>\b                    # 5 km, 2 litres, 10000 steps
    | \b\d+(?:[.,]\d+)?\s*hours?\ (?:of\ )?(?:sleep|screen\ time)\b
    | \bscreen\ time\b | \binbox\b

""")


def named_measure(text: str) -> str | None:
    """A countable measure with a target: kilograms, steps, screen time, or a number of a countable habit."""
    found = first(NAMED_MEASURE, text)
    if found:
        return found
    for number in re.finditer(r"\b\d+(?:\.\d+)?\s+([a-z-]+)(?:\s+([a-z-]+))?", text):
        if any(word and vocabulary().countable.fullmatch(word) for word in number.groups()):
            return number.group(0)
    return None
