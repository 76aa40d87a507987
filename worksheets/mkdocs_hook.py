"""MkDocs hook: the site's own build steps (worksheets/site.py) at MkDocs' events.

- on_config: the nav's "Worksheets" section lists every spec; site data for the templates;
- on_files: one generated page per spec, Pyodide and the checks wheel under pyodide/;
- on_page_markdown: `{{ worksheet_link("id") }}` lines become links (an unknown id fails the build);
- on_page_content: a worksheet page gets its form;
- on_post_build: the Content-Security-Policy, then the offline manifest (nothing kept under `mkdocs serve`);
- on_serve: `mkdocs serve` rebuilds when specs, templates or checks change.
`python -m worksheets.build --engine zensical` runs the same steps around Zensical.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from worksheets import bundle, pages, site

_worksheets: dict[str, pages.Worksheet] = {}
_python_build: dict[str, str] = {}
_serving = False


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    # `mkdocs serve` shows each edit at once: its service worker keeps nothing, its policy allows inline scripts.
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        _worksheets.clear()
        _worksheets.update(site.load_worksheets())
    except pages.SpecError as error:
        raise PluginError(str(error)) from None
    site.extend_nav(config.nav, _worksheets)
    # Site data every template reads (config.extra.*): the same for the Zensical build.
    site.template_extra(config.extra)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    python_files, _python_build["snapshotKey"] = site.python_files()
    for worksheet in _worksheets.values():
        markdown = site.worksheet_markdown(worksheet, _python_build["snapshotKey"], form_marker=False)
        files.append(File.generated(config, worksheet.page_path, content=markdown))
    for url, path in python_files.items():
        files.append(File.generated(config, url, abs_src_path=str(path)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        return site.expand_worksheet_links(markdown, page.file.src_uri, _worksheets)
    except site.SiteError as error:
        raise PluginError(str(error)) from None


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    worksheet = _worksheets.get(page.meta.get("worksheet", ""))
    if worksheet is None:
        return html
    return html + site.form_html(worksheet, _worksheets, _python_build["snapshotKey"])


def on_post_build(config: MkDocsConfig) -> None:
    try:
        site.finish(Path(config.site_dir), config.site_url or "", serving=_serving)
    except (site.SiteError, ValueError) as error:
        raise PluginError(str(error)) from None


def on_serve(server, config: MkDocsConfig, builder):  # noqa: ANN001 - livereload types are internal
    for folder in (pages.SPECS_DIR, pages.TEMPLATES_DIR, bundle.CHECKS_DIR):
        server.watch(str(folder))
    return server
