"""Worksheet specs -> pages: load and validate the YAML specs, render them with Jinja2.

Used by the MkDocs hook (site_hook.py) and by the rendering tests, so both see the same pages.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import yaml

SPECS_DIR = Path(__file__).parent / "specs"
TEMPLATES_DIR = Path(__file__).parent / "templates"

#: Field kinds the templates know how to render; `repeat` holds a list of items of its own `fields`.
FIELD_KINDS = {"textarea", "text", "scale", "date", "choice", "gas", "repeat"}
_REQUIRED_SPEC_KEYS = ("id", "title", "description", "intro", "fields")
_REQUIRED_FIELD_KEYS = ("id", "kind", "label")
#: Optional field keys and their values when a spec leaves them out.
_FIELD_DEFAULTS = {"hint": "", "placeholder": "", "print_lines": 3, "check": None, "send_to": None}
#: Extra optional keys per kind, with their defaults.
_KIND_DEFAULTS: dict[str, dict[str, Any]] = {
    "scale": {"min": 0, "max": 10, "min_label": "", "max_label": ""},
    "choice": {"style": "radio"},
    "gas": {"style": "radio"},
    "repeat": {"min": 1, "max": 10, "default": [], "chart": None, "layout": "stack"},
}
#: Goal Attainment Scaling's five levels (Kiresuk & Sherman 1968), the options of a `gas` field.
GAS_LEVELS = [
    {"value": "-2", "label": "-2: much less than expected"},
    {"value": "-1", "label": "-1: somewhat less than expected"},
    {"value": "0", "label": "0: the expected result"},
    {"value": "+1", "label": "+1: somewhat more than expected"},
    {"value": "+2", "label": "+2: much more than expected"},
]
#: Field ids end up in element ids and CSS selectors, so they stay plain.
_FIELD_ID = re.compile(r"^[a-z][a-z0-9_]*$")
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
    _validate_links(worksheets)
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
    _validate_fields(spec["fields"], path.name, "fields", visible=[])
    all_ids = [field["id"] for field in _walk(spec["fields"])]
    if len(set(all_ids)) != len(all_ids):
        raise SpecError(f"{path.name}: field ids must be unique in the whole worksheet, got {all_ids}")
    groups = {field["id"]: field for field in spec["fields"] if field["kind"] == "repeat"}
    for field in _walk(spec["fields"]):
        source = field.get("options_from")
        if source is not None and source.get("field") not in {f["id"] for f in groups.get(source.get("group"), {}).get("fields", [])}:
            raise SpecError(f"{path.name}: field {field['id']}: options_from names no field of a repeat group here")
    starters = spec.setdefault("starters", None)
    if starters is not None:
        for key in ("label", "send_to", "areas"):
            if key not in starters:
                raise SpecError(f"{path.name}: starters: missing required key '{key}'")
        for index, area in enumerate(starters["areas"]):
            for key in ("title", "text", "examples"):
                if key not in area:
                    raise SpecError(f"{path.name}: starters.areas[{index}]: missing required key '{key}'")
    return spec


def _walk(fields: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Every field, those inside repeat groups included, depth first."""
    for field in fields:
        yield field
        if field.get("kind") == "repeat":
            yield from _walk(field.get("fields", []))


def _validate_fields(fields: Any, file: str, where: str, visible: list[str]) -> None:
    """Fill defaults and check each field; `visible` are the ids a check's context may name."""
    if not isinstance(fields, list):
        raise SpecError(f"{file}: {where} must be a list of fields")
    here = visible + [field.get("id") for field in fields if isinstance(field, dict)]
    for index, field in enumerate(fields):
        at = f"{file}: {where}[{index}]"
        if not isinstance(field, dict):
            raise SpecError(f"{at}: expected a mapping")
        for key in _REQUIRED_FIELD_KEYS:
            if key not in field:
                raise SpecError(f"{at}: missing required key '{key}'")
        at = f"{at} ({field['id']})"
        if not isinstance(field["id"], str) or not _FIELD_ID.match(field["id"]):
            raise SpecError(f"{at}: an id is lower-case letters, digits and '_', starting with a letter")
        if field["kind"] not in FIELD_KINDS:
            raise SpecError(f"{at}: unknown kind '{field['kind']}', expected one of {sorted(FIELD_KINDS)}")
        for key, default in {**_FIELD_DEFAULTS, **_KIND_DEFAULTS.get(field["kind"], {})}.items():
            field.setdefault(key, default)
        _validate_kind(field, file, at, here, f"{where}[{index}].fields")
        check = field["check"]
        if check:
            _validate_check(check, at, here)


def _validate_kind(field: dict[str, Any], file: str, at: str, visible: list[str], inner_where: str) -> None:
    kind = field["kind"]
    if kind == "scale" and not (isinstance(field["min"], int) and isinstance(field["max"], int)
                                and field["min"] < field["max"]):
        raise SpecError(f"{at}: a scale needs whole numbers min < max")
    if kind == "gas":
        field["options"] = GAS_LEVELS
    if kind == "choice" and "options_from" in field:
        # Options are the current entries of another group's field (e.g. the goals above).
        field["style"] = "select"
        field.setdefault("options", [])
        return
    if kind in {"choice", "gas"}:
        options = field.get("options")
        if not isinstance(options, list) or not options:
            raise SpecError(f"{at}: a choice needs a non-empty list of options")
        field["options"] = [o if isinstance(o, dict) else {"value": str(o), "label": str(o)} for o in options]
        if field["style"] not in {"radio", "select"}:
            raise SpecError(f"{at}: style must be 'radio' or 'select'")
    if kind == "repeat":
        for key in ("fields", "item_label"):
            if key not in field:
                raise SpecError(f"{at}: a repeat group needs '{key}'")
        field.setdefault("add_label", f"Add another {field['item_label']}")
        if not (isinstance(field["min"], int) and isinstance(field["max"], int) and 1 <= field["min"] <= field["max"]):
            raise SpecError(f"{at}: a repeat group needs whole numbers 1 <= min <= max")
        _validate_fields(field["fields"], file, inner_where, visible)
        own = {inner["id"]: inner for inner in field["fields"]}
        if any(inner["kind"] == "repeat" for inner in own.values()):
            # Saved values stay flat: a group's items map field ids to text, nothing deeper.
            raise SpecError(f"{at}: a repeat group cannot hold another repeat group")
        field.setdefault("items_label", f"{field['item_label']}s")
        for number, item in enumerate(field["default"]):
            if not isinstance(item, dict) or not all(k in own and isinstance(v, str) for k, v in item.items()):
                raise SpecError(f"{at}: default[{number}] must map this group's field ids to text")
        chart = field["chart"]
        if chart is not None:
            if own.get(chart.get("x"), {}).get("kind") != "date" or own.get(chart.get("y"), {}).get("kind") != "scale":
                raise SpecError(f"{at}: chart needs x naming a date field and y naming a scale field of this group")
            if chart.setdefault("series", None) is not None and chart["series"] not in own:
                raise SpecError(f"{at}: chart series '{chart['series']}' is not a field of this group")
            chart.setdefault("title", field["label"])
        if field["layout"] not in {"stack", "side-by-side"}:
            raise SpecError(f"{at}: layout must be 'stack' or 'side-by-side'")


def _validate_check(check: dict[str, Any], at: str, visible: list[str]) -> None:
    from worksheets.checks import api  # standard library only; imported late so specs load fast

    if check.get("name") not in api.CHECKS:
        raise SpecError(f"{at}: unknown check '{check.get('name')}', expected one of {sorted(api.CHECKS)}")
    check.setdefault("context", {})
    check.setdefault("context_from", {})
    for keyword, other in check["context"].items():
        if other not in visible:
            raise SpecError(f"{at}: check context '{keyword}' names unknown field '{other}'")
    for key in ("input", "criteria"):
        if key not in check:
            raise SpecError(f"{at}: check needs '{key}'")
    for keyword, source in check["context_from"].items():
        if keyword not in check["context"] or not {"worksheet", "fields"} <= set(source):
            raise SpecError(f"{at}: context_from '{keyword}' needs a context of that name, a worksheet and fields")


def _validate_links(worksheets: list[Worksheet]) -> None:
    """Keys that name another worksheet (send_to, context_from) must name one that exists."""
    by_id = {w.id: w for w in worksheets}

    def target_fields(name: str, worksheet_id: str) -> dict[str, dict[str, Any]]:
        if worksheet_id not in by_id:
            raise SpecError(f"{name}: names unknown worksheet '{worksheet_id}'")
        return {f["id"]: f for f in _walk(by_id[worksheet_id].spec["fields"])}

    for worksheet in worksheets:
        spec = worksheet.spec
        sends = [(f"{worksheet.source.name}: field {f['id']}: send_to", f["send_to"])
                 for f in _walk(spec["fields"]) if f.get("send_to")]
        if spec.get("starters"):
            sends.append((f"{worksheet.source.name}: starters.send_to", spec["starters"]["send_to"]))
        for name, send in sends:
            fields = target_fields(name, send.get("worksheet"))
            group = fields.get(send.get("group"), {})
            if group.get("kind") != "repeat" or send.get("field") not in {f["id"] for f in group["fields"]}:
                raise SpecError(f"{name}: '{send.get('group')}.{send.get('field')}' is not a field of a repeat group there")
            send.setdefault("label", "Start a SMART goal from this")
        for field in _walk(spec["fields"]):
            for keyword, source in ((field.get("check") or {}).get("context_from") or {}).items():
                name = f"{worksheet.source.name}: field {field['id']}: context_from {keyword}"
                fields = target_fields(name, source["worksheet"])
                unknown = [f for f in source["fields"] if f not in fields]
                if unknown:
                    raise SpecError(f"{name}: unknown fields {unknown}")


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
    # An attribute's value: the template escapes it for HTML.
    island = json.dumps(config, ensure_ascii=False)
    template = _environment().get_template(worksheet.spec["template"])
    return template.render(spec=worksheet.spec, island=island, urls=urls)
