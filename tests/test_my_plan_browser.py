"""My plan in Debian's Chromium, on the built site: gathering, export/import, calendar, share, print.

Worksheets are seeded in the storage contract's shape ({schema, worksheet, saved, values}), with
field ids read from their specs when the spec exists, so these tests follow the specs as they grow.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from worksheets import pages
from worksheets.checks import api

pytestmark = pytest.mark.browser

KEY_PREFIX = "set-your-therapy-goals:"
DOCUMENT_PREFIX = KEY_PREFIX + "worksheet:"
HOSTILE = '<img src=x onerror="window.__pwned = 1">'
#: Cold Pyodide start is about 4 s here; leave room for a loaded CI machine.
CHECKER_READY_MS = 60_000
#: A day the tests pretend is today, so review dates are known in advance.
TODAY = datetime.datetime(2026, 3, 2, 10, 0)


# ---- Seeding in the storage contract's shape ------------------------------------------------

@pytest.fixture(scope="module")
def specs() -> dict[str, dict[str, Any]]:
    return {w.id: w.spec for w in pages.load_worksheets()}


def _find(fields: list[dict[str, Any]], wanted, group: dict[str, Any] | None = None):
    """(field, the repeat group holding it or None) for the first field `wanted` accepts."""
    for field in fields:
        if isinstance(field.get("fields"), list):
            found = _find(field["fields"], wanted, field)
            if found:
                return found
        elif wanted(field):
            return field, group
    return None


def _record(spec: dict[str, Any] | None, texts: dict[str, str]) -> dict[str, Any]:
    """Values holding texts by role: 'text' in the first (checked, if any) text field, 'date' in a date field.

    Without a spec (the worksheet has not landed yet) the roles themselves are the field ids.
    """
    if spec is None:
        return dict(texts)
    wanted = {
        "text": lambda f: f["kind"] in {"textarea", "text"} and (f.get("check") or not _find(spec["fields"], lambda g: g.get("check"))),
        "date": lambda f: f["kind"] == "date",
    }
    values: dict[str, Any] = {}
    for role, text in texts.items():
        field, group = _find(spec["fields"], wanted[role])
        record = values.setdefault(group["id"], [{}])[0] if group else values
        record[field["id"]] = text
    return values


def _document(worksheet_id: str, values: dict[str, Any]) -> dict[str, Any]:
    return {"schema": 1, "worksheet": worksheet_id, "saved": "2026-03-01T09:00:00.000Z", "values": values}


def _seed(page: Page, site: str, documents: dict[str, dict[str, Any]], extra: dict[str, str] | None = None) -> None:
    page.goto(site + "worksheets/my-plan/")
    entries = {DOCUMENT_PREFIX + worksheet_id: json.dumps(doc) for worksheet_id, doc in documents.items()}
    page.evaluate("entries => { for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v); }",
                  {**entries, **(extra or {})})


def _storage(page: Page) -> dict[str, str]:
    return page.evaluate("Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))")


def _values(page: Page) -> dict[str, Any]:
    """Each stored worksheet document's values (documents only), by worksheet id."""
    return {key.removeprefix(DOCUMENT_PREFIX): json.loads(raw)["values"] for key, raw in _storage(page).items()
            if re.fullmatch(re.escape(DOCUMENT_PREFIX) + r"[a-z0-9-]+", key)}


def _entries(values: dict[str, Any]) -> int:
    """What the import preview counts: each filled answer, and each filled item of a group."""
    return sum(sum(1 for item in value if any(v.strip() for v in item.values())) if isinstance(value, list)
               else int(bool(value.strip())) for value in values.values())


def _a_full_plan(specs: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Entries in five worksheets, the smart goal with a deadline."""
    texts = {
        "find-your-why": "I stopped seeing friends after the move\nand I miss them",
        "benefits": "I would laugh more and sleep better",
        "realistic-steps": "Join one club this month, then go twice",
        "session-prep": "Ask how to handle Sunday evenings",
    }
    documents = {worksheet_id: _document(worksheet_id, _record(specs.get(worksheet_id), {"text": text}))
                 for worksheet_id, text in texts.items()}
    documents["smart-goal"] = _document("smart-goal", _record(
        specs["smart-goal"], {"text": "Meet a friend for coffee every Saturday in April", "date": "2026-05-01"}))
    return documents


@pytest.fixture
def my_plan(page: Page, a_site_server: str, offsite_requests: list[str]) -> Page:
    page.clock.set_fixed_time(TODAY)
    return page


# ---- Gathering -------------------------------------------------------------------------------

def test_my_plan_gathers_entries_from_several_worksheets(my_plan: Page, a_site_server: str, specs) -> None:
    page = my_plan
    page.goto(a_site_server + "worksheets/smart-goal/")
    page.get_by_role("textbox", name="Your goal").first.press_sequentially("Walk for 20 minutes after work")
    documents = _a_full_plan(specs)
    del documents["smart-goal"]
    _seed(page, a_site_server, documents)
    page.goto(a_site_server + "worksheets/my-plan/")

    goal = page.locator("[data-plan-section=smart-goal]")
    expect(goal.get_by_role("heading", level=2)).to_have_text(specs["smart-goal"].get("nav_title", "SMART goal"))
    expect(goal).to_contain_text("Your goal")
    expect(goal).to_contain_text("Walk for 20 minutes after work")
    expect(page.locator("[data-plan-section=find-your-why]")).to_contain_text("I stopped seeing friends after the move")
    expect(page.locator("[data-plan-section=benefits]")).to_contain_text("I would laugh more and sleep better")
    expect(page.locator("[data-plan-section=realistic-steps]")).to_contain_text("Join one club this month")
    expect(page.locator("[data-plan-section=session-prep]")).to_contain_text("Ask how to handle Sunday evenings")
    # In the order the my-plan spec gives, whatever order they were saved in.
    shown = page.locator("[data-plan-section]").evaluate_all("nodes => nodes.map(n => n.dataset.planSection)")
    gathers = specs["my-plan"]["gathers"]
    assert shown == sorted(shown, key=gathers.index)
    # Line breaks in what people wrote are kept.
    assert "after the move\nand I miss them" in page.locator("[data-plan-section=find-your-why]").inner_text()
    expect(page.locator("[data-plan-empty]")).to_be_hidden()


def test_each_goal_shows_what_the_python_check_says_now(my_plan: Page, a_site_server: str, specs) -> None:
    page = my_plan
    text = "Never feel anxious again"
    _seed(page, a_site_server, {"smart-goal": _document("smart-goal", _record(specs["smart-goal"], {"text": text}))})
    page.goto(a_site_server + "worksheets/my-plan/")
    field, _ = _find(specs["smart-goal"]["fields"], lambda f: f.get("check"))
    check = field["check"]
    request = {"check": check["name"], "input": {check["input"]: text, **{k: "" for k in check.get("context", {})}}}
    result = json.loads(api.handle(json.dumps(request)))
    met = [c["label"] for c in check["criteria"] if result[c["key"]]["met"]]
    not_yet = [c["label"] for c in check["criteria"] if not result[c["key"]]["met"]]
    expected = " ".join(part for part in (f"Met: {', '.join(met)}." if met else "",
                                          f"Not yet: {', '.join(not_yet)}." if not_yet else "") if part)
    expect(page.locator("[data-plan-section=smart-goal] [data-plan-check]")).to_have_text(expected, timeout=CHECKER_READY_MS)
    assert not_yet  # "never" is out of reach: the plan does not pretend all is well


def test_my_plan_works_after_instant_navigation(my_plan: Page, a_site_server: str, specs) -> None:
    page = my_plan
    _seed(page, a_site_server, _a_full_plan(specs))
    page.goto(a_site_server)
    page.locator("nav a[href$='worksheets/my-plan/']").first.click()
    expect(page.locator("[data-plan-section=benefits]")).to_contain_text("I would laugh more")
    page.get_by_role("button", name="Delete all my data").click()
    expect(page.get_by_role("group", name="Delete everything?")).to_be_visible()


def test_an_empty_browser_shows_where_to_start(my_plan: Page, a_site_server: str) -> None:
    my_plan.goto(a_site_server + "worksheets/my-plan/")
    expect(my_plan.locator("[data-plan-empty]")).to_be_visible()
    expect(my_plan.locator("[data-plan-empty]").get_by_role("link", name="Write a SMART goal")).to_be_visible()
    expect(my_plan.get_by_role("button", name=re.compile("calendar"))).to_be_disabled()
    expect(my_plan.locator("[data-calendar-note]")).to_contain_text("None of your goals has a deadline yet")


def test_saved_ratings_show_as_a_table_with_the_group_labels(my_plan: Page, a_site_server: str, specs) -> None:
    spec = specs.get("progress")
    found = spec and _find(spec["fields"], lambda f: f["kind"] == "date")
    if found and found[1]:
        date_field, group = found
        scale = next(f for f in group["fields"] if f["kind"] == "scale")
        rows = [{date_field["id"]: "2026-01-05", scale["id"]: "3"}, {date_field["id"]: "2026-02-05", scale["id"]: "6"}]
        values = {group["id"]: rows}
        for field in spec["fields"]:  # a group of goals around the ratings: one goal holding them
            if group in field.get("fields", []):
                values = {field["id"]: [{group["id"]: rows}]}
        expected_headers = [f["label"] for f in group["fields"] if f in (date_field, scale)]  # empty columns go
        first_date = "January 5, 2026"  # a date field, shown as a date
    else:
        values = {"ratings": [{"date": "2026-01-05", "rating": "3"}, {"date": "2026-02-05", "rating": "6"}]}
        expected_headers = None
        first_date = "2026-01-05"  # no spec yet: shown as saved, labelled by field id
    _seed(my_plan, a_site_server, {"progress": _document("progress", values)})
    my_plan.goto(a_site_server + "worksheets/my-plan/")
    section = my_plan.locator("[data-plan-section=progress]")
    expect(section).to_contain_text(first_date)
    expect(section).to_contain_text("6")
    if expected_headers:
        expect(section.get_by_role("columnheader")).to_have_text(expected_headers)
        expect(section.get_by_role("row")).to_have_count(3)


def test_hostile_text_is_shown_verbatim_and_never_run(my_plan: Page, a_site_server: str, specs) -> None:
    page = my_plan
    documents = {
        "smart-goal": _document("smart-goal", _record(specs["smart-goal"], {"text": HOSTILE})),
        "find-your-why": _document("find-your-why", {"unknown_field": f"</script>{HOSTILE}"}),
    }
    _seed(page, a_site_server, documents)
    page.goto(a_site_server + "worksheets/my-plan/")
    expect(page.locator("[data-plan-section=smart-goal]")).to_contain_text(HOSTILE)
    expect(page.locator("[data-plan-section=find-your-why]")).to_contain_text(f"</script>{HOSTILE}")
    expect(page.locator("[data-plan-body] img")).to_have_count(0)
    assert page.evaluate("window.__pwned") is None


# ---- Export and import -----------------------------------------------------------------------

def _export(page: Page, tmp_path: Path) -> Path:
    with page.expect_download() as download_info:
        page.get_by_role("button", name=re.compile("Export")).click()
    download = download_info.value
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    return path


def test_export_then_import_in_a_fresh_browser_restores_everything(
        my_plan: Page, browser: Browser, a_site_server: str, specs, tmp_path: Path) -> None:
    page = my_plan
    kept_aside = {DOCUMENT_PREFIX + "benefits:unreadable:1767000000000": "{half a docum"}
    plan = _a_full_plan(specs)
    _seed(page, a_site_server, plan, kept_aside)
    page.goto(a_site_server + "worksheets/my-plan/")
    exported = _export(page, tmp_path)
    assert re.fullmatch(r"set-your-therapy-goals-\d{4}-\d{2}-\d{2}\.json", exported.name)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "set-your-therapy-goals-export" and data["version"] == 1
    assert datetime.datetime.fromisoformat(data["exported"]).year == TODAY.year
    assert set(data["worksheets"]) == {"find-your-why", "benefits", "realistic-steps", "session-prep", "smart-goal"}
    assert data["unreadable"] == {"worksheet:benefits:unreadable:1767000000000": "{half a docum"}
    expect(page.get_by_role("status")).to_contain_text("5 worksheets")

    context = browser.new_context()
    try:
        other = context.new_page()
        # The other browser already holds something the file does not: importing replaces it.
        _seed(other, a_site_server, {"progress": _document("progress", {"note": "older entry"})})
        other.goto(a_site_server + "worksheets/my-plan/")
        chooser = other.get_by_label("Import a file you exported before")
        chooser.set_input_files(exported)
        preview = other.get_by_role("group", name="Import this file?")
        expect(preview).to_be_visible()
        expect(preview).to_contain_text("It holds 5 worksheets")
        goal_entries = _entries(plan["smart-goal"]["values"])
        expect(preview).to_contain_text(f"SMART goal: {goal_entries} {'entry' if goal_entries == 1 else 'entries'}")
        expect(preview).to_contain_text("1 saved copy this site could not read")
        expect(preview).to_contain_text("Exported on")
        expect(preview).to_contain_text("replaces what this browser holds now (1 worksheet)")
        # Asking first: cancelling keeps what was there.
        other.get_by_role("button", name="Cancel, keep my data").click()
        expect(preview).to_be_hidden()
        assert _values(other) == {"progress": {"note": "older entry"}}

        chooser.set_input_files(exported)
        other.get_by_role("button", name="Replace my data with this file").click()
        expect(other.get_by_role("status")).to_contain_text("Imported 5 worksheets")
        assert _values(other) == _values(page)
        assert {k: v for k, v in _storage(other).items() if ":unreadable:" in k} == kept_aside
        expect(other.locator("[data-plan-section=benefits]")).to_contain_text("I would laugh more")
        other.goto(a_site_server + "worksheets/smart-goal/")
        expect(other.get_by_role("textbox", name="Your goal").first).to_have_value(
            "Meet a friend for coffee every Saturday in April")
    finally:
        context.close()


_ONE_DOCUMENT = {"smart-goal": _document("smart-goal", {"goal": "x"})}


@pytest.mark.parametrize(("content", "message"), [
    (b"{\"format\": \"set-your-therapy-goals-export\", \"vers", "not readable as JSON"),
    (json.dumps({"format": "another-notes-app", "version": 1, "worksheets": _ONE_DOCUMENT}).encode(),
     "not exported by Set Your Therapy Goals"),
    (json.dumps(["set-your-therapy-goals-export", 1]).encode(), "not exported by Set Your Therapy Goals"),
    (json.dumps({"format": "set-your-therapy-goals-export", "version": 99, "worksheets": {}}).encode(),
     "newer version of this site"),
    (json.dumps({"format": "set-your-therapy-goals-export", "version": 1, "worksheets": {
        "smart-goal": {"schema": 999, "worksheet": "smart-goal", "values": {}}}}).encode(),
     "“SMART goal” as a newer version of this site saved it"),
    (json.dumps({"format": "set-your-therapy-goals-export", "version": 1, "worksheets": {
        "smart-goal": {"schema": 1, "worksheet": "smart-goal", "values": {"goal": 5}}}}).encode(),
     "damaged: the entries for “SMART goal”"),
    (json.dumps({"format": "set-your-therapy-goals-export", "version": 1, "worksheets": {
        "smart-goal": {"schema": 1, "worksheet": "benefits", "values": {}}}}).encode(), "damaged"),
    (json.dumps({"format": "set-your-therapy-goals-export", "version": 1, "worksheets": _ONE_DOCUMENT,
                 "unreadable": {"elsewhere:key": "x"}}).encode(), "damaged"),
    (b" " * (5 * 1024 * 1024 + 1), "too large"),
], ids=["truncated", "other-site", "not-an-object", "newer-version", "newer-document", "wrong-value", "wrong-id", "bad-kept-key", "too-large"])
def test_a_wrong_or_damaged_import_file_is_refused_and_nothing_changes(
        my_plan: Page, a_site_server: str, specs, content: bytes, message: str) -> None:
    page = my_plan
    _seed(page, a_site_server, _a_full_plan(specs), {"someone-else:key": "theirs"})
    page.goto(a_site_server + "worksheets/my-plan/")
    before = _storage(page)
    page.get_by_label("Import a file you exported before").set_input_files(
        {"name": "plan.json", "mimeType": "application/json", "buffer": content})
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text(message)
    expect(alert).to_contain_text("Nothing was changed.")
    expect(page.get_by_role("group", name="Import this file?")).to_be_hidden()
    assert _storage(page) == before


# ---- Delete ------------------------------------------------------------------------------------

def test_delete_all_asks_first_then_removes_only_this_sites_data(my_plan: Page, a_site_server: str, specs) -> None:
    page = my_plan
    _seed(page, a_site_server, _a_full_plan(specs), {"someone-else:key": "theirs"})
    page.goto(a_site_server + "worksheets/my-plan/")
    before = _storage(page)
    page.get_by_role("button", name="Delete all my data").click()
    confirm = page.get_by_role("group", name="Delete everything?")
    expect(confirm).to_be_focused()
    confirm.get_by_role("button", name="Cancel, keep my data").click()
    assert _storage(page) == before

    page.get_by_role("button", name="Delete all my data").click()
    page.get_by_role("button", name="Yes, delete everything").click()
    expect(page.get_by_role("status")).to_contain_text("Deleted")
    left = _storage(page)
    assert [key for key in left if key.startswith(KEY_PREFIX)] == [] and left["someone-else:key"] == "theirs"
    expect(page.locator("[data-plan-empty]")).to_be_visible()


# ---- Calendar ----------------------------------------------------------------------------------

def _unfolded(raw: bytes) -> list[str]:
    """RFC 5545 content lines: CRLF endings, at most 75 octets, folded lines joined again."""
    assert raw.endswith(b"\r\n")
    physical = raw[:-2].split(b"\r\n")
    assert all(b"\n" not in line and b"\r" not in line for line in physical)
    assert all(len(line) <= 75 for line in physical), [line for line in physical if len(line) > 75]
    text = "\r\n".join(line.decode("utf-8") for line in physical)  # each fold is valid UTF-8 on its own
    return re.sub(r"\r\n[ \t]", "", text).split("\r\n")


def _unescaped(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _events(lines: list[str]) -> list[dict[str, str]]:
    events, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    return events


GOAL_WITH_SPECIAL_CHARACTERS = (
    "Meet a friend, not just text; say \\ yes to one plan a week\n"
    "and notice how it feels — café, park or a walk by the river near the old bridge"
)


def test_the_calendar_file_holds_each_deadline_and_weekly_reviews(
        my_plan: Page, a_site_server: str, specs, tmp_path: Path) -> None:
    page = my_plan
    documents = {"smart-goal": _document("smart-goal", _record(
        specs["smart-goal"], {"text": GOAL_WITH_SPECIAL_CHARACTERS, "date": "2026-05-01"}))}
    _seed(page, a_site_server, documents)
    page.goto(a_site_server + "worksheets/my-plan/")
    expect(page.locator("[data-calendar-note]")).to_contain_text("1 deadline")
    with page.expect_download() as download_info:
        page.get_by_role("button", name=re.compile("calendar")).first.click()
    assert download_info.value.suggested_filename.endswith(".ics")
    path = tmp_path / "plan.ics"
    download_info.value.save_as(path)
    lines = _unfolded(path.read_bytes())
    assert lines[:2] == ["BEGIN:VCALENDAR", "VERSION:2.0"] and lines[-1] == "END:VCALENDAR"
    assert any(line.startswith("PRODID:") for line in lines)

    deadline, review = _events(lines)
    assert deadline["DTSTART;VALUE=DATE"] == "20260501" and deadline["DTEND;VALUE=DATE"] == "20260502"
    assert _unescaped(deadline["SUMMARY"]) == "Deadline: " + GOAL_WITH_SPECIAL_CHARACTERS
    assert GOAL_WITH_SPECIAL_CHARACTERS in _unescaped(deadline["DESCRIPTION"])
    assert re.fullmatch(r"\d{8}T\d{6}Z", deadline["DTSTAMP"])
    assert deadline["UID"] != review["UID"] and all("@" in e["UID"] for e in (deadline, review))
    # Text escaping: no raw comma or semicolon left in a text value.
    assert not re.search(r"(?<!\\)[,;]", deadline["SUMMARY"])

    # Reviews: a week from "today" (2 March 2026), weekly, up to the day before the deadline.
    assert review["DTSTART;VALUE=DATE"] == "20260309"
    assert review["RRULE"] == "FREQ=WEEKLY;INTERVAL=1;UNTIL=20260430"
    start = datetime.date(2026, 3, 9)
    reviews = [start + datetime.timedelta(weeks=n) for n in range(52)
               if start + datetime.timedelta(weeks=n) <= datetime.date(2026, 4, 30)]
    assert reviews[-1] == datetime.date(2026, 4, 27) and len(reviews) == 8
    assert _unescaped(review["SUMMARY"]).startswith("Review your goal: Meet a friend")

    # Beside the goal: a calendar file for that goal alone, with the same dates.
    with page.expect_download() as one_info:
        page.locator("[data-plan-section=smart-goal]").get_by_role("button", name=re.compile("calendar")).click()
    one_path = tmp_path / "one.ics"
    one_info.value.save_as(one_path)
    one_deadline, _ = _events(_unfolded(one_path.read_bytes()))
    assert one_deadline["DTSTART;VALUE=DATE"] == "20260501"


# ---- Share and copy ------------------------------------------------------------------------------

def test_a_share_link_opens_a_read_only_plan_in_another_browser(
        my_plan: Page, browser: Browser, a_site_server: str, specs) -> None:
    page = my_plan
    documents = _a_full_plan(specs)
    documents["benefits"] = _document("benefits", _record(specs.get("benefits"), {"text": f"Calm {HOSTILE}\nmornings"}))
    _seed(page, a_site_server, documents)
    page.goto(a_site_server + "worksheets/my-plan/")
    page.get_by_role("button", name="Make a share link").click()
    expect(page.get_by_role("link", name="Open the share link")).to_have_attribute("href", re.compile(r"#view="))
    link = page.get_by_role("link", name="Open the share link").get_attribute("href")
    parts = urlsplit(link)
    assert parts.path == "/worksheets/my-plan/" and parts.query == "" and parts.fragment.startswith("view=")
    # Opened from the same page, the link shows the shared view too, without touching the owner's data.
    before = _storage(page)
    page.get_by_role("link", name="Open the share link").click()
    expect(page.get_by_text("A plan someone shared with you, read-only.")).to_be_visible()
    expect(page.locator("[data-plan-section=smart-goal]")).to_contain_text("Meet a friend for coffee")
    assert _storage(page) == before

    context = browser.new_context()
    try:
        other = context.new_page()
        sent: list[str] = []
        other.on("request", lambda request: sent.append(request.url))
        other.goto(link)
        expect(other.get_by_text("A plan someone shared with you, read-only.")).to_be_visible()
        expect(other.locator("[data-plan-section=benefits]")).to_contain_text(f"Calm {HOSTILE}")
        expect(other.locator("[data-plan-section=smart-goal]")).to_contain_text("Meet a friend for coffee")
        expect(other.locator("[data-plan-section=find-your-why]")).to_contain_text("I stopped seeing friends")
        assert other.evaluate("window.__pwned") is None
        # Read-only: nothing to type in, no import, export or delete, nothing saved.
        expect(other.locator(".md-content").locator(
            "input:visible, textarea:visible, select:visible, [contenteditable]")).to_have_count(0)
        expect(other.get_by_role("button", name=re.compile("Export|Delete|Import"))).to_have_count(0)
        expect(other.get_by_role("link", name="Change this on the worksheet")).to_have_count(0)
        assert [key for key in _storage(other) if key.startswith(KEY_PREFIX)] == []
        # The plan never went to the server: no request carries the fragment.
        assert not [url for url in sent if "view=" in url]

        other.get_by_role("link", name="Open your own plan instead").click()
        expect(other.locator("[data-plan-empty]")).to_be_visible()
        expect(other.get_by_role("button", name=re.compile("Export"))).to_be_visible()
    finally:
        context.close()


@pytest.mark.parametrize("fragment", ["#view=z.bm90LWRlZmxhdGU", "#view=j.e30", "#view=q.x", "#view=z." + "A" * 70000])
def test_a_damaged_share_link_shows_a_clear_message_and_nothing_else(
        my_plan: Page, a_site_server: str, specs, fragment: str) -> None:
    _seed(my_plan, a_site_server, _a_full_plan(specs))
    my_plan.goto(a_site_server + "worksheets/my-plan/" + fragment)
    expect(my_plan.get_by_role("alert")).to_contain_text("This share link is damaged or incomplete")
    expect(my_plan.locator("[data-plan-section]")).to_have_count(0)


def test_copy_as_plain_text_puts_the_whole_plan_on_the_clipboard(my_plan: Page, a_site_server: str, specs) -> None:
    page = my_plan
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    documents = _a_full_plan(specs)
    documents["benefits"] = _document("benefits", _record(specs.get("benefits"), {"text": HOSTILE}))
    _seed(page, a_site_server, documents)
    page.goto(a_site_server + "worksheets/my-plan/")
    page.get_by_role("button", name="Copy as plain text").click()
    expect(page.get_by_role("status")).to_contain_text("copied")
    text = page.evaluate("navigator.clipboard.readText()")
    assert text.startswith("My plan\n")
    assert "Meet a friend for coffee every Saturday in April" in text and HOSTILE in text
    assert "I stopped seeing friends after the move\n  and I miss them" in text


# ---- Storage and print ----------------------------------------------------------------------------

def test_saving_asks_the_browser_to_keep_the_data_and_worksheets_say_why(
        my_plan: Page, a_site_server: str) -> None:
    page = my_plan
    page.add_init_script("""
        window.__persistCalls = 0;
        navigator.storage.persist = () => { window.__persistCalls += 1; return Promise.resolve(true); };
    """)
    page.goto(a_site_server + "worksheets/smart-goal/")
    note = page.locator(".ws-keep-note")
    expect(note).to_contain_text("Some browsers clear saved data after days without a visit")
    assert page.evaluate("window.__persistCalls") == 0
    page.get_by_role("textbox", name="Your goal").first.press_sequentially("Walk daily")
    assert page.evaluate("window.__persistCalls") == 1  # asked once, not on every key
    note.get_by_role("link", name="export a copy from My plan").click()
    expect(page.locator(".plan-keep")).to_contain_text("Some browsers clear a site's saved data after days without a visit")


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_my_plan_prints_the_plan_alone_on_at_most_two_pages(my_plan: Page, a_site_server: str, specs, paper: str) -> None:
    page = my_plan
    _seed(page, a_site_server, _a_full_plan(specs))
    page.goto(a_site_server + "worksheets/my-plan/")
    page.emulate_media(media="print")
    expect(page.locator("[data-plan-section=smart-goal]")).to_be_visible()
    expect(page.locator(".crisis-resources")).to_be_visible()
    for hidden in (".md-header", ".md-sidebar--primary", ".plan-tools", ".plan-file", ".plan-delete", ".plan-keep",
                   ".plan-edit", ".plan-calendar"):
        expect(page.locator(hidden).first).to_be_hidden()
    pdf = page.pdf(format=paper, print_background=False)
    assert 1 <= len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 2


# ---- Accessibility -------------------------------------------------------------------------------

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"


def _axe_violations(page: Page) -> list[str]:
    """WCAG 2.x A and AA violations axe-core finds inside My plan (Material's own chrome is not ours)."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""() => axe.run(document.querySelector('[data-plan]'),
        {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})""")
    return [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in result["violations"]]


def test_my_plan_has_no_accessibility_violations_with_a_plan_an_import_and_a_share_view(
        browser: Browser, a_site_server: str, specs, tmp_path: Path) -> None:
    # Only this context lets the test inject axe-core past the site's Content-Security-Policy.
    context = browser.new_context(bypass_csp=True)
    try:
        page = context.new_page()
        _seed(page, a_site_server, _a_full_plan(specs))
        page.goto(a_site_server + "worksheets/my-plan/")
        exported = _export(page, tmp_path)
        page.get_by_label("Import a file you exported before").set_input_files(exported)
        page.get_by_role("button", name="Delete all my data").click()
        page.get_by_role("button", name="Make a share link").click()
        expect(page.get_by_role("group", name="Import this file?")).to_be_visible()
        assert _axe_violations(page) == []
        page.get_by_role("link", name="Open the share link").click()
        expect(page.get_by_text("A plan someone shared with you, read-only.")).to_be_visible()
        assert _axe_violations(page) == []
    finally:
        context.close()
