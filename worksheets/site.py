"""The site's own build steps, the same whatever generator renders the Markdown (MkDocs or Zensical).

- the nav's "Worksheets" section lists every spec, and the template context gets the site data;
- every spec becomes a Markdown page at worksheets/<id>/ whose form is added to its built HTML;
- `{{ worksheet_link("id") }}` lines in guide pages become links to worksheets (unknown ids fail);
- after the build: Pyodide and the checks wheel under pyodide/, then the Content-Security-Policy,
  then the offline manifest (worksheets/offline.py), which lists the files as finally written.

worksheets/mkdocs_hook.py calls these from MkDocs' events; worksheets/build.py calls them around
`zensical build`, which has no plugin API.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils import get_relative_url

from worksheets import bundle, csp, offline, pages, support_lines, webapp

#: Where the runtime, lock file and wheel are served from, relative to the site root.
PYODIDE_URL = "pyodide/"
WORKER_URL = "assets/js/checker-worker.mjs"
NAV_SECTION = "Worksheets"
#: Files under pyodide/ the build also writes gzipped (FILE.gz): the checker worker fetches those and
#: inflates them itself, so a host that compresses nothing still sends 2-3x fewer bytes.
#: python_stdlib.zip is stored uncompressed for that (worksheets/precompiled_stdlib.py); the wheel is compressed.
GZIPPED = ("pyodide.asm.wasm", "pyodide.asm.mjs", "pyodide-lock.json", "python_stdlib.zip")
#: Fetched by the worker (pyodide.mjs is imported, 18 kB): per file, what it downloads, for its progress bar.
_DOWNLOADED = ("pyodide.asm.wasm", "pyodide.asm.mjs", "python_stdlib.zip", "pyodide-lock.json")
GZIP_CACHE = Path(__file__).resolve().parent.parent / ".cache" / "gzip"
#: Set by python_files(): {name: {bytes, gzip, sha256}} of what the worker downloads (checker_urls):
#: the size and hash of the file as sent (FILE.gz where `gzip`).
_downloads: dict[str, dict[str, Any]] = {}
#: Quick exit's default target: a neutral page, nothing to do with therapy (mkdocs.yml extra.quick_exit_url).
QUICK_EXIT_URL = "https://www.bbc.com/weather"
#: Where the built HTML of a worksheet page gets its form (kept by Markdown as a raw HTML block).
FORM_MARKER = '<div data-worksheet-form-goes-here="{id}"></div>'
_WORKSHEET_LINK = re.compile(r"""^\{\{\s*worksheet_link\(\s*["']([^"']*)["']\s*\)\s*\}\}[ \t]*$""", re.M)


class SiteError(ValueError):
    """The site cannot be built as configured; the message names the page or setting."""


def load_worksheets() -> dict[str, pages.Worksheet]:
    return {w.id: w for w in pages.load_worksheets()}


def extend_nav(nav: list[Any] | None, worksheets: dict[str, pages.Worksheet]) -> None:
    """Appends every worksheet page to the nav's "Worksheets" section, so a new spec needs no config change."""
    for item in nav or []:
        if isinstance(item, dict) and NAV_SECTION in item:
            listed = set(item[NAV_SECTION])
            item[NAV_SECTION].extend(w.page_path for w in worksheets.values() if w.page_path not in listed)


def template_extra(extra: dict[str, Any]) -> None:
    """Site data every template may read as `config.extra.<key>`, for both engines.

    The MkDocs hook calls this from on_config; the Zensical build writes the result into its config.
    """
    # The support lines, for the crisis block and the worksheets' per-kind support (overrides/partials).
    extra["support_lines"] = support_lines.load()
    extra["support_line_regions"] = support_lines.REGIONS
    extra["support"] = support_lines.template_context(extra["support_lines"])
    # Where Quick exit goes (overrides/partials/quick-exit.html): a plain link, never fetched by the site.
    extra.setdefault("quick_exit_url", QUICK_EXIT_URL)


def page_url(worksheet: pages.Worksheet) -> str:
    return worksheet.page_path.removesuffix(".md") + "/"


def checker_urls(worksheet: pages.Worksheet, snapshot_key: str) -> dict[str, str]:
    """What the page's checker needs, relative to the page (overrides/partials/checker-start.html)."""
    url = page_url(worksheet)
    return {
        "pyodide": get_relative_url(PYODIDE_URL, url).rstrip("/") + "/",
        "worker": get_relative_url(WORKER_URL, url),
        # The checks wheel under `pyodide`; its name also names the runtime and the checks together,
        # so the worker keys the Python memory snapshot by it, which is valid for this pair only.
        "checksWheel": snapshot_key,
        # What the worker downloads: sizes for its progress, hashes to keep each file in Cache Storage.
        "downloads": _downloads,
    }


def worksheet_markdown(worksheet: pages.Worksheet, snapshot_key: str, *, form_marker: bool) -> str:
    """A worksheet page's Markdown: title, intro, and in the front matter what <head> needs.

    With `form_marker`, the form's place is marked for add_forms (engines without a content event).
    """
    meta: dict[str, Any] = {"title": worksheet.spec.get("nav_title", worksheet.spec["title"]),
                            "description": worksheet.spec["description"], "worksheet": worksheet.id}
    if _has_checks(worksheet.spec["fields"]):
        # Worksheet pages with checks start the checker from <head>; others never fetch Python.
        meta["checker_urls"] = checker_urls(worksheet, snapshot_key)
    if any(field.get("layout") == "side-by-side" for field in worksheet.spec["fields"]):
        # Side by side needs the width: the page's table of contents gives it up.
        meta["hide"] = ["toc"]
    front_matter = yaml.safe_dump(meta, sort_keys=False)
    marker = "\n" + FORM_MARKER.format(id=worksheet.id) + "\n" if form_marker else ""
    return f"---\n{front_matter}---\n\n# {worksheet.spec['title']}\n\n{pages.intro_markdown(worksheet.spec['intro'])}{marker}"


def _has_checks(fields: list[dict]) -> bool:
    return any(field.get("check") or _has_checks(field.get("fields", [])) for field in fields)


def form_html(worksheet: pages.Worksheet, worksheets: dict[str, pages.Worksheet], snapshot_key: str) -> str:
    """The worksheet's form with its JSON island, every URL in it relative to the page."""
    url = page_url(worksheet)
    urls = {**checker_urls(worksheet, snapshot_key),
            # Each worksheet's page, so a page can link to the others without knowing the site's layout.
            "pages": {w.id: get_relative_url(page_url(w), url) for w in worksheets.values()}}
    return pages.render_form(worksheet, urls, list(worksheets.values()))


def expand_worksheet_links(markdown: str, src_uri: str, worksheets: dict[str, pages.Worksheet]) -> str:
    """`{{ worksheet_link("id") }}` on a line of its own -> a button link to that worksheet."""

    def link(match: re.Match[str]) -> str:
        worksheet = worksheets.get(match.group(1))
        if worksheet is None:
            raise SiteError(f"{src_uri}: worksheet_link(\"{match.group(1)}\") names no worksheet; "
                            f"known: {', '.join(sorted(worksheets))}")
        target = get_relative_url(worksheet.page_path, src_uri)
        return f'[Try it: {worksheet.spec["title"]}]({target}){{ .md-button }}'

    return _WORKSHEET_LINK.sub(link, markdown)


def gzipped(path: Path) -> Path:
    """A gzip -9 copy of `path` (kept in .cache/gzip by content hash: compressing 10 MB takes seconds)."""
    data = path.read_bytes()
    target = GZIP_CACHE / f"{hashlib.sha256(data).hexdigest()}.gz"
    if not target.exists():
        GZIP_CACHE.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".partial")
        partial.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
        partial.replace(target)
    return target


def python_files() -> tuple[dict[str, Path], str]:
    """Files to serve under pyodide/ (runtime, its gzipped copies, lock file, checks wheel) and the snapshot key."""
    shipped = bundle.build_bundle()
    files = {PYODIDE_URL + name: path for name, path in shipped.site_files().items()}
    _downloads.clear()
    for name in (*_DOWNLOADED, shipped.wheel.name):
        path = files[PYODIDE_URL + name]
        sent = path
        if name in GZIPPED:
            sent = files[PYODIDE_URL + name + ".gz"] = gzipped(path)
        _downloads[name] = {"bytes": sent.stat().st_size, "gzip": name in GZIPPED,
                            "sha256": hashlib.sha256(sent.read_bytes()).hexdigest()[:16]}
    return files, shipped.wheel.name


def copy_python_files(site_dir: Path, files: dict[str, Path]) -> None:
    for url, path in files.items():
        (site_dir / url).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, site_dir / url)


def add_forms(site_dir: Path, worksheets: dict[str, pages.Worksheet], snapshot_key: str) -> None:
    """Puts each worksheet's form in place of its marker in the built page."""
    for worksheet in worksheets.values():
        path = site_dir / page_url(worksheet) / "index.html"
        html = path.read_text(encoding="utf-8")
        marker = FORM_MARKER.format(id=worksheet.id)
        if html.count(marker) != 1:
            raise SiteError(f"{path}: expected the form's marker once, found it {html.count(marker)} times")
        path.write_text(html.replace(marker, form_html(worksheet, worksheets, snapshot_key)), encoding="utf-8")


def finish(site_dir: Path, site_url: str, *, serving: bool = False) -> None:
    """After the generator: the policy in every page, then the offline manifest over the final files."""
    webapp.write(site_dir)
    csp.fill_policies(site_dir, serving=serving)
    offline.check_scope(site_url, site_dir)
    offline.write_service_worker(site_dir, offline.precache_manifest(site_dir, empty=serving))


def with_links_expanded(docs: Iterable[Path], docs_dir: Path, worksheets: dict[str, pages.Worksheet]) -> None:
    """Expands worksheet links in place in a copy of the docs (engines without a Markdown event)."""
    for path in docs:
        text = path.read_text(encoding="utf-8")
        expanded = expand_worksheet_links(text, path.relative_to(docs_dir).as_posix(), worksheets)
        if expanded != text:
            path.write_text(expanded, encoding="utf-8")
