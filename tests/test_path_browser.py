"""The person's path (issue 14), in Debian's Chromium on the built site: goals that flow from
SMART goal into Progress and Realistic steps, Quick exit on every page, answers kept in the tab
only, a filled SMART goal on one sheet of paper, and an installable web app."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from worksheets import pages

pytestmark = pytest.mark.browser

KEY = "set-your-therapy-goals:worksheet:"
GOAL = "Cook a simple dinner at home three evenings a week this month"


def _open(page: Page, base: str, worksheet_id: str) -> None:
    page.goto(f"{base}worksheets/{worksheet_id}/")
    expect(page.locator(f"form[data-worksheet={worksheet_id}]")).to_be_visible()


def _saved(page: Page, worksheet_id: str) -> dict:
    raw = page.evaluate(f"localStorage.getItem('{KEY}{worksheet_id}')")
    return {} if raw is None else json.loads(raw)["values"]


def test_a_goal_saved_on_smart_is_offered_on_progress_and_realistic_steps(
    page: Page, a_site_server: str, offsite_requests: list[str]
) -> None:
    _open(page, a_site_server, "progress")
    expect(page.locator(".ws-suggest").first).to_be_hidden()  # nothing saved on SMART yet
    _open(page, a_site_server, "smart-goal")
    page.locator("textarea[name=goal]").first.fill(GOAL)
    _open(page, a_site_server, "progress")
    page.get_by_role("button", name=GOAL).first.click()
    expect(page.locator("input[name=goal]").first).to_have_value(GOAL)
    assert _saved(page, "progress")["goals"][0]["goal"] == GOAL
    # ... and the ratings' "Which goal" lists it at once.
    expect(page.locator("select[name=for_goal]").first.locator("option", has_text=GOAL)).to_have_count(1)
    page.locator("select[name=for_goal]").first.select_option(GOAL)
    _open(page, a_site_server, "realistic-steps")
    page.get_by_role("button", name=GOAL).click()
    expect(page.locator("textarea[name=big_goal]")).to_have_value(GOAL)


def test_renaming_a_goal_on_smart_renames_it_where_it_was_picked(
    page: Page, a_site_server: str, offsite_requests: list[str]
) -> None:
    _open(page, a_site_server, "smart-goal")
    page.locator("textarea[name=goal]").first.fill("Walk more")
    _open(page, a_site_server, "progress")
    page.get_by_role("button", name="Walk more").first.click()
    page.locator("select[name=for_goal]").first.select_option("Walk more")
    _open(page, a_site_server, "smart-goal")
    box = page.locator("textarea[name=goal]").first
    box.press("End")
    box.press_sequentially(" every day")
    _open(page, a_site_server, "progress")
    saved = _saved(page, "progress")
    assert saved["goals"][0]["goal"] == "Walk more every day"
    assert saved["ratings"][0]["for_goal"] == "Walk more every day"
    expect(page.locator("input[name=goal]").first).to_have_value("Walk more every day")


@pytest.mark.parametrize("path", ["", "why-goals/", "worksheets/smart-goal/", "worksheets/my-plan/"])
def test_quick_exit_is_on_every_kind_of_page_and_replaces_the_history_entry(
    page: Page, a_site_server: str, path: str
) -> None:
    page.route("https://www.bbc.com/**", lambda route: route.fulfill(body="<title>Weather</title>", content_type="text/html"))
    page.goto(f"{a_site_server}about/")
    page.goto(a_site_server + path)
    link = page.get_by_role("link", name="Quick exit")
    expect(link).to_be_visible()
    assert link.get_attribute("href") == "https://www.bbc.com/weather"
    link.click()
    page.wait_for_url("https://www.bbc.com/weather")
    page.go_back()
    # Back skips the page that was left: it was replaced, not stacked.
    assert page.url == f"{a_site_server}about/"


def test_escape_twice_is_a_quick_exit(page: Page, a_site_server: str) -> None:
    page.route("https://www.bbc.com/**", lambda route: route.fulfill(body="<title>Weather</title>", content_type="text/html"))
    page.goto(f"{a_site_server}why-goals/")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url("https://www.bbc.com/weather")


def test_with_dont_keep_on_nothing_typed_reaches_local_storage(
    page: Page, a_site_server: str, offsite_requests: list[str]
) -> None:
    _open(page, a_site_server, "smart-goal")
    page.get_by_label("Don't keep my answers on this device").check()
    expect(page.locator("[data-keep-note]")).to_contain_text("stays only in this browser tab")
    secret = "Leave the flat without him noticing"
    page.locator("textarea[name=goal]").first.fill(secret)
    page.locator("textarea[name=why]").first.fill(secret + ", why")
    page.reload()  # still in this tab: kept
    expect(page.locator("textarea[name=goal]").first).to_have_value(secret)
    everything = page.evaluate("JSON.stringify(Object.entries(localStorage))")
    assert secret not in everything
    # My plan shows it, from the tab, and says it is not kept.
    page.goto(f"{a_site_server}worksheets/my-plan/")
    expect(page.locator("[data-plan-body]")).to_contain_text(secret)
    expect(page.get_by_label("Don't keep my answers on this device")).to_be_checked()
    assert secret not in page.evaluate("JSON.stringify(Object.entries(localStorage))")
    # Turning it off offers to save the tab's answers on the device.
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_label("Don't keep my answers on this device").uncheck()
    expect(page.locator("[data-plan-body]")).to_contain_text(secret)
    assert secret in page.evaluate("JSON.stringify(Object.entries(localStorage))")


def test_a_new_tab_with_dont_keep_on_forgets_when_closed(
    page: Page, a_site_server: str, offsite_requests: list[str]
) -> None:
    _open(page, a_site_server, "progress")
    page.get_by_label("Don't keep my answers on this device").check()
    page.locator("input[name=goal]").first.fill("Sleep before midnight")
    other = page.context.new_page()
    _open(other, a_site_server, "progress")
    expect(other.get_by_label("Don't keep my answers on this device")).to_be_checked()
    expect(other.locator("input[name=goal]").first).to_have_value("")


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_a_filled_one_goal_smart_worksheet_prints_on_one_sheet_of_a4_and_of_letter(
    page: Page, a_site_server: str, offsite_requests: list[str]
) -> None:
    _open(page, a_site_server, "smart-goal")
    page.locator("textarea[name=goal]").first.fill(GOAL)
    page.locator("textarea[name=why]").first.fill("So I have more energy to play with my kids and feel proud of myself")
    page.locator("input[name=deadline]").first.fill("2026-03-31")
    page.locator("textarea[name=goal]").first.focus()  # a focus ring must not print either
    for paper in ("A4", "Letter"):
        assert _pages(page.pdf(format=paper)) == 1, paper
    page.emulate_media(media="print")
    expect(page.locator(".ws-examples")).to_be_hidden()
    expect(page.get_by_role("button", name="Add another goal")).to_be_hidden()
    # Before Python answered, no criterion prints with nothing after it.
    expect(page.locator(".ws-criteria li:has(.ws-criterion-verdict:empty)").first).to_be_hidden()
    # The footer's texts, shown in every page's bottom margin.
    style = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--print-title')")
    assert "SMART" in style
    assert "Printed" in page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--print-date')")


#: Sheets each blank worksheet prints on, the same on A4 and on Letter (the safety plan must fit one:
#: safety issue). How full the last sheet is, scripts/paper.py measures: none is mostly blank.
BLANK_SHEETS = {"smart-goal": 1, "my-plan": 1, "safety-plan": 1, "realistic-steps": 1, "benefits": 1,
                "session-prep": 1, "find-your-why": 1, "progress": 1, "goal-areas": 2, "therapist-fit": 2}


@pytest.mark.parametrize("worksheet_id", sorted(BLANK_SHEETS))
def test_a_blank_worksheet_prints_without_a_mostly_blank_sheet(
    page: Page, a_site_server: str, offsite_requests: list[str], worksheet_id: str
) -> None:
    page.goto(f"{a_site_server}worksheets/{worksheet_id}/")
    for paper in ("A4", "Letter"):
        assert _pages(page.pdf(format=paper)) == BLANK_SHEETS[worksheet_id], paper


def test_every_worksheet_has_a_blank_sheet_count() -> None:
    assert set(BLANK_SHEETS) == {worksheet.id for worksheet in pages.load_worksheets()}


def test_a_web_app_manifest_with_name_start_url_display_and_icons_is_linked(
    page: Page, a_site_server: str, offsite_requests: list[str]
) -> None:
    for path in ("", "why-goals/", "worksheets/smart-goal/"):
        page.goto(a_site_server + path)
        href = page.locator("link[rel=manifest]").evaluate("link => link.href")
        assert href == f"{a_site_server}site.webmanifest"
    manifest = page.request.get(href).json()
    assert manifest["name"] and manifest["short_name"] and manifest["display"] == "standalone"
    assert manifest["start_url"] == "./" and manifest["theme_color"]
    purposes = {icon["purpose"] for icon in manifest["icons"]}
    assert {"any", "maskable"} <= purposes
    for icon in manifest["icons"]:
        response = page.request.get(a_site_server + icon["src"])
        assert response.ok and response.body()[:8] == b"\x89PNG\r\n\x1a\n"
        size = int.from_bytes(response.body()[16:20], "big")
        assert icon["sizes"] == f"{size}x{size}"


def test_my_plan_draws_the_progress_chart(page: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    _open(page, a_site_server, "progress")
    page.locator("input[name=goal]").first.fill("Sleep before midnight")
    ratings = page.locator("[data-field=ratings] [data-item]")
    page.locator("select[name=for_goal]").first.select_option("Sleep before midnight")
    ratings.first.locator("input[type=date]").fill("2026-03-01")
    ratings.first.get_by_role("radio", name="3").check()
    page.goto(f"{a_site_server}worksheets/my-plan/")
    chart = page.locator(".plan-chart svg[role=img]")
    expect(chart).to_have_count(1)
    assert "Sleep before midnight" in chart.get_attribute("aria-label")


def test_a_long_one_line_answer_prints_whole_even_at_half_width(
    page: Page, a_site_server: str, offsite_requests: list[str]
) -> None:
    _open(page, a_site_server, "progress")
    words = "I speak up at least twice in every seminar and ask one question of my own each week"
    box = page.locator("input[name=gas_plus2]").first
    box.fill(words)
    page.emulate_media(media="print")
    # An input cuts off what does not fit its width; on paper its words print from a copy that wraps.
    expect(box).to_be_hidden()
    copy = box.locator("xpath=following-sibling::div[contains(@class, 'ws-print-text')][1]")
    expect(copy).to_be_visible()
    expect(copy).to_have_text(words)
    # Two to a row: the field is about half as wide as its group.
    ratio = box.locator("xpath=..").evaluate(
        "(field) => field.getBoundingClientRect().width / field.parentElement.getBoundingClientRect().width")
    assert 0.4 < ratio < 0.55
