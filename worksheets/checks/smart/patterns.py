"""Building regexes that read like prose: re.VERBOSE templates with named word lists slotted in.

A template names a lexicon list as <NAME>; `verbose` replaces it with that list's alternation
from vocabulary.py, so no word list is spelled out twice.
"""

from __future__ import annotations

import re

from .vocabulary import vocabulary


def verbose(template: str, **extra: str) -> re.Pattern[str]:
    """Compile a re.VERBOSE template, filling <MONTHS>, <WEEKDAYS>, <TIME_UNITS>... from the lexicon."""
    words = vocabulary()
    slots = {
        "MONTHS": words.months, "WEEKDAYS": words.weekdays, "SEASONS": words.seasons,
        "TIME_UNITS": words.time_units, "PERIOD_UNITS": words.period_units,
        "MEASURE_UNITS": words.measure_units, "SCALES": words.scales, "EVENT_NOUNS": words.event_nouns,
        "PEOPLE": words.people_words, "AVOIDANCE_STARTS": words.avoidance_starts,
        "OTHERS": words.others_to_control, "ZERO_WORDS": words.zero_words,
        "NAMED_PERIODS": words.named_periods, "FEELINGS": words.feelings, "GOOD_QUALITIES": words.good_qualities,
        "VAGUE": words.vague_amounts,
        **extra,
    }
    for name, fragment in slots.items():
        template = template.replace(f"<{name}>", fragment)
    return re.compile(template, re.VERBOSE)


def first(pattern: re.Pattern[str], text: str) -> str | None:
    """The first match of a pattern in the text, stripped, or None."""
    match = pattern.search(text)
    return match.group(0).strip() if match else None
