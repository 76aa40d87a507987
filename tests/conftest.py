"""Shared fixtures: a freshly built site, served on a free loopback port, and Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
#: Flags that keep Chromium from reaching out to Google services on its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def _a_site_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("site")


@pytest.fixture(scope="session")
def _a_bound_http_server(_a_site_folder: Path) -> Iterator[http.server.ThreadingHTTPServer]:
    """An HTTP server for the site folder on a free loopback port, bound before the build needs its address."""
    handler = functools.partial(_QuietHandler, directory=str(_a_site_folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    yield server
    server.server_close()


def _base_url(server: http.server.ThreadingHTTPServer) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def a_built_site(_a_site_folder: Path, _a_bound_http_server: http.server.ThreadingHTTPServer) -> Path:
    """The site as `mkdocs build --strict` makes it, in a temporary folder.

    Built for the address it is served from, as a real site is: Material's instant navigation
    follows only links under site_url, so the browser tests see it as people do.
    """
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(_a_site_folder)],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "SITE_URL": _base_url(_a_bound_http_server)},
    )
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return _a_site_folder


@pytest.fixture(scope="session")
def a_site_server(a_built_site: Path, _a_bound_http_server: http.server.ThreadingHTTPServer) -> Iterator[str]:
    """Base URL of the built site served on a free loopback port (the site_url it was built for)."""
    thread = threading.Thread(target=_a_bound_http_server.serve_forever, daemon=True)
    thread.start()
    yield _base_url(_a_bound_http_server)
    _a_bound_http_server.shutdown()


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
