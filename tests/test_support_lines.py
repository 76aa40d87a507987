"""Support lines: the data file validates and says where each line was confirmed, the built site
names lines for every country and need the guide promises, and each worksheet page carries the
per-kind templates the browser code clones under a flagged field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from worksheets import support_lines

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _crisis_block(html: str) -> str:
    match = re.search(r'<aside class="crisis-resources".*?</aside>', html, re.S)
    assert match, "no crisis block"
    return match.group(0)


def test_the_data_file_is_valid_and_every_line_says_where_it_was_confirmed() -> None:
    lines = support_lines.load()
    assert len({line["id"] for line in lines}) == len(lines)
    for line in lines:
        assert "http" in line["confirmed"], f"{line['id']}: no page address in 'confirmed'"
    # 988 serves the US and Canada; the Crisis Text Line's 741741 is the US only.
    by_id = {line["id"]: line for line in lines}
    assert set(by_id["us-ca-988"]["regions"]) == {"US", "CA"}
    assert by_id["us-crisis-text-line"]["regions"] == ["US"] and "US only" in by_id["us-crisis-text-line"]["contact"]
    assert set(by_id["uk-ie-samaritans"]["regions"]) == {"GB", "IE"}


@pytest.mark.parametrize(("entry", "field"), [
    ({"id": "x", "name": "X", "regions": ["Mars"], "kinds": ["crisis"], "contact": "c", "href": "tel:1",
      "confirmed": "https://example.org"}, "regions"),
    ({"id": "x", "name": "X", "regions": ["US"], "kinds": ["sadness"], "contact": "c", "href": "tel:1",
      "confirmed": "https://example.org"}, "kinds"),
    ({"id": "x", "name": "X", "regions": ["US"], "kinds": ["crisis"], "contact": "c", "href": "call me",
      "confirmed": "https://example.org"}, "href"),
    ({"id": "x", "name": "X", "regions": ["US"], "kinds": ["crisis"], "contact": "c", "href": "tel:1"}, "confirmed"),
    ({"id": "x", "name": 988, "regions": ["US"], "kinds": ["crisis"], "contact": "c", "href": "tel:988",
      "confirmed": "https://example.org"}, "name"),
])
def test_a_bad_entry_fails_naming_the_entry_and_the_field(entry: dict, field: str) -> None:
    with pytest.raises(support_lines.SupportLinesError, match=rf"line 'x': field '{field}'"):
        support_lines.validate(entry, 0)


def test_the_built_site_names_lines_for_each_country_and_for_young_people(a_built_site: Path) -> None:
    for page in ("index.html", "why-goals/index.html", "worksheets/find-your-why/index.html"):
        block = _crisis_block((a_built_site / page).read_text(encoding="utf-8"))
        for region in ("Canada", "Ireland", "Australia", "New Zealand", "England"):
            assert f"<strong>{region}</strong>" in block, f"{page}: no lines listed for {region}"
        for young in ("Kids Help Phone", "Childline", "Papyrus HOPELINE247", "Kids Helpline"):
            assert young in block, f"{page}: {young} is not named"
        for line in ("686868", "50808", "13 11 14", "1737", "findahelpline.com", "116&nbsp;123", "988"):
            assert line in block, f"{page}: {line} is missing"
        # The visible paragraph says Canada is served by 988 too, and names nothing as US-only that is not.
        paragraph = block.split("<details>")[0]
        assert "US and Canada" in paragraph and "741741" not in paragraph


def test_every_worksheet_page_has_one_support_template_per_kind(a_built_site: Path) -> None:
    pages = sorted((a_built_site / "worksheets").glob("*/index.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for kind in support_lines.KINDS:
            assert html.count(f'<template data-support-for="{kind}">') == 1, f"{page}: template for {kind}"
        crisis = re.search(r'<template data-support-for="crisis">(.*?)</template>', html, re.S).group(1)
        assert re.search(r'href="[./]*/?worksheets/safety-plan/"', crisis), f"{page}: no safety plan link"
        assert "988" in crisis and "Samaritans" in crisis
    guide = (a_built_site / "why-goals/index.html").read_text(encoding="utf-8")
    assert "data-support-for" not in guide


def test_the_get_help_page_lists_only_confirmed_numbers() -> None:
    def digits(text: str) -> str:
        return re.sub(r"\D", "", text).removeprefix("1") if len(re.sub(r"\D", "", text)) == 11 else re.sub(r"\D", "", text)

    numbers = set()
    for line in support_lines.load():
        numbers.add(digits(line["href"].split("?")[0]))
        numbers.update(digits(n) for n in re.findall(r"\d[\d -]{2,}\d", line["contact"]))
    text = (DOCS / "safety.md").read_text(encoding="utf-8")
    for href in re.findall(r"\]\((tel:[^)]+)\)", text):
        assert digits(href) in numbers, f"safety.md calls {href}, which is not in worksheets/support_lines.yml"
