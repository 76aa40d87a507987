"""The sources page and the guide agree: every citation in the guide resolves to an entry on the
sources page, names that entry's first author, and every entry is cited somewhere; each entry's
"Used in" list names exactly the pages that cite it; each entry names its journal or publisher,
the volume of a journal, and a link when it is free to read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"
SOURCES = DOCS / "sources.md"
#: A citation: a Markdown link to an entry of the sources page, e.g. [Locke & Latham, 2002](sources.md#locke-2002).
_CITATION = re.compile(r"\[([^\]]+)\]\(sources\.md#([a-z0-9-]+)\)")
#: One numbered entry of the sources page, up to its `{ #anchor }` line.
_ENTRY = re.compile(r"^\d+\. (?P<body>.+?)\n\s+\{ #(?P<anchor>[a-z0-9-]+) \}", re.M | re.S)
_USED_IN = re.compile(r"Used in: (.+)")
_PAGE_LINK = re.compile(r"\]\(([a-z0-9-]+\.md)\)")
#: Journal, then volume: "*Journal*, 57(9), 705–717" or "*BMC Psychology*, 3, 26".
_JOURNAL_VOLUME = re.compile(r"\*[^*]+\*, \d+(\(\d+\))?, ")
#: Publishers that are not journals: a website, a press release, a book's publisher.
_NOT_A_JOURNAL = re.compile(r"\*[^*]*(\.(org|gov|com|co\.uk)|press release|Press)[^*]*\*", re.I)


def _guide_pages() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(DOCS.glob("*.md")) if p.name != SOURCES.name}


def _entries() -> dict[str, str]:
    text = SOURCES.read_text(encoding="utf-8")
    entries = {m["anchor"]: m["body"] for m in _ENTRY.finditer(text)}
    assert entries, "the sources page has no numbered entries with { #anchor } lines"
    return entries


def _citations() -> dict[str, set[str]]:
    """anchor -> guide pages citing it."""
    cited: dict[str, set[str]] = {}
    for page, text in _guide_pages().items():
        for _, anchor in _CITATION.findall(text):
            cited.setdefault(anchor, set()).add(page)
    return cited


def test_every_citation_resolves_to_an_entry_on_the_sources_page() -> None:
    entries = _entries()
    missing = {(page, anchor) for anchor, pages in _citations().items() if anchor not in entries for page in pages}
    assert not missing, f"citations without a sources entry: {sorted(missing)}"


def test_every_citation_names_the_first_author_of_its_entry() -> None:
    entries = _entries()
    for page, text in _guide_pages().items():
        for label, anchor in _CITATION.findall(text):
            if anchor not in entries:
                continue  # reported by the test above
            first_author = re.split(r"[ ,]", label.strip())[0]
            author = entries[anchor].split(" (")[0]
            initials = "".join(word[0] for word in author.split() if word[0].isupper())  # NIMH, APA
            assert author.startswith(first_author) or first_author == initials, \
                f"{page}: [{label}] does not match entry {anchor}"
            year = re.search(r"\((\d{4}|no date)\)", entries[anchor])
            assert year, f"entry {anchor} has no year"
            if year.group(1).isdigit():
                assert year.group(1) in label, f"{page}: [{label}] does not give the year of entry {anchor}"


def test_every_entry_is_cited_somewhere_in_the_guide() -> None:
    uncited = sorted(set(_entries()) - set(_citations()))
    assert not uncited, f"sources no guide page cites: {uncited}"


def test_each_entry_lists_exactly_the_pages_that_cite_it() -> None:
    citations = _citations()
    for anchor, body in _entries().items():
        used_in = _USED_IN.search(body)
        assert used_in, f"entry {anchor} has no 'Used in' line"
        listed = set(_PAGE_LINK.findall(used_in.group(1)))
        assert listed == citations.get(anchor, set()), f"entry {anchor}: 'Used in' lists {sorted(listed)}, " \
                                                      f"cited on {sorted(citations.get(anchor, set()))}"


@pytest.mark.parametrize("anchor", sorted(_entries()))
def test_each_entry_names_its_journal_volume_and_where_to_read_it(anchor: str) -> None:
    body = _entries()[anchor]
    assert re.search(r"\*[^*]+\*", body), f"{anchor}: no journal or publisher in italics"
    if not _NOT_A_JOURNAL.search(body):
        assert _JOURNAL_VOLUME.search(body), f"{anchor}: a journal article needs '*Journal*, volume(issue), pages'"
    free = re.search(r"Free to read(, as reprinted)?:", body) is not None
    assert free or re.search(r"Not free to read online|Not confirmed as free to read", body), \
        f"{anchor}: say whether it is free to read"
    if free:
        assert re.search(r"Free to read(, as reprinted)?: (doi )?\[[^\]]+\]\(https://[^)]+\)", body), f"{anchor}: free, but no link"
