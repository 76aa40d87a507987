"""`python -m worksheets.build` with either engine gives the complete site: worksheet pages with their
form, the crisis block and a filled Content-Security-Policy on every page, Pyodide and the checks
wheel, the offline manifest; on the Zensical build the SMART worksheet gets Python's feedback.
The site's own steps fail loudly: an unknown worksheet link, a site_url the offline copy cannot serve."""

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
from playwright.sync_api import Page, expect

from worksheets import csp, offline, site
from worksheets.devserver import base_url, bound_server, serving

ROOT = Path(__file__).resolve().parent.parent
CHECKER_READY_MS = 60_000


@pytest.fixture(scope="module")
def _a_zensical_server(tmp_path_factory: pytest.TempPathFactory) -> http.server.ThreadingHTTPServer:
    return bound_server(tmp_path_factory.mktemp("zensical-site"))


@pytest.fixture(scope="module")
def a_zensical_site(_a_zensical_server: http.server.ThreadingHTTPServer) -> Path:
    """The site as `python -m worksheets.build --engine zensical` makes it, for the address it is served from."""
    folder = Path(_a_zensical_server.RequestHandlerClass.keywords["directory"])  # type: ignore[attr-defined]
    result = subprocess.run([sys.executable, "-m", "worksheets.build", "--engine", "zensical", "--site-dir", str(folder),
                             "--site-url", base_url(_a_zensical_server)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "with zensical in" in result.stdout
    return folder


@pytest.fixture(scope="module")
def a_zensical_server(a_zensical_site: Path, _a_zensical_server: http.server.ThreadingHTTPServer) -> Iterator[str]:
    with serving(_a_zensical_server) as url:
        yield url


def _pages(folder: Path) -> list[Path]:
    return csp.built_pages(folder)


@pytest.mark.parametrize("which", ["mkdocs", "zensical"])
def test_every_page_has_the_crisis_block_and_one_filled_policy(which: str, request: pytest.FixtureRequest) -> None:
    folder = request.getfixturevalue("a_built_site" if which == "mkdocs" else "a_zensical_site")
    for path in _pages(folder):
        html = path.read_text(encoding="utf-8")
        assert csp.PLACEHOLDER not in html, path
        policies = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', html)
        assert len(policies) == 1 and "'sha256-" in policies[0], path
        # Every inline script the page runs is allowed by hash, and nothing else inline.
        assert all(csp.script_hash(script) in policies[0] for script in csp.inline_scripts(html)), path
        if path.name != "404.html":
            assert 'class="crisis-resources"' in html, path


@pytest.mark.parametrize("which", ["mkdocs", "zensical"])
def test_each_worksheet_page_has_its_form_its_nav_entry_and_python(which: str, request: pytest.FixtureRequest) -> None:
    folder = request.getfixturevalue("a_built_site" if which == "mkdocs" else "a_zensical_site")
    worksheets = site.load_worksheets()
    home = (folder / "index.html").read_text(encoding="utf-8")
    for worksheet in worksheets.values():
        html = (folder / site.page_url(worksheet) / "index.html").read_text(encoding="utf-8")
        assert f'data-worksheet="{worksheet.id}"' in html or f'data-plan="{worksheet.id}"' in html
        assert site.FORM_MARKER.format(id=worksheet.id) not in html
        assert f'worksheets/{worksheet.id}/"' in home, f"{worksheet.id} is not in the nav"
    # The checker starts from <head> on worksheet pages only; guide pages never fetch any Python.
    assert "checker/start.mjs" in (folder / "worksheets/smart-goal/index.html").read_text(encoding="utf-8")
    assert "checker/start.mjs" not in home
    manifest = json.loads(re.search(r"^const PRECACHE = (.*);$", (folder / "sw.js").read_text(), re.M).group(1))
    assert manifest == offline.precache_manifest(folder)
    assert "worksheets/smart-goal/" in manifest["groups"]["site"]
    assert [path for path in manifest["groups"]["python"] if path.endswith(".whl")]
    assert 'href="../worksheets/smart-goal/"' in (folder / "smart-goals/index.html").read_text(encoding="utf-8")


@pytest.mark.browser
def test_the_smart_worksheet_gets_python_feedback_on_the_zensical_build(page: Page, a_zensical_server: str) -> None:
    offsite: list[str] = []
    page.on("request", lambda r: offsite.append(r.url)
            if urlsplit(r.url).scheme.startswith("http") and urlsplit(r.url).netloc != urlsplit(a_zensical_server).netloc
            else None)
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(a_zensical_server + "worksheets/smart-goal/")
    page.get_by_role("textbox", name="Your goal").fill("Never feel anxious again")
    expect(page.locator("[data-worksheet=smart-goal]")).to_have_attribute("data-checker", "ready",
                                                                         timeout=CHECKER_READY_MS)
    from worksheets.checks.smart import check_goal
    expected = check_goal("Never feel anxious again")["achievable"]["feedback"]
    expect(page.locator("[data-criterion=achievable] [data-feedback]")).to_have_text(expected)
    expect(page.locator("[aria-live] [data-criterion]")).to_have_count(5)
    assert offsite == [] and failed == []


def test_an_unknown_worksheet_link_fails_the_build_naming_the_page() -> None:
    worksheets = site.load_worksheets()
    markdown = 'Intro\n\n{{ worksheet_link("smart-goal") }}\n\n{{ worksheet_link("no-such-sheet") }}\n'
    with pytest.raises(site.SiteError, match=r'^guide/page\.md: worksheet_link\("no-such-sheet"\) names no worksheet'):
        site.expand_worksheet_links(markdown, "guide/page.md", worksheets)
    linked = site.expand_worksheet_links('{{ worksheet_link("smart-goal") }}\n', "guide/page.md", worksheets)
    assert linked == "[Try it: Write a SMART goal](../worksheets/smart-goal.md){ .md-button }\n"


@pytest.mark.parametrize("site_url", ["http://example.org/sub", "/set-your-therapy-goals/", "",
                                      "https://example.org/sub/?x=1"])
def test_a_site_url_that_is_not_a_folder_address_fails_clearly(site_url: str, tmp_path: Path) -> None:
    (tmp_path / offline.SERVICE_WORKER).write_text("")
    with pytest.raises(offline.ScopeError, match="must be an http\\(s\\) address of a folder"):
        offline.check_scope(site_url, tmp_path)


def test_a_web_manifest_outside_site_url_fails_clearly(tmp_path: Path) -> None:
    (tmp_path / offline.SERVICE_WORKER).write_text("")
    offline.check_scope("https://example.org/set-your-therapy-goals/", tmp_path)
    (tmp_path / "manifest.webmanifest").write_text(json.dumps({"start_url": "./", "scope": "./"}))
    offline.check_scope("https://example.org/set-your-therapy-goals/", tmp_path)
    (tmp_path / "manifest.webmanifest").write_text(json.dumps({"start_url": "/", "scope": "./"}))
    with pytest.raises(offline.ScopeError, match="start_url '/' resolves to https://example.org/, outside site_url"):
        offline.check_scope("https://example.org/set-your-therapy-goals/", tmp_path)
