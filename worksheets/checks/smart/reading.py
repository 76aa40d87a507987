"""What a goal says: the evidence each SMART criterion is judged on, read as a person would.

The reading keeps the demand apart from context about now and from reasons (text.split_clauses),
reads numbers as numbers (numbers.py) and times as times (timing.py), and finds the action, the
setting, absolutes and impossible sizes. Phrases it keeps are the person's own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import MAX_READ_CHARS, Clauses, normalise, split_clauses
from . import numbers, timing
from .patterns import first, verbose
from .not_a_goal import not_a_goal
from .sizes import impossible
from .vocabulary import vocabulary


@dataclass
class Reading:
    """What a goal says, as evidence for each criterion."""

    raw: str  #: the goal as the person typed it (the part that is read), for quoting their words
    clauses: Clauses
    goal: str  #: the demand itself, normalised: lower case, typos repaired, without context or reasons
    measures: list[float]
    vague: list[str]
    vague_times: list[str]
    absolutes: list[str]
    impossible: str | None
    settings: list[str]
    trigger: str | None
    method: str | None  #: how: "by doing breathing exercises", "using box breathing"
    named_measure: str | None
    zero_target: str | None
    action: str | None
    action_detail: bool
    learning: bool  #: the action is something to learn ("learn to say no")
    vague_action: bool
    vague_object: str | None  #: a self-care phrase that names no watchable act: "3 brave things", "self-care"
    feelings: list[str]
    life_areas: list[str]
    recurrence: str | None
    deadline: str | None
    duration: str | None
    clock: str | None
    bound: str | None
    not_a_goal: bool  #: "idk", "?", a name alone: nothing to judge yet
    hedges: list[str]
    avoidance: str | None
    controlling: str | None
    reason_given: bool
    truncated: bool


# --- the action ---------------------------------------------------------------------------------

#: A situation that sets off the goal: "when I feel panicky", "before my shift".
TRIGGER = re.compile(r"\b(?:when|whenever|every time|each time|if|next time|as soon as|before|after)\s+"
                     r"(?:i|my|someone|people|he|she|they|we|the|a)\b[^,]*")
#: Words after which the action phrase ends: what follows qualifies it and names no amount.
_SUBORDINATE = re.compile(r"\b(?:without|instead of|even if|even though|unless|so that|because|rather than)\b")
#: Adverbs ("quickly") say how, not what; a few -ly words are times, not manners.
_ADVERB = re.compile(r"\b(?!(?:family|daily|weekly|monthly|nightly|early|fortnightly)\b)[a-z]{3,}ly\b")
_OTHERS_AFTER_VERB = verbose(r"""
    \s+(?:sure\s+)?
    (?: (?:my|his|her|our|their|the)\s+(?:[a-z-]+\s+)?<PEOPLE> | him | her | them | everyone | everybody | people )
    \s+(?:to\s+)?
""")


_GET_DONE = re.compile(r"\s+(?:my|the|a|an|our)\s+(?:[a-z0-9'-]+\s+){0,3}?(?:done|finished|sorted|booked|fixed|filed|submitted|signed|sent)\b")
#: "make a call", "make my first video call": make as in create, not "make him ...".
_MAKE_SOMETHING = re.compile(r"\s+(?:a|an|my|the|one|\d+)\s+(?:first\s+|own\s+|new\s+)?(?:[a-z-]+\s+){0,2}?"
                             r"(?:call|phone call|video call|appointment|booking|list|plan|budget|cake|meal|card|playlist|jar|box|"
                             r"complaint|claim|donation|payment|speech|toast|reservation)s?\b")
#: Asking or telling someone: the act is checkable whatever vague words the request holds.
_REQUEST_VERB = re.compile(r"(?:ask|asks|asked|asking|tell|tells|told|telling|email|emailing|text|texting|request|requesting|"
                           r"write to|writing to|speak to|talk to)$")
_TO_VERB = re.compile(r"\s+to\s+(?=[a-z])")
_LEARNING = re.compile(r"^(?:i\s+(?:want|need|will|would like)\s+to\s+)?learn\s+(?:how\s+)?to\b")
_LEARN_TO = re.compile(r"\s+(?:how\s+to\s+|to\s+|(\d+)\s+)")


def _action(goal: str) -> tuple[str | None, bool, bool]:
    """The goal's main action outside 'when ...' triggers: (phrase, pinned by a detail?, vague amount in it?).

    A goal led by a state verb ("be calm", "feel at peace", "know what to say") has no action,
    unless another verb follows it ("be brave and call my sister") or it sets someone else's
    action ("make him text me back").
    """
    words = vocabulary()
    main = words.life_area.sub(" ", words.idiom.sub(" be ", TRIGGER.sub(" ", goal)))
    # Places and events can hold verbs ("book club", "phone call"): they are details, not actions.
    main = words.multiword_setting.sub(" place ", main)
    position = 0
    while True:
        match = words.verb.search(main, position)
        if match is None:
            return None, False, False
        verb = match.group(0)
        if words.state_verb.fullmatch(verb) and not words.concrete_verb.fullmatch(verb):
            others = _OTHERS_AFTER_VERB.match(main, match.end())
            if verb.startswith(("make", "get", "have", "let", "help")) and others:
                position = others.end()
                continue
            done = _GET_DONE.match(main, match.end())
            if verb.startswith("get") and done:
                return (verb + done.group(0))[:80].strip(), True, False  # "get my taxes done": one checkable act
            outcome = words.outcome.match(main, match.end())
            if verb.startswith("get") and outcome:
                # "get a job" is checkable; "at the new Tesco" is the detail that makes it specific too.
                rest = words.filler.sub(" ", main[outcome.end():].split(",")[0])
                return (verb + main[match.end():].split(",")[0])[:80].strip(), bool(re.search(r"[a-z]{3,}|\d", rest)), False
            made = _MAKE_SOMETHING.match(main, match.end())
            if verb.startswith("mak") and made:
                return (verb + made.group(0))[:80].strip(), True, False
            wanting = _TO_VERB.match(main, match.end())
            if wanting and not verb.startswith(("learn", "be", "get", "make", "have")):
                position = wanting.end()  # "I'd like to read", "need to call": the action comes after "to"
                continue
            learning = _LEARN_TO.match(main, match.end())
            if verb.startswith("learn") and learning:
                if learning.group(1):  # "learn 50 words": the number pins it down
                    return (verb + main[match.end():]).split(",")[0][:80].strip(), True, False
                position = learning.end()
                continue
            joined = re.search(r",|\band\b|\bthen\b", main[match.end():])
            if not joined:
                return None, False, False
            position = match.end() + joined.end()
            continue
        rest = _SUBORDINATE.split(main[match.end():].split(",")[0])[0]
        vague = bool(words.vague.search(rest) or words.vague_self_care.search(verb + rest))
        if vague and _REQUEST_VERB.search(verb) and words.people.search(" ".join(rest.split()[:3])):
            vague = False  # "ask my manager for fewer shifts": asking is done or not, whatever is asked
        if re.match(r"(?:do|doing|did)$", verb) and re.match(r"\s+(?:everything|it all|all of it|things|stuff)\b(?!\s+on\s+(?:my|the)\s+)", rest):
            vague = True  # "do everything for Dad": no act you could watch
        if words.self_contained.fullmatch(verb) and not re.search(r"[a-z]{3,}|\d", words.filler.sub(" ", rest)):
            return (verb + rest)[:80].strip(), False, vague
        leftover = words.filler.sub(" ", _ADVERB.sub(" ", words.feeling.sub(" ", words.vague.sub(
            " ", numbers.NOT_A_MEASURE.sub(" ", rest)))))
        detail = bool(re.search(r"[a-z]{3,}|\d", leftover)) or bool(words.people.search(rest)) or bool(re.match(r"\s+me\b", rest))
        return (verb + rest)[:80].strip(), detail, vague


def _trigger(goal: str) -> str | None:
    """A 'when ...' situation that names a setting, a person, an action or a habit (not a life area)."""
    words = vocabulary()
    match = TRIGGER.search(goal)
    if not match:
        return None
    phrase = match.group(0)
    named = (words.setting.search(phrase) or words.people.search(re.sub(r"^\S+\s+", "", phrase))
             or words.concrete_verb.search(phrase) or words.countable.search(phrase))
    return phrase if named and not words.life_area.search(phrase) else None


_METHOD = re.compile(r"\b(?:by|using|through|with the help of)\s+([a-z-]+ing|using)\b"
                     r"(?:\s+(?!(?:when|whenever|if|and|or|before|after|until|at|for|every|each|\d)\b)[a-z-]+){0,3}")


_NAMED_METHOD = re.compile(r"\b(?:with|using|via|through)\s+(?:the|a|my)\s+(?:[a-z0-9-]+\s+){1,3}?"
                           r"(?:method|technique|app|timer|planner|tracker|worksheet|diary|log|checklist|script)\b")


def _method(goal: str) -> str | None:
    """A method the goal names: "by doing breathing exercises", "by using box breathing", "using an app"."""
    named = _NAMED_METHOD.search(goal)
    if named:
        return named.group(0)
    for match in _METHOD.finditer(goal):
        verb = match.group(1)
        if vocabulary().concrete_verb.fullmatch(verb) and re.search(r"[a-z]{3,}", goal[match.end():match.end() + 30]):
            return match.group(0)
    return None


#: "try to call" hedges; "try out for the team", "try a new class" is the action itself.
TRY_AS_ACTION = re.compile(r"\s+(?:a|an|the|out|new|some|one)\b")
_ZERO_WORD = verbose(r"\b<ZERO_WORDS>\b")
_SO_MUCH_AFTER = re.compile(r"\s*(?:\S+\s+){0,4}?(?:so much|as much|too much|so often|as often|too often|less|more)\b")
_FREE_OF = re.compile(r"\b(?:sober|(?:alcohol|smoke|drug|caffeine|sugar|nicotine|debt|gambling|vape|phone|screen|social media)[- ]free)\b")


def _zero_target(goal: str) -> str | None:
    """Quitting a countable habit: "no cigarettes", "quit vaping", "sober" (but not "drink less")."""
    words = vocabulary()
    text = words.idiom.sub(" be ", goal)
    for match in _ZERO_WORD.finditer(text):
        after = text[match.end():]
        window = " ".join(after.split()[:5])
        habit = words.countable.search(window)
        if habit and not re.match(r"\s*(?:more than|less than|fewer than)", after) \
                and not _SO_MUCH_AFTER.match(after[len(window[:habit.end()]) + 1:]):
            return (match.group(0) + " " + window[:habit.end()]).strip()
    return first(_FREE_OF, goal)


# --- absolutes ----------------------------------------------------------------------------------

_NEGATED_BEFORE = re.compile(r"(?:\bnot|n't|\bno need to|\bnever)\s+(?:\S+\s+){0,3}$")
_CONTROL_VERB_BEFORE = re.compile(r"\b(?:control|fix|do|finish|manage|handle|perfect|organi[sz]e|plan|keep|remember|complete)\b\s*$")
#: "get everything on my to-do list done": everything as the thing to get done.
_EVERYTHING_DONE = re.compile(r"\s+(?:[^,.]{0,30}?\s)?(?:done|finished|sorted|under control)\b")
#: An inner act: "not think about my ex at all" asks for zero of it.
_INNER_ACT = re.compile(r"\b(?:think|thinking|worry|worrying|overthink|overthinking|ruminate|ruminating|dwell|dwelling)\b")
_THINKING_BEFORE = re.compile(r"\b(?:think|thinking|believe|believing|assume|assuming|worry|worrying|feel|feeling)\s+(?:that\s+|like\s+)?$")
_OVER_100 = re.compile(r"\b(?:1(?:0[1-9]|[1-9]\d)|[2-9]\d\d)\s?(?:%|percent)")
_ALL_MY_THOUGHTS = verbose(r"\ball\ (?:of\ )?my\ (?:[a-z]+\ )?(?:<FEELINGS>|fears|problems)\b")
_ZERO_OF = re.compile(r"(?:\b0\s?%|\b(?:zero|no|without(?: feeling)? any|not (?:a single|one|any)))\s+([a-z-]+)(?:\s+([a-z-]+))?")
_NOT_AGAIN = re.compile(r"\b(?:not|n't|no longer)\b[^,]*\bagain\b")


def _absolutes(goal: str) -> list[str]:
    """Absolute demands in the goal, leaving out negated perfection words and 'even if ...' clauses."""
    words = vocabulary()
    found: list[str] = []
    for match in words.absolute.finditer(goal):
        word = match.group(0)
        before = goal[max(0, match.start() - 40):match.start()]
        after = goal[match.end():]
        clause_start = max(before.rfind(","), before.rfind(" but "))
        local = before[clause_start + 1:] if clause_start >= 0 else before
        if re.search(r"\beven (?:if|though|when)\b", local):
            continue
        if words.perfection.fullmatch(word) and _NEGATED_BEFORE.search(before):
            continue
        if word == "all the time" and re.search(r"\b(?:stop|quit|less|not)\b", local):
            continue
        if word == "ever" and re.match(r"\s+(?:since|before|after)\b", after):
            continue
        if word == "everything" and not _CONTROL_VERB_BEFORE.search(before) and not _EVERYTHING_DONE.match(after) \
                and not re.match(r"\s+(?:is|goes|to be)\s+(?:perfect|right)", after):
            continue
        if word == "a single" and not (re.search(r"\b(?:not|no|without|never)\b", local)
                                       and words.feeling.search(" ".join(after.split()[:2]))):
            continue
        if word in {"exactly", "get rid of"}:
            continue
        if word in {"the whole family", "whole family", "the whole team", "everyone", "everybody"} \
                and re.search(r"\b(?:for|with|to|and)\s+$", before) and not _CONTROL_VERB_BEFORE.search(before):
            continue  # "cook for the whole family", "dinner with everyone": who it is with, not who to control
        if word in {"everyone", "everybody", "no one", "nobody", "noone"} and _THINKING_BEFORE.search(before):
            continue  # what I think about everyone, not everyone as something to control
        found.append(word)
    found += _OVER_100.findall(goal)
    found += _ALL_MY_THOUGHTS.findall(goal)
    # A zero applied to a feeling ("zero anxiety", "no pain at all", "without any fear").
    for match in _ZERO_OF.finditer(goal):
        if any(word and words.feeling.fullmatch(word) for word in match.groups()):
            found.append(match.group(0))
    if re.search(r"\bat all\b", goal) and (words.feeling.search(goal) or _INNER_ACT.search(goal)):
        found.append("at all")
    again = _NOT_AGAIN.search(goal)  # "not ... again" is "never again"
    if again:
        found.append(again.group(0))
    return list(dict.fromkeys(found))


# --- beyond the four letters ---------------------------------------------------------------------

_AVOIDANCE = verbose(r"^(?:i\ want\ to\s+|i\ will\s+|i'll\s+)?<AVOIDANCE_STARTS>\b(?!\s+more\ than)\s*(.*)")
_CONTROLLING = verbose(r"""
    \b(?:make|get|have|keep)\s+(?:sure\s+)?
    (?:<OTHERS>|my\s+(?:[a-z-]+\s+)?<PEOPLE>s?|the\s+whole\s+[a-z]+)\s+(?:to\s+)?[a-z0-9]+
""")


def read_goal(goal: str, why: str = "") -> Reading:
    """Collect the evidence the criteria are judged on."""
    words = vocabulary()
    raw = goal if isinstance(goal, str) else str(goal)
    truncated = len(raw) > MAX_READ_CHARS
    text = normalise(raw[:MAX_READ_CHARS])
    clauses = split_clauses(text)
    main = clauses.goal
    numeric = numbers.numbers_as_digits(main)
    timed = numbers.numbers_as_digits(main + " , " + clauses.reason)
    action, detail, vague_action = _action(numeric)
    measures = numbers.measures(numeric)
    why_text = (why or "").strip()
    reading = Reading(
        raw=raw[:MAX_READ_CHARS],
        clauses=clauses,
        goal=main,
        measures=measures,
        vague=words.vague.findall(main),
        vague_times=words.vague_time.findall(text),
        absolutes=_absolutes(main),
        impossible=impossible(numeric),
        settings=[s for s in words.setting.findall(main) if not words.life_area.search(s)],
        trigger=_trigger(main),
        method=_method(numeric),
        named_measure=(numbers.named_measure(numeric) if measures or "inbox" in numeric else None) or first(numbers.GRADE, numeric),
        zero_target=_zero_target(numeric),
        action=action,
        action_detail=detail,
        learning=bool(_LEARNING.match(main)),
        vague_action=vague_action,
        vague_object=first(words.vague_self_care, action or main),
        feelings=words.feeling.findall(main),
        life_areas=words.life_area.findall(main),
        recurrence=timing.recurrence(timed),
        deadline=timing.deadline(timed),
        duration=first(numbers.DURATION, numeric),
        clock=first(numbers.CLOCK, numeric),
        bound=first(numbers.BOUND, numeric),
        not_a_goal=not_a_goal(raw[:MAX_READ_CHARS], text),
        hedges=[m.group(0) for m in words.hedge.finditer(main) if not TRY_AS_ACTION.match(main, m.end())
                or not m.group(0).startswith("try")],
        avoidance=None,
        controlling=None,
        reason_given=bool(re.search(r"[^\W\d_]{2,}", why_text)) or bool(clauses.reason.strip()) or bool(words.relevance.search(text)),
        truncated=truncated,
    )
    if numbers.SCALE.search(numeric) and measures:
        reading.named_measure = reading.named_measure or first(numbers.SCALE, numeric)
    avoid = _AVOIDANCE.match(main)
    if avoid and not reading.zero_target and not re.match(r"^say no\b", main):
        reading.avoidance = avoid.group(0)
    control = _CONTROLLING.search(main)
    if control:
        reading.controlling = control.group(0)
    return reading
