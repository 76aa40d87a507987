"""The guide: every topic of the content brief is there, every page carries crisis resources,
and no page reaches outside the site."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect

from worksheets.pages import load_worksheets

ROOT = Path(__file__).resolve().parent.parent
#: Required headings per guide page, mapped from ../shared/content-brief.md: the one list of topics.
GUIDE_TOPICS: dict[str, list[str]] = yaml.safe_load((Path(__file__).parent / "data" / "guide-topics.yml").read_text())


class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in {"h1", "h2"}:
            self._inside = True
            self.headings.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"h1", "h2"}:
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.headings[-1] += data


def _built_page(site: Path, source: str) -> Path:
    return site / ("index.html" if source == "index.md" else source.removesuffix(".md") + "/index.html")


def _all_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).parent.as_posix() + "/" for p in site.rglob("index.html")
                  if "pyodide" not in p.parts)


@pytest.mark.parametrize("source", sorted(GUIDE_TOPICS))
def test_each_topic_of_the_brief_has_its_heading(a_built_site: Path, source: str) -> None:
    parser = _Headings()
    parser.feed(_built_page(a_built_site, source).read_text(encoding="utf-8"))
    found = {heading.replace("¶", "").strip() for heading in parser.headings}
    missing = [heading for heading in GUIDE_TOPICS[source] if heading not in found]
    assert not missing, f"{source} lacks {missing}"


def test_every_built_page_carries_the_crisis_resources(a_built_site: Path) -> None:
    pages = _all_pages(a_built_site)
    assert len(pages) >= len(GUIDE_TOPICS)
    for page in pages:
        html = (a_built_site / page / "index.html").read_text(encoding="utf-8")
        assert 'class="crisis-resources"' in html, page
        for fact in ("988", "741741", "116&nbsp;123", "findahelpline.com"):
            assert fact in html, f"{page} lacks {fact}"


def test_no_worksheet_placeholder_survives_the_build(a_built_site: Path) -> None:
    for page in _all_pages(a_built_site):
        assert "worksheet_link(" not in (a_built_site / page / "index.html").read_text(encoding="utf-8"), page


def test_guide_pages_link_to_the_worksheets_that_exist_and_only_those(a_built_site: Path) -> None:
    built = {w.id for w in load_worksheets()}
    asked = {}  # worksheet id -> guide pages whose source asks for a link to it
    for source in GUIDE_TOPICS:
        for worksheet_id in re.findall(r'worksheet_link\("([a-z-]+)"\)', (ROOT / "docs" / source).read_text()):
            asked.setdefault(worksheet_id, []).append(source)
    assert "smart-goal" in asked
    for worksheet_id, sources in asked.items():
        for source in sources:
            html = _built_page(a_built_site, source).read_text(encoding="utf-8")
            linked = re.search(rf'href="[./]*worksheets/{worksheet_id}/"', html) is not None
            assert linked == (worksheet_id in built), f"{source}: link to {worksheet_id}"


@pytest.mark.browser
def test_no_page_requests_anything_outside_the_site(
    page: Page, a_built_site: Path, a_site_server: str, offsite_requests: list[str]
) -> None:
    for path in _all_pages(a_built_site):
        page.goto(a_site_server + path, wait_until="networkidle")
    # offsite_requests asserts at teardown that the list stayed empty.


@pytest.mark.browser
def test_the_crisis_block_prints_and_stays_visible_on_a_phone(page: Page, a_site_server: str) -> None:
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(a_site_server + "why-goals/")
    crisis = page.locator(".crisis-resources")
    expect(crisis).to_be_in_viewport()
    page.emulate_media(media="print")
    expect(crisis).to_be_visible()
    expect(crisis).to_contain_text("988")
