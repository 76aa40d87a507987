"""Offline and warm start in Debian's Chromium: after a first visit the service worker keeps the site,
guide pages never fetch Python, a second visit works with the network off and starts Python from its
snapshot, and a new build's cache replaces the old one whole."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from worksheets import offline

pytestmark = pytest.mark.browser

#: Cold Pyodide start is about 4 s here; leave room for a loaded CI machine.
CHECKER_READY_MS = 60_000
OFFLINE_READY_MS = 60_000
SMART_GOAL = "worksheets/smart-goal/"

CACHED_URLS = """async () => {
  const cached = {};
  for (const name of await caches.keys()) {
    cached[name] = (await (await caches.open(name)).keys()).map((request) => request.url);
  }
  return cached;
}"""


def wait_for(page: Page, script: str, what: str, timeout_s: float = 60) -> object:
    """Polls an async page function until it returns something truthy."""
    deadline = time.monotonic() + timeout_s
    while not (value := page.evaluate(script)):
        assert time.monotonic() < deadline, f"never happened: {what}"
        time.sleep(0.1)
    return value


def site_caches(page: Page) -> dict[str, list[str]]:
    return {name: urls for name, urls in page.evaluate(CACHED_URLS).items()
            if name.startswith("set-your-therapy-goals-site-")}


def kept_offline(page: Page) -> None:
    expect(page.locator("html")).to_have_attribute("data-offline", "ready", timeout=OFFLINE_READY_MS)


def feedback_appears(page: Page) -> None:
    page.get_by_role("textbox", name="Your goal").fill("Walk for 20 minutes every morning")
    expect(page.locator("[data-worksheet=smart-goal]")).to_have_attribute("data-checker", "ready",
                                                                         timeout=CHECKER_READY_MS)
    expect(page.locator("[data-criterion=time-bound]")).to_have_attribute("data-met", "true")


def test_a_guide_page_is_kept_offline_without_fetching_python(context: BrowserContext, a_site_server: str) -> None:
    requested: list[str] = []
    # The context sees the service worker's requests as well as the page's.
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.goto(a_site_server)
    kept_offline(page)
    page.wait_for_load_state("networkidle")

    assert not [url for url in requested if "/pyodide/" in url]
    [cached] = site_caches(page).values()
    assert a_site_server + "smart-goals/" in cached
    assert a_site_server + SMART_GOAL in cached
    assert not [url for url in cached if "/pyodide/" in url]


def test_a_second_visit_works_with_the_network_off(context: BrowserContext, a_site_server: str) -> None:
    page = context.new_page()
    page.goto(a_site_server + SMART_GOAL)
    feedback_appears(page)
    kept_offline(page)
    page.close()

    context.set_offline(True)
    page = context.new_page()
    page.goto(a_site_server + SMART_GOAL)
    feedback_appears(page)
    page.goto(a_site_server + "smart-goals/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_a_second_visit_starts_python_from_its_snapshot(context: BrowserContext, a_site_server: str) -> None:
    page = context.new_page()
    page.goto(a_site_server + SMART_GOAL)
    feedback_appears(page)
    wait_for(page, """async () => (await caches.keys()).some((name) => name.includes("snapshot"))
                 && (await (await caches.open("set-your-therapy-goals-python-snapshot")).keys()).length""",
             "the checker keeps a snapshot of Python")
    page.close()

    page = context.new_page()
    page.goto(a_site_server + SMART_GOAL)
    feedback_appears(page)
    expect(page.locator("html")).to_have_attribute("data-python-start", "snapshot")


def test_a_first_visit_starts_python_fresh(page: Page, a_site_server: str) -> None:
    page.goto(a_site_server + SMART_GOAL)
    feedback_appears(page)
    expect(page.locator("html")).to_have_attribute("data-python-start", "fresh")


@pytest.fixture
def a_copy_of_the_site(a_built_site: Path, tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A copy of the built site, which a test may rebuild in place, served on its own free port."""
    site = tmp_path / "site"
    shutil.copytree(a_built_site, site)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield site, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def rebuild(site: Path, change: Callable[[Path], None]) -> str:
    """A new build of the copy: change its files, write its service worker again; returns the version."""
    change(site)
    manifest = offline.precache_manifest(site)
    offline.write_service_worker(site, manifest)
    return manifest["version"]


def test_a_new_build_replaces_the_old_cache_whole(context: BrowserContext,
                                                  a_copy_of_the_site: tuple[Path, str]) -> None:
    site, base = a_copy_of_the_site
    about = site / "about" / "index.html"
    page = context.new_page()
    page.goto(base + "about/")
    kept_offline(page)
    [old_cache] = site_caches(page)
    page.close()

    new_version = rebuild(site, lambda _: about.write_text(about.read_text().replace("</h1>", " (new build)</h1>", 1)))
    fetched_by_service_worker: list[str] = []
    context.on("request", lambda request: fetched_by_service_worker.append(request.url)
               if request.service_worker is not None else None)
    page = context.new_page()
    page.goto(base + "about/")
    wait_for(page, "navigator.serviceWorker.getRegistration().then((r) => r && r.waiting !== null)",
             "the new build's service worker is installed and waiting")
    # While a page of the old build is open, the old build serves every file: no mix.
    expect(page.get_by_role("heading", level=1)).not_to_contain_text("new build")
    assert set(site_caches(page)) == {old_cache, f"set-your-therapy-goals-site-{new_version}"}
    # The update downloaded the changed page only (besides sw.js, the browser's update check);
    # every unchanged file came from the old cache.
    assert [url for url in fetched_by_service_worker if url != base + offline.SERVICE_WORKER] == [base + "about/"]
    page.close()

    # Once no page of the old build is open, the new one takes over and the old cache is gone.
    for _ in range(20):
        page = context.new_page()
        page.goto(base + "about/")
        if page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.waiting === null)"):
            break
        page.close()  # this page came before the switch: it is still a page of the old build
    else:
        pytest.fail("the new build's service worker never took over")
    wait_for(page, "caches.keys().then((names) => names.filter((n) => n.includes('-site-')).length === 1)",
             "the old cache is deleted")
    assert list(site_caches(page)) == [f"set-your-therapy-goals-site-{new_version}"]
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_contain_text("new build")
    context.set_offline(True)
    page.goto(base + "about/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("new build")
