"""Text that is not a goal yet: "idk", "?", "n/a", a name alone, keyboard mash, a web address,
"what am I supposed to write", "my therapist told me to fill this in". Nothing is judged; the
person gets one kind place to start instead.
"""

from __future__ import annotations

import re

from .patterns import verbose
from .vocabulary import vocabulary

_URL = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_ASKING_WHAT_TO_WRITE = re.compile(r"""
    ^(?:wait\s+|so\s+|um+\s+|idk\s+)?
    (?:what|how)\s+(?:am\s+i|do\s+i|should\s+i|is\s+this|are\s+we)\s+(?:supposed\s+to\s+|meant\s+to\s+)?
    (?:write|put|say|do|fill\s+in|for)\b
""", re.VERBOSE)
_TOLD_TO_FILL_IN = verbose(r"""
    ^(?:idk\s+|so\s+)?(?:my\s+)?(?:<PEOPLE>|counsell?or|psychologist|gp|school)
    \s+(?:said|says|say|told\s+me|tells\s+me|made\s+me|makes\s+me|wants\s+me|asked\s+me)
    \s+(?:i\s+(?:have|had|need)\s+to\s+|to\s+)?(?:do|fill|write|complete)\b
""")
#: "I do not understand what I am meant to write in this box", "je sais pas quoi mettre",
#: "abeg I no know wetin to write for here": not knowing what to write, in any wording.
_NOT_KNOWING_WHAT_TO_WRITE = re.compile(r"""
    ^(?:abeg\s+|so\s+|um+\s+)?
    (?:i\s+(?:do\s+not|don't|dont|no)\s+(?:understand|know|get)|no\s+s[ée]|je\s+(?:ne\s+)?sais\s+pas|n[ãa]o\s+sei|idk
       |dunno|(?:i'?m\s+|im\s+)?not\s+sure|(?:i\s+have\s+)?no\s+(?:idea|clue))
    \s+(?:what|wetin|qu[ée]|quoi|o\s+que)\s+(?:i\s+am\s+|i'm\s+|im\s+)?(?:(?:meant|supposed)\s+)?(?:to\s+)?
    (?:write|put|poner|escribir|mettre|[ée]crire|escrever|colocar)\b
""", re.VERBOSE)
#: "Mrs. Dorothy Fairweather": a title and a name.
_TITLED_NAME = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?(?:\s+[A-Z][a-z'-]+){1,3}$")
_NAME = re.compile(r"^(?:(?:my name is|i'm|i am|this is|it's)\s+)?[A-Z][a-z]{2,14}$", re.IGNORECASE)
#: Words that make a description of now into an aim: "feeling flat, want my energy back".
_AIM = verbose(r"""\b(?:want|wanna|will|going\ to|gonna|goal|hope|need|would\ like|'d\ like|try|trying|stop|start
                   |less|more|every|each|by|until|before|to\ (?:be|get|feel|have|go|do|make|stop|start|find|keep))\b""")
#: About the form itself, not a goal: "this form is way too long", "why do I have to do this", "do I put one goal or lots?".
_ABOUT_THE_FORM = re.compile(r"^(?:this|the|these)\s+(?:form|worksheet|page|app|site|website|questionnaire|box|questions?)\b")
_QUESTION_ABOUT_THE_FORM = re.compile(r"""
    ^(?:why|how|do|does|should|can|am|what|is|are|where)\b
    (?=.*\b(?:this|here|goal|goals|form|box)\b)
    (?:.*\?$|.*\bhave\s+to\s+(?:do|fill|write)\b)
""", re.VERBOSE)
_NOUN_ENDING = re.compile(r"(?:ness|tion|ment|ity|ies|ship|ing|ence|ance|dom|hood)$")


def _keyboard_mash(word: str) -> bool:
    """'asdf', 'qwe', 'jkl', 'sdkfj': letters in a row on the keyboard, or no vowel at all."""
    if len(word) < 3:
        return False
    if not re.search(r"[aeiouy]", word):
        return True
    return any(word[i:i + 3] in row for row in _KEYBOARD_ROWS for i in range(len(word) - 2))


def not_a_goal(raw: str, text: str) -> bool:
    """Not a goal yet: "idk", "?", "n/a", a name alone, keyboard mash, a URL, "what am I supposed to write"."""
    # Read before translation too, so "no sé qué escribir" is not half translated first.
    return _not_a_goal(raw, text) or _not_a_goal(raw, re.sub(r"\s+", " ", raw.lower().replace("’", "'")).strip())


def _not_a_goal(raw: str, text: str) -> bool:
    if len(text) > 80:
        return False  # a paragraph is a goal to read, whatever else it says
    words = vocabulary()
    bare = re.sub(r"[^\w\s'/?-]", " ", text)
    bare = words.chatter.sub(" ", bare)
    bare = re.sub(r"\s+", " ", bare).strip(" ?")
    if not re.search(r"[^\W\d_]", text) or _URL.match(raw):
        return True
    if not bare or words.not_a_goal.fullmatch(bare):
        return True
    # "dunno... nothing comes to mind": nothing but not-knowing, however many ways it is said.
    if not re.sub(r"[\s.?!,]+", "", words.not_a_goal.sub(" ", bare)):
        return True
    # "feeling kind of flat lately", "lots going on with work and family rn": how things are, no aim yet.
    if words.how_things_are.match(bare) and not _AIM.search(bare) and len(bare) <= 60:
        return True
    if _ABOUT_THE_FORM.match(bare) and not _AIM.search(bare):
        return True
    asked = re.sub(r"\s+", " ", raw.lower()).strip()
    if len(asked) <= 60 and _QUESTION_ABOUT_THE_FORM.match(asked) and not re.search(r"\d", asked):
        return True
    if _NOT_KNOWING_WHAT_TO_WRITE.match(bare) or _TITLED_NAME.match(raw.strip(" .!?")):
        return True
    if _ASKING_WHAT_TO_WRITE.match(bare) or _TOLD_TO_FILL_IN.match(bare):
        return True
    if words.not_a_goal.match(bare) and _TOLD_TO_FILL_IN.match(words.not_a_goal.sub("", bare, count=1).strip()):
        return True
    letters = re.findall(r"[a-z]+", bare)
    if letters and all(_keyboard_mash(w) for w in letters) and not words.verb.search(bare):
        return True
    name = raw.strip(" .!?")
    if not _NAME.match(name) or not name.split()[-1][:1].isupper():
        return False
    name = name.split()[-1]
    return bool(not _NOUN_ENDING.search(name.lower())
                and not any(p.search(name.lower()) for p in (words.verb, words.feeling, words.benign_direction,
                                                               words.setting, words.countable, words.absolute,
                                                               words.vague, words.life_area, words.people)))
