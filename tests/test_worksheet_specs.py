"""Every worksheet spec, in CPython: it loads, renders every field with a label, and keeps the
page contract the page script and My plan rely on; malformed specs fail naming file and field."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import escape

from worksheets import pages

URLS = {"pyodide": "../../pyodide/", "worker": "../../assets/js/checker-worker.mjs", "checksWheel": "x.whl", "pages": {}}
#: The worksheets the guide leads to (My plan, built elsewhere, only gathers them).
WORKSHEETS = ["find-your-why", "goal-areas", "smart-goal", "realistic-steps", "benefits", "session-prep",
              "therapist-fit", "progress"]
_WORKSHEETS = {w.id: w for w in pages.load_worksheets()}


class _Form(HTMLParser):
    """Start tags with their attributes, the text of each <label>/<legend>, outside <template>s."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.texts: dict[int, str] = {}  # index in elements -> text inside it (labels, legends, buttons)
        self._open: list[int] = []
        self._in_template = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "template":
            self._in_template += 1
        if self._in_template:
            return
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        if tag in {"label", "legend", "button", "h2", "h3"}:
            self._open.append(len(self.elements) - 1)
            self.texts[len(self.elements) - 1] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "template":
            self._in_template -= 1
        elif not self._in_template and tag in {"label", "legend", "button", "h2", "h3"} and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if not self._in_template:
            for index in self._open:
                self.texts[index] += data

    def text_of(self, tag: str) -> list[str]:
        return [" ".join(self.texts[i].split()) for i, (t, _) in enumerate(self.elements) if t == tag]


def _parsed(worksheet: pages.Worksheet) -> _Form:
    form = _Form()
    form.feed(pages.render_form(worksheet, URLS))
    return form


def _label_for(form: _Form, element_id: str) -> str:
    return next((" ".join(form.texts[i].split()) for i, (tag, attrs) in enumerate(form.elements)
                 if tag == "label" and attrs.get("for") == element_id), "")


def test_every_worksheet_the_guide_leads_to_has_a_spec() -> None:
    assert set(WORKSHEETS) <= set(_WORKSHEETS)


@pytest.mark.parametrize("worksheet_id", WORKSHEETS)
def test_every_control_has_a_label_and_a_unique_id(worksheet_id: str) -> None:
    form = _parsed(_WORKSHEETS[worksheet_id])
    ids = [attrs["id"] for _, attrs in form.elements if "id" in attrs]
    assert len(ids) == len(set(ids)), f"duplicate ids: {sorted(i for i in ids if ids.count(i) > 1)}"
    controls = [(tag, attrs) for tag, attrs in form.elements if tag in {"textarea", "select", "input"}]
    assert controls
    for tag, attrs in controls:
        if attrs.get("type") == "radio":
            continue  # wrapped in its own <label>, inside a fieldset whose legend names the question
        assert _label_for(form, attrs["id"]), f"{tag} {attrs['id']} has no label"
    radio_sets = [attrs for tag, attrs in form.elements if tag == "fieldset" and attrs.get("class") == "ws-choice"]
    assert len(form.text_of("legend")) >= len(radio_sets)


@pytest.mark.parametrize("worksheet_id", WORKSHEETS)
def test_every_spec_has_examples_with_a_comment_each_shown_on_its_page(worksheet_id: str) -> None:
    examples = _WORKSHEETS[worksheet_id].spec["examples"]
    assert examples, f"{worksheet_id} has no examples"
    assert all(example["text"].strip() and example["comment"].strip() for example in examples)
    html = pages.render_form(_WORKSHEETS[worksheet_id], URLS)
    assert all(str(escape(example["text"])) in html for example in examples)


@pytest.mark.parametrize("worksheet_id", [w for w in WORKSHEETS
                                          if any(f["kind"] == "repeat" for f in _WORKSHEETS[w].spec["fields"])])
def test_a_repeat_group_renders_its_items_an_add_button_and_a_template_for_more(worksheet_id: str) -> None:
    worksheet = _WORKSHEETS[worksheet_id]
    html = pages.render_form(worksheet, URLS)
    form = _parsed(worksheet)
    for group in (f for f in worksheet.spec["fields"] if f["kind"] == "repeat"):
        section = next(attrs for tag, attrs in form.elements if attrs.get("data-field") == group["id"])
        assert "data-repeat" in section and section["data-min"] == str(group["min"])
        assert f"Add another {group['item_label']}" in form.text_of("button")
        items = max(group["min"], len(group["default"]))
        legends = [t for t in form.text_of("legend") if re.fullmatch(rf"{group['item_label'].capitalize()} \d+", t)]
        assert len(legends) == items
        # The template's ids carry the placeholder key the page script replaces for each new item.
        assert f'id="ws-{worksheet_id}-{group["id"]}-__item__-{group["fields"][0]["id"]}"' in html


def test_the_smart_goal_form_keeps_the_page_contract_for_each_goal() -> None:
    form = _parsed(_WORKSHEETS["smart-goal"])
    tags = dict(form.elements[:1])
    assert tags["form"]["data-worksheet"] == "smart-goal" and tags["form"]["data-checker"] == "loading"
    goal = next(attrs for tag, attrs in form.elements if tag == "textarea" and attrs["name"] == "goal")
    assert _label_for(form, goal["id"]) == "Your goal"
    criteria = [attrs["data-criterion"] for _, attrs in form.elements if "data-criterion" in attrs]
    assert criteria == ["specific", "measurable", "achievable", "relevant", "time-bound"]
    assert any(attrs.get("aria-live") == "polite" and "data-feedback-for" in attrs for _, attrs in form.elements)


def test_smart_goal_reads_the_why_from_find_your_why_when_a_goal_has_none() -> None:
    goal = next(f for f in pages._walk(_WORKSHEETS["smart-goal"].spec["fields"]) if f["id"] == "goal")
    source = goal["check"]["context_from"]["why"]
    find_your_why = {f["id"] for f in _WORKSHEETS["find-your-why"].spec["fields"]}
    assert source["worksheet"] == "find-your-why" and set(source["fields"]) <= find_your_why


def test_a_scale_is_a_labelled_group_of_radio_buttons_from_0_to_10_with_its_meaning() -> None:
    worksheet = _WORKSHEETS["benefits"]
    form = _parsed(worksheet)
    assert "How much does this goal matter to you?" in form.text_of("legend")
    fieldset = next(attrs for tag, attrs in form.elements
                    if tag == "fieldset" and attrs.get("id") == "ws-benefits-goals-1-importance")
    assert "ws-benefits-goals-1-importance-anchors" in fieldset["aria-describedby"]
    values = [attrs["value"] for tag, attrs in form.elements
              if tag == "input" and attrs.get("name") == "ws-benefits-goals-1-importance"]
    assert values == [str(n) for n in range(11)]
    html = pages.render_form(worksheet, URLS)
    assert "0 means not at all; 10 means it matters more than almost anything." in html


def test_a_gas_field_offers_the_five_levels_from_minus_2_to_plus_2() -> None:
    html = pages.render_form(_WORKSHEETS["progress"], URLS)
    select = re.search(r'<select id="ws-progress-ratings-1-level".*?</select>', html, re.S).group(0)
    assert re.findall(r'<option value="([^"]*)"', select) == ["", "-2", "-1", "0", "+1", "+2"]


def test_progress_draws_a_chart_of_ratings_by_date_per_goal() -> None:
    ratings = next(f for f in _WORKSHEETS["progress"].spec["fields"] if f["id"] == "ratings")
    assert ratings["chart"] == {"x": "date", "y": "rating", "series": "for_goal", "title": "Your ratings over time"}
    html = pages.render_form(_WORKSHEETS["progress"], URLS)
    assert 'data-chart data-points="0"' in html and 'data-options-from="goals.goal"' in html


def test_therapist_fit_starts_with_the_questions_from_the_guide_and_puts_therapists_side_by_side() -> None:
    form = _parsed(_WORKSHEETS["therapist-fit"])
    questions = [attrs["value"] for tag, attrs in form.elements if tag == "input" and attrs.get("name") == "question"]
    assert questions[0] == "What is your training, and what do you work with most?"
    assert len(questions) == 3 and "How will we know I'm making progress?" in questions
    therapists = next(attrs for _, attrs in form.elements if attrs.get("data-field") == "therapists")
    assert "ws-repeat--side-by-side" in therapists["class"]


def test_goal_areas_offers_the_five_areas_each_with_examples_that_start_a_smart_goal() -> None:
    form = _parsed(_WORKSHEETS["goal-areas"])
    assert form.text_of("h3") == ["Emotional regulation", "Self-esteem", "Healthier habits",
                                  "Changing harmful behaviour", "Communication"]
    starters = [attrs for tag, attrs in form.elements if tag == "button" and "data-send-text" in attrs]
    assert len(starters) >= 10
    assert all(s["data-send-worksheet"] == "smart-goal" and s["data-send-group"] == "goals"
               and s["data-send-field"] == "goal" for s in starters)


def test_every_textarea_prints_as_ruled_lines_when_blank() -> None:
    for worksheet_id in WORKSHEETS:
        html = pages.render_form(_WORKSHEETS[worksheet_id], URLS)
        textareas = html.count("<textarea")
        assert html.count('class="ws-print-lines"') >= textareas, worksheet_id


_HEAD = "id: broken\ntitle: t\ndescription: d\nintro: i\n"


@pytest.mark.parametrize(
    ("fields_yaml", "message"),
    [
        ("  - {id: g, kind: repeat, label: l, item_label: x, fields: [{id: h, kind: repeat, label: l, item_label: y, "
         "fields: [{id: a, kind: text, label: l}]}]}\n", "fields[0] (g).fields: a repeat group cannot hold another"),
        ("  - {id: g, kind: repeat, label: l, fields: [{id: a, kind: text, label: l}]}\n", "fields[0] (g).item_label: missing required key"),
        ("  - {id: g, kind: repeat, label: l, item_label: x, min: 3, max: 2, fields: [{id: a, kind: text, label: l}]}\n",
         "1 <= min <= max"),
        ("  - {id: a, kind: text, label: l}\n  - {id: g, kind: repeat, label: l, item_label: x, "
         "fields: [{id: a, kind: text, label: l}]}\n", "field ids must be unique"),
        ("  - {id: a, kind: text, label: l, check: {name: astrology, input: a, criteria: []}}\n",
         "fields[0] (a).check.name: unknown check 'astrology'"),
        ("  - {id: a, kind: choice, label: l}\n", "fields[0] (a): a choice needs a non-empty list of options"),
        ("  - {id: a, kind: scale, label: l, min: 5, max: 5}\n", "min < max"),
        ("  - {id: A-b, kind: text, label: l}\n", "fields[0] (A-b).id: an id is lower-case letters"),
        ("  - {id: g, kind: repeat, label: l, item_label: x, chart: {x: a, y: a}, fields: [{id: a, kind: text, label: l}]}\n",
         "chart needs x naming a date field"),
        ("  - {id: g, kind: repeat, label: l, item_label: x, default: [{nope: t}], fields: [{id: a, kind: text, label: l}]}\n",
         "default[0] must map this group's field ids to text"),
        ("  - {id: a, kind: text, label: l, send_to: {worksheet: nowhere, group: g, field: a}}\n",
         "field a: send_to: names unknown worksheet 'nowhere'"),
        ("  - {id: a, kind: text, label: l, send_to: {worksheet: broken, group: a, field: a}}\n",
         "'a.a' is not a field of a repeat group there"),
        ("  - {id: a, kind: choice, label: l, options_from: {group: g, field: b}}\n", "options_from names no field"),
        ("  - {id: a, kind: text, label: l, check: {name: smart, input: goal, criteria: [], "
         "context_from: {why: {worksheet: broken, fields: [a]}}}}\n", "context_from 'why' needs a context of that name"),
    ],
)
def test_a_malformed_spec_fails_naming_file_and_field(tmp_path: Path, fields_yaml: str, message: str) -> None:
    (tmp_path / "broken.yml").write_text(_HEAD + "fields:\n" + fields_yaml)
    with pytest.raises(pages.SpecError, match=re.escape(message)) as raised:
        pages.load_worksheets(tmp_path)
    assert str(raised.value).startswith("broken.yml:")
