"""Worksheet specs -> pages: load and validate the YAML specs, render them with Jinja2.

Used by the MkDocs hook (site_hook.py) and by the rendering tests, so both see the same pages.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import yaml

SPECS_DIR = Path(__file__).parent / "specs"
TEMPLATES_DIR = Path(__file__).parent / "templates"

#: Field kinds the templates know how to render.
FIELD_KINDS = {"textarea", "text", "scale", "date"}
_REQUIRED_SPEC_KEYS = ("id", "title", "description", "intro", "fields")
_REQUIRED_FIELD_KEYS = ("id", "kind", "label")
#: Optional field keys and their values when a spec leaves them out.
_FIELD_DEFAULTS = {"hint": "", "placeholder": "", "print_lines": 3, "check": None}
#: Optional spec keys and their values when a spec leaves them out. `template` picks the page's
#: template; `gathers` (ids of other worksheets) puts their specs into the page's JSON island.
_SPEC_DEFAULTS = {"template": "worksheet.html", "gathers": []}
#: A page's calendar file: deadlines are the date fields of these worksheets, with reviews until each.
_CALENDAR_KEYS = ("deadlines_from", "review_every_weeks", "deadline_title", "review_title", "review_description")


class SpecError(ValueError):
    """A worksheet spec is malformed; the message names the file and the field."""


@dataclass(frozen=True)
class Worksheet:
    spec: dict[str, Any]
    source: Path

    @property
    def id(self) -> str:
        return self.spec["id"]

    @property
    def page_path(self) -> str:
        """Where the generated Markdown page sits among the docs (URL: worksheets/<id>/)."""
        return f"worksheets/{self.id}.md"


def load_worksheets(specs_dir: Path = SPECS_DIR) -> list[Worksheet]:
    """All specs, validated, in the order of their `order` key then file name."""
    worksheets = [Worksheet(_validated(path), path) for path in sorted(specs_dir.glob("*.yml"))]
    return sorted(worksheets, key=lambda w: w.spec.get("order", 100))


def _validated(path: Path) -> dict[str, Any]:
    try:
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise SpecError(f"{path.name}: not valid YAML: {error}") from error
    if not isinstance(spec, dict):
        raise SpecError(f"{path.name}: expected a mapping at the top level")
    for key in _REQUIRED_SPEC_KEYS:
        if key not in spec:
            raise SpecError(f"{path.name}: missing required key '{key}'")
    spec.setdefault("examples", [])
    for key, default in _SPEC_DEFAULTS.items():
        spec.setdefault(key, default)
    if not (TEMPLATES_DIR / spec["template"]).is_file():
        raise SpecError(f"{path.name}: template '{spec['template']}' is not in {TEMPLATES_DIR.name}/")
    if not isinstance(spec["gathers"], list) or not all(isinstance(i, str) for i in spec["gathers"]):
        raise SpecError(f"{path.name}: gathers must be a list of worksheet ids")
    calendar = spec.setdefault("calendar", None)
    if calendar is not None:
        missing = [key for key in _CALENDAR_KEYS if key not in calendar]
        if missing or not isinstance(calendar["review_every_weeks"], int) or calendar["review_every_weeks"] < 1:
            raise SpecError(f"{path.name}: calendar needs {list(_CALENDAR_KEYS)}, review_every_weeks a whole number >= 1")
    if spec["id"] != path.stem:
        raise SpecError(f"{path.name}: id '{spec['id']}' must match the file name '{path.stem}'")
    field_ids = [field.get("id") for field in spec["fields"]]
    for index, field in enumerate(spec["fields"]):
        where = f"{path.name}: fields[{index}]"
        for key in _REQUIRED_FIELD_KEYS:
            if key not in field:
                raise SpecError(f"{where}: missing required key '{key}'")
        for key, default in _FIELD_DEFAULTS.items():
            field.setdefault(key, default)
        if field["kind"] not in FIELD_KINDS:
            raise SpecError(f"{where} ({field['id']}): unknown kind '{field['kind']}', expected one of {sorted(FIELD_KINDS)}")
        check = field.get("check")
        if check:
            for keyword, other in check.get("context", {}).items():
                if other not in field_ids:
                    raise SpecError(f"{where} ({field['id']}): check context '{keyword}' names unknown field '{other}'")
    if len(set(field_ids)) != len(field_ids):
        raise SpecError(f"{path.name}: field ids must be unique, got {field_ids}")
    return spec


@functools.cache
def _environment() -> jinja2.Environment:
    # One environment per process: it compiles each template once (and reloads one that changed).
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def page_markdown(worksheet: Worksheet) -> str:
    """The Markdown source of a worksheet page: title and intro; the form is added by render_form."""
    spec = worksheet.spec
    front_matter = yaml.safe_dump(
        {"title": spec.get("nav_title", spec["title"]), "description": spec["description"], "worksheet": spec["id"]},
        sort_keys=False,
    )
    return f"---\n{front_matter}---\n\n# {spec['title']}\n\n{spec['intro']}\n"


def render_form(worksheet: Worksheet, urls: dict[str, Any], others: Sequence[Worksheet] = ()) -> str:
    """The worksheet's HTML form, with the JSON island the browser script reads.

    A page that gathers other worksheets (My plan) also gets every other spec in its island,
    so it can label whatever it finds saved; `gathers` only sets the order.
    """
    config: dict[str, Any] = {"worksheet": worksheet.spec, "urls": urls}
    if worksheet.spec["gathers"]:
        config["worksheets"] = {other.id: other.spec for other in others if other.id != worksheet.id}
    # "</" would end the <script> island early; \u003c is the same character to JSON.
    island = json.dumps(config, ensure_ascii=False).replace("<", "\\u003c")
    template = _environment().get_template(worksheet.spec["template"])
    return template.render(spec=worksheet.spec, island=island, urls=urls)
