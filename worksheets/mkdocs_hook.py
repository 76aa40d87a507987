"""MkDocs hook: generates the worksheet pages from their specs and ships the Python checks.

- every spec in worksheets/specs becomes a page at worksheets/<id>/ (no hand-copied pages);
- `{{ worksheet_link("id") }}` lines in guide pages become links to existing worksheets;
- the self-hosted Pyodide runtime and the checks wheel are added under pyodide/;
- `mkdocs serve` rebuilds when specs, templates or checks change;
- the built sw.js lists every file with its hash (worksheets/offline.py), except under `mkdocs serve`.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from worksheets import bundle, offline, pages, support_lines

#: Where the runtime, lock file and wheel are served from, relative to the site root.
PYODIDE_URL = "pyodide/"
WORKER_URL = "assets/js/checker-worker.mjs"
NAV_SECTION = "Worksheets"
_WORKSHEET_LINK = re.compile(r"""^\{\{\s*worksheet_link\(\s*["']([a-z0-9-]+)["']\s*\)\s*\}\}[ \t]*$""", re.M)

_worksheets: dict[str, pages.Worksheet] = {}
_python_build: dict[str, str] = {}
_serving = False


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    # `mkdocs serve` shows each edit at once: its service worker keeps nothing.
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _worksheets.clear()
    _worksheets.update({w.id: w for w in pages.load_worksheets()})
    # The nav's "Worksheets" section lists every spec, so a new spec needs no config change.
    for item in config.nav or []:
        if isinstance(item, dict) and NAV_SECTION in item:
            listed = set(item[NAV_SECTION])
            item[NAV_SECTION].extend(w.page_path for w in _worksheets.values() if w.page_path not in listed)
    # The support lines, for the crisis block and the worksheets' per-kind support (overrides/partials).
    config.extra["support_lines"] = support_lines.load()
    config.extra["support_line_regions"] = support_lines.REGIONS
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for worksheet in _worksheets.values():
        files.append(File.generated(config, worksheet.page_path, content=pages.page_markdown(worksheet)))
    shipped = bundle.build_bundle()
    # Names the runtime and the checks together: a Python memory snapshot is valid for this pair only.
    _python_build["snapshotKey"] = shipped.wheel.name
    for name, path in shipped.site_files().items():
        files.append(File.generated(config, PYODIDE_URL + name, abs_src_path=str(path)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    def link(match: re.Match[str]) -> str:
        worksheet = _worksheets.get(match.group(1))
        if worksheet is None:
            return ""  # not built yet: no placeholder page, no dead link
        target = get_relative_url(worksheet.page_path, page.file.src_uri)
        return f'[Try it: {worksheet.spec["title"]}]({target}){{ .md-button }}'

    return _WORKSHEET_LINK.sub(link, markdown)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    worksheet = _worksheets.get(page.meta.get("worksheet", ""))
    if worksheet is None:
        return html
    urls = {
        "pyodide": get_relative_url(PYODIDE_URL, page.url).rstrip("/") + "/",
        "worker": get_relative_url(WORKER_URL, page.url),
        "checksPackage": bundle.PACKAGE_NAME,
        "snapshotKey": _python_build["snapshotKey"],
    }
    if _has_checks(worksheet.spec["fields"]):
        # overrides/partials/checker-start.html starts the checker from <head> with these.
        page.meta["checker_urls"] = urls
    # Each worksheet's page, so a page can link to the others without knowing the site's layout.
    urls = {**urls, "pages": {w.id: get_relative_url(w.page_path.removesuffix(".md") + "/", page.url)
                              for w in _worksheets.values()}}
    return html + pages.render_form(worksheet, urls, list(_worksheets.values()))


def _has_checks(fields: list[dict]) -> bool:
    return any(field.get("check") or _has_checks(field.get("fields", [])) for field in fields)


def on_post_build(config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    offline.write_service_worker(site_dir, offline.precache_manifest(site_dir, empty=_serving))


def on_serve(server, config: MkDocsConfig, builder):  # noqa: ANN001 - livereload types are internal
    for folder in (pages.SPECS_DIR, pages.TEMPLATES_DIR, bundle.CHECKS_DIR):
        server.watch(str(folder))
    return server
