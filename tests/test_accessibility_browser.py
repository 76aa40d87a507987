"""Accessibility on the built site: axe-core on every page in both palettes, the keyboard-only flow,
visible focus, zoom to 200 %, and reduced motion.

axe-core runs from the copy pinned in package.json (node_modules/axe-core), injected as a script:
the page's Content-Security-Policy is bypassed for that alone (browser_context_args below).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.browser_context_args(bypass_csp=True)]

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
#: Cold Pyodide start is about 4 s here; leave room for a loaded CI machine.
CHECKER_READY_MS = 60_000
#: The rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def _all_page_paths(site: Path) -> list[str]:
    return sorted(p.relative_to(site).parent.as_posix().removeprefix(".") + "/" for p in site.rglob("index.html")
                  if "pyodide" not in p.parts)


def _serious_violations(page: Page) -> list[str]:
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    # target-size (WCAG 2.2 2.5.8) is in axe-core 4.11 but off by default: turned on here.
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
                           " rules: {'target-size': {enabled: true}}})", AXE_TAGS)
    return [f"{v['id']} ({v['impact']}): {[node['target'] for node in v['nodes']][:5]}"
            for v in result["violations"] if v["impact"] in {"serious", "critical"}]


@pytest.mark.parametrize("scheme", ["default", "slate"], ids=["light", "dark"])
def test_no_page_has_a_serious_accessibility_violation(
        page: Page, a_built_site: Path, a_site_server: str, offsite_requests: list[str], scheme: str) -> None:
    page.goto(a_site_server)
    if scheme == "slate":
        page.locator("label[title='Switch to dark mode']").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)
    found = {}
    for path in [*_all_page_paths(a_built_site), "404.html"]:
        page.goto(a_site_server + path.lstrip("/"))
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)
        violations = _serious_violations(page)
        if violations:
            found[path] = violations
    assert found == {}


@pytest.mark.parametrize("scheme", ["default", "slate"], ids=["light", "dark"])
def test_a_worksheet_with_feedback_and_messages_has_no_serious_violation(
        page: Page, a_site_server: str, offsite_requests: list[str], scheme: str) -> None:
    page.goto(a_site_server + "worksheets/smart-goal/")
    if scheme == "slate":
        page.locator("label[title='Switch to dark mode']").click()
    page.get_by_role("textbox", name="Your goal").fill("Never feel anxious again")
    expect(page.locator("form[data-worksheet]")).to_have_attribute("data-checker", "ready", timeout=CHECKER_READY_MS)
    expect(page.locator("[data-criterion=achievable]")).to_have_attribute("data-met", "false")
    page.get_by_role("button", name="Add another goal").click()
    page.get_by_role("textbox", name="Your goal").nth(1).fill("x" * 200_001)
    expect(page.locator("[data-check-note]").nth(1)).to_be_visible()
    assert _serious_violations(page) == []


#: Every worksheet page, My plan included.
WORKSHEET_PAGES = ["progress", "find-your-why", "goal-areas", "smart-goal", "realistic-steps", "benefits",
                   "session-prep", "therapist-fit", "safety-plan", "my-plan"]


@pytest.mark.parametrize("worksheet_id", WORKSHEET_PAGES)
def test_every_control_is_big_enough_to_tap_on_a_phone(
        page: Page, a_site_server: str, offsite_requests: list[str], worksheet_id: str) -> None:
    """axe's target-size (24 x 24 CSS px, or enough space around) at 375 px, with a second item in each group."""
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(a_site_server + f"worksheets/{worksheet_id}/")
    expect(page.locator("form[data-worksheet], [data-plan]").first).to_be_visible()
    for add in page.locator("form [data-add]").all():
        add.click()
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {runOnly: {type: 'rule', values: ['target-size']}})")
    assert [rule["id"] for rule in result["passes"]] == ["target-size"]  # it ran, and found targets
    assert [(v["id"], [node["target"] for node in v["nodes"]][:5]) for v in result["violations"]] == []


# ---- Keyboard alone, visible focus --------------------------------------------------------------

FOCUSED = """() => {
  const element = document.activeElement;
  // A visually hidden radio (Material's palette switch) shows its focus on the label after it.
  const hidden = element.getBoundingClientRect().width === 0 && element.nextElementSibling?.tagName === 'LABEL';
  const style = getComputedStyle(hidden ? element.nextElementSibling : element);
  return {
    label: element.getAttribute('aria-label') || element.labels?.[0]?.textContent.trim() || element.textContent.trim().slice(0, 40),
    tag: element.tagName,
    // A focus ring: an outline, or a box shadow as Material draws on some controls.
    ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) || style.boxShadow !== 'none',
  };
}"""
#: Tab presses allowed to reach a control: the header, the navigation and the page's own links come first.
MAX_TABS = 150


def _tab_to(page: Page, name: str, unringed: list[str]) -> None:
    """Presses Tab until the control labelled `name` has focus, noting any stop without a visible ring."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if not focused["ring"]:
            unringed.append(f"{focused['tag']} {focused['label']!r}")
        if focused["label"] == name:
            return
    raise AssertionError(f"{name!r} not reached in {MAX_TABS} presses of Tab")


def test_a_goal_can_be_written_checked_and_printed_with_the_keyboard_alone(
        page: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    page.add_init_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
    page.goto(a_site_server + "worksheets/smart-goal/")
    unringed: list[str] = []
    _tab_to(page, "Your goal", unringed)
    page.keyboard.type("Never feel anxious again")
    goal = page.get_by_role("textbox", name="Your goal")
    expect(goal).to_have_value("Never feel anxious again")
    # The feedback arrives in a live region while the caret stays where the person is typing.
    expect(page.locator("form[data-worksheet]")).to_have_attribute("data-checker", "ready", timeout=CHECKER_READY_MS)
    feedback = page.locator("[data-feedback-for=goal][aria-live=polite]")
    expect(feedback.locator("[data-criterion=achievable]")).to_have_attribute("data-met", "false")
    expect(feedback).to_contain_text("Not yet")
    expect(goal).to_be_focused()
    _tab_to(page, "Print this worksheet", unringed)
    page.keyboard.press("Enter")
    assert page.evaluate("window.__printed") == 1
    assert unringed == [], f"focus without a visible ring: {unringed}"


# ---- Zoom, reflow, reduced motion ----------------------------------------------------------------

WORKSHEET_PAGES = ["smart-goal", "realistic-steps", "therapist-fit", "progress", "goal-areas", "my-plan"]
OVERFLOWING = """() => document.documentElement.scrollWidth > window.innerWidth + 1 ? [...document.querySelectorAll('body *')]
  .filter((e) => e.getClientRects().length && e.getBoundingClientRect().right > window.innerWidth + 1)
  .map((e) => `${e.tagName}.${e.className}`).slice(0, 8) : []"""


@pytest.mark.parametrize("width", [640, 320], ids=["200% zoom", "400% zoom"])
def test_worksheets_reflow_without_sideways_scrolling_when_zoomed(
        page: Page, a_site_server: str, offsite_requests: list[str], width: int) -> None:
    # A 1280 px wide screen at 200 % (and 400 %) zoom lays pages out in 640 (320) CSS pixels.
    page.set_viewport_size({"width": width, "height": 900})
    for worksheet_id in WORKSHEET_PAGES:
        page.goto(f"{a_site_server}worksheets/{worksheet_id}/")
        assert page.evaluate(OVERFLOWING) == [], worksheet_id
    # A pasted link is one long word: quoted back in the feedback, it wraps too.
    page.goto(a_site_server + "worksheets/smart-goal/")
    page.get_by_role("textbox", name="Your goal").fill("Read https://example.org/" + "a-very-long-path-" * 8 + " daily")
    expect(page.locator("form[data-worksheet]")).to_have_attribute("data-checker", "ready", timeout=CHECKER_READY_MS)
    expect(page.locator("[data-criterion=specific] [data-feedback]")).not_to_be_empty()
    assert page.evaluate(OVERFLOWING) == []


def test_reduced_motion_stops_transitions_and_smooth_scrolling(
        page: Page, a_site_server: str, offsite_requests: list[str]) -> None:
    page.emulate_media(reduced_motion="reduce")
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(a_site_server + "worksheets/smart-goal/")
    # On a phone Material fades its search overlay in; opened, it must appear at once.
    page.get_by_role("textbox", name="Your goal").fill("Walk every day")
    page.locator("label[for=__search]").first.click()
    expect(page.get_by_role("textbox", name="Search")).to_be_focused()
    moving = page.evaluate("""() => [document.documentElement, ...document.querySelectorAll('body *')].filter((e) => {
        const style = getComputedStyle(e);
        const longest = (list) => Math.max(...list.split(',').map((t) => parseFloat(t) * (t.trim().endsWith('ms') ? 1 : 1000)));
        return longest(style.transitionDuration) > 1 || (style.animationName !== 'none' && longest(style.animationDuration) > 1)
          || style.scrollBehavior === 'smooth';
      }).map((e) => `${e.tagName}.${e.className}`).slice(0, 8)""")
    assert moving == []
