"""The words the SMART check knows, compiled once from lexicon.json.

Every word list lives in lexicon.json (data a reviewer can read without reading code) and is
read here; regexes elsewhere take their lists from `vocabulary()` and never spell one out again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..phrases import Phrases
from ..text import lexicon, phrase_pattern


def alternation(words: list[str] | tuple[str, ...], plural: bool = False) -> str:
    """A non-capturing group matching any of the words (longest first), optionally with a plural s/es."""
    group = "(?:" + "|".join(sorted({re.escape(w) for w in words}, key=len, reverse=True)) + ")"
    return group + "(?:e?s)?" if plural else group


def verb_forms(verbs: list[str]) -> list[str]:
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


def plurals(nouns: list[str]) -> list[str]:
    """Each noun phrase and its plural: party -> parties, class -> classes, job interview -> job interviews."""
    forms = list(nouns)
    for noun in nouns:
        if noun.endswith("y") and not noun.endswith(("ay", "ey", "oy", "uy")):
            forms.append(noun[:-1] + "ies")
        elif noun.endswith(("s", "x", "ch", "sh")):
            forms.append(noun + "es")
        else:
            forms.append(noun + "s")
    return forms


@dataclass(frozen=True)
class Vocabulary:
    """Each lexicon list as the regex (or regex fragment) the check reads goals with."""

    # Phrase patterns: any phrase of the list, as whole words.
    number_words: Phrases
    vague: Phrases
    vague_time: Phrases
    absolute: Phrases
    perfection: Phrases
    feeling: Phrases
    benign_direction: Phrases
    setting: Phrases
    multiword_setting: Phrases
    life_area: Phrases
    people: Phrases
    concrete_verb: Phrases
    state_verb: Phrases
    self_contained: Phrases
    verb: Phrases
    vague_self_care: Phrases
    countable: Phrases
    recurrence: Phrases
    holiday: Phrases
    deadline_word: Phrases
    hedge: Phrases
    relevance: Phrases
    idiom: Phrases
    filler: Phrases
    chatter: Phrases
    not_a_goal: Phrases
    outcome: re.Pattern[str]  #: "a job", "my licence": a thing you either get or not
    how_things_are: Phrases  #: "feeling flat", "lots going on": the present, no aim
    # Fragments to build larger regexes from: "(?:monday|tuesday|...)".
    months: str
    weekdays: str
    seasons: str
    time_units: str
    period_units: str
    measure_units: str
    scales: str
    event_nouns: str
    people_words: str
    avoidance_starts: str
    others_to_control: str
    zero_words: str
    named_periods: str
    feelings: str
    good_qualities: str
    vague_amounts: str


@cache
def vocabulary() -> Vocabulary:
    words = lexicon()
    return Vocabulary(
        number_words=phrase_pattern(list(words["number_words"])),
        vague=phrase_pattern(words["vague_amounts"]),
        vague_time=phrase_pattern(words["vague_times"]),
        absolute=phrase_pattern(words["absolutes"]),
        perfection=phrase_pattern(words["perfection_words"]),
        feeling=phrase_pattern(words["feelings"]),
        benign_direction=phrase_pattern(words["good_qualities"]),
        setting=phrase_pattern(plurals(words["settings"])),
        multiword_setting=phrase_pattern([s for s in words["settings"] if " " in s]),
        life_area=phrase_pattern(words["life_areas"]),
        people=phrase_pattern(words["people"]),
        concrete_verb=phrase_pattern(verb_forms(words["concrete_verbs"])),
        state_verb=phrase_pattern(verb_forms(words["state_verbs"])),
        self_contained=phrase_pattern(verb_forms(words["self_contained_actions"])),
        verb=phrase_pattern(verb_forms(words["concrete_verbs"] + words["state_verbs"] + words["self_contained_actions"])),
        vague_self_care=phrase_pattern(words["vague_self_care"]),
        countable=phrase_pattern(words["countable_habits"]),
        recurrence=phrase_pattern(words["recurrence_words"]),
        holiday=phrase_pattern(words["holidays"]),
        deadline_word=phrase_pattern(words["deadline_words"]),
        hedge=phrase_pattern(words["hedges"]),
        relevance=phrase_pattern(words["reason_markers"] + words["relevance_phrases"]),
        idiom=phrase_pattern(words["idioms"]),
        filler=phrase_pattern(words["filler_words"]),
        chatter=phrase_pattern(words["chatter"]),
        not_a_goal=phrase_pattern(words["not_a_goal_phrases"]),
        how_things_are=phrase_pattern(words["how_things_are"]),
        outcome=re.compile(r"\s+(?:a|an|my|the|our)\s+(?:new\s+|first\s+|part[- ]time\s+|full[- ]time\s+|proper\s+)?"
                           + alternation(words["outcomes"]) + r"\b"),
        months=alternation(words["months"]),
        weekdays=alternation(words["weekdays"]),
        seasons=alternation(words["seasons"]),
        time_units=alternation(words["time_units"], plural=True),
        period_units=alternation(words["period_units"], plural=True),
        measure_units=alternation(words["measure_units"], plural=True),
        scales=alternation(words["scales"]),
        event_nouns=alternation(words["event_nouns"]),
        people_words=alternation(words["people"]),
        avoidance_starts=alternation(words["avoidance_starts"]),
        others_to_control=alternation(words["others_to_control"]),
        zero_words=alternation(words["zero_target_words"]),
        named_periods=alternation(words["named_periods"]),
        feelings=alternation(words["feelings"]),
        good_qualities=alternation(words["good_qualities"]),
        vague_amounts=alternation(words["vague_amounts"]),
    )
