"""The offline copy's manifest: the built service worker lists every file of its build, with its hash,
Python apart from the guide, and a version that changes with any file."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from worksheets import offline


def built_manifest(site: Path) -> dict:
    line = re.search(r"^const PRECACHE = (.*);$", (site / offline.SERVICE_WORKER).read_text(), re.M)
    assert line, "the built sw.js has no PRECACHE line"
    return json.loads(line.group(1))


@pytest.mark.parametrize(("file", "url_path"), [
    ("index.html", ""),
    ("about/index.html", "about/"),
    ("worksheets/smart-goal/index.html", "worksheets/smart-goal/"),
    ("assets/css/site.css", "assets/css/site.css"),
    ("pyodide/therapy_goal_checks-1.0+abc-py3-none-any.whl", "pyodide/therapy_goal_checks-1.0+abc-py3-none-any.whl"),
    ("a page/index.html", "a%20page/"),
])
def test_files_are_listed_by_the_path_a_browser_asks_for(file: str, url_path: str) -> None:
    assert offline.url_path(file) == url_path


def test_the_built_service_worker_lists_every_file_of_its_build(a_built_site: Path) -> None:
    manifest = built_manifest(a_built_site)
    assert manifest == offline.precache_manifest(a_built_site)
    site, python = manifest["groups"]["site"], manifest["groups"]["python"]
    assert {"", "about/", "smart-goals/", "worksheets/smart-goal/", "assets/js/main.mjs",
            "assets/js/checker-worker.mjs", "search/search_index.json", "sitemap.xml"} <= set(site)
    # The files the checker worker fetches: gzipped where the build wrote a copy, never both.
    assert {"pyodide/pyodide.asm.wasm.gz", "pyodide/pyodide.asm.mjs.gz", "pyodide/python_stdlib.zip.gz",
            "pyodide/pyodide-lock.json.gz", "pyodide/pyodide.mjs"} <= set(python)
    assert not {"pyodide/pyodide.asm.wasm", "pyodide/pyodide.asm.mjs", "pyodide/pyodide-lock.json",
                "pyodide/python_stdlib.zip"} & set(python)
    assert [path for path in python if path.endswith(".whl")]
    assert not [path for path in site if path.startswith("pyodide/")]
    assert not [path for path in {**site, **python} if path.endswith(".map") or path == "sw.js"]


def test_any_changed_file_makes_a_new_version(a_built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(a_built_site, site)
    before = offline.precache_manifest(site)
    (site / "assets" / "css" / "site.css").write_text("/* changed */", encoding="utf-8")
    after = offline.precache_manifest(site)
    assert after["version"] != before["version"]
    offline.write_service_worker(site, after)
    assert built_manifest(site) == after


def test_mkdocs_serve_keeps_nothing_offline(a_built_site: Path) -> None:
    manifest = offline.precache_manifest(a_built_site, empty=True)
    assert manifest["groups"] == {"site": {}, "python": {}}
