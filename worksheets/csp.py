"""The Content-Security-Policy of every page, with the hashes of its inline scripts.

overrides/main.html puts `<meta http-equiv="Content-Security-Policy" content="...">` with
`PLACEHOLDER` as its content at the top of every page's <head>. After the build, this hook hashes
every inline script of every built page (Material emits a few small ones) and writes one policy,
the same on every page, into each placeholder. One policy for the whole site because Material's
instant navigation keeps the first page's policy and re-runs the next page's inline scripts under
it; a different <meta> on the next page would be added to the first, not replace it.

It runs after the generator, whichever it is, and before the offline manifest is written (the
service worker lists the built files' hashes): worksheets/site.py `finish`. Under `mkdocs serve`,
whose live-reload script changes on every request, inline scripts are allowed outright: that
policy never leaves the developer's machine.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

#: What overrides/main.html puts in the <meta>'s content; replaced in every built page.
PLACEHOLDER = "content-security-policy-filled-in-after-the-build"
#: The policy without its script hashes. Pyodide compiles WebAssembly ('wasm-unsafe-eval'); nothing
#: evaluates JavaScript from text ('unsafe-eval'); Material's icons are data: SVGs in its CSS.
POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "worker-src": ["'self'"],
    "connect-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "style-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
#: Script types a browser runs; any other (application/json islands, templates) is data.
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
#: Built folders that hold no pages of ours.
_SKIPPED_FOLDERS = {"pyodide"}


class PolicyError(ValueError):
    """A built page has no place for the policy, or more than one."""


class _Attributes(HTMLParser):
    def __init__(self, start_tag: str) -> None:
        super().__init__()
        self.attributes: dict[str, str] = {}
        self.feed(start_tag)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes = {name: value or "" for name, value in attrs}


def inline_scripts(html: str) -> list[str]:
    """The text of each inline script a browser would run in `html`."""
    scripts = []
    for match in _SCRIPT.finditer(html):
        attributes = _Attributes(f"<script{match.group(1)}>").attributes
        if "src" in attributes or attributes.get("type", "").strip().lower() not in _EXECUTABLE_TYPES:
            continue
        # The browser hashes the text as parsed, where every line break is a single LF.
        scripts.append(match.group(2).replace("\r\n", "\n").replace("\r", "\n"))
    return scripts


def script_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(script_hashes: list[str], *, serving: bool = False) -> str:
    directives = {**POLICY, "script-src": POLICY["script-src"] + (["'unsafe-inline'"] if serving else script_hashes)}
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


def built_pages(site_dir: Path) -> list[Path]:
    return sorted(path for path in site_dir.rglob("*.html")
                  if not _SKIPPED_FOLDERS.intersection(path.relative_to(site_dir).parts))


def fill_policies(site_dir: Path, *, serving: bool = False) -> str:
    """Writes one policy, with the hashes of every built page's inline scripts, into every page."""
    pages = {path: path.read_text(encoding="utf-8") for path in built_pages(site_dir)}
    hashes = sorted({script_hash(script) for html in pages.values() for script in inline_scripts(html)})
    filled = policy(hashes, serving=serving)
    for path, html in pages.items():
        if html.count(PLACEHOLDER) != 1:
            raise PolicyError(f"{path}: expected one Content-Security-Policy placeholder "
                              f"(overrides/main.html), found {html.count(PLACEHOLDER)}")
        path.write_text(html.replace(PLACEHOLDER, filled), encoding="utf-8")
    return filled
