"""The SMART worksheet in Debian's Chromium, on the built site: Python feedback, saving, print."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

#: Cold Pyodide start is about 4 s here; leave room for a loaded CI machine.
CHECKER_READY_MS = 60_000


@pytest.fixture
def smart_goal_page(page: Page, a_site_server: str, offsite_requests: list[str]) -> Page:
    page.goto(a_site_server + "worksheets/smart-goal/")
    return page


def test_typing_a_goal_shows_feedback_computed_by_python(smart_goal_page: Page) -> None:
    page = smart_goal_page
    page.get_by_role("textbox", name="Your goal").fill("Never feel anxious again")
    worksheet = page.locator("[data-worksheet=smart-goal]")
    expect(worksheet).to_have_attribute("data-checker", "ready", timeout=CHECKER_READY_MS)
    feedback = page.locator("[aria-live] [data-criterion]")
    expect(feedback).to_have_count(5)
    expect(page.locator("[data-criterion=achievable]")).to_have_attribute("data-met", "false")
    expect(page.locator("[data-criterion=measurable]")).to_have_attribute("data-met", "false")
    # The same words through CPython give the same feedback the page shows.
    from worksheets.checks.smart import check_goal
    expected = check_goal("Never feel anxious again")["achievable"]["feedback"]
    expect(page.locator("[data-criterion=achievable] [data-feedback]")).to_have_text(expected)
    suggested = check_goal("Never feel anxious again")["suggestion"]
    expect(page.locator("[aria-live] [data-suggestion]")).to_contain_text(suggested)

    page.get_by_role("textbox", name="Your goal").fill("Walk for 20 minutes every morning")
    expect(page.locator("[data-criterion=time-bound]")).to_have_attribute("data-met", "true")


def test_the_form_accepts_typing_while_python_loads(smart_goal_page: Page) -> None:
    page = smart_goal_page
    expect(page.locator("[data-worksheet=smart-goal]")).to_have_attribute("data-checker", "loading")
    expect(page.locator("[data-checker-state]")).to_contain_text("loading")
    page.get_by_role("textbox", name="Your goal").fill("Sleep by 11pm on weeknights")
    expect(page.get_by_role("textbox", name="Your goal")).to_have_value("Sleep by 11pm on weeknights")


def test_what_is_typed_survives_a_reload(smart_goal_page: Page) -> None:
    page = smart_goal_page
    page.get_by_role("textbox", name="Your goal").fill("Walk 20 minutes after work\nthree times a week")
    page.get_by_role("textbox", name="Why this goal matters to you").fill("More energy for my kids")
    page.reload()
    expect(page.get_by_role("textbox", name="Your goal")).to_have_value("Walk 20 minutes after work\nthree times a week")
    expect(page.get_by_role("textbox", name="Why this goal matters to you")).to_have_value("More energy for my kids")
    saved = json.loads(page.evaluate("localStorage.getItem('set-your-therapy-goals:worksheet:smart-goal')"))
    # Several goals per worksheet since schema 2: the first goal is the first item of `goals`.
    assert saved["schema"] == 2 and saved["values"]["goals"][0]["goal"].startswith("Walk 20 minutes")


def test_saving_works_after_instant_navigation(page: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    page.goto(a_site_server)
    page.locator("nav a[href$='worksheets/smart-goal/']").first.click()
    expect(page.get_by_role("textbox", name="Your goal")).to_be_visible()
    page.get_by_role("textbox", name="Your goal").fill("Go to the Tuesday yoga class every week in May")
    page.goto(a_site_server + "worksheets/smart-goal/")
    expect(page.get_by_role("textbox", name="Your goal")).to_have_value("Go to the Tuesday yoga class every week in May")


def test_print_media_hides_navigation_and_keeps_the_entry(smart_goal_page: Page) -> None:
    page = smart_goal_page
    page.get_by_role("textbox", name="Your goal").fill("Speak once in the Monday meeting this month")
    page.emulate_media(media="print")
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator("[data-action=print]")).to_be_hidden()
    expect(page.locator("[data-field=goal] .ws-print-text").first).to_have_text("Speak once in the Monday meeting this month")
    expect(page.locator(".crisis-resources")).to_be_visible()
    # The empty "why" prints as ruled lines to write on.
    expect(page.locator("[data-field=why] .ws-print-lines")).to_be_visible()
    expect(page.locator("[data-field=goal] .ws-print-lines")).to_be_hidden()


def test_a_guide_page_does_not_load_python(page: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(a_site_server)
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if "/pyodide/" in url]
