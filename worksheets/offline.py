"""The offline copy of the site: what the service worker (docs/sw.js) keeps, and how it knows a new build.

After a build, every file the site serves is listed by URL path with its sha256, in two groups:
`site` (guide pages, assets, worksheet pages), kept at the first visit of any page, and `python`
(the Pyodide runtime, the lock file and the checks wheel, as the checker worker fetches them: the
gzipped copy where the build wrote one), kept only once a worksheet page was opened. The list and a version hashed from it replace the PRECACHE line of the built sw.js, so any
changed file makes a new service worker, whose cache then replaces the old one whole.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

SERVICE_WORKER = "sw.js"
#: Files under this folder form the `python` group.
PYTHON_FOLDER = "pyodide/"
#: Never kept: source maps, Material's search support for other languages, the 404 page, the worker itself.
SKIPPED = ("*.map", "assets/javascripts/lunr/*", "404.html", "sitemap.xml.gz", SERVICE_WORKER)
_PRECACHE_LINE = re.compile(r"^const PRECACHE = .*;$", re.M)
#: Web app manifests the site may hold at its root; their start_url and scope must lie under site_url.
_WEB_MANIFESTS = ("manifest.webmanifest", "site.webmanifest", "manifest.json")


class ScopeError(ValueError):
    """site_url and the offline copy's paths disagree: the site would not work offline where it is served."""


def check_scope(site_url: str, site_dir: Path) -> None:
    """Fails when the address the site is built for and its offline paths disagree.

    The service worker sits at the site root and lists files relative to its scope, which is that
    root; a web app manifest's start_url and scope must resolve under site_url, or the installed
    app would open, or be kept, outside the site.
    """
    parts = urlsplit(site_url)
    if parts.scheme not in {"http", "https"} or not parts.netloc or not parts.path.endswith("/") \
            or parts.query or parts.fragment:
        raise ScopeError(f"site_url '{site_url}' must be an http(s) address of a folder, ending in '/' "
                         "(e.g. https://example.org/set-your-therapy-goals/): the service worker's scope is that folder")
    if not (site_dir / SERVICE_WORKER).is_file():
        raise ScopeError(f"{site_dir / SERVICE_WORKER} is missing: the service worker must sit at the site root "
                         f"({site_url}{SERVICE_WORKER}) for its scope to be the whole site")
    for name in _WEB_MANIFESTS:
        path = site_dir / name
        if not path.is_file():
            continue
        manifest_url = urljoin(site_url, name)
        manifest = json.loads(path.read_text(encoding="utf-8"))
        for key in ("start_url", "scope"):
            if key in manifest and not urljoin(manifest_url, manifest[key]).startswith(site_url):
                raise ScopeError(f"{name}: {key} '{manifest[key]}' resolves to "
                                 f"{urljoin(manifest_url, manifest[key])}, outside site_url {site_url}; "
                                 "write it relative to the manifest (e.g. './')")


def url_path(relative: str) -> str:
    """The path a browser asks for: `about/index.html` is asked for as `about/`, the home page as ``."""
    if relative == "index.html":
        return ""
    path = relative.removesuffix("index.html") if relative.endswith("/index.html") else relative
    return quote(path, safe="/+!$&'()*,;=:@~")  # as a browser writes it in a URL


def precache_manifest(site_dir: Path, *, empty: bool = False) -> dict[str, Any]:
    """{version, groups: {site: {path: sha256}, python: {path: sha256}}} of a built site.

    With `empty`, no file is listed (for `mkdocs serve`, whose pages must never come from a cache).
    """
    groups: dict[str, dict[str, str]] = {"site": {}, "python": {}}
    for path in sorted(site_dir.rglob("*")):
        relative = path.relative_to(site_dir).as_posix()
        if empty or not path.is_file() or any(fnmatch.fnmatch(relative, pattern) for pattern in SKIPPED):
            continue
        group = "python" if relative.startswith(PYTHON_FOLDER) else "site"
        # The checker worker fetches FILE.gz where the build wrote one (worksheets/site.py GZIPPED).
        if group == "python" and path.with_name(path.name + ".gz").is_file():
            continue
        groups[group][url_path(relative)] = hashlib.sha256(path.read_bytes()).hexdigest()
    version = hashlib.sha256(json.dumps(groups, sort_keys=True).encode()).hexdigest()[:16]
    return {"version": "serve" if empty else version, "groups": groups}


def write_service_worker(site_dir: Path, manifest: dict[str, Any]) -> None:
    """Puts the manifest into the built sw.js (copied from docs/sw.js by MkDocs)."""
    service_worker = site_dir / SERVICE_WORKER
    source = service_worker.read_text(encoding="utf-8")
    line = f"const PRECACHE = {json.dumps(manifest, sort_keys=True)};"
    updated, count = _PRECACHE_LINE.subn(lambda _: line, source)
    if count != 1:
        raise SystemExit(f"{service_worker}: expected one 'const PRECACHE = ...;' line, found {count}")
    service_worker.write_text(updated, encoding="utf-8")
