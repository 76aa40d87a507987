"""Large alternations compiled per text from only the alternatives that can match it.

The safety screen's patterns are thousands of alternatives. Compiling them all costs hundreds of
milliseconds in Pyodide, paid by the first check a person waits for. Most alternatives need a
literal string to be in the text ("kill", "myself", "laxative"): an alternative none of whose
literals is in the text cannot match it, so it is left out of the regex compiled for that text.
The result is the same as the whole alternation's: the left-out alternatives could match nowhere.

Which literals each pattern needs is worked out by `required_literals`, with the regex parser, once
when the lexicon changes (`python -m worksheets.checks.alternation --write` keeps
literals.json), not at run time. A pattern missing from literals.json is always compiled: a stale
file costs time, never a match.

Standard library only: the same file runs in CPython and in Pyodide.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from bisect import bisect_right
from functools import cache, lru_cache
from itertools import product
from pathlib import Path

LITERALS_FILE = Path(__file__).parent / "literals.json"
#: Literals are looked up by their first characters; a shorter one would match too often to help.
SHORTEST = 3
#: Beyond this many strings, a set of literals is not worth keeping (the pattern is then always compiled).
MOST_STRINGS = 64
#: A literal in this many ordinary texts is common: it lets most texts through, however many more hold it.
COMMON = 200


class Alternation:
    """`(?<!word)(?:a|b|...)(?!word)` over ordered alternatives, each tagged with a name (a rule's).

    It matches as that one regex would: the leftmost match, and at one position the first
    alternative in order. Each alternative is compiled on its own, the first time a text holds one
    of its literals, and kept: no text pays for compiling the alternatives it cannot match."""

    def __init__(self, alternatives: list[tuple[str, str]], literals: dict[str, list[str]]) -> None:
        self.alternatives = alternatives
        self.always = [i for i, (_, pattern) in enumerate(alternatives) if not literals.get(pattern)]
        self.by_prefix: dict[str, list[tuple[str, int]]] = {}
        for i, (_, pattern) in enumerate(alternatives):
            for literal in literals.get(pattern) or ():
                self.by_prefix.setdefault(literal[:SHORTEST], []).append((literal, i))
        self.compiled: dict[int, re.Pattern[str]] = {}

    def candidates(self, text: str) -> list[int]:
        """Indexes of the alternatives that can match `text`, in order."""
        found = set(self.always)
        for prefix in self.by_prefix.keys() & _prefixes(text):
            for literal, i in self.by_prefix[prefix]:
                if i not in found and literal in text:
                    found.add(i)
        return sorted(found)

    def _regex(self, i: int) -> re.Pattern[str]:
        if i not in self.compiled:
            self.compiled[i] = re.compile(whole_words([self.alternatives[i][1]]))
        return self.compiled[i]

    def finditer(self, text: str) -> Iterator[tuple[re.Match[str], str]]:
        """Non-overlapping matches, left to right, each with its alternative's name."""
        # Each candidate's next match from the current position: searched again only once passed.
        ahead = {i: self._regex(i).search(text) for i in self.candidates(text)}
        pos = 0
        while True:
            best = None
            for i, match in list(ahead.items()):
                if match is not None and match.start() < pos:
                    match = ahead[i] = self._regex(i).search(text, pos)
                if match is None:
                    del ahead[i]
                elif best is None or match.start() < best[0].start():
                    best = (match, i)
            if best is None:
                return
            match, i = best
            yield match, self.alternatives[i][0]
            pos = match.end() if match.end() > match.start() else match.end() + 1

    def search(self, text: str) -> tuple[re.Match[str], str] | None:
        """The leftmost match and its alternative's name, or None."""
        return next(self.finditer(text), None)

    def sub(self, replacement: str, text: str) -> str:
        parts, pos = [], 0
        for match, _ in self.finditer(text):
            parts += [text[pos:match.start()], replacement]
            pos = match.end()
        return "".join(parts) + text[pos:] if parts else text


@lru_cache(maxsize=32)
def _prefixes(text: str) -> frozenset[str]:
    """Every run of SHORTEST characters in `text`: a check reads one text with a dozen alternations."""
    return frozenset(text[start:start + SHORTEST] for start in range(len(text) - SHORTEST + 1))


def whole_words(alternatives: list[str]) -> str:
    return r"(?<![a-z0-9'])(?:" + "|".join(alternatives) + r")(?![a-z0-9])"


@cache
def known_literals() -> dict[str, list[str]]:
    """Pattern -> literals one of which any match contains (literals.json)."""
    try:
        return json.loads(LITERALS_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


# --- worked out from the regex parser, when the lexicon changes -------------------------------


def ordinary_texts() -> Corpus:
    """The SMART raters' goals in tests/data, normalised as the screen reads them: ordinary texts,
    by which literals.json picks, of the literal sets a pattern offers, the one that lets fewest through."""
    from . import safety  # noqa: PLC0415  (build time only; safety imports this module)

    data = Path(__file__).resolve().parents[2] / "tests" / "data"
    return Corpus(safety.normalise(json.loads(line)["goal"]) for path in sorted(data.glob("labelled_goals*.jsonl"))
                  for line in path.open(encoding="utf-8") if line.strip())


class Corpus:
    """Texts to count literals in: which of them hold a string, found in one joined text."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.starts, parts, at = [], [], 0
        for text in texts:
            self.starts.append(at)
            parts.append(text)
            at += len(text) + 1
        self.joined = "\n".join(parts)
        self.holding_cache: dict[str, frozenset[int]] = {}

    def holding(self, string: str) -> frozenset[int]:
        """Indexes of the texts that hold `string` (the first COMMON of them: past that, it is common)."""
        if string not in self.holding_cache:
            found, at = set(), self.joined.find(string)
            while at >= 0 and len(found) < COMMON:
                found.add(bisect_right(self.starts, at) - 1)
                at = self.joined.find(string, at + 1)
            self.holding_cache[string] = frozenset(found)
        return self.holding_cache[string]


def required_literals(pattern: str, texts: Corpus | None = None) -> list[str] | None:
    """Strings one of which every match of `pattern` contains, or None when there is no such short list.
    Of the sets that would do, the one found in the fewest of `texts`, then the fewest strings."""
    from re import _constants as c, _parser as parser  # noqa: PLC0415  (CPython internals, build time only)

    def exact(items: list) -> set[str] | None:
        """Every string a sequence can match, when they are few."""
        strings = {""}
        for op, av in items:
            if op is c.LITERAL:
                options = {chr(av)}
            elif op is c.IN and all(o is c.LITERAL for o, _ in av):
                options = {chr(v) for _, v in av}
            elif op in (c.AT, c.ASSERT, c.ASSERT_NOT):
                continue  # zero width: consumes nothing
            elif op is c.SUBPATTERN:
                options = exact(av[3])
            elif op is c.BRANCH:
                options = union(av[1], exact)
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[1] <= 2 and (body := exact(av[2])) is not None:
                options = {"".join(parts) for n in range(av[0], av[1] + 1) for parts in product(sorted(body), repeat=n)}
            else:
                return None
            if options is None:
                return None
            strings = {a + b for a in strings for b in options}
            if len(strings) > MOST_STRINGS:
                return None
        return strings

    def union(branches: list, read: Callable[[list], set[str] | None]) -> set[str] | None:
        """What one of the branches gives, when every branch gives something."""
        found: set[str] = set()
        for branch in branches:
            strings = read(branch)
            if strings is None:
                return None
            found |= strings
        return found

    def usable(strings: set[str] | None) -> bool:
        return bool(strings) and min(map(len, strings)) >= SHORTEST and len(strings) <= MOST_STRINGS

    def needed(items: list) -> set[str] | None:
        """A set of strings one of which every match of the sequence contains."""
        choices: list[set[str]] = []
        for start in range(len(items)):
            for end in range(start + 1, len(items) + 1):
                run = exact(items[start:end])
                if run is None:
                    break
                if usable(run):
                    choices.append(run)
        for op, av in items:
            inner: set[str] | None = None
            if op is c.SUBPATTERN:
                inner = needed(av[3])
            elif op is c.BRANCH:
                inner = union(av[1], needed)
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
                inner = needed(av[2])
            if usable(inner):
                choices.append(inner)
        # The fewest ordinary texts let through, then the fewest strings, then the longest shortest one.
        return min(choices, key=lambda s: (let_through(s), len(s), -min(map(len, s)))) if choices else None

    def let_through(strings: set[str]) -> int:
        return len(frozenset().union(*(texts.holding(string) for string in strings))) if texts else 0

    found = needed(list(parser.parse(pattern)))
    return sorted(found) if found else None


def write(patterns: Iterable[str], texts: Corpus) -> dict[str, list[str]]:
    """literals.json for these patterns: only those that have a short list of literals."""
    table = {}
    for pattern in sorted(set(patterns)):
        literals = required_literals(pattern, texts)
        if literals:
            table[pattern] = literals
    LITERALS_FILE.write_text(json.dumps(table, indent=0, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    return table


if __name__ == "__main__":
    import sys

    from . import safety

    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python -m worksheets.checks.alternation --write")
    table = write(safety.alternation_patterns(), ordinary_texts())
    print(f"{LITERALS_FILE.name}: literals for {len(table)} of {len(set(safety.alternation_patterns()))} patterns")
