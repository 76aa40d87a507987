"""Worksheet specs -> pages: load and validate the YAML specs, render them with Jinja2.

Used by the site build (worksheets/site.py, for MkDocs and Zensical alike) and by the rendering
tests, so all see the same pages. What a spec may say is the model in worksheets/schema.py.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import yaml
from pydantic import ValidationError

from worksheets import schema
from worksheets.schema import GAS_LEVELS, SPECS_DIR, TEMPLATES_DIR  # noqa: F401 - part of this module's surface

#: Field kinds the templates know how to render; `repeat` holds a list of items of its own `fields`.
FIELD_KINDS = {"textarea", "text", "scale", "date", "choice", "gas", "repeat"}


class SpecError(ValueError):
    """A worksheet spec is malformed; the message names the file and the field."""


@dataclass(frozen=True)
class Worksheet:
    #: The validated spec with every default filled in, as plain data (the page's JSON island).
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
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise SpecError(f"{path.name}: not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise SpecError(f"{path.name}: expected a mapping at the top level")
    try:
        spec = schema.Spec.model_validate(data)
    except ValidationError as error:
        raise SpecError(f"{path.name}: {schema.error_message(error, data)}") from None
    if spec.id != path.stem:
        raise SpecError(f"{path.name}: id: '{spec.id}' must match the file name '{path.stem}'")
    return spec.model_dump(mode="json")


def _walk(fields: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Every field, those inside repeat groups included, depth first."""
    for field in fields:
        yield field
        if field.get("kind") == "repeat":
            yield from _walk(field.get("fields", []))


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
            fields = target_fields(name, send["worksheet"])
            group = fields.get(send["group"], {})
            if group.get("kind") != "repeat" or send["field"] not in {f["id"] for f in group["fields"]}:
                raise SpecError(f"{name}: '{send['group']}.{send['field']}' is not a field of a repeat group there")
        for field in _walk(spec["fields"]):
            if field.get("suggest_from"):
                source = field["suggest_from"]
                name = f"{worksheet.source.name}: field {field['id']}: suggest_from"
                group = target_fields(name, source["worksheet"]).get(source["group"], {})
                if group.get("kind") != "repeat" or source["field"] not in {f["id"] for f in group["fields"]}:
                    raise SpecError(f"{name}: '{source['group']}.{source['field']}' is not a field of a repeat group there")
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


def _followers(worksheet: Worksheet, others: Sequence[Worksheet]) -> Iterator[dict[str, Any]]:
    """Worksheets whose fields offer this one's entries (suggest_from): a rename here renames there.

    Each names the source (`from`: group and field here) and the fields there that hold its texts:
    the suggesting field, and the choices that list that field's entries (options_from).
    """
    for other in others:
        groups = [f for f in other.spec["fields"] if f.get("kind") == "repeat"]
        for field in _walk(other.spec["fields"]):
            source = field.get("suggest_from")
            if not source or source["worksheet"] != worksheet.id:
                continue
            holder = next((g["id"] for g in groups if field in g["fields"]), None)
            choices = [f["id"] for f in _walk(other.spec["fields"])
                       if (f.get("options_from") or {}) == {"group": holder, "field": field["id"]}]
            yield {"worksheet": other.id, "from": {"group": source["group"], "field": source["field"]},
                   "fields": [field["id"], *choices]}


def intro_markdown(intro: str) -> str:
    """A worksheet's intro: its first paragraph as it is, the rest folded in a <details>.

    On a phone the form's first box then comes before the fold; the rest is one tap away.
    """
    first, _, rest = intro.strip().partition("\n\n")
    if not rest.strip():
        return first + "\n"
    return (f"{first}\n\n<details class=\"ws-intro-more\" markdown=\"1\">\n"
            f"<summary>More about this worksheet</summary>\n\n{rest.strip()}\n\n</details>\n")


def page_markdown(worksheet: Worksheet) -> str:
    """The Markdown source of a worksheet page: title and intro; the form is added by render_form."""
    spec = worksheet.spec
    front_matter = yaml.safe_dump(
        {"title": spec.get("nav_title", spec["title"]), "description": spec["description"], "worksheet": spec["id"]},
        sort_keys=False,
    )
    return f"---\n{front_matter}---\n\n# {spec['title']}\n\n{intro_markdown(spec['intro'])}"


def render_form(worksheet: Worksheet, urls: dict[str, Any], others: Sequence[Worksheet] = ()) -> str:
    """The worksheet's HTML form, with the JSON island the browser script reads.

    A page that gathers other worksheets (My plan) also gets every other spec in its island,
    so it can label whatever it finds saved; `gathers` only sets the order.
    """
    config: dict[str, Any] = {"worksheet": worksheet.spec, "urls": urls}
    followers = list(_followers(worksheet, others))
    if followers:
        config["followers"] = followers
    if worksheet.spec["gathers"]:
        config["worksheets"] = {other.id: other.spec for other in others if other.id != worksheet.id}
    # An attribute's value: the template escapes it for HTML.
    island = json.dumps(config, ensure_ascii=False)
    template = _environment().get_template(worksheet.spec["template"])
    return template.render(spec=worksheet.spec, island=island, urls=urls)
