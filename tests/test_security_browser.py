"""Security on the built site: a Content-Security-Policy on every page that runs only the site's own
scripts, no request to another host in any state, and hostile text kept as text wherever it shows.

Hostile-text tests run with the policy bypassed, so they prove the first layer (text goes in with
textContent and attributes) on its own; the policy tests prove the second layer on its own.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from worksheets import pages

ROOT = Path(__file__).resolve().parent.parent
#: Cold Pyodide start is about 4 s here; leave room for a loaded CI machine.
CHECKER_READY_MS = 60_000
KEY = "set-your-therapy-goals:worksheet:"
WORKSHEETS = [w.id for w in pages.load_worksheets() if w.spec["template"] == "worksheet.html"]
#: Text that would run or be interpreted if it ever reached innerHTML, a URL or a template engine.
HOSTILE = [
    '<img src=x onerror="window.__pwned = \'img\'">',
    '</textarea><svg onload="window.__pwned = \'svg\'">',
    "javascript:window.__pwned = 'url'",
    "{{7*7}} ${7*7} {% if 1 %}jinja{% endif %} <%= 7*7 %>",
    '"><script>window.__pwned = "script"</script>',
]
#: Elements or attributes the hostile text would create if it were parsed as HTML.
PARSED_HOSTILE = """() => document.querySelectorAll('img[src="x"], svg[onload]').length +
  [...document.scripts].filter((script) => script.textContent.includes('__pwned')).length +
  [...document.querySelectorAll('body *')].filter((node) => [...node.attributes].some((a) => a.name.startsWith('on'))).length"""
#: Records every Content-Security-Policy violation the page reports, across instant navigation too.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => window.__cspViolations.push(
  `${event.effectiveDirective} blocked ${event.blockedURI || "?"} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`));
"""
EXPECTED_POLICY = {
    "default-src": ["'self'"],
    "worker-src": ["'self'"],
    "connect-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "style-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}


# ---- The policy, read from the built pages ---------------------------------------------------

class _Page(HTMLParser):
    """A built page's policy, inline scripts, event-handler attributes and script URLs."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.policies: list[str] = []
        self.inline_scripts: list[str] = []
        self.handlers: list[str] = []
        self.script_urls: list[str] = []
        self._script: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "meta" and attributes.get("http-equiv", "").lower() == "content-security-policy":
            self.policies.append(attributes.get("content", ""))
        self.handlers += [f"<{tag} {name}>" for name in attributes if name.startswith("on")]
        self.script_urls += [f"<{tag} {name}={value}>" for name, value in attributes.items()
                             if name in {"href", "src", "action", "formaction"} and value.strip().lower().startswith("javascript:")]
        if tag == "script" and "src" not in attributes and attributes.get("type", "") in {"", "text/javascript", "module"}:
            self._script = []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.inline_scripts.append("".join(self._script))
            self._script = None


def _policy(text: str) -> dict[str, list[str]]:
    directives = [part.split() for part in text.split(";") if part.strip()]
    return {name: sources for name, *sources in directives}


def _built_pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if "pyodide" not in path.relative_to(site).parts)


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def test_every_page_has_a_policy_that_runs_only_the_sites_own_scripts(a_built_site: Path) -> None:
    built = _built_pages(a_built_site)
    assert len(built) > len(WORKSHEETS)
    for path in built:
        page = _Page(path.read_text(encoding="utf-8"))
        where = path.relative_to(a_built_site).as_posix()
        assert len(page.policies) == 1, f"{where}: {len(page.policies)} policies"
        policy = _policy(page.policies[0])
        assert {name: policy.get(name) for name in EXPECTED_POLICY} == EXPECTED_POLICY, where
        scripts = policy["script-src"]
        assert scripts[:2] == ["'self'", "'wasm-unsafe-eval'"], where
        # Nothing but the site and the exact inline scripts Material writes: no inline code in general.
        assert all(source.startswith("'sha256-") for source in scripts[2:]), f"{where}: {scripts}"
        missing = [script[:60] for script in page.inline_scripts if _hash(script) not in scripts]
        assert not missing, f"{where}: inline scripts without their hash in the policy: {missing}"
        assert page.handlers == [], f"{where}: inline event handlers {page.handlers}"
        assert page.script_urls == [], f"{where}: javascript: URLs {page.script_urls}"
    # One policy for the whole site: instant navigation keeps the first page's and adds any other.
    assert len({_Page(path.read_text(encoding="utf-8")).policies[0] for path in built}) == 1


def test_the_page_scripts_never_insert_markup_or_run_text_as_code() -> None:
    sinks = re.compile(r"\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|"
                       r"setTimeout\(\s*[\"'`]|setAttribute\(\s*[\"'`]on")
    for script in sorted((ROOT / "docs").rglob("*.js")) + sorted((ROOT / "docs").rglob("*.mjs")):
        found = [f"{script.name}:{number}: {line.strip()}" for number, line in
                 enumerate(script.read_text(encoding="utf-8").splitlines(), start=1) if sinks.search(line)]
        assert not found, found


# ---- The policy, in the browser --------------------------------------------------------------

@pytest.fixture
def csp_violations(page: Page) -> Page:
    page.add_init_script(RECORD_VIOLATIONS)
    return page


def _violations(page: Page) -> list[str]:
    return page.evaluate("window.__cspViolations")


def _all_page_paths(site: Path) -> list[str]:
    return sorted(p.relative_to(site).parent.as_posix().removeprefix(".") + "/" for p in site.rglob("index.html")
                  if "pyodide" not in p.parts)


def test_no_page_reports_a_policy_violation(
        csp_violations: Page, a_built_site: Path, a_site_server: str, offsite_requests: list[str]) -> None:
    page = csp_violations
    for path in _all_page_paths(a_built_site):
        page.goto(a_site_server + path.lstrip("/"), wait_until="load")
        assert _violations(page) == [], path
        expect(page.locator("meta[http-equiv=Content-Security-Policy]")).to_have_count(1)


def test_instant_navigation_to_a_worksheet_runs_it_under_the_same_policy(
        csp_violations: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    page = csp_violations
    page.goto(a_site_server)
    page.evaluate("window.__sameDocument = true")
    page.locator("nav a[href$='worksheets/smart-goal/']").first.click()
    goal = page.get_by_role("textbox", name="Your goal")
    goal.fill("Walk for 20 minutes every morning this month")
    # Material swapped the page without loading it again, and the worksheet works: saved, then checked.
    assert page.evaluate("window.__sameDocument") is True
    saved = json.loads(page.evaluate(f"localStorage.getItem('{KEY}smart-goal')"))
    assert saved["values"]["goals"][0]["goal"] == "Walk for 20 minutes every morning this month"
    expect(page.locator("form[data-worksheet=smart-goal]")).to_have_attribute("data-checker", "ready", timeout=CHECKER_READY_MS)
    expect(page.locator("[data-criterion=time-bound]")).to_have_attribute("data-met", "true")
    page.locator("nav a[href$='worksheets/my-plan/']").first.click()
    expect(page.locator("[data-plan]")).to_contain_text("Walk for 20 minutes every morning this month")
    assert page.evaluate("window.__sameDocument") is True
    assert page.locator("meta[http-equiv=Content-Security-Policy]").count() == 1
    assert _violations(page) == []


def test_python_checks_run_in_their_worker_under_the_policy(
        csp_violations: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    page = csp_violations
    page.goto(a_site_server + "worksheets/smart-goal/")
    page.get_by_role("textbox", name="Your goal").fill("Never feel anxious again")
    expect(page.locator("form[data-worksheet=smart-goal]")).to_have_attribute("data-checker", "ready", timeout=CHECKER_READY_MS)
    expect(page.locator("[data-criterion=achievable]")).to_have_attribute("data-met", "false")
    assert _violations(page) == []


def test_the_policy_stops_code_that_slipped_into_a_page(
        csp_violations: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    page = csp_violations
    # A script of the site's own that runs text as code: allowed to load, not to evaluate.
    page.route("**/assets/js/evaluates-text.js", lambda route: route.fulfill(
        content_type="text/javascript",
        body="try { window.__evaluated = eval('3'); } catch (error) { window.__evaluated = error.name; }"))
    page.goto(a_site_server + "worksheets/smart-goal/")
    # What an injection bug would do: markup with a handler, and an inline script.
    page.evaluate("""() => new Promise((resolve) => {
        // Each blocked attempt reports a violation; without a policy nothing does, so stop waiting at last.
        setTimeout(resolve, 10000);
        document.addEventListener('securitypolicyviolation', () => {
          if (window.__cspViolations.length >= 3) resolve();
        });
        const holder = document.createElement('div');
        holder.innerHTML = '<img src="x" onerror="window.__pwned = 1">';
        document.body.append(holder);
        const script = document.createElement('script');
        script.textContent = 'window.__pwned = 2';
        document.body.append(script);
        const own = document.createElement('script');
        own.src = new URL('../../assets/js/evaluates-text.js', location.href).href;
        document.body.append(own);
    })""")
    expect(page.locator("body > div > img[src=x]")).to_have_count(1)
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("window.__evaluated") == "EvalError"
    blocked = " ".join(_violations(page))
    assert "script-src-attr blocked inline" in blocked and "script-src-elem blocked inline" in blocked
    assert "script-src blocked eval" in blocked


# ---- No request leaves the site, in any state -------------------------------------------------

def test_no_request_leaves_the_site_while_worksheets_are_used(
        page: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    for worksheet_id in WORKSHEETS:
        page.goto(f"{a_site_server}worksheets/{worksheet_id}/")
        boxes = page.locator("form[data-worksheet] textarea, form[data-worksheet] input[type=text]")
        for box in boxes.all():
            box.fill("Call my sister every Sunday evening in March")
        form = page.locator("form[data-worksheet]")
        if form.locator("[data-feedback-for]").count():
            expect(form).to_have_attribute("data-checker", "ready", timeout=CHECKER_READY_MS)
        page.wait_for_load_state("networkidle")
    # Dark palette, print, and back to light: all from the site's own files.
    page.goto(a_site_server + "worksheets/smart-goal/")
    page.locator("label[title='Switch to dark mode']").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.reload(wait_until="networkidle")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.emulate_media(media="print")
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="screen")
    page.locator("label[title='Switch to light mode']").click()
    page.goto(a_site_server + "worksheets/my-plan/", wait_until="networkidle")
    expect(page.locator("[data-plan]")).to_contain_text("Call my sister every Sunday evening in March")
    # offsite_requests asserts at teardown that the list stayed empty.


# ---- Hostile text: kept and shown verbatim, never run or interpreted ----------------------------

def _hostile_values(fields: list[dict[str, Any]], start: int = 0) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for number, field in enumerate(fields, start=start):
        if field["kind"] == "repeat":
            values[field["id"]] = [_hostile_values(field["fields"], number)]
        else:
            values[field["id"]] = HOSTILE[number % len(HOSTILE)]
    return values


def _assert_nothing_ran(page: Page) -> None:
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate(PARSED_HOSTILE) == 0


@pytest.mark.browser_context_args(bypass_csp=True)
@pytest.mark.parametrize("worksheet_id", WORKSHEETS)
def test_hostile_text_typed_into_every_box_is_kept_verbatim_and_never_run(
        page: Page, a_site_server: str, offsite_requests: list[str], worksheet_id: str) -> None:
    page.goto(f"{a_site_server}worksheets/{worksheet_id}/")
    boxes = page.locator("form[data-worksheet] textarea, form[data-worksheet] input[type=text]")
    typed = []
    for number, box in enumerate(boxes.all()):
        box.fill(HOSTILE[number % len(HOSTILE)])
        typed.append(HOSTILE[number % len(HOSTILE)])
    assert typed, "no box to type in"
    page.reload()
    assert [box.input_value() for box in boxes.all()] == typed
    _assert_nothing_ran(page)
    page.emulate_media(media="print")
    assert [box.input_value() for box in boxes.all()] == typed
    _assert_nothing_ran(page)


@pytest.mark.browser_context_args(bypass_csp=True)
@pytest.mark.parametrize("worksheet_id", WORKSHEETS)
def test_hostile_text_saved_in_every_field_loads_as_text(
        page: Page, a_site_server: str, offsite_requests: list[str], worksheet_id: str) -> None:
    spec = next(w.spec for w in pages.load_worksheets() if w.id == worksheet_id)
    values = _hostile_values(spec["fields"])
    page.goto(f"{a_site_server}worksheets/{worksheet_id}/")
    page.evaluate("([key, doc]) => localStorage.setItem(key, JSON.stringify(doc))",
                  [KEY + worksheet_id, {"schema": 2, "worksheet": worksheet_id, "saved": "2026-03-01T09:00:00Z", "values": values}])
    page.reload()
    form = page.locator("form[data-worksheet]")
    expect(form).to_be_visible()
    for box in form.locator("textarea, input[type=text]").all():
        assert box.input_value() in HOSTILE
    # A saved choice the list does not offer is kept as an option whose text is the saved text.
    for select in form.locator("select").all():
        assert select.input_value() in HOSTILE
    _assert_nothing_ran(page)


@pytest.mark.browser_context_args(bypass_csp=True)
def test_feedback_that_quotes_hostile_words_shows_them_as_text(
        page: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    page.goto(a_site_server + "worksheets/smart-goal/")
    goal = page.get_by_role("textbox", name="Your goal")
    # An ordinary goal around the hostile words, so the checker coaches it and quotes it back (a goal
    # the safety screen flags is never quoted: "calmer about" plus template syntax read as a crisis).
    goal.fill(f"Walk for 20 minutes after work and stop worrying about {HOSTILE[1]} and {HOSTILE[3]}")
    page.get_by_role("textbox", name="Why this goal matters to you").fill(HOSTILE[0])
    expect(page.locator("form[data-worksheet=smart-goal]")).to_have_attribute("data-checker", "ready", timeout=CHECKER_READY_MS)
    # The checker quotes the goal back in its suggestion: the quote is text, tags and all.
    feedback = page.locator("[data-feedback-for=goal]")
    expect(feedback).to_contain_text("<svg onload=", timeout=CHECKER_READY_MS)
    expect(feedback.locator("svg, img")).to_have_count(0)
    _assert_nothing_ran(page)
    page.emulate_media(media="print")
    expect(feedback).to_contain_text("<svg onload=")
    _assert_nothing_ran(page)


@pytest.mark.browser_context_args(bypass_csp=True)
def test_hostile_text_reaches_my_plan_its_print_and_its_export_verbatim(
        page: Page, a_site_server: str, offsite_requests: list[str], tmp_path: Path) -> None:
    page.goto(a_site_server + "worksheets/smart-goal/")
    page.get_by_role("textbox", name="Your goal").fill(HOSTILE[1])
    page.get_by_role("textbox", name="Why this goal matters to you").fill(HOSTILE[3])
    page.goto(a_site_server + "worksheets/my-plan/")
    plan = page.locator("[data-plan-body]")
    expect(plan).to_contain_text(HOSTILE[1])
    expect(plan).to_contain_text(HOSTILE[3])
    _assert_nothing_ran(page)
    page.emulate_media(media="print")
    expect(plan).to_be_visible()
    expect(plan).to_contain_text(HOSTILE[1])
    _assert_nothing_ran(page)
    page.emulate_media(media="screen")
    with page.expect_download() as download_info:
        page.get_by_role("button", name=re.compile("Export")).click()
    exported = tmp_path / "export.json"
    download_info.value.save_as(exported)
    assert {HOSTILE[1], HOSTILE[3]} <= set(_strings(json.loads(exported.read_text(encoding="utf-8"))))


def _strings(value: Any) -> list[str]:
    """Every string in a JSON value, and in any JSON document stored as a string inside it."""
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    if isinstance(value, str) and value.startswith("{"):
        try:
            return [value, *_strings(json.loads(value))]
        except ValueError:
            pass
    return [value] if isinstance(value, str) else []
