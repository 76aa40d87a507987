"""The browser code's shape (issue 13): its pure modules' unit tests pass under `node --test`, only
store/ touches localStorage, only checker/ makes a Worker, no module shares a window global, and
no file is over 250 lines."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
JS = ROOT / "docs" / "assets" / "js"
#: Every script the browser runs that this project writes: the modules and the service worker.
BROWSER_FILES = sorted([*JS.rglob("*.mjs"), *JS.rglob("*.js"), ROOT / "docs" / "sw.js"])
UNIT_TESTS = sorted([*ROOT.glob("tests/*.test.mjs"), *ROOT.glob("tests/js/*.test.mjs")])
MAX_LINES = 250


def _code(path: Path) -> str:
    """The file without its comments, so a comment that names localStorage is not a use of it."""
    text = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
    return re.sub(r"(^|[^:\\])//.*$", r"\1", text, flags=re.M)


def _uses(pattern: str) -> list[str]:
    return sorted(path.relative_to(JS).as_posix() for path in BROWSER_FILES
                  if path.is_relative_to(JS) and re.search(pattern, _code(path)))


def test_the_pure_modules_pass_their_unit_tests() -> None:
    node = shutil.which("node")
    assert node, "Node.js is needed for the browser code's unit tests (scripts/setup.sh checks for it)"
    assert UNIT_TESTS, "no *.test.mjs files under tests/"
    result = subprocess.run([node, "--test", *map(str, UNIT_TESTS)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"node --test failed:\n{result.stdout}\n{result.stderr}"


def test_only_the_store_touches_local_storage() -> None:
    assert _uses(r"\blocalStorage\b") == ["store/storage.mjs"]


def test_only_the_checker_client_makes_a_worker() -> None:
    assert [path for path in _uses(r"\bnew\s+(Shared)?Worker\s*\(") if not path.startswith("checker/")] == []
    assert _uses(r"\bnew\s+Worker\s*\(") == ["checker/client.mjs"]


def test_no_module_shares_a_window_global() -> None:
    # Modules share through imports; a property set on window (or globalThis/self) is a hidden contract.
    assert _uses(r"\b(window|globalThis)\.[A-Za-z_$][\w$]*\s*=(?!=)") == []
    assert _uses(r"therapyGoals|earlyChecker") == []


def test_every_browser_script_is_a_module_of_at_most_250_lines() -> None:
    too_long = {path.relative_to(ROOT).as_posix(): count for path in BROWSER_FILES
                if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert too_long == {}
    assert [path.name for path in JS.rglob("*.js")] == [], "browser code under assets/js is ES modules (.mjs)"


@pytest.mark.parametrize("path", [path for path in BROWSER_FILES if path.is_relative_to(JS)], ids=lambda p: p.relative_to(JS).as_posix())
def test_every_module_import_names_a_file_that_exists(path: Path) -> None:
    for target in re.findall(r"""\bfrom\s+["'](\.{1,2}/[^"']+)["']|\bimport\s*\(\s*["'](\.{1,2}/[^"']+)["']""", _code(path)):
        relative = next(part for part in target if part)
        assert (path.parent / relative).resolve().is_file(), f"{path.name} imports {relative}, which does not exist"
