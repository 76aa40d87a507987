"""On a phone and a laptop, in Debian's Chromium, on the built site (issue 16): the main action and
the first goal box before the fold, messages where the person is looking, therapists side by side,
the only goal chosen for a rating, and a session's date in the calendar file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
LAPTOP = {"width": 1280, "height": 800}
KEY = "set-your-therapy-goals:worksheet:"
IN_VIEW = """element => { const r = element.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0; }"""


def _box(page: Page, locator) -> dict:
    box = locator.bounding_box()
    assert box is not None
    return box


def _boxes(locator) -> list[dict]:
    """Every match's box, read in one go: the checker's download progress comes and goes above the
    form while Python loads, so boxes read one by one may straddle that shift."""
    return locator.evaluate_all(
        "elements => elements.map(element => { const r = element.getBoundingClientRect();"
        " return {x: r.x, y: r.y, width: r.width, height: r.height}; })")


def test_on_a_phone_the_main_action_and_the_first_goal_box_need_no_scrolling(
        page: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    page.set_viewport_size(PHONE)
    page.goto(a_site_server)
    crisis = page.locator(".crisis-resources")
    action = page.get_by_role("link", name=re.compile("Try it: Write a SMART goal"))
    # The crisis block still comes first, whole, with its other countries a tap away.
    assert _box(page, crisis)["y"] < _box(page, action)["y"]
    assert _box(page, crisis)["y"] + _box(page, crisis)["height"] <= PHONE["height"] / 2
    assert _box(page, action)["y"] + _box(page, action)["height"] <= PHONE["height"]
    action.click()
    goal = page.get_by_role("textbox", name="Your goal")
    expect(goal).to_be_visible()
    assert page.evaluate("window.scrollY") == 0
    assert _box(page, crisis)["y"] < _box(page, goal)["y"]
    assert _box(page, goal)["y"] + _box(page, goal)["height"] <= PHONE["height"]
    # The rest of the intro is folded, not lost.
    more = page.locator("details.ws-intro-more")
    expect(more).to_contain_text("no wrong answers")
    more.locator("summary").click()
    expect(more.get_by_text("There are no wrong answers here", exact=False)).to_be_visible()


def test_the_0_to_10_scale_wraps_on_a_phone_into_buttons_at_least_44_px(
        page: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    page.set_viewport_size(PHONE)
    page.goto(a_site_server + "worksheets/progress/")
    options = page.locator("[data-field=rating] .ws-option")
    expect(options).to_have_count(11)
    boxes = _boxes(options)
    assert all(box["height"] >= 44 and box["width"] >= 44 for box in boxes)
    rows = sorted({round(box["y"]) for box in boxes})
    assert len(rows) == 2  # 0-5, then 6-10: never "10" alone
    assert round(boxes[9]["y"]) == round(boxes[10]["y"])
    for radio in page.locator("[data-field=rating] input[type=radio]").all():
        box = _box(page, radio)
        assert box["width"] >= 24 and box["height"] >= 24


def test_three_therapists_sit_side_by_side_on_a_laptop_and_stack_on_a_phone(
        page: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    page.set_viewport_size(LAPTOP)
    page.goto(a_site_server + "worksheets/therapist-fit/")
    add = page.get_by_role("button", name="Add another therapist")
    add.click()
    items = page.locator("[data-field=therapists] [data-item]")
    two = _boxes(items)
    assert len(two) == 2 and two[0]["y"] == two[1]["y"] and two[0]["x"] < two[1]["x"]
    add.click()
    three = _boxes(items)
    assert len({box["y"] for box in three}) == 1, "a third therapist wrapped under the first"
    assert three[0]["x"] < three[1]["x"] < three[2]["x"]
    content = _box(page, page.locator("article"))
    assert three[2]["x"] + three[2]["width"] <= content["x"] + content["width"] + 1
    # "10" keeps company on its row in every column.
    for item in items.all():
        nine, ten = _boxes(item.locator(".ws-option"))[9:11]
        assert round(nine["y"]) == round(ten["y"])
    page.set_viewport_size(PHONE)
    stacked = _boxes(items)
    assert stacked[0]["y"] < stacked[1]["y"] < stacked[2]["y"]
    assert len({round(box["x"]) for box in stacked}) == 1


def test_progress_chooses_the_only_goal_and_never_draws_a_rating_without_its_goal(
        page: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    page.goto(a_site_server + "worksheets/progress/")
    page.get_by_role("textbox", name="The goal, in your own words").fill("Speak up in my seminar")
    which = page.get_by_role("combobox", name="Which goal")
    expect(which).to_have_value("Speak up in my seminar")
    page.get_by_label("Date").fill("2026-03-01")
    page.get_by_role("group", name="How close do you feel").get_by_role("radio", name="4").check()
    saved = json.loads(page.evaluate(f"localStorage.getItem('{KEY}progress')"))
    assert saved["values"]["ratings"][0]["for_goal"] == "Speak up in my seminar"
    chart = page.locator("[data-chart]")
    expect(chart.locator(".ws-chart-name, figure, svg").first).to_be_visible()
    expect(chart).to_have_attribute("data-points", "1")
    # A second goal: a new rating must name its goal before it is drawn, never as a line of its own.
    page.get_by_role("button", name="Add another goal").click()
    page.get_by_role("textbox", name="The goal, in your own words").nth(1).fill("Sleep by eleven")
    page.get_by_role("button", name="Add another rating").click()
    page.get_by_label("Date").nth(1).fill("2026-03-08")
    page.get_by_role("group", name="How close do you feel").nth(1).get_by_role("radio", name="6").check()
    expect(page.get_by_role("combobox", name="Which goal").nth(1)).to_have_value("")
    expect(chart).to_have_attribute("data-points", "1")
    expect(chart.locator("[data-chart-empty]")).to_contain_text("no goal chosen yet")
    assert "not chosen yet" not in chart.inner_text()
    page.get_by_role("combobox", name="Which goal").nth(1).select_option("Sleep by eleven")
    expect(chart).to_have_attribute("data-points", "2")
    expect(chart.locator("[data-chart-empty]")).to_be_hidden()


def _import(page: Page, content: bytes) -> None:
    page.get_by_label("Import a file you exported before").set_input_files(
        {"name": "plan.json", "mimeType": "application/json", "buffer": content})


def test_import_messages_show_by_the_file_control_with_focus_on_them(
        page: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    page.set_viewport_size(PHONE)
    page.goto(a_site_server + "worksheets/my-plan/")
    chooser = page.get_by_label("Import a file you exported before")
    box = _box(page, chooser)
    assert box["height"] >= 24
    label = _box(page, page.locator("label[for=plan-import-file]"))
    assert label["height"] >= 24 and label["width"] >= 24
    chooser.scroll_into_view_if_needed()
    _import(page, b"{not json")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Nothing was changed.")
    expect(alert).to_be_focused()
    assert alert.evaluate(IN_VIEW)
    # A good file: confirm, then the message is by the control again, focused and in view.
    export = {"format": "set-your-therapy-goals-export", "version": 1, "worksheets": {
        "session-prep": {"schema": 1, "worksheet": "session-prep", "saved": "2026-03-01T09:00:00.000Z",
                         "values": {"most_important": "The family visit"}}}}
    _import(page, json.dumps(export).encode())
    page.get_by_role("button", name="Replace my data with this file").click()
    status = page.locator("[data-plan-status]")
    expect(status).to_contain_text("Imported 1 worksheet")
    expect(status).to_be_focused()
    assert status.evaluate(IN_VIEW)
    expect(page.locator("[data-plan-section=session-prep]")).to_contain_text("The family visit")
    # Export, too, answers by its button.
    with page.expect_download():
        page.get_by_role("button", name="Export all my data (.json)").click()
    expect(status).to_contain_text("is downloading")
    expect(status).to_be_focused()
    assert status.evaluate(IN_VIEW)


def test_a_sessions_date_goes_into_the_calendar_file(
        page: Page, a_site_server: str, offsite_requests: list[str], tmp_path: Path) -> None:
    page.goto(a_site_server + "worksheets/session-prep/")
    # Neutral for a first session or a later one.
    expect(page.locator("form[data-worksheet]")).not_to_contain_text("since last time?")
    page.get_by_label("Date of your next session").fill("2026-04-14")
    page.get_by_role("textbox", name="If there's only time for one thing").fill("How sessions work")
    page.goto(a_site_server + "worksheets/my-plan/")
    section = page.locator("[data-plan-section=session-prep]")
    with page.expect_download() as download_info:
        section.get_by_role("button", name=re.compile("Add this session to my calendar")).click()
    path = tmp_path / "session.ics"
    download_info.value.save_as(path)
    text = path.read_text(encoding="utf-8").replace("\r\n ", "")
    assert "DTSTART;VALUE=DATE:20260414" in text and "SUMMARY:Therapy session" in text
    assert "RRULE" not in text  # one event on the day, no reviews
    with page.expect_download() as all_info:
        page.get_by_role("button", name="Add deadlines and reviews to my calendar (.ics)").click()
    all_path = tmp_path / "plan.ics"
    all_info.value.save_as(all_path)
    assert "DTSTART;VALUE=DATE:20260414" in all_path.read_text(encoding="utf-8")


def test_the_therapist_guide_links_both_session_prep_and_therapist_fit(
        page: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    page.goto(a_site_server + "finding-a-therapist/")
    page.get_by_role("link", name=re.compile("Try it: Prepare for your next session")).click()
    expect(page.locator("form[data-worksheet=session-prep]")).to_be_visible()
    expect(page.locator("article")).to_contain_text("Therapist fit")


def test_on_a_phone_the_feedback_for_one_short_goal_fits_one_screen(
        page: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    page.set_viewport_size(PHONE)
    page.goto(a_site_server + "worksheets/smart-goal/")
    page.get_by_role("textbox", name="Your goal").fill("be less anxious at school")
    feedback = page.locator("[data-feedback-for=goal]")
    expect(feedback.locator("[data-criterion=time-bound]")).to_have_attribute("data-met", "false", timeout=120_000)
    expect(feedback.locator("[data-suggestion]")).to_be_visible()
    header = _box(page, page.locator(".md-header"))["height"]
    assert _box(page, feedback)["height"] <= PHONE["height"] - header
    # The rewrite is shown once.
    rewrite = feedback.locator("[data-suggestion-text]").inner_text()
    assert rewrite and feedback.inner_text().count(rewrite) == 1
