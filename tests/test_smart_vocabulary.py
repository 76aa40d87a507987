"""The SMART check's vocabulary: every word list in lexicon.json is read, and no list is spelled
out a second time in code; the rules live in the repository."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

CHECKS = Path(__file__).resolve().parent.parent / "worksheets" / "checks"
LEXICON = json.loads((CHECKS / "lexicon.json").read_text(encoding="utf-8"))
SOURCES = {path: path.read_text(encoding="utf-8") for path in [*CHECKS.glob("*.py"), *(CHECKS / "smart").glob("*.py")]}


@pytest.mark.parametrize("name", [name for name in LEXICON if not name.startswith("_")])
def test_every_word_list_in_the_lexicon_is_read_by_the_check(name: str) -> None:
    assert any(f'"{name}"' in source for source in SOURCES.values()), f"{name} is never read"


@pytest.mark.parametrize("name", ["months", "weekdays", "seasons", "hedges", "feelings", "people", "absolutes",
                                  "idioms", "zero_target_words", "avoidance_starts"])
def test_no_word_list_is_spelled_out_again_in_a_regex(name: str) -> None:
    words = [w for w in LEXICON[name] if len(w) > 3]
    for path, source in SOURCES.items():
        if path.name in {"safety.py"}:
            continue
        # Three or more of a list's words in one alternation means the list was copied into code.
        for alternation in re.findall(r"\(\?:([^()]*)\)", source):
            options = set(alternation.replace("\\ ", " ").split("|"))
            shared = options & set(words)
            assert len(shared) < 3, f"{path.name} repeats lexicon list {name}: {sorted(shared)}"


def test_the_rules_live_in_the_repository() -> None:
    assert (CHECKS / "RULES.md").exists()
    smart_sources = {p: s for p, s in SOURCES.items() if p.name not in {"safety.py"}}
    assert not [p.name for p, s in smart_sources.items() if "../shared" in s or "/work/shared" in s]
