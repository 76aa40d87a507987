"""Published under a sub-path, as a GitHub Pages project site is (http://host/set-your-therapy-goals/):
built with `python -m worksheets.build` for that address and served only there, a guide page reads,
the SMART worksheet gets Python's feedback, the service worker's scope is the sub-path, the site
works offline after a first visit, My plan exports, and no request fails or leaves the site."""

from __future__ import annotations

import http.server
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from worksheets.devserver import base_url, bound_server, serving

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SUB_PATH = "/set-your-therapy-goals/"
CHECKER_READY_MS = 60_000
OFFLINE_READY_MS = 60_000


@pytest.fixture(scope="module")
def a_sub_path_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site built for http://127.0.0.1:PORT/set-your-therapy-goals/ and served only under that path."""
    folder = tmp_path_factory.mktemp("published")
    server: http.server.ThreadingHTTPServer = bound_server(folder, prefix=SUB_PATH)
    result = subprocess.run([sys.executable, "-m", "worksheets.build", "--engine", "mkdocs", "--site-dir", str(folder),
                             "--site-url", base_url(server)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    with serving(server) as url:
        assert url.endswith(SUB_PATH)
        yield url


@pytest.fixture
def problems(context: BrowserContext, a_sub_path_site: str) -> Iterator[list[str]]:
    """Requests that failed (HTTP >= 400) or went anywhere but the site, the service worker's included."""
    seen: list[str] = []
    host = urlsplit(a_sub_path_site).netloc
    context.on("response", lambda r: seen.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    context.on("request", lambda r: seen.append(f"offsite {r.url}")
               if urlsplit(r.url).scheme.startswith("http") and urlsplit(r.url).netloc != host else None)
    yield seen
    assert seen == []


def feedback_appears(page: Page) -> None:
    page.get_by_role("textbox", name="Your goal").fill("Walk for 20 minutes every morning")
    expect(page.locator("[data-worksheet=smart-goal]")).to_have_attribute("data-checker", "ready",
                                                                         timeout=CHECKER_READY_MS)
    expect(page.locator("[data-criterion=time-bound]")).to_have_attribute("data-met", "true")


def test_a_guide_page_and_its_links_work_under_the_sub_path(context: BrowserContext, a_sub_path_site: str,
                                                            problems: list[str]) -> None:
    page = context.new_page()
    page.goto(a_sub_path_site + "smart-goals/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.get_by_role("link", name=re.compile("Try it: Write a SMART goal")).click()
    expect(page).to_have_url(a_sub_path_site + "worksheets/smart-goal/")
    expect(page.get_by_role("textbox", name="Your goal")).to_be_visible()


def test_the_worksheet_works_offline_after_a_first_visit_within_the_sub_path_scope(
        context: BrowserContext, a_sub_path_site: str, problems: list[str]) -> None:
    page = context.new_page()
    page.goto(a_sub_path_site + "worksheets/smart-goal/")
    feedback_appears(page)
    expect(page.locator("html")).to_have_attribute("data-offline", "ready", timeout=OFFLINE_READY_MS)
    scope = page.evaluate("navigator.serviceWorker.ready.then((registration) => registration.scope)")
    assert scope == a_sub_path_site
    page.close()

    context.set_offline(True)
    page = context.new_page()
    page.goto(a_sub_path_site + "worksheets/smart-goal/")
    feedback_appears(page)
    page.goto(a_sub_path_site + "why-goals/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_my_plan_exports_under_the_sub_path(context: BrowserContext, a_sub_path_site: str, problems: list[str],
                                            tmp_path: Path) -> None:
    page = context.new_page()
    page.goto(a_sub_path_site + "worksheets/smart-goal/")
    page.get_by_role("textbox", name="Your goal").fill("Call my sister every Sunday in March")
    page.goto(a_sub_path_site + "worksheets/my-plan/")
    expect(page.get_by_text("Call my sister every Sunday in March")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("button", name=re.compile("Export")).click()
    path = tmp_path / "export.json"
    download_info.value.save_as(path)
    exported = json.loads(path.read_text(encoding="utf-8"))
    assert exported["format"] == "set-your-therapy-goals-export"
    assert "Call my sister" in json.dumps(exported["worksheets"]["smart-goal"])


def test_the_web_app_manifest_starts_and_stays_within_the_sub_path(context: BrowserContext, a_sub_path_site: str,
                                                                   problems: list[str]) -> None:
    page = context.new_page()
    page.goto(a_sub_path_site + "worksheets/smart-goal/")
    href = page.locator("link[rel=manifest]").evaluate("(link) => link.href")
    assert href == a_sub_path_site + "site.webmanifest"
    response = page.request.get(href)
    assert response.ok
    manifest = response.json()
    # URLs in a manifest resolve against the manifest's own address.
    resolve = lambda url: page.evaluate("([url, base]) => new URL(url, base).href", [url, href])  # noqa: E731
    assert resolve(manifest["start_url"]) == a_sub_path_site
    assert resolve(manifest["scope"]) == a_sub_path_site
    assert manifest["display"] == "standalone" and manifest["name"]
    icons = [resolve(icon["src"]) for icon in manifest["icons"]]
    assert any(icon["purpose"] == "maskable" for icon in manifest["icons"])
    for icon in icons:
        assert icon.startswith(a_sub_path_site)
        assert page.request.get(icon).headers["content-type"] == "image/png"
