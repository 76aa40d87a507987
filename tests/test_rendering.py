"""Specs -> pages, in CPython: validation messages and the page contract in the rendered HTML."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from worksheets import pages

URLS = {"pyodide": "../../pyodide/", "worker": "../../assets/js/checker-worker.mjs", "checksWheel": "x.whl"}


class _Elements(HTMLParser):
    """Collects (tag, attributes) of every start tag the page shows: not the blueprints inside a
    <template> (a repeat group's next item), which the page script copies when one is added."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self._templates = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "template":
            self._templates += 1
        elif not self._templates:
            self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "template":
            self._templates -= 1


def _elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.elements


@pytest.fixture(scope="module")
def smart_goal() -> pages.Worksheet:
    return next(w for w in pages.load_worksheets() if w.id == "smart-goal")


def test_every_spec_loads_and_renders() -> None:
    for worksheet in pages.load_worksheets():
        html = pages.render_form(worksheet, URLS)
        assert f'data-worksheet="{worksheet.id}"' in html or f'data-plan="{worksheet.id}"' in html


def test_a_plan_page_gets_every_other_spec_in_its_island(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text("id: a\ntitle: A\ndescription: d\nintro: i\nfields:\n  - {id: x, kind: text, label: X}\n")
    (tmp_path / "plan.yml").write_text("id: plan\ntitle: P\ndescription: d\nintro: i\nfields: []\n"
                                       "template: plan.html\ngathers: [a, not-yet-written]\n")
    worksheets = pages.load_worksheets(tmp_path)
    plan = next(w for w in worksheets if w.id == "plan")
    html = pages.render_form(plan, {**URLS, "pages": {}}, worksheets)
    island = unescape(re.search(r'data-plan-config="([^"]*)"', html).group(1))
    config = json.loads(island)
    assert list(config["worksheets"]) == ["a"] and config["worksheets"]["a"]["fields"][0]["label"] == "X"
    assert "worksheets" not in pages.render_form(worksheets[0], URLS)


def test_the_smart_goal_form_follows_the_page_contract(smart_goal: pages.Worksheet) -> None:
    elements = _elements(pages.render_form(smart_goal, URLS))
    form = next(attrs for tag, attrs in elements if tag == "form")
    assert form["data-worksheet"] == "smart-goal" and form["data-checker"] == "loading"
    assert any(tag == "textarea" and attrs["name"] == "goal" for tag, attrs in elements)
    criteria = [attrs["data-criterion"] for _, attrs in elements if "data-criterion" in attrs]
    assert criteria == ["specific", "measurable", "achievable", "relevant", "time-bound"]
    assert any("aria-live" in attrs for _, attrs in elements)


def test_spec_text_is_escaped_and_the_island_keeps_it_whole(tmp_path: Path) -> None:
    (tmp_path / "hostile.yml").write_text(
        "id: hostile\ntitle: t\ndescription: d\nintro: i\n"
        "fields:\n  - {id: a, kind: text, label: '<img src=x onerror=alert(1)>', hint: '</script><b>'}\n"
    )
    html = pages.render_form(pages.load_worksheets(tmp_path)[0], URLS)
    assert "<img src=x" not in html and "</script><b>" not in html
    # The island is an attribute (Material's instant navigation re-runs scripts as code): no script at all.
    assert "<script" not in html
    island = json.loads(unescape(re.search(r'data-worksheet-config="([^"]*)"', html).group(1)))
    assert island["worksheet"]["fields"][0]["hint"] == "</script><b>"


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("id: broken\ntitle: t\ndescription: d\nintro: i\n", "broken.yml: fields: missing required key"),
        ("id: broken\ntitle: t\ndescription: d\nintro: i\nfields: []\ntemplate: nope.html\n",
         "broken.yml: template: template 'nope.html' is not in templates/"),
        ("id: broken\ntitle: t\ndescription: d\nintro: i\nfields: []\ncalendar: {deadlines_from: [a]}\n",
         "broken.yml: calendar.review_every_weeks: missing required key"),
        ("id: other\ntitle: t\ndescription: d\nintro: i\nfields: []\n", "must match the file name"),
        ("id: broken\ntitle: t\ndescription: d\nintro: i\nfields:\n  - {id: a, kind: dial, label: l}\n",
         "broken.yml: fields[0] (a): unknown kind 'dial'"),
        ("id: broken\ntitle: t\ndescription: d\nintro: i\nfields:\n"
         "  - {id: a, kind: text, label: l, check: {name: smart, input: goal, criteria: [], context: {why: nope}}}\n",
         "names unknown field 'nope'"),
    ],
)
def test_a_malformed_spec_fails_naming_file_and_field(tmp_path: Path, yaml_text: str, message: str) -> None:
    (tmp_path / "broken.yml").write_text(yaml_text)
    with pytest.raises(pages.SpecError, match=re.escape(message)):
        pages.load_worksheets(tmp_path)
