"""Faults and odd input on the built site: the worksheet keeps working and nothing typed is lost.

Huge, emoji, right-to-left and mixed-script text; damaged saved data; Python that cannot load, a
worker that crashes, a check that raises or hangs; storage that is full or blocked; two tabs.
Faults are made with Playwright alone (routes, init scripts): the site ships no test hooks. The
service worker is blocked here so that every request meets the routes.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

pytestmark = [pytest.mark.browser, pytest.mark.browser_context_args(service_workers="block")]

SMART_GOAL = "worksheets/smart-goal/"
KEY = "set-your-therapy-goals:worksheet:smart-goal"
#: Cold Pyodide start is about 4 s here; leave room for a loaded CI machine.
CHECKER_READY_MS = 60_000
#: Bound for giving up on a checker that cannot start: the glue gives up after 60 s with no byte arriving, or at once on a failed download.
CHECKER_GIVES_UP_MS = 60_000
#: Bound for a stuck check: the glue gives a check 10 s, then restarts the worker.
STUCK_CHECK_MS = 90_000
#: Emoji (with skin tone and joiners), right-to-left Arabic and Hebrew, CJK, combining accents,
#: a right-to-left override and line breaks: every one must come back exactly as typed.
MIXED = ("Walk 20 min 🚶🏽‍♀️ every day 👩‍👩‍👧 — أريد أن أمشي كل يوم — אני רוצה ללכת — 我想每天散步 — "
         "café vs cafe\u0301 — \u202eevil\u202c — Ελληνικά, русский\nline two\n\n\tindented")
#: A printed page's worth of text is far below this: 100,000 characters of it.
HUGE = (MIXED + " ") * (100_000 // (len(MIXED) + 1)) + "x" * (100_000 % (len(MIXED) + 1))
RECORD_PRINT = "window.__printed = 0; window.print = () => { window.__printed += 1; };"


def _goal(page: Page):
    return page.get_by_role("textbox", name="Your goal")


def _why(page: Page):
    return page.get_by_role("textbox", name="Why this goal matters to you")


def _form(page: Page):
    return page.locator("form[data-worksheet=smart-goal]")


def _saved(page: Page) -> dict | None:
    raw = page.evaluate(f"localStorage.getItem('{KEY}')")
    return None if raw is None else json.loads(raw)


def _goal_feedback(page: Page):
    return page.locator("[data-feedback-for=goal]")


def _printing_still_works(page: Page, text: str) -> None:
    """The print button prints, and the page as printed holds the entry."""
    page.get_by_role("button", name="Print this worksheet").click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    # On paper the words print from their plain copy beside the box (core/paper.mjs).
    printed = page.locator("[data-field=goal] .ws-print-text").first
    expect(printed).to_be_visible()
    expect(printed).to_have_text(text)
    expect(page.locator("[data-field=goal] textarea").first).to_have_value(text)
    page.emulate_media(media="screen")


@pytest.fixture
def smart_goal(page: Page, a_site_server: str, offsite_requests: list[str]) -> Page:
    page.add_init_script(RECORD_PRINT)
    page.goto(a_site_server + SMART_GOAL)
    return page


# ---- Odd input: huge, emoji, right-to-left, mixed scripts ---------------------------------------

def test_huge_emoji_and_right_to_left_text_is_kept_exactly_after_a_reload(smart_goal: Page) -> None:
    page = smart_goal
    assert len(HUGE) == 100_000
    _goal(page).fill(HUGE)
    _why(page).fill(MIXED)
    page.reload()
    assert _goal(page).input_value() == HUGE
    assert _why(page).input_value() == MIXED
    assert _saved(page)["values"]["goals"][0] == {"goal": HUGE, "why": MIXED, "deadline": ""}


def test_a_huge_entry_is_checked_like_any_other(smart_goal: Page) -> None:
    page = smart_goal
    _goal(page).fill(HUGE)
    expect(_form(page)).to_have_attribute("data-checker", "ready", timeout=CHECKER_READY_MS)
    expect(_goal_feedback(page).locator("[data-criterion=specific]")).to_have_attribute("data-met", re.compile("true|false"))
    expect(_goal_feedback(page).locator("[data-check-note]")).to_be_hidden()


def test_an_entry_beyond_what_the_checker_reads_is_skipped_and_the_page_says_so(smart_goal: Page) -> None:
    page = smart_goal
    beyond = "I want to feel better. " * 8700 + "!"  # 200,101 characters, as if pasted
    assert len(beyond) > 200_000
    _goal(page).fill(beyond)
    expect(_form(page)).to_have_attribute("data-checker", "ready", timeout=CHECKER_READY_MS)
    expect(_goal_feedback(page).locator("[data-check-note]")).to_contain_text("longer than the checker reads")
    expect(_goal_feedback(page).locator("[data-criterion][data-met]")).to_have_count(0)
    assert _goal(page).input_value() == beyond
    # Back to a goal of a normal length, and the checker answers again.
    _goal(page).fill(MIXED)
    expect(_goal_feedback(page).locator("[data-criterion=specific]")).to_have_attribute("data-met", "true")
    expect(_goal_feedback(page).locator("[data-check-note]")).to_be_hidden()
    assert _goal(page).input_value() == MIXED


# ---- Damaged saved data --------------------------------------------------------------------------

DAMAGED = {
    "not JSON": "{this is not json",
    "a bare string": '"Walk every day"',
    "a list": '[{"goal": "Walk every day"}]',
    "values that are a list": '{"schema": 2, "worksheet": "smart-goal", "values": ["Walk every day"]}',
    "no schema": '{"worksheet": "smart-goal", "values": {"goals": [{"goal": "Walk every day"}]}}',
}
NEWER = '{"schema": 99, "worksheet": "smart-goal", "values": {"goals": [{"goal": "Written by a later version"}]}}'


def _open_with_saved(page: Page, site: str, raw: str) -> None:
    page.goto(site + "about/")
    page.evaluate("([key, raw]) => { localStorage.clear(); localStorage.setItem(key, raw); }", [KEY, raw])
    page.goto(site + SMART_GOAL)


def _kept_aside(page: Page) -> dict[str, str]:
    return page.evaluate(f"""Object.fromEntries(Object.keys(localStorage)
        .filter((key) => key.startsWith('{KEY}:')).map((key) => [key, localStorage.getItem(key)]))""")


@pytest.mark.parametrize("raw", DAMAGED.values(), ids=DAMAGED.keys())
def test_damaged_saved_data_is_kept_aside_and_the_page_says_what_to_do(
        page: Page, a_site_server: str, offsite_requests: list[str], raw: str) -> None:
    page.add_init_script(RECORD_PRINT)
    _open_with_saved(page, a_site_server, raw)
    status = _form(page).get_by_role("status").first
    expect(status).to_contain_text("could not read")
    expect(status).to_contain_text("kept aside")
    expect(status).to_contain_text("My plan")
    assert list(_kept_aside(page).values()) == [raw]
    # The page works as ever: typing is saved, and the copy kept aside stays.
    _goal(page).fill("Walk for 20 minutes every morning")
    assert _saved(page)["values"]["goals"][0]["goal"] == "Walk for 20 minutes every morning"
    page.reload()
    expect(_goal(page)).to_have_value("Walk for 20 minutes every morning")
    assert list(_kept_aside(page).values()) == [raw]
    expect(_form(page)).to_have_attribute("data-checker", "ready", timeout=CHECKER_READY_MS)
    _printing_still_works(page, "Walk for 20 minutes every morning")


def test_data_from_a_newer_version_is_kept_and_the_page_says_to_reload(
        page: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    _open_with_saved(page, a_site_server, NEWER)
    status = _form(page).get_by_role("status").first
    expect(status).to_contain_text("newer version")
    expect(status).to_contain_text("Reload the page")
    assert list(_kept_aside(page).values()) == [NEWER]
    _goal(page).fill("Walk for 20 minutes every morning")
    assert list(_kept_aside(page).values()) == [NEWER]


def test_my_plan_offers_the_copy_kept_aside_for_export(
        page: Page, a_site_server: str, offsite_requests: list[str], tmp_path) -> None:
    _open_with_saved(page, a_site_server, DAMAGED["not JSON"])
    expect(_form(page).get_by_role("status").first).to_contain_text("kept aside")
    page.goto(a_site_server + "worksheets/my-plan/")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Export all my data (.json)").click()
    exported = tmp_path / "export.json"
    download_info.value.save_as(exported)
    assert DAMAGED["not JSON"] in json.loads(exported.read_text(encoding="utf-8"))["unreadable"].values()


# ---- The checker cannot start, crashes, raises or hangs ----------------------------------------

def _worker_with(prepend: str = "", append: str = "") -> Callable[[Route], None]:
    """Serves the real checker worker with fault-making code around it."""
    def serve(route: Route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=prepend + "\n" + response.text() + "\n" + append)
    return serve


def _still_works_without_the_checker(page: Page) -> None:
    expect(_form(page)).to_have_attribute("data-checker", "unavailable", timeout=CHECKER_GIVES_UP_MS)
    expect(_goal_feedback(page).locator("[data-checker-state]")).to_contain_text("could not start")
    _goal(page).fill("Walk for 20 minutes every morning")
    assert _saved(page)["values"]["goals"][0]["goal"] == "Walk for 20 minutes every morning"
    page.reload()
    expect(_goal(page)).to_have_value("Walk for 20 minutes every morning")
    _printing_still_works(page, "Walk for 20 minutes every morning")
    # The reloaded page starts its checker again: a route handler still fetching for it when the test
    # ends would raise into the next test ("Route.fetch: Request context disposed").
    page.unroute_all(behavior="ignoreErrors")


@pytest.mark.parametrize("blocked", ["**/pyodide.asm.wasm*", "**/python_stdlib.zip*", "**/pyodide.mjs", "**/*.whl"])
def test_python_that_cannot_download_leaves_a_working_page(
        page: Page, a_site_server: str, offsite_requests: list[str], blocked: str) -> None:
    page.add_init_script(RECORD_PRINT)
    page.route(blocked, lambda route: route.abort("internetdisconnected"))
    page.goto(a_site_server + SMART_GOAL)
    _still_works_without_the_checker(page)


def test_a_checks_wheel_that_is_not_the_built_one_is_never_unpacked(
        page: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    # A host that serves another build's wheel: a sound archive, but not the bytes the build hashed.
    def another_wheel(route: Route) -> None:
        built = route.fetch().body()
        changed = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(built)) as source, zipfile.ZipFile(changed, "w") as target:
            for item in source.infolist():
                target.writestr(item, source.read(item))
            target.writestr("worksheets/another_build.txt", "not the wheel this site was built with")
        route.fulfill(status=200, body=changed.getvalue(), content_type="application/octet-stream")

    page.add_init_script(RECORD_PRINT)
    page.route("**/*.whl", another_wheel)
    page.goto(a_site_server + SMART_GOAL)
    _still_works_without_the_checker(page)


def test_a_missing_worker_script_leaves_a_working_page(
        page: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    page.add_init_script(RECORD_PRINT)
    page.route("**/checker-worker.mjs", lambda route: route.fulfill(status=404, body="not found"))
    page.goto(a_site_server + SMART_GOAL)
    _still_works_without_the_checker(page)


def test_a_worker_that_crashes_leaves_a_working_page(
        page: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    page.add_init_script(RECORD_PRINT)
    page.route("**/checker-worker.mjs", _worker_with(append="""
        self.addEventListener("message", ({ data }) => {
          if (data.type === "check" && JSON.stringify(data.data).includes("crash the worker")) {
            setTimeout(() => { throw new Error("the worker crashed"); });
          }
        });"""))
    page.goto(a_site_server + SMART_GOAL)
    expect(_form(page)).to_have_attribute("data-checker", "ready", timeout=CHECKER_READY_MS)
    _goal(page).fill("Please crash the worker")
    _still_works_without_the_checker(page)


def test_a_check_that_raises_shows_a_neutral_message_and_the_next_check_works(
        page: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    # Asks Python for a check it does not have: a real exception, raised inside Python.
    page.route("**/checker-worker.mjs", _worker_with(prepend="""
        self.addEventListener("message", ({ data }) => {
          if (data.type === "check" && JSON.stringify(data.data).includes("raise in python")) data.data.check = "no-such-check";
        });"""))
    page.goto(a_site_server + SMART_GOAL)
    expect(_form(page)).to_have_attribute("data-checker", "ready", timeout=CHECKER_READY_MS)
    _goal(page).fill("Walk for 20 minutes every morning")
    expect(_goal_feedback(page).locator("[data-criterion=time-bound]")).to_have_attribute("data-met", "true")
    _goal(page).fill("Please raise in python")
    note = _goal_feedback(page).locator("[data-check-note]")
    expect(note).to_contain_text("could not read this entry")
    # Old verdicts belonged to other words: none is left standing next to the message.
    expect(_goal_feedback(page).locator("[data-criterion][data-met]")).to_have_count(0)
    assert _saved(page)["values"]["goals"][0]["goal"] == "Please raise in python"
    _goal(page).fill("Never feel anxious again")
    expect(_goal_feedback(page).locator("[data-criterion=achievable]")).to_have_attribute("data-met", "false")
    expect(note).to_be_hidden()
    expect(_form(page)).to_have_attribute("data-checker", "ready")


def test_a_check_that_hangs_restarts_the_worker_and_loses_nothing(
        page: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    page.route("**/checker-worker.mjs", _worker_with(prepend="""
        self.addEventListener("message", ({ data }) => {
          if (data.type === "check" && JSON.stringify(data.data).includes("hang the checker")) for (;;) {}
        });"""))
    page.goto(a_site_server + SMART_GOAL)
    expect(_form(page)).to_have_attribute("data-checker", "ready", timeout=CHECKER_READY_MS)
    workers_before = page.evaluate("performance.getEntriesByType('resource').filter((e) => e.name.endsWith('checker-worker.mjs')).length")
    _goal(page).fill("Please hang the checker")
    _why(page).fill("Typed while the checker was stuck")
    note = _goal_feedback(page).locator("[data-check-note]")
    expect(note).to_contain_text("took too long", timeout=STUCK_CHECK_MS)
    # A fresh worker took over, and the stuck entry is not sent to it again.
    expect(_form(page)).to_have_attribute("data-checker", "ready", timeout=CHECKER_READY_MS)
    assert page.evaluate("performance.getEntriesByType('resource').filter((e) => e.name.endsWith('checker-worker.mjs')).length") > workers_before
    expect(note).to_contain_text("took too long")
    assert _saved(page)["values"]["goals"][0] == {"goal": "Please hang the checker", "why": "Typed while the checker was stuck", "deadline": ""}
    _goal(page).fill("Walk for 20 minutes every morning")
    expect(_goal_feedback(page).locator("[data-criterion=time-bound]")).to_have_attribute("data-met", "true")
    expect(note).to_be_hidden()
    expect(_why(page)).to_have_value("Typed while the checker was stuck")


# ---- Storage that is full or blocked ------------------------------------------------------------

STORAGE_FULL = """Storage.prototype.setItem = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
};"""
STORAGE_BLOCKED = """for (const name of ["getItem", "setItem", "removeItem", "key"]) {
  Storage.prototype[name] = function () { throw new DOMException("Access is denied for this document.", "SecurityError"); };
}"""
STORAGE_MISSING = """Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("Access is denied for this document.", "SecurityError"); },
});"""


def test_full_storage_says_the_work_is_not_kept_and_printing_still_works(
        page: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    page.add_init_script(RECORD_PRINT)
    page.add_init_script(STORAGE_FULL)
    page.goto(a_site_server + SMART_GOAL)
    _goal(page).fill("Walk for 20 minutes every morning")
    expect(_form(page).get_by_role("status").first).to_contain_text("storage is full")
    expect(_form(page).get_by_role("status").first).to_contain_text("not saved")
    _printing_still_works(page, "Walk for 20 minutes every morning")


@pytest.mark.parametrize("blocking", [STORAGE_BLOCKED, STORAGE_MISSING], ids=["calls throw", "no localStorage"])
def test_blocked_storage_says_the_work_is_not_kept_and_printing_still_works(
        page: Page, a_site_server: str, offsite_requests: list[str], blocking: str) -> None:
    page.add_init_script(RECORD_PRINT)
    page.add_init_script(blocking)
    page.goto(a_site_server + SMART_GOAL)
    status = _form(page).get_by_role("status").first
    expect(status).to_contain_text("not letting the site save anything")
    _goal(page).fill("Walk for 20 minutes every morning")
    expect(status).to_contain_text("will not be kept")
    expect(_form(page)).to_have_attribute("data-checker", "ready", timeout=CHECKER_READY_MS)
    _printing_still_works(page, "Walk for 20 minutes every morning")


def test_storage_that_frees_up_again_clears_the_warning(
        page: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    page.add_init_script("""window.__storageFull = true;
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (...args) {
        if (window.__storageFull) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        return setItem.apply(this, args);
      };""")
    page.goto(a_site_server + SMART_GOAL)
    _goal(page).fill("Walk for 20 minutes")
    status = _form(page).get_by_role("status").first
    expect(status).to_contain_text("storage is full")
    page.evaluate("window.__storageFull = false")
    _goal(page).fill("Walk for 20 minutes every morning")
    expect(status).to_have_text("")
    assert _saved(page)["values"]["goals"][0]["goal"] == "Walk for 20 minutes every morning"


# ---- Two tabs on the same worksheet ----------------------------------------------------------------

@pytest.fixture
def two_tabs(context: BrowserContext, a_site_server: str, offsite_requests: list[str]) -> tuple[Page, Page]:
    first, second = context.new_page(), context.new_page()
    for tab in (first, second):
        tab.goto(a_site_server + SMART_GOAL)
        expect(_goal(tab)).to_be_visible()
    return first, second


def test_a_tab_not_being_typed_in_follows_what_another_tab_saves(two_tabs: tuple[Page, Page]) -> None:
    first, second = two_tabs
    _goal(second).fill("Walk for 20 minutes every morning")
    _why(second).fill("More energy for my kids")
    expect(_goal(first)).to_have_value("Walk for 20 minutes every morning")
    expect(_why(first)).to_have_value("More energy for my kids")
    expect(_form(first).get_by_role("status").first).to_contain_text("another tab")
    # Carrying on in the first tab builds on the second tab's words: nothing is lost.
    _why(first).fill("More energy for my kids, and for me")
    first.reload()
    expect(_goal(first)).to_have_value("Walk for 20 minutes every morning")
    expect(_why(first)).to_have_value("More energy for my kids, and for me")


def test_a_tab_being_typed_in_keeps_its_words_and_warns(two_tabs: tuple[Page, Page]) -> None:
    first, second = two_tabs
    _goal(first).fill("Call my sister every Sunday")
    _goal(first).focus()
    _goal(second).fill("Walk for 20 minutes every morning")
    # The person is typing in the first tab: its words stay, and it says what happened and what to do.
    alert = _form(first).get_by_role("alert")
    expect(alert).to_contain_text("changed in another tab")
    expect(alert).to_contain_text("reload")
    expect(_goal(first)).to_have_value("Call my sister every Sunday")
