"""Every worksheet in Debian's Chromium, on the built site: filled in, reloaded and kept; repeat
groups; the checks of each goal and step; the progress chart; hand-offs into SMART goal; print."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from worksheets.checks.smart import check_goal
from worksheets.checks.steps import check_step

pytestmark = pytest.mark.browser

#: Cold Pyodide start is about 4 s here; leave room for a loaded CI machine.
CHECKER_READY_MS = 60_000
WORKSHEETS = ["find-your-why", "goal-areas", "smart-goal", "realistic-steps", "benefits", "session-prep",
              "therapist-fit", "progress"]
KEY = "set-your-therapy-goals:worksheet:"
#: Every control of the form, in page order, as the page shows it: a value, or whether a radio is on.
READ_CONTROLS = """() => [...document.querySelectorAll(
  'form[data-worksheet] textarea, form[data-worksheet] input, form[data-worksheet] select')]
  .map((c) => c.type === 'radio' ? c.checked : c.value)"""


def _open(page: Page, base: str, worksheet_id: str) -> Page:
    page.goto(f"{base}worksheets/{worksheet_id}/")
    expect(page.locator(f"form[data-worksheet={worksheet_id}]")).to_be_visible()
    return page


def _saved(page: Page, worksheet_id: str) -> dict | None:
    raw = page.evaluate(f"localStorage.getItem('{KEY}{worksheet_id}')")
    return None if raw is None else json.loads(raw)


def _fill_everything(page: Page) -> None:
    """Types into every box, picks a date, a number on every scale and an option in every list."""
    form = page.locator("form[data-worksheet]")
    # Text first: a "which goal" list offers the goals typed above it.
    for number, box in enumerate(form.locator("textarea, input[type=text]").all(), start=1):
        box.fill(f"Entry {number}: something I want to remember")
    for number, box in enumerate(form.locator("input[type=date]").all(), start=1):
        box.fill(f"2026-03-{number:02d}")
    for fieldset in form.locator("fieldset.ws-choice").all():
        fieldset.get_by_role("radio").nth(-2).check()
    for select in form.locator("select").all():
        select.select_option(index=select.locator("option").count() - 1)


@pytest.mark.parametrize("worksheet_id", WORKSHEETS)
def test_a_filled_in_worksheet_survives_a_reload(
    page: Page, a_site_server: str, offsite_requests: list[str], worksheet_id: str
) -> None:
    _open(page, a_site_server, worksheet_id)
    _fill_everything(page)
    filled = page.evaluate(READ_CONTROLS)
    assert filled and "" not in filled  # every box, date and list holds something
    assert filled.count(True) == page.locator("form fieldset.ws-choice").count()
    page.reload()
    expect(page.locator(f"form[data-worksheet={worksheet_id}]")).to_be_visible()
    assert page.evaluate(READ_CONTROLS) == filled
    saved = _saved(page, worksheet_id)
    assert saved["schema"] == 2 and saved["worksheet"] == worksheet_id
    # The saved shape: field id -> text, repeat group id -> list of {field id -> text}.
    for value in saved["values"].values():
        assert isinstance(value, str) or all(isinstance(text, str) for item in value for text in item.values())


@pytest.mark.parametrize("worksheet_id", WORKSHEETS)
def test_a_blank_worksheet_prints_ruled_lines_and_no_controls(
    page: Page, a_site_server: str, offsite_requests: list[str], worksheet_id: str
) -> None:
    _open(page, a_site_server, worksheet_id)
    page.emulate_media(media="print")
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator(".crisis-resources")).to_be_visible()
    for hidden in ("[data-action=print]", "[data-add]", ".ws-send"):
        for element in page.locator(hidden).all():
            expect(element).to_be_hidden()
    # Every blank box prints as lines to write on, and every repeat group as at least one blank item.
    for box in page.locator("form[data-worksheet] textarea").all():
        expect(box).to_be_hidden()
    lines = page.locator("form[data-worksheet] .ws-field--textarea .ws-print-lines")
    assert lines.count() == page.locator("form[data-worksheet] textarea").count()
    for line in lines.all():
        expect(line).to_be_visible()
    # An empty date prints as a line to write on, not as the browser's "mm/dd/yyyy".
    for date in page.locator("form[data-worksheet] input[type=date]").all():
        expect(date).to_be_hidden()
        expect(date.locator("xpath=following-sibling::div[contains(@class, 'ws-print-lines')][1]")).to_be_visible()
    for group in page.locator("[data-repeat]").all():
        expect(group.locator("[data-item]").first).to_be_visible()
    # A page break may fall between two fields, never through one.
    for field in page.locator("form[data-worksheet] .ws-field").all():
        assert field.evaluate("(e) => getComputedStyle(e).breakInside") == "avoid"


@pytest.mark.parametrize("worksheet_id", WORKSHEETS)
def test_a_filled_in_worksheet_prints_its_words_on_a4_and_letter(
    page: Page, a_site_server: str, offsite_requests: list[str], worksheet_id: str
) -> None:
    _open(page, a_site_server, worksheet_id)
    _fill_everything(page)
    page.emulate_media(media="print")
    first_box = page.locator("form[data-worksheet] textarea, form[data-worksheet] input[type=text]").first
    # A box's words print from a plain copy beside it, which wraps and is as tall as the words.
    printed = first_box.locator("xpath=following-sibling::*[contains(@class, 'ws-print-text')]")
    expect(first_box).to_be_hidden()
    expect(printed).to_be_visible()
    expect(printed).to_have_text(first_box.input_value())
    expect(first_box.locator("xpath=following-sibling::*[contains(@class, 'ws-print-lines')]")).to_be_hidden()
    for paper in ("A4", "Letter"):
        pdf = page.pdf(format=paper, print_background=False)
        assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", pdf)) >= 1


def _smart_goal(page: Page, number: int):
    return page.locator("[data-field=goals] [data-item]").nth(number - 1)


def test_each_goal_gets_its_own_feedback_from_python(
    page: Page, a_site_server: str, offsite_requests: list[str]
) -> None:
    _open(page, a_site_server, "smart-goal")
    page.get_by_role("textbox", name="Your goal").fill("Never feel anxious again")
    page.get_by_role("button", name="Add another goal").click()
    second = _smart_goal(page, 2)
    expect(second.locator("legend")).to_have_text("Goal 2")
    second.get_by_role("textbox", name="Your goal").fill("Walk for 20 minutes every morning this month")
    expect(page.locator("[data-worksheet=smart-goal]")).to_have_attribute("data-checker", "ready", timeout=CHECKER_READY_MS)
    for number, goal in ((1, "Never feel anxious again"), (2, "Walk for 20 minutes every morning this month")):
        item = _smart_goal(page, number)
        expect(item.locator("[aria-live] [data-criterion]")).to_have_count(5)
        expected = check_goal(goal)
        for key in ("specific", "measurable", "achievable", "time_bound"):
            criterion = item.locator(f"[data-criterion={key.replace('_', '-')}]")
            expect(criterion).to_have_attribute("data-met", str(expected[key]["met"]).lower())
            expect(criterion.locator("[data-feedback]")).to_have_text(expected[key]["feedback"])
    assert check_goal("Never feel anxious again")["achievable"]["met"] != \
        check_goal("Walk for 20 minutes every morning this month")["achievable"]["met"]
    page.reload()
    expect(_smart_goal(page, 2).get_by_role("textbox", name="Your goal")).to_have_value(
        "Walk for 20 minutes every morning this month")


def test_the_why_from_find_your_why_counts_for_relevant_when_a_goal_has_none(
    page: Page, a_site_server: str, offsite_requests: list[str]
) -> None:
    goal, reason = "Walk for 20 minutes after work three times a week", "I want more energy for my kids"
    assert check_goal(goal)["relevant"]["met"] != check_goal(goal, why=reason)["relevant"]["met"]
    _open(page, a_site_server, "find-your-why")
    page.get_by_role("textbox", name="What brought you to therapy?").fill(reason)
    _open(page, a_site_server, "smart-goal")
    page.get_by_role("textbox", name="Your goal").fill(goal)
    expect(page.locator("[data-worksheet=smart-goal]")).to_have_attribute("data-checker", "ready", timeout=CHECKER_READY_MS)
    relevant = page.locator("[data-criterion=relevant]")
    expect(relevant).to_have_attribute("data-met", str(check_goal(goal, why=reason)["relevant"]["met"]).lower())
    expect(relevant.locator("[data-feedback]")).to_have_text(check_goal(goal, why=reason)["relevant"]["feedback"])
    expect(page.locator("[data-context-note]")).to_contain_text("Find your why")
    # The goal's own why, once written, is the one that counts.
    page.get_by_role("textbox", name="Why this goal matters to you").fill("   ")
    expect(relevant.locator("[data-feedback]")).to_have_text(check_goal(goal, why=reason)["relevant"]["feedback"])
    page.get_by_role("textbox", name="Why this goal matters to you").fill("So I sleep better")
    expect(relevant.locator("[data-feedback]")).to_have_text(check_goal(goal, why="So I sleep better")["relevant"]["feedback"])
    expect(page.locator("[data-context-note]")).to_be_hidden()


def test_a_version_1_smart_goal_document_still_loads(
    page: Page, a_site_server: str, offsite_requests: list[str]
) -> None:
    old = {"schema": 1, "worksheet": "smart-goal", "saved": "2026-01-05T10:00:00.000Z",
           "values": {"goal": "Sleep by 11pm on weeknights", "why": "I'm exhausted at work"}}
    page.goto(a_site_server)
    page.evaluate("([key, doc]) => localStorage.setItem(key, JSON.stringify(doc))", [KEY + "smart-goal", old])
    _open(page, a_site_server, "smart-goal")
    expect(page.get_by_role("textbox", name="Your goal")).to_have_value("Sleep by 11pm on weeknights")
    expect(page.get_by_role("textbox", name="Why this goal matters to you")).to_have_value("I'm exhausted at work")
    page.get_by_role("textbox", name="Why this goal matters to you").press("End")
    page.get_by_role("textbox", name="Why this goal matters to you").press_sequentially("!")
    saved = _saved(page, "smart-goal")
    assert saved["schema"] == 2 and "goal" not in saved["values"]
    assert saved["values"]["goals"][0]["goal"] == "Sleep by 11pm on weeknights"
    assert saved["values"]["goals"][0]["why"] == "I'm exhausted at work!"


def test_goals_are_added_and_removed_from_the_keyboard_with_focus_kept_in_place(
    page: Page, a_site_server: str, offsite_requests: list[str]
) -> None:
    _open(page, a_site_server, "smart-goal")
    expect(page.get_by_role("button", name="Remove goal 1")).to_be_hidden()  # one goal is the least
    page.get_by_role("textbox", name="Your goal").fill("First goal")
    page.get_by_role("button", name="Add another goal").focus()
    page.keyboard.press("Enter")
    expect(_smart_goal(page, 2).get_by_role("textbox", name="Your goal")).to_be_focused()
    expect(page.locator("[data-field=goals] [data-repeat-status]")).to_have_text("Goal 2 added.")
    page.keyboard.type("Second goal")
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Remove goal 1").focus()
    page.keyboard.press("Enter")
    expect(page.locator("[data-field=goals] [data-item]")).to_have_count(1)
    expect(page.get_by_role("textbox", name="Your goal")).to_have_value("Second goal")
    expect(page.get_by_role("textbox", name="Your goal")).to_be_focused()
    expect(page.locator("[data-field=goals] legend").first).to_have_text("Goal 1")
    expect(page.locator("[data-field=goals] [data-repeat-status]")).to_have_text("Goal 1 removed.")
    page.reload()
    expect(page.locator("[data-field=goals] [data-item]")).to_have_count(1)
    expect(page.get_by_role("textbox", name="Your goal")).to_have_value("Second goal")


def test_removing_a_written_goal_asks_first_and_cancel_keeps_it(
    page: Page, a_site_server: str, offsite_requests: list[str]
) -> None:
    _open(page, a_site_server, "smart-goal")
    page.get_by_role("textbox", name="Your goal").fill("Keep me")
    page.get_by_role("button", name="Add another goal").click()
    asked: list[str] = []
    page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Remove goal 1").click()
    assert asked and "Remove goal 1?" in asked[0]
    expect(page.locator("[data-field=goals] [data-item]")).to_have_count(2)
    # An empty goal goes without a question.
    page.get_by_role("button", name="Remove goal 2").click()
    expect(page.locator("[data-field=goals] [data-item]")).to_have_count(1)
    assert len(asked) == 1


def test_a_group_stops_at_its_most_items_and_says_so(page: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    _open(page, a_site_server, "smart-goal")
    add = page.get_by_role("button", name="Add another goal")
    for _ in range(5):
        add.click()
    expect(page.locator("[data-field=goals] [data-item]")).to_have_count(6)
    expect(add).to_be_disabled()
    expect(page.locator("[data-field=goals] [data-limit]")).to_have_text("You can have up to 6 goals here.")


@pytest.mark.parametrize(
    ("source", "press"),
    [
        ("goal-areas", lambda page: page.get_by_role(
            "button", name=re.compile("^Accept at least one compliment this week")).click()),
        ("find-your-why", lambda page: (
            page.get_by_role("textbox", name="A goal you might work on").fill(
                "Accept at least one compliment this week by saying only \"thank you\"."),
            page.get_by_role("button", name="Shape this into a SMART goal").click())),
    ],
)
def test_picking_a_goal_elsewhere_starts_a_smart_goal_from_it(
    page: Page, a_site_server: str, offsite_requests: list[str], source: str, press
) -> None:
    goal = "Accept at least one compliment this week by saying only \"thank you\"."
    _open(page, a_site_server, source)
    press(page)
    expect(page).to_have_url(re.compile(r"/worksheets/smart-goal/$"))
    box = page.get_by_role("textbox", name="Your goal")
    expect(box).to_have_value(goal)
    expect(box).to_be_focused()
    expect(page.locator("[data-field=goals] [data-item]")).to_have_count(1)  # no empty goal left above it
    expect(page.locator("[data-worksheet=smart-goal]")).to_have_attribute("data-checker", "ready", timeout=CHECKER_READY_MS)
    expect(page.locator("[data-criterion=time-bound]")).to_have_attribute(
        "data-met", str(check_goal(goal)["time_bound"]["met"]).lower())


def test_a_goal_handed_over_joins_the_goals_already_there(
    page: Page, a_site_server: str, offsite_requests: list[str]
) -> None:
    _open(page, a_site_server, "smart-goal")
    page.get_by_role("textbox", name="Your goal").fill("My own first goal")
    _open(page, a_site_server, "goal-areas")
    page.get_by_role("button", name=re.compile("^Leave my phone charging in the kitchen")).click()
    expect(page.locator("[data-field=goals] [data-item]")).to_have_count(2)
    expect(_smart_goal(page, 1).get_by_role("textbox", name="Your goal")).to_have_value("My own first goal")
    expect(_smart_goal(page, 2).get_by_role("textbox", name="Your goal")).to_have_value(
        re.compile("^Leave my phone charging in the kitchen"))
    expect(_smart_goal(page, 2).get_by_role("textbox", name="Your goal")).to_be_focused()


def test_realistic_steps_flags_all_or_nothing_wording_and_steps_without_a_time_frame(
    page: Page, a_site_server: str, offsite_requests: list[str]
) -> None:
    _open(page, a_site_server, "realistic-steps")
    absolute, untimed = "Always speak up perfectly in every meeting", "Practise my talk in front of one friend"
    page.get_by_role("textbox", name="What you will do").fill(absolute)
    page.get_by_role("button", name="Add another step").click()
    second = page.locator("[data-field=steps] [data-item]").nth(1)
    second.get_by_role("textbox", name="What you will do").fill(untimed)
    expect(page.locator("[data-worksheet=realistic-steps]")).to_have_attribute("data-checker", "ready", timeout=CHECKER_READY_MS)
    first = page.locator("[data-field=steps] [data-item]").first
    expect(first.locator("[data-criterion=realistic]")).to_have_attribute("data-met", "false")
    expect(first.locator("[data-criterion=realistic] [data-feedback]")).to_have_text(check_step(absolute)["realistic"]["feedback"])
    expect(second.locator("[data-criterion=realistic]")).to_have_attribute("data-met", "true")
    expect(second.locator("[data-criterion=time-frame]")).to_have_attribute("data-met", "false")
    second.get_by_label("By when (optional)").fill("2026-05-04")
    expect(second.locator("[data-criterion=time-frame]")).to_have_attribute("data-met", "true")
    expect(second.locator("[data-criterion=time-frame] [data-feedback]")).to_have_text(
        check_step(untimed, "2026-05-04")["time_frame"]["feedback"])


def _add_rating(page: Page, goal: str, date: str, rating: int) -> None:
    ratings = page.locator("[data-field=ratings] [data-item]")
    item = ratings.last
    if item.get_by_label("Date").input_value():
        page.get_by_role("button", name="Add another rating").click()
        item = ratings.last
    item.get_by_label("Which goal").select_option(goal)
    item.get_by_label("Date").fill(date)
    item.get_by_role("group", name="How close do you feel to this goal?").get_by_role("radio", name=str(rating), exact=True).check()


def test_progress_draws_one_point_per_rating_with_a_table_alternative(
    page: Page, a_site_server: str, offsite_requests: list[str]
) -> None:
    _open(page, a_site_server, "progress")
    chart = page.locator("[data-chart]")
    expect(chart).to_have_attribute("data-points", "0")
    expect(chart.locator("circle")).to_have_count(0)
    goals = page.locator("[data-field=goals] [data-item]")
    goals.first.get_by_label("The goal, in your own words").fill("Speak up in the team meeting")
    page.get_by_role("button", name="Add another goal").click()
    goals.nth(1).get_by_label("The goal, in your own words").fill("Sleep by 11pm")
    for date, rating in (("2026-01-05", 2), ("2026-02-02", 4), ("2026-03-02", 7)):
        _add_rating(page, "Speak up in the team meeting", date, rating)
    _add_rating(page, "Sleep by 11pm", "2026-01-05", 5)

    meeting = chart.locator(".ws-chart-one").filter(has_text="Speak up in the team meeting")
    expect(meeting.locator("svg circle.ws-chart-point")).to_have_count(3)
    expect(chart.locator("svg circle.ws-chart-point")).to_have_count(4)
    heights = [float(y) for y in meeting.locator("circle").evaluate_all("(dots) => dots.map((d) => d.getAttribute('cy'))")]
    assert heights[0] > heights[1] > heights[2]  # higher ratings sit higher on the chart
    expect(meeting.locator("svg")).to_have_attribute("role", "img")
    expect(meeting.locator("svg")).to_have_attribute("aria-label", re.compile("3 ratings .* first 2, latest 7 out of 10"))
    table = meeting.locator("table")
    expect(table.locator("caption")).to_have_text("Speak up in the team meeting")
    expect(table.locator("thead th")).to_have_text(
        ["Date", "How close do you feel to this goal? (0 to 10)", "Goal Attainment Scaling level reached (optional)"])
    expect(table.locator("tbody tr")).to_have_count(3)
    expect(table.locator("tbody tr").last.locator("td").nth(1)).to_have_text("7")
    assert page.evaluate("document.querySelector('script[src*=\"cdn\"], script[src*=\"chart\"]')") is None

    page.reload()
    expect(page.locator("[data-chart] svg circle.ws-chart-point")).to_have_count(4)
    # On paper the table prints under the chart, in place of the entry boxes; on screen it is
    # there for screen readers.
    assert page.locator("[data-chart] .ws-chart-table").first.bounding_box()["width"] <= 1
    page.emulate_media(media="print")
    expect(page.locator("[data-chart] table").first).to_be_visible()
    expect(page.locator("[data-chart] svg").first).to_be_visible()
    expect(page.locator("[data-field=ratings] [data-item]").first).to_be_hidden()
    expect(page.locator("[data-field=goals] [data-item]").first).to_be_visible()


def test_renaming_a_goal_keeps_its_ratings(page: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    _open(page, a_site_server, "progress")
    goal = page.get_by_label("The goal, in your own words")
    goal.fill("Speak up")
    _add_rating(page, "Speak up", "2026-01-05", 3)
    goal.fill("Speak up in the Monday meeting")
    expect(page.get_by_label("Which goal")).to_have_value("Speak up in the Monday meeting")
    expect(page.locator(".ws-chart-one").filter(has_text="Speak up in the Monday meeting").locator("circle")).to_have_count(1)


def test_therapist_fit_starts_with_the_guide_questions_and_keeps_your_changes(
    page: Page, a_site_server: str, offsite_requests: list[str]
) -> None:
    _open(page, a_site_server, "therapist-fit")
    questions = page.get_by_role("textbox", name="Question", exact=True)
    expect(questions).to_have_count(3)
    expect(questions.last).to_have_value("How will we know I'm making progress?")
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Remove question 1").click()
    page.reload()
    expect(questions).to_have_count(2)
    expect(questions.first).to_have_value(re.compile("^What would treatment with you look like"))


AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("worksheet_id", WORKSHEETS)
def test_a_filled_in_worksheet_with_two_items_per_group_has_no_accessibility_violations(
    browser: Browser, a_site_server: str, worksheet_id: str
) -> None:
    # Only this context lets the test inject axe-core past the site's Content-Security-Policy.
    context = browser.new_context(bypass_csp=True)
    try:
        page = context.new_page()
        _open(page, a_site_server, worksheet_id)
        for add in page.locator("form[data-worksheet] [data-add]").all():
            add.click()
        _fill_everything(page)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("""() => axe.run(document.querySelector('form[data-worksheet]'),
            {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})""")
        assert [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in result["violations"]] == []
    finally:
        context.close()
