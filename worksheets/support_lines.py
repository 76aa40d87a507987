"""Support lines: load and validate worksheets/support_lines.yml.

The MkDocs hook puts the result in `config.extra["support_lines"]` (a list of dicts), where the
every-page crisis block (overrides/partials/crisis.html) and the per-kind templates that worksheets
show under a flagged field (overrides/partials/support-lines.html) read it. A bad entry fails the
build with a message that names the entry and the field.

Run `python -m worksheets.support_lines` to validate the file and list the lines by region.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

DATA_FILE = Path(__file__).parent / "support_lines.yml"

#: The five kinds of the safety check (see CONTRACTS.md), in the order the site lists them.
KINDS = ("crisis", "eating", "substance", "harm-to-others", "being-harmed")
#: Where a line serves, and how the site names each region to a reader (in listing order).
REGIONS = {
    "US": "United States",
    "CA": "Canada",
    "GB": "United Kingdom",
    "GB-ENG": "England",
    "IE": "Ireland",
    "AU": "Australia",
    "NZ": "New Zealand",
    "ALL": "Anywhere",
}
FIELDS = ("id", "name", "regions", "kinds", "contact", "href", "confirmed")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_HREF = re.compile(r"^(?:tel:\+?[0-9]+|sms:\+?[0-9]+(?:\?body=[A-Za-z0-9]+)?|https://\S+)$")


class SupportLinesError(ValueError):
    """The data file is not as CONTRACTS.md describes; the message names the entry and field."""


def load(path: Path = DATA_FILE) -> list[dict[str, Any]]:
    """The lines in file order, each a dict with exactly FIELDS, validated."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise SupportLinesError(f"{path.name}: cannot read it: {error}") from error
    if not isinstance(data, dict) or not isinstance(data.get("lines"), list) or not data["lines"]:
        raise SupportLinesError(f"{path.name}: needs a non-empty list under 'lines'")
    lines = [validate(entry, index, path.name) for index, entry in enumerate(data["lines"])]
    seen: set[str] = set()
    for line in lines:
        if line["id"] in seen:
            raise SupportLinesError(f"{path.name}: line '{line['id']}': field 'id': used twice")
        seen.add(line["id"])
    for kind in KINDS:
        if not any(kind in line["kinds"] for line in lines):
            raise SupportLinesError(f"{path.name}: no line serves the kind '{kind}'")
    if not any("ALL" in line["regions"] for line in lines):
        raise SupportLinesError(f"{path.name}: no line serves region 'ALL' (the fallback everywhere)")
    return lines


def validate(entry: Any, index: int, filename: str = DATA_FILE.name) -> dict[str, Any]:
    """One entry, checked field by field; returns a plain dict with exactly FIELDS."""
    label = f"line {index + 1}"
    if isinstance(entry, dict) and isinstance(entry.get("id"), str):
        label = f"line '{entry['id']}'"

    def fail(field: str, problem: str) -> SupportLinesError:
        return SupportLinesError(f"{filename}: {label}: field '{field}': {problem}")

    if not isinstance(entry, dict):
        raise SupportLinesError(f"{filename}: {label}: must be a mapping of {', '.join(FIELDS)}")
    for field in FIELDS:
        if field not in entry:
            raise fail(field, "missing")
    extra = sorted(set(entry) - set(FIELDS))
    if extra:
        raise fail(extra[0], f"unknown field (allowed: {', '.join(FIELDS)})")
    for field in ("id", "name", "contact", "href", "confirmed"):
        if not isinstance(entry[field], str) or not entry[field].strip():
            raise fail(field, "must be a non-empty string")
    if not _ID.match(entry["id"]):
        raise fail("id", "use lowercase letters, digits and hyphens")
    for field, allowed in (("regions", tuple(REGIONS)), ("kinds", KINDS)):
        values = entry[field]
        if not isinstance(values, list) or not values or not all(isinstance(v, str) for v in values):
            raise fail(field, "must be a non-empty list of strings")
        unknown = [v for v in values if v not in allowed]
        if unknown:
            raise fail(field, f"unknown value '{unknown[0]}' (allowed: {', '.join(allowed)})")
        if len(set(values)) != len(values):
            raise fail(field, "lists a value twice")
    if not _HREF.match(entry["href"]):
        raise fail("href", "must be tel:<digits>, sms:<digits>[?body=WORD] or https://...")
    if "http" not in entry["confirmed"] and "corpus" not in entry["confirmed"]:
        raise fail("confirmed", "must name where it was confirmed (a page address and the corpus)")
    return {field: (" ".join(entry[field].split()) if isinstance(entry[field], str) else list(entry[field]))
            for field in FIELDS}


def by_region(lines: list[dict[str, Any]], kind: str | None = None) -> list[tuple[str, list[dict[str, Any]]]]:
    """(region name, lines) in REGIONS order, optionally only the lines of one kind; a line that
    serves several regions is listed under each of them."""
    groups = [(name, [line for line in lines if code in line["regions"] and (kind is None or kind in line["kinds"])])
              for code, name in REGIONS.items()]
    return [(name, members) for name, members in groups if members]


if __name__ == "__main__":
    all_lines = load()
    for region, members in by_region(all_lines):
        print(region)
        for line in members:
            print(f"  {line['name']}: {line['contact']}  [{', '.join(line['kinds'])}]")
