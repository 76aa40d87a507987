"""A list of phrases matched as whole words, longest first, without compiling one large regex.

`Phrases(words)` answers as `re.compile(r"(?<![\\w'])(?:longest|...|short)(?![\\w'])")` would:
search, match, fullmatch, finditer, findall and sub give the same matches (real `re.Match`
objects). It looks phrases up by the word they start with, so nothing is compiled up front:
the word lists of lexicon.json hold thousands of verb forms, and compiling them as regexes cost
the first check a person waits for a tenth of a second in CPython, more in Pyodide.
`.pattern` is that regex's text, for the few patterns that embed a word list.

Standard library only: the same file runs in CPython and in Pyodide.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

#: A run of letters, digits, underscores and apostrophes: what a phrase's first word is made of.
_WORD = re.compile(r"[\w']*")
#: Where a phrase may start (not after such a character) and the run there: a phrase must begin
#: with exactly that run, or with all of it and more words.
_STARTS = re.compile(r"(?<![\w'])" + _WORD.pattern)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in "_'"


def _first_word(phrase: str) -> str:
    # The run `_STARTS` takes; a regex is quicker than a loop over characters (5 ms of Pyodide's first import).
    return _WORD.match(phrase).group()


@lru_cache(maxsize=4096)
def _literal(phrase: str) -> re.Pattern[str]:
    return re.compile(re.escape(phrase))


class Phrases:
    """Whole-word phrases, the longest one found first, read like a compiled regex."""

    def __init__(self, phrases: list[str] | tuple[str, ...]) -> None:
        self.phrases = frozenset(p for p in phrases if p)
        self.by_first_word: dict[str, list[str]] = {}
        for phrase in sorted(self.phrases, key=len, reverse=True):
            self.by_first_word.setdefault(_first_word(phrase), []).append(phrase)

    @property
    def pattern(self) -> str:
        alternatives = sorted({re.escape(p) for p in self.phrases}, key=len, reverse=True)
        return r"(?<![\w'])(?:" + "|".join(alternatives) + r")(?![\w'])"

    def _at(self, text: str, start: int, first_word: str) -> re.Match[str] | None:
        for phrase in self.by_first_word.get(first_word, ()):
            end = start + len(phrase)
            if text.startswith(phrase, start) and (end == len(text) or not _is_word_char(text[end])):
                return _literal(phrase).match(text, start)
        return None

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return next(self.finditer(text, pos), None)

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        while pos <= len(text):
            for start in _STARTS.finditer(text, pos):
                found = self._at(text, start.start(), start.group())
                if found:
                    yield found
                    pos = found.end()
                    break
            else:
                return

    def match(self, text: str) -> re.Match[str] | None:
        start = _STARTS.match(text)
        return self._at(text, 0, start.group()) if start else None

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return _literal(text).fullmatch(text) if text in self.phrases else None

    def findall(self, text: str) -> list[str]:
        return [found.group() for found in self.finditer(text)]

    def sub(self, replacement: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        parts, pos = [], 0
        for n, found in enumerate(self.finditer(text), 1):
            parts += [text[pos:found.start()],
                      replacement(found) if callable(replacement) else found.expand(replacement)]
            pos = found.end()
            if n == count:
                break
        return "".join(parts) + text[pos:]
