"""A flagged entry, in Debian's Chromium on the built site: the kind's message and its support lines
in place of every verdict, rewrite and prompt, on the worksheet, under free text with no check of
its own, in My plan, its share view and on paper; the person's words stay exactly as typed.

The flags come from the Python safety layer (worksheets/checks/safety.py, the `safety` key of
every result). Until it is in this tree, `_flags` stands in for it with one fixed answer for the
one sentence these tests type (no rule, no lexicon), and drops out once the real check answers.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, Route, expect

from worksheets.checks import api, safety
from worksheets.checks.smart import check_goal

pytestmark = pytest.mark.browser

DATA = Path(__file__).parent / "data"
CHECKER_READY_MS = 60_000
KEY = "set-your-therapy-goals:worksheet:"
CRISIS = "i just want to go to sleep and never wake up"
#: The stand-in's message, used only while the Python safety layer is missing.
STAND_IN = {"kind": "crisis", "message": "Stand-in message: you deserve support right now."}
VERDICTS = ("Met", "Not yet", "One way to write it")


@pytest.fixture
def browser_context_args(browser_context_args: dict) -> dict:
    # The stand-in is served by page.route, which requests the service worker answers never reach.
    return {**browser_context_args, "service_workers": "block"}


def _python_flags() -> bool:
    return "safety" in api.CHECKS and bool(check_goal(CRISIS).get("safety"))


def _expected_safety() -> dict:
    return check_goal(CRISIS)["safety"] if _python_flags() else STAND_IN


def _flags(page: Page) -> None:
    """Until the safety layer is in worksheets/checks, the worker answers CRISIS as it will."""
    if _python_flags():
        return
    stand_in = json.dumps(STAND_IN)
    criteria = json.dumps({key: {"met": None, "feedback": ""} for key in
                           ("specific", "measurable", "achievable", "relevant", "time_bound", "realistic", "time_frame")})
    code = f"""
      self.addEventListener("message", (event) => {{
        const message = event.data;
        if (message.type !== "check") return;
        const flagged = JSON.stringify(message.data.input).includes({json.dumps(CRISIS)});
        if (!flagged && message.data.check !== "safety") return;
        event.stopImmediatePropagation();
        const data = message.data.check === "safety" ? {{ crisis: flagged, safety: flagged ? {stand_in} : null }}
          : {{ ...{criteria}, suggestion: null, crisis: true, prompts: [], safety: {stand_in} }};
        self.postMessage({{ type: "result", id: message.id, data }});
      }});"""

    def serve(route: Route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=code + "\n" + response.text())
    page.route("**/checker-worker.mjs", serve)


def _expect_support_only(page: Page, where: Locator) -> None:
    """`where` shows the message and the kind's support lines, and nothing graded."""
    safety = _expected_safety()
    box = where.locator("[data-safety], .plan-safety").first
    expect(box).to_be_visible(timeout=CHECKER_READY_MS)
    expect(box).to_contain_text(safety["message"])
    template = page.locator(f"template[data-support-for={safety['kind']}]")
    if template.count():
        lines = template.evaluate("(t) => t.content.textContent.replace(/\\s+/g, ' ').trim()")
        expect(box).to_contain_text(lines.split(":")[0])
    else:
        expect(box.get_by_role("link", name="Get help now")).to_be_visible()
    text = where.inner_text()
    assert not [verdict for verdict in VERDICTS if verdict in text], text


def _saved(page: Page, worksheet_id: str) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}{worksheet_id}')"))


def test_a_flagged_goal_shows_support_and_no_verdict(page: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    _flags(page)
    page.goto(a_site_server + "worksheets/smart-goal/")
    form = page.locator("form[data-worksheet=smart-goal]")
    expect(form).to_have_attribute("data-checker", "ready", timeout=CHECKER_READY_MS)
    goal = form.locator("[data-field=goal] textarea").first
    goal.fill("Walk for 20 minutes every morning this month")
    feedback = form.locator("[data-feedback-for=goal]").first
    expect(feedback.locator("[data-criterion=time-bound]")).to_have_attribute("data-met", "true")

    goal.fill(CRISIS)
    _expect_support_only(page, feedback)
    expect(feedback.locator("[data-criterion][data-met]")).to_have_count(0)
    expect(feedback.locator("[data-suggestion]")).to_be_hidden()
    expect(feedback.locator("[data-prompts] li")).to_have_count(0)
    expect(goal).to_have_value(CRISIS)
    assert _saved(page, "smart-goal")["values"]["goals"][0]["goal"] == CRISIS

    # On paper: the support prints where the verdicts would have been.
    page.emulate_media(media="print")
    expect(feedback.locator("[data-safety]")).to_be_visible()
    page.emulate_media(media="screen")

    # Words that are not flagged bring the verdicts back, and the support goes.
    goal.fill("Walk for 20 minutes every morning this month")
    expect(feedback.locator("[data-criterion=time-bound]")).to_have_attribute("data-met", "true")
    expect(feedback.locator("[data-safety]")).to_be_hidden()


def test_free_text_with_no_check_shows_support_right_under_it(page: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    _flags(page)
    page.goto(a_site_server + "worksheets/find-your-why/")
    form = page.locator("form[data-worksheet=find-your-why]")
    expect(form).to_have_attribute("data-checker", "ready", timeout=CHECKER_READY_MS)
    field = form.locator("[data-field=what_brought_you]")
    field.locator("textarea").fill(CRISIS)
    _expect_support_only(page, field)
    # Only that field: the others say nothing.
    expect(form.locator("[data-field=trigger] [data-safety]")).to_be_hidden()
    assert _saved(page, "find-your-why")["values"]["what_brought_you"] == CRISIS
    field.locator("textarea").fill("I want to feel less tense at work")
    expect(field.locator("[data-safety]")).to_be_hidden()


def test_my_plan_and_its_share_view_show_support_in_place_of_verdicts(
        page: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    _flags(page)
    page.goto(a_site_server + "about/")
    page.evaluate("([key, doc]) => localStorage.setItem(key, JSON.stringify(doc))", [KEY + "smart-goal", {
        "schema": 2, "worksheet": "smart-goal", "values": {"goals": [{"goal": CRISIS, "why": ""}]}}])
    page.goto(a_site_server + "worksheets/my-plan/")
    section = page.locator("[data-plan-section=smart-goal]")
    _expect_support_only(page, section)
    expect(section.locator(".plan-text")).to_have_text(CRISIS)
    page.emulate_media(media="print")
    expect(section.locator(".plan-safety")).to_be_visible()
    page.emulate_media(media="screen")

    page.get_by_role("button", name="Make a share link").click()
    # The link is made asynchronously (compressed); it is ready once it carries the plan.
    expect(page.locator("[data-share-link]")).to_have_attribute("href", re.compile(r"#view="))
    link = page.locator("[data-share-link]").get_attribute("href")
    page.evaluate("localStorage.clear()")
    page.goto(link)
    shared = page.locator("[data-plan-section=smart-goal]")
    _expect_support_only(page, shared)
    expect(shared.locator(".plan-text")).to_have_text(CRISIS)


def _an_unsure_goal() -> str:
    """A harmless goal in tests/data that the safety model leans towards reading as harmful without
    being sure of, as the shipped model reads it now (found, not written here: retraining moves it)."""
    for path in sorted(DATA.glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            text = row.get("text", row.get("goal"))
            if row.get("kind", "none") == "none" and row.get("field", "goal") == "goal" and \
                    check_goal(text)["unsure"] == {"message": safety.UNSURE_MESSAGE}:
                return text
    raise AssertionError("no harmless goal in tests/data leaves the model unsure")


@pytest.mark.parametrize("why", ["the model leans", "an alphabet it does not read"])
def test_a_goal_the_checker_is_unsure_of_gets_lines_and_no_verdict(
        page: Page, a_site_server: str, offsite_requests: list[str], why: str) -> None:
    goal_text, message = ((_an_unsure_goal(), safety.UNSURE_MESSAGE) if why == "the model leans"
                          else ("매일 아침 20분 걷기", safety.UNREAD_SCRIPT_MESSAGE))
    page.goto(a_site_server + "worksheets/smart-goal/")
    form = page.locator("form[data-worksheet=smart-goal]")
    expect(form).to_have_attribute("data-checker", "ready", timeout=CHECKER_READY_MS)
    goal = form.locator("[data-field=goal] textarea").first
    goal.fill(goal_text)
    feedback = form.locator("[data-feedback-for=goal]").first
    box = feedback.locator("[data-safety]")
    expect(box).to_have_attribute("data-safety-kind", "unsure", timeout=CHECKER_READY_MS)
    expect(box).to_contain_text(message)
    expect(box.get_by_role("link", name="Get help now")).to_be_visible()
    expect(box.locator("a[href^='tel:']").first).to_be_visible()
    expect(feedback.locator("[data-criterion][data-met]")).to_have_count(0)
    expect(feedback.locator("[data-suggestion]")).to_be_hidden()
    expect(feedback.locator("[data-prompts] li")).to_have_count(0)
    assert _saved(page, "smart-goal")["values"]["goals"][0]["goal"] == goal_text

    # My plan says the same, in place of its one line of verdicts.
    page.goto(a_site_server + "worksheets/my-plan/")
    section = page.locator("[data-plan-section=smart-goal]")
    expect(section.locator(".plan-safety")).to_contain_text(message, timeout=CHECKER_READY_MS)
    assert not [verdict for verdict in ("Met:", "Not yet:") if verdict in section.inner_text()]
