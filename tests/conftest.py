"""Shared fixtures: a freshly built site, served on a free loopback port, and Debian's Chromium."""

from __future__ import annotations

import http.server
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from worksheets.devserver import CHROMIUM, CHROMIUM_ARGS, base_url, bound_server, serving

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def _a_site_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("site")


@pytest.fixture(scope="session")
def _a_bound_http_server(_a_site_folder: Path) -> http.server.ThreadingHTTPServer:
    """An HTTP server for the site folder on a free loopback port, bound before the build needs its address."""
    return bound_server(_a_site_folder)


#: The generator the suite's site is built with: `SITE_ENGINE=zensical bash scripts/test.sh` runs
#: every test against the Zensical build instead of the MkDocs one.
SITE_ENGINE = os.environ.get("SITE_ENGINE", "mkdocs")


@pytest.fixture(scope="session")
def a_built_site(_a_site_folder: Path, _a_bound_http_server: http.server.ThreadingHTTPServer) -> Path:
    """The site as `python -m worksheets.build` makes it (MkDocs, strict), in a temporary folder.

    Built for the address it is served from, as a real site is: Material's instant navigation
    follows only links under site_url, so the browser tests see it as people do.
    """
    result = subprocess.run(
        [sys.executable, "-m", "worksheets.build", "--engine", SITE_ENGINE, "--site-dir", str(_a_site_folder),
         "--site-url", base_url(_a_bound_http_server)],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, f"the {SITE_ENGINE} build failed:\n{result.stderr}"
    return _a_site_folder


@pytest.fixture(scope="session")
def a_site_server(a_built_site: Path, _a_bound_http_server: http.server.ThreadingHTTPServer) -> Iterator[str]:
    """Base URL of the built site served on a free loopback port (the site_url it was built for)."""
    with serving(_a_bound_http_server) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def offsite_requests(page, a_site_server: str) -> Iterator[list[str]]:
    """Every request the page makes to a host other than the served site; must stay empty."""
    site_host = urlsplit(a_site_server).netloc
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url)
            if urlsplit(request.url).scheme in {"http", "https", "ws", "wss"}
            and urlsplit(request.url).netloc != site_host else None)
    yield seen
    assert seen == [], f"requests left the site: {seen}"
