"""Builds the complete site with MkDocs or with Zensical: guide and worksheet pages, nav, Pyodide
and the checks wheel, the Content-Security-Policy, the offline manifest.

    python -m worksheets.build --engine mkdocs --site-dir site
    python -m worksheets.build --engine zensical --site-dir site [--site-url https://example.org/sub/]

MkDocs runs the site's steps itself, through worksheets/mkdocs_hook.py. Zensical reads mkdocs.yml
but has no plugin or hook API, so for it this module does what the hook's events do, with the same
functions (worksheets/site.py): it loads mkdocs.yml through MkDocs and runs its `on_config` (nav,
site data for templates), writes the worksheet pages and the guide with its links expanded into a
temporary copy of docs/ beside a generated config, runs `zensical build`, and then adds the forms,
Pyodide and the wheel, the policy and the offline manifest to what it built.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.yaml import get_yaml_loader

from worksheets import site

ROOT = Path(__file__).resolve().parent.parent
CONFIG_FILE = ROOT / "mkdocs.yml"
ENGINES = ("mkdocs", "zensical")
#: Material's search dialog as MkDocs' Material renders it, and with the name axe-core asks for.
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_NAMED_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'


class BuildError(RuntimeError):
    """The build failed; the message says where."""


def mkdocs_config(site_dir: Path, site_url: str | None) -> MkDocsConfig:
    overrides: dict[str, Any] = {"site_dir": str(site_dir), "strict": True}
    if site_url:
        overrides["site_url"] = site_url
    return load_config(str(CONFIG_FILE), **overrides)


def build_with_mkdocs(site_dir: Path, site_url: str | None = None) -> None:
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    # MkDocs reports a page's error through its log: shown as its CLI would, warnings and errors only.
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    config = mkdocs_config(site_dir, site_url)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    except MkDocsException as error:
        raise BuildError(f"mkdocs build failed: {error}") from None
    finally:
        config.plugins.on_shutdown()


def build_with_zensical(site_dir: Path, site_url: str | None = None) -> None:
    config = mkdocs_config(site_dir, site_url)
    # The same on_config as under MkDocs: the nav gets the worksheets, config.extra the site data.
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    worksheets = site.load_worksheets()
    python_files, snapshot_key = site.python_files()
    with tempfile.TemporaryDirectory(prefix="zensical-") as temporary:
        work = Path(temporary)
        docs = work / "docs"
        shutil.copytree(config.docs_dir, docs)
        try:
            site.with_links_expanded(sorted(docs.rglob("*.md")), docs, worksheets)
        except site.SiteError as error:
            raise BuildError(str(error)) from None
        for worksheet in worksheets.values():
            page = docs / worksheet.page_path
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(site.worksheet_markdown(worksheet, snapshot_key, form_marker=True), encoding="utf-8")
        config_file = work / "mkdocs.yml"
        config_file.write_text(yaml.safe_dump(zensical_config(config, docs), sort_keys=False),
                               encoding="utf-8")
        result = subprocess.run([str(Path(sys.executable).with_name("zensical")), "build", "--strict",
                                 "--config-file", str(config_file)], cwd=work, capture_output=True, text=True)
        if result.returncode != 0 or not (work / "site" / "index.html").is_file():
            raise BuildError(f"zensical build failed:\n{result.stdout}\n{result.stderr}")
        _empty(site_dir)
        shutil.copytree(work / "site", site_dir, dirs_exist_ok=True)
    site.copy_python_files(site_dir, python_files)
    try:
        site.add_forms(site_dir, worksheets, snapshot_key)
        _name_search_dialogs(site_dir)
        site.finish(site_dir, config.site_url or "")
    except ValueError as error:
        raise BuildError(str(error)) from None


def zensical_config(config: MkDocsConfig, docs: Path) -> dict[str, Any]:
    """mkdocs.yml as written (environment variables read), less the hooks, with what on_config added."""
    raw = yaml.load(CONFIG_FILE.read_text(encoding="utf-8"), Loader=get_yaml_loader())  # noqa: S506 - MkDocs' loader
    raw.pop("hooks", None)
    theme = dict(raw["theme"])
    if "custom_dir" in theme:
        theme["custom_dir"] = str((CONFIG_FILE.parent / theme["custom_dir"]).resolve())
    return {**raw, "theme": theme, "site_url": config.site_url, "docs_dir": docs.name,
            # Zensical builds only inside the folder of its config; the result is copied to --site-dir.
            "site_dir": "site",
            "nav": config.nav, "extra": dict(config.extra)}


def _empty(folder: Path) -> None:
    # Emptied, not removed: a test may be serving this very folder.
    folder.mkdir(parents=True, exist_ok=True)
    for child in folder.iterdir():
        shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()


def _name_search_dialogs(site_dir: Path) -> None:
    """worksheets/accessibility_hook.py's fix, where Zensical's markup still needs it (it names the dialog itself)."""
    for path in site_dir.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if _SEARCH_DIALOG in html:
            path.write_text(html.replace(_SEARCH_DIALOG, _NAMED_SEARCH_DIALOG), encoding="utf-8")


def build(engine: str, site_dir: Path, site_url: str | None = None) -> float:
    """Builds the site into `site_dir`; returns the seconds it took."""
    started = time.perf_counter()
    {"mkdocs": build_with_mkdocs, "zensical": build_with_zensical}[engine](site_dir.resolve(), site_url)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Build the complete site with MkDocs or Zensical.")
    parser.add_argument("--engine", choices=ENGINES, default="mkdocs")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--site-url", default=os.environ.get("SITE_URL"),
                        help="the address the site will be served from (default: $SITE_URL, else mkdocs.yml's)")
    args = parser.parse_args(argv)
    try:
        seconds = build(args.engine, args.site_dir, args.site_url)
    except BuildError as error:
        sys.exit(f"build ({args.engine}): {error}")
    pages = sum(1 for _ in args.site_dir.rglob("*.html"))
    print(f"built {args.site_dir} with {args.engine} in {seconds:.1f} s ({pages} HTML pages)")


if __name__ == "__main__":
    main()
