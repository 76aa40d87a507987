"""A built site served on a free loopback port, and Debian's Chromium to drive it: shared by the
tests (tests/conftest.py) and the benchmark (scripts/bench.py), so both see the site alike."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

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
    # Chromium 156 draws its address bar's suggestions as a web page, in a renderer of its own that
    # starts with every new window: about 0.8 s of CPU that, on 2 cores, competed with each page
    # measured (traced in a warm worksheet visit). A person's browser started it once, long before.
    "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder under `prefix` (a site built for a sub-path), the two types a host must get
    right, and logs nothing. Anything outside the prefix is 404, as on a real project site."""

    prefix = "/"
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".wasm": "application/wasm"}

    def translate_path(self, path: str) -> str:
        route = unquote(urlsplit(path).path)
        if not route.startswith(self.prefix):
            return str(Path(self.directory) / "__outside-the-site-prefix__")
        return super().translate_path("/" + path[len(self.prefix):])

    def log_message(self, format: str, *args: object) -> None:
        pass


def bound_server(folder: Path, prefix: str = "/",
                 handler: type[QuietHandler] = QuietHandler) -> http.server.ThreadingHTTPServer:
    """An HTTP server for `folder` on a free loopback port, bound (its address known) before it serves."""
    handler = type("SiteHandler", (handler,), {"prefix": prefix})
    return http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))


def base_url(server: http.server.ThreadingHTTPServer) -> str:
    handler = server.RequestHandlerClass.func  # type: ignore[attr-defined] - the functools.partial above
    return f"http://127.0.0.1:{server.server_address[1]}{handler.prefix}"


@contextmanager
def serving(server: http.server.ThreadingHTTPServer) -> Iterator[str]:
    """Serves in a thread until the block ends; yields the base URL."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base_url(server)
    finally:
        server.shutdown()
        server.server_close()
