"""The spec model (worksheets/schema.py): its JSON Schema, the README's table and the specs' first
lines stay in step with it; it fills defaults and names the file and the field in every error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from worksheets import pages, schema

_HEAD = "id: broken\ntitle: t\ndescription: d\nintro: i\n"


def test_the_schema_the_readme_table_and_the_specs_first_lines_are_up_to_date() -> None:
    assert schema.out_of_date() == [], "run `.venv/bin/python -m worksheets.schema --write`"


def test_every_spec_names_the_schema_for_editors() -> None:
    published = json.loads(schema.SCHEMA_FILE.read_text(encoding="utf-8"))
    assert published["title"] == "Spec" and "fields" in published["properties"]
    for path in schema.SPECS_DIR.glob("*.yml"):
        modeline = path.read_text(encoding="utf-8").splitlines()[0]
        assert (path.parent / modeline.split("$schema=")[1]).resolve() == schema.SCHEMA_FILE


def test_the_readme_table_lists_every_key_of_the_model() -> None:
    table = schema.readme_table()
    for model in (schema.Spec, schema.RepeatField, schema.ScaleField, schema.ChoiceField, schema.Check,
                  schema.SendTo, schema.Chart, schema.Calendar, schema.Starters):
        for key in model.model_fields:
            assert f"| `{key}` |" in table, f"{model.__name__}.{key}"


def test_defaults_are_filled_in(tmp_path: Path) -> None:
    (tmp_path / "broken.yml").write_text(
        _HEAD + "fields:\n  - {id: g, kind: repeat, label: Goals, item_label: goal, "
        "fields: [{id: a, kind: scale, label: l}, {id: b, kind: choice, label: l, options: [often, rarely]}]}\n")
    spec = pages.load_worksheets(tmp_path)[0].spec
    assert spec["template"] == "worksheet.html" and spec["examples"] == [] and spec["gathers"] == []
    group = spec["fields"][0]
    assert (group["min"], group["max"], group["add_label"], group["items_label"]) == (1, 10, "Add another goal", "goals")
    scale, choice = group["fields"]
    assert (scale["min"], scale["max"], scale["hint"], scale["print_lines"], scale["check"]) == (0, 10, "", 3, None)
    assert choice["options"] == [{"value": "often", "label": "often"}, {"value": "rarely", "label": "rarely"}]
    assert "options_from" not in choice and "nav_title" not in spec


@pytest.mark.parametrize(("fields_yaml", "message"), [
    ("  - {id: a, kind: text, label: l, hnit: typo}\n", "broken.yml: fields[0] (a).hnit: unknown key"),
    ("  - {id: a, kind: dial, label: l}\n", "broken.yml: fields[0] (a): unknown kind 'dial'"),
    ("  - {id: g, kind: repeat, label: l, item_label: x, fields: [{id: a, kind: scale, label: l, min: 3, max: 1}]}\n",
     "broken.yml: fields[0] (g).fields[0] (a): a scale needs whole numbers min < max"),
    ("  - {id: a, kind: text, label: l, print_lines: 0}\n", "broken.yml: fields[0] (a).print_lines:"),
])
def test_an_error_names_the_file_and_the_field(tmp_path: Path, fields_yaml: str, message: str) -> None:
    (tmp_path / "broken.yml").write_text(_HEAD + "fields:\n" + fields_yaml)
    with pytest.raises(pages.SpecError) as raised:
        pages.load_worksheets(tmp_path)
    assert str(raised.value).startswith(message)
