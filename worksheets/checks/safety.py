"""Safety screen: text that must get support instead of coaching (../shared/safety-rules.md).

Every check runs `screen` first on every text it reads. A text is read as a person would read
it: lower case, typos, leetspeak ("k1ll"), spaced or dotted letters ("k.m.s"), slang ("sh",
"unalive", "ctb"), emoji, and Spanish, French, German, Portuguese and Italian phrases. Goals to
stop or reduce a harmful behaviour are still flagged. The phrase patterns live in
safety_lexicon.json; this module only reads text, matches them and words the answer. A text no
pattern names is read once more by a small model (safety_model.py), for wording nobody listed.

Standard library only: the same file runs in CPython and in Pyodide.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_right
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from . import safety_model
from .alternation import Alternation, known_literals, whole_words

KINDS = ("crisis", "eating", "substance", "harm-to-others", "being-harmed")

#: One short, warm message per kind. None repeats the person's words; each points to a person.
MESSAGES = {
    "crisis": (
        "Thank you for writing this down. It sounds like things may be very hard right now, and you "
        "deserve support. You can talk to someone today on one of the lines below, and a safety plan "
        "can help you through the hardest moments. Please bring this to a therapist or doctor too."
    ),
    "eating": (
        "This touches on eating and your body, which is hard to work on alone and can affect your "
        "health. It is a goal to shape with a therapist or doctor, who can help you do it safely. "
        "The lines below can help too."
    ),
    "substance": (
        "This involves drinking or drugs in a way that could be risky for your health, and changing "
        "it alone can be risky too. Please bring this goal to a doctor or therapist, who can help you "
        "make a safe plan. The lines below can help too."
    ),
    "harm-to-others": (
        "Wanting to change how you act when things get heated takes courage. This is something to "
        "work on with a therapist or doctor, who can help you keep everyone safe, you included. "
        "The lines below are for people who worry about their own behaviour."
    ),
    "being-harmed": (
        "It sounds like you may not be safe with someone in your life. That is not your fault, and "
        "you deserve to be safe. Please bring this to a therapist or doctor you trust; the lines below "
        "can also talk it through in confidence. If you are in danger now, call your local emergency number."
    ),
}

#: For an entry the model leans towards reading as harmful without being sure (safety_model.UNSURE):
#: no verdict and no rewrite, since grading harm is worse than grading nothing, and a person to talk to.
UNSURE_MESSAGE = (
    "The checker gives no verdict on this one: it could not tell for sure what you mean, and it would "
    "rather not guess. Your words are kept as you wrote them, and they are worth talking through with "
    "your therapist. If any of this is about hurting yourself or someone else, or about someone hurting "
    "you, you can talk to someone today:"
)

#: For an entry written mostly in an alphabet the checker does not read (Cyrillic, Greek, Arabic,
#: Chinese, Korean...): its verdicts would be guesses, and harm in those words would go unseen.
UNREAD_SCRIPT_MESSAGE = (
    "The checker cannot read this alphabet yet, so it gives no verdict on this one rather than guess. "
    "Your words are kept as you wrote them, and they are worth talking through with your therapist. "
    "If any of this is about hurting yourself or someone else, or about someone hurting you, you can "
    "talk to someone today:"
)

#: Goal suggestion used when the SMART check's own rewrite would repeat a harm-lexicon word.
NEUTRAL_SUGGESTION = "I will choose one small step toward this and take it on 3 days this week."

#: Only this much of a text is screened; far longer than any worksheet answer.
MAX_SCREEN_CHARS = 20_000


@cache
def lexicon() -> dict[str, Any]:
    """The safety word lists and phrase patterns (safety_lexicon.json)."""
    return json.loads((Path(__file__).parent / "safety_lexicon.json").read_text(encoding="utf-8"))


def _expand(pattern: str, macros: dict[str, str]) -> str:
    """Replace each {name} by its macro, macros inside macros included."""
    for _ in range(4):
        expanded = re.sub(r"\{([a-z0-9]+)\}", lambda m: macros.get(m.group(1), m.group(0)), pattern)
        if expanded == pattern:
            break
        pattern = expanded
    return pattern


@cache
def _patterns() -> tuple[Alternation, list[tuple[str, Alternation]]]:
    """The benign mask and, in priority order, one alternation per kind with a named group per rule."""
    words, literals = lexicon(), known_literals()
    macros = words["macros"]
    benign = [(rule, _expand(p, macros)) for rule, patterns in words["benign"].items() for p in patterns]
    kinds = [(kind, Alternation([(rule, _expand(p, macros)) for rule, patterns in words["kinds"][kind].items()
                                 for p in patterns], literals))
             for kind in words["priority"]]
    return Alternation(benign, literals), kinds


# --- reading the text as a person would -----------------------------------------------------

_QUOTES = str.maketrans({"‘": "'", "’": "'", "ʼ": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"',
                         "ı": "i", "ł": "l", "«": '"', "»": '"', "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "\u00a0": " "})
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufe0e\ufe0f\ufeff]")
#: Look-alike digits and symbols inside a word ("k1ll", "d1e", "$uicide", "unal!ve").
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i", "|": "l"})
_LEET_WORD = re.compile(r"""
    (?<![\w@$!|])
    (?=[\w@$!|]*[a-z])          # at least one letter ...
    (?=[\w@$!|]*[013457@$!|])   # ... and at least one look-alike
    [\w@$!|]+[a-z]              # ending in a letter, so "u!" stays a word and a sentence end
    (?![\w@$!|])
""", re.VERBOSE)
#: Numbers with a unit or ordinal are not leetspeak ("5km", "2nd", "4pm", "3x").
_NUMBER_WITH_UNIT = re.compile(r"^\d+(?:[.,]\d+)?(?:st|nd|rd|th|am|pm|k|km|kms|kg|kgs|lb|lbs|x|s|h|hr|hrs|min|mins|cal|kcal|cals|ml|cl|l|ltr|mg|oz|g|m|mi|yo|ish)$")
#: Single letters joined by dots, dashes, slashes or stars ("k.m.s", "o.d.", "s/h", "s-h").
_SPELLED_OUT = re.compile(r"""
    (?<![a-z0-9])
    (?P<letters>[a-z](?:[./*_\-][a-z]){1,12})
    [./*_\-]?
    (?![a-z0-9])
""", re.VERBOSE)
_BINGE_PURGE = re.compile(r"\bb\s?[/&+]\s?p\b")
_REPEATS = re.compile(r"([a-z])\1{2,}")
_PUNCTUATION = re.compile(r"[.!?;:,()\[\]{}\"\n\r\t]+")
_OTHER = re.compile(r"[^a-z0-9' ,*]+")
_STRAY_APOSTROPHE = re.compile(r"(?<![a-z])'|'(?![a-z])")
_SPACES = re.compile(r" {2,}")
#: Contractions typed without the apostrophe ("dont", "wont", "im").
_CONTRACTIONS = {"dont": "don't", "wont": "won't", "cant": "can't", "im": "i'm", "ive": "i've", "didnt": "didn't",
                 "doesnt": "doesn't", "isnt": "isn't", "wouldnt": "wouldn't", "shouldnt": "shouldn't",
                 "couldnt": "couldn't", "aint": "ain't", "youre": "you're", "theyre": "they're", "itll": "it'll",
                 "hes": "he's", "shes": "she's", "thats": "that's", "whats": "what's", "wasnt": "wasn't",
                 "werent": "weren't", "havent": "haven't", "hasnt": "hasn't",
                 # Texting shorthand.
                 "w": "with", "wo": "without", "bc": "because", "cuz": "because", "coz": "because", "ppl": "people",
                 "thru": "through", "tho": "though", "u": "you", "ur": "your", "rn": "right now", "n": "and",
                 "bday": "birthday", "b4": "before", "pls": "please", "abt": "about", "smth": "something"}
_REPEATED_WORD = re.compile(r"\b([a-z']+)(?: \1\b){2,}")
_SINGLE_LETTER_RUN = re.compile(r"(?<![a-z0-9'])(?:[a-z] ){2,}[a-z](?![a-z0-9'])")


@cache
def _emoji() -> tuple[tuple[str, str], ...]:
    table = {**lexicon()["emoji"]}
    return tuple(sorted(table.items(), key=lambda item: -len(item[0])))


@cache
def _known_words() -> frozenset[str]:
    """Words that are never repaired toward a harm word: every word the lexicons use, and known neighbours."""
    words: set[str] = set(lexicon()["not_fuzzy"])
    general = json.loads((Path(__file__).parent / "lexicon.json").read_text(encoding="utf-8"))

    def walk(value: Any) -> None:
        if isinstance(value, str):
            words.update(re.findall(r"[a-z]+", value.lower()))
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)

    walk(general)
    return frozenset(words - set(lexicon()["fuzzy_words"]))


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


@cache
def _fuzzy_index() -> dict[str, str]:
    """Symmetric-deletion index: a word and its one-letter deletions -> the harm word (one edit away)."""
    index: dict[str, str] = {}
    for word in lexicon()["fuzzy_words"]:
        for key in {word} | _deletions(word):
            index.setdefault(key, word)
    return index


@lru_cache(maxsize=8192)
def _repair(token: str) -> str:
    """A misspelling one edit away from a harm word becomes that word ('suicde' -> 'suicide')."""
    if len(token) < 5 or token in _known_words() or not token.isalpha():
        if "*" in token:
            return _unmask(token)
        return token
    index = _fuzzy_index()
    if token in index and not index[token].startswith(token):
        return index[token]
    for key in _deletions(token):
        word = index.get(key)
        # An inflection ("suicides", "overdoses") is a word of its own, not a typo.
        if word and abs(len(word) - len(token)) <= 1 and not (token.startswith(word) or word.startswith(token)):
            return word
    return token


def _unmask(token: str) -> str:
    """A word with letters starred out ('s*icide', 'k*ll') is read as the harm word it fits, if any."""
    shape = re.compile(re.escape(token).replace(r"\*", "[a-z]"))
    for word in lexicon()["fuzzy_words"] + ["kill", "myself", "die", "dead", "self", "cut", "cutting", "purge", "binge"]:
        if shape.fullmatch(word):
            return word
    return token.replace("*", "")


def normalise(text: str) -> str:
    """The text as the patterns read it: plain lower-case words separated by single spaces, ' , ' for punctuation."""
    text = unicodedata.normalize("NFKC", text[:MAX_SCREEN_CHARS])
    for emoji, meaning in _emoji():
        if emoji in text:
            text = text.replace(emoji, meaning)
    text = _INVISIBLE.sub("", text.translate(_QUOTES)).casefold()
    # Accents off, so "no quiero vivir" and "no quiero vívir", "hausliche" and "häusliche" read the same.
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = _BINGE_PURGE.sub(" binge purge ", text)
    text = _LEET_WORD.sub(lambda m: m.group(0) if _NUMBER_WITH_UNIT.match(m.group(0)) else m.group(0).translate(_LEET), text)
    text = _SPELLED_OUT.sub(lambda m: re.sub(r"[./*_\-]", "", m.group("letters")), text)
    text = _REPEATS.sub(r"\1\1", text)
    text = _PUNCTUATION.sub(" , ", text)
    text = _OTHER.sub(" ", text)
    text = _STRAY_APOSTROPHE.sub(" ", text)
    text = _SINGLE_LETTER_RUN.sub(lambda m: m.group(0).replace(" ", ""), text)
    words = [_CONTRACTIONS.get(word, word) for word in map(_repair, text.split())]
    text = " ".join(words)
    # Doubled letters that were stretched for emphasis ("diie", "kiill") read as the plain word too.
    text = re.sub(r"\b(?:d(ii)e|k(ii)ll|mee)\b", lambda m: m.group(0).replace("ii", "i").replace("mee", "me"), text)
    # A word said over and over ("pills pills pills ...") means no more than said twice, and reads faster.
    text = _REPEATED_WORD.sub(r"\1 \1", _SPACES.sub(" ", text).strip())
    return text[:2 * MAX_SCREEN_CHARS]


# --- the screen -------------------------------------------------------------------------------

_CALORIES = re.compile(r"""
    (?<![a-z0-9])
    (?P<context>eat|eating|intake|consume|consuming|have|having|stay|staying|keep|keeping|limit|only|under|below|
        less\ than|no\ more\ than|max|maximum|to|live\ on|living\ on|just|around|about|als|de|que)
    \ (?:[a-z]+\ ){0,2}?
    (?P<amount>\d{2,4})\ ?(?:cal|cals|calories|kcal|kcals|calorie|kalorien|calorias)
    (?![a-z0-9])
""", re.VERBOSE)
_WEIGHT_LOSS = re.compile(r"""
    (?<![a-z0-9])
    (?:lose|drop|losing|dropping|shed|lost|sweat\ off|cut)\ (?P<amount>\d+(?:[.,]\d+)?)\ ?(?P<unit>kg|kgs|kilos?|lbs?|pounds|stone)
    \ (?:[a-z]+\ ){0,3}?
    (?:in|within|by|over|under)\ (?:the\ next\ |a\ |one\ )?(?P<span>\d+(?:[.,]\d+)?)?\ ?(?P<period>days?|weeks?|months?)
    (?![a-z0-9])
""", re.VERBOSE)
#: Drinks a day (or a night, a session) or a week: "a week" reads "1 week" by the time this runs.
_DRINKS_PER = re.compile(r"""
    (?<![a-z0-9])
    (?P<count>\d{1,3})\ (?:[a-z]+\ )?(?:beers|pints|drinks|shots|units|ciders|(?:cans|glasses|bottles)(?=\ of\ (?:wine|beer|cider|vodka|gin|rum|whisky|whiskey|lager|prosecco|champagne|spirits|alcohol)))
    \ (?:of\ (?:wine|beer|cider|vodka|gin|rum|whisky|whiskey|lager|prosecco|champagne|spirits|alcohol)\ )?(?:a|1|per|each|every|in\ (?:a|1|one))\ (?P<period>day|night|evening|session|sitting|go|week)
    (?![a-z0-9])
""", re.VERBOSE)
#: Ten or more drinks at a time, whatever the period, unless it is a week's or a month's total.
_DRINKS = re.compile(r"""
    (?<![a-z0-9])
    (?P<count>\d{2,3})\ (?:[a-z]+\ )?(?:beers|pints|drinks|cans|shots|glasses\ of\ wine|ciders)
    (?!\ (?:a|per|each|every|this|in\ a|over\ a|that)\ (?:week|month|fortnight|year))
    (?![a-z0-9])
""", re.VERBOSE)
_FAST_HOURS = re.compile(r"(?<![a-z0-9])(?P<hours>\d{2,3}) ?(?:hour|hr|h) (?:water |dry )?fasts?(?![a-z0-9])")
_NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
                 "nine": "9", "ten": "10", "twelve": "12", "fifteen": "15", "twenty": "20", "a": "1", "an": "1"}


def _numeric(text: str) -> str:
    return re.sub(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\b",
                  lambda m: _NUMBER_WORDS[m.group(0)], text)


def _amounts_kind(text: str) -> str | None:
    """Kinds that depend on a number: a very low calorie target, very fast weight loss, many drinks a
    day or a week; "ordinary" when the text names such an amount (a week's total aside) and none is
    risky (the model, blind to numbers, then leaves those kinds to them)."""
    numeric = re.sub(r"\b(?:a|one) fortnight\b", "2 weeks", _numeric(text))
    numeric = re.sub(r"\ban? (?=stone|kilo|week|month)", "1 ", numeric)
    named = False  # an amount was read, risky or not
    for match in _CALORIES.finditer(numeric):
        named = True
        before = numeric[max(0, match.start() - 14):match.start()]
        if int(match.group("amount")) <= 1000 and not re.search(r"burn|queimar|quemar|verbrennen|bruler", before):
            return "eating"
    for match in _WEIGHT_LOSS.finditer(numeric):
        named = True
        amount = float(match.group("amount").replace(",", "."))
        kilos = amount * {"k": 1.0, "l": 0.4536, "p": 0.4536, "s": 6.35}[match.group("unit")[0]]
        span = float((match.group("span") or "1").replace(",", "."))
        weeks = span * {"d": 1 / 7, "w": 1.0, "m": 4.35}[match.group("period")[0]]
        if weeks > 0 and kilos / weeks > 1.0:
            return "eating"
    for match in _FAST_HOURS.finditer(numeric):
        named = True
        if int(match.group("hours")) >= 36:
            return "eating"
    for match in _DRINKS_PER.finditer(numeric):
        count = int(match.group("count"))
        if match.group("period") == "week":
            # The UK's low-risk limit is 14 units a week; its "higher risk" starts at 35 for women (50 for
            # men). A modest week is not "ordinary": that would silence the model on "3 drinks a week, with
            # my sleeping pills", which no pattern names.
            if count >= 35:
                return "substance"
            continue
        named = True
        if count >= 8:
            return "substance"
    for match in _DRINKS.finditer(numeric):
        named = True
        if int(match.group("count")) >= 10:
            return "substance"
    return "ordinary" if named else None


@cache
def _concepts() -> tuple[Alternation, dict[str, Alternation], dict[str, dict[str, list[str]]]]:
    """The concept layer: its exclusion mask, one alternation per family, and per kind the rules combining families."""
    concepts, macros, literals = lexicon()["concepts"], lexicon()["macros"], known_literals()
    exclusions = Alternation([(rule, _expand(p, macros)) for rule, patterns in concepts["exclusions"].items()
                              for p in patterns], literals)
    families = {name: Alternation([(name, _expand(p, macros)) for p in patterns], literals)
                for name, patterns in concepts["families"].items()}
    return exclusions, families, concepts["rules"]


def alternation_patterns() -> list[str]:
    """Every pattern the screen compiles per text (for literals.json)."""
    benign, kinds = _patterns()
    exclusions, families, _ = _concepts()
    groups = [benign, exclusions, *(alternation for _, alternation in kinds), *families.values()]
    return [pattern for group in groups for _, pattern in group.alternatives]


_CLAUSE = re.compile(r" , | but | because | so that | and then ")


class _Concepts:
    """One text read by the concept layer: the clauses in which each family occurs, found once."""

    def __init__(self, text: str) -> None:
        exclusions, self.families, self.rules = _concepts()
        self.text = exclusions.sub(" ~ ", text)
        self.bounds = [0] + [m.end() for m in _CLAUSE.finditer(self.text)]
        self.seen: dict[str, set[int]] = {}

    def clauses(self, family: str) -> set[int]:
        if family not in self.seen:
            self.seen[family] = {bisect_right(self.bounds, match.start()) - 1
                                 for match, _ in self.families[family].finditer(self.text)}
        return self.seen[family]

    def rule(self, kind: str) -> str | None:
        """The first rule of this kind whose families all occur in one clause (or one text), if any."""
        for rule, needed in self.rules.get(kind + " in one text", {}).items():
            if all(self.clauses(family) for family in needed):
                return "concept_" + rule
        for rule, needed in self.rules.get(kind, {}).items():
            common = self.clauses(needed[0])
            for family in needed[1:]:
                if not common:
                    break
                common = common & self.clauses(family)
            if common:
                return "concept_" + rule
        return None


def model_input(text: str) -> str:
    """What the model reads (and was trained on): the normalised text, harmless phrases masked."""
    return _patterns()[0].sub(" ~ ", text)


#: What `_find` answers, with `unsure`, for a text the model leans towards reading as harmful.
UNSURE = "unsure"


def _find(text: str, read_meaning: bool = True, unsure: bool = False) -> tuple[str, str] | None:
    """(kind, rule) of the first kind in priority order whose patterns match the normalised text;
    when none does and `read_meaning`, the model's kind (rule "model"), if it finds one, and with
    `unsure` (UNSURE, "model") when the model leans towards harm without being sure. With
    `read_meaning`, a kind other than crisis becomes crisis when the model finds crisis likely enough
    (safety_model.CRISIS_FIRST; rule "crisis first")."""
    masked = model_input(text)
    amounts = _amounts_kind(masked)
    found = _named(masked, amounts)
    if not read_meaning or (found and found[0] == "crisis"):
        return found
    # No pattern names it, or names a less urgent kind: the model reads the whole text, for wording
    # nobody listed. An amount that is not risky leaves the eating and substance kinds to the numbers.
    model = safety_model.reading(masked, numbers_decide=amounts == "ordinary")
    if found is None and model.kind:
        found = model.kind, "model"
    if found is None:
        return (UNSURE, "model") if unsure and model.leans else None
    return ("crisis", "crisis first") if found[0] != "crisis" and model.crisis_likely else found


def _named(masked: str, amounts: str | None) -> tuple[str, str] | None:
    """(kind, rule) of the first kind whose patterns, concepts or amounts (`_amounts_kind`) match the
    masked text."""
    _, kinds = _patterns()
    concepts = _Concepts(masked)
    for kind, alternation in kinds:
        found = alternation.search(masked)
        if found:
            return kind, found[1]
        rule = concepts.rule(kind)
        if rule:
            return kind, rule
        if amounts == kind:
            return kind, "amounts"
    return None


def explain(text: Any) -> tuple[str, str] | None:
    """(kind, rule name) that flags a text, or None: for tests and tuning, never shown to people."""
    if not isinstance(text, str) or not text.strip():
        return None
    return _find(normalise(text))


def screen(text: Any) -> dict[str, str] | None:
    """`{"kind", "message"}` when the text needs support instead of coaching, else None."""
    found = explain(text)
    return {"kind": found[0], "message": MESSAGES[found[0]]} if found else None


def screen_all(*texts: Any) -> dict[str, str] | None:
    """The screen over several texts of one entry (a goal and its why): the most urgent kind wins."""
    return assess(*texts)[0]


def assess(*texts: Any) -> tuple[dict[str, str] | None, dict[str, str] | None]:
    """(flag, unsure) for the texts of one entry that a check would grade. `flag` is the screen's
    (the most urgent kind wins); when nothing is flagged, `unsure` is `{"message"}` if the model
    leans towards harm on any text, else None: such an entry gets support instead of a verdict too."""
    found = [_find(normalise(text), unsure=True) for text in texts if isinstance(text, str) and text.strip()]
    kinds = [kind for kind, _ in filter(None, found) if kind != UNSURE]
    if kinds:
        order = lexicon()["priority"]
        kind = min(kinds, key=order.index)
        return {"kind": kind, "message": MESSAGES[kind]}, None
    if any(in_an_unread_script(text) for text in texts):
        return None, {"message": UNREAD_SCRIPT_MESSAGE}
    return None, ({"message": UNSURE_MESSAGE} if any(found) else None)


def in_an_unread_script(text: Any) -> bool:
    """Whether fewer than a third of a text's letters (at least two) are in the Latin alphabet, the
    only one the checker reads (RULES.md). A third, not a half: a word of Chinese is one or two
    letters where English takes five, and a goal given in English and another alphabet is read."""
    if not isinstance(text, str) or text.isascii():  # most entries: every letter is Latin
        return False
    letters = [char for char in text[:MAX_SCREEN_CHARS] if char.isalpha()]
    latin = sum(1 for char in letters if unicodedata.name(char, "").startswith("LATIN "))
    return len(letters) >= 2 and latin * 3 < len(letters)


def check_text(text: Any = "", **_ignored: Any) -> dict[str, Any]:
    """The screen alone, for any free-text field (api name "safety"): `{crisis, safety}`."""
    flag = screen(text)
    return {"crisis": bool(flag and flag["kind"] == "crisis"), "safety": flag}


# --- what the other checks return for a flagged text ----------------------------------------

def flagged_goal_result(flag: dict[str, str] | None, criteria: tuple[str, ...],
                        unsure: dict[str, str] | None = None) -> dict[str, Any]:
    """The SMART check's answer for a flagged goal, or one the model is unsure of: no verdict, no
    rewrite, no prompt."""
    result: dict[str, Any] = {name: {"met": None, "feedback": ""} for name in criteria}
    result.update(suggestion=None, crisis=bool(flag and flag["kind"] == "crisis"), prompts=[], safety=flag, unsure=unsure)
    return result


def flagged_step_result(flag: dict[str, str] | None, unsure: dict[str, str] | None = None) -> dict[str, Any]:
    """The step check's answer for a flagged step, or one the model is unsure of."""
    return {"realistic": {"met": None, "feedback": ""}, "time_frame": {"met": None, "feedback": ""},
            "crisis": bool(flag and flag["kind"] == "crisis"), "prompts": [], "safety": flag, "unsure": unsure}


@cache
def _harm_terms() -> re.Pattern[str]:
    terms = sorted(lexicon()["harm_terms"], key=len, reverse=True)
    return re.compile(whole_words([re.escape(term) for term in terms]))


def harm_terms_in(text: Any) -> list[str]:
    """Harm-lexicon words in a text (after the screen's normalisation), for the rewrite guard."""
    if not isinstance(text, str) or not text:
        return []
    return _harm_terms().findall(normalise(text))


def guard_rewrites(result: dict[str, Any]) -> dict[str, Any]:
    """Never suggest a rewrite that repeats a harm-lexicon word, in the suggestion or inside feedback."""
    rewrite = result.get("suggestion")
    # The patterns only: the goal itself was read by the model too, and a rewrite is the checker's words.
    if isinstance(rewrite, str) and rewrite and (harm_terms_in(rewrite) or _find(normalise(rewrite), read_meaning=False)):
        for value in result.values():
            if isinstance(value, dict) and isinstance(value.get("feedback"), str):
                value["feedback"] = value["feedback"].replace(rewrite, NEUTRAL_SUGGESTION)
        result["suggestion"] = NEUTRAL_SUGGESTION
    return result
