// Reading saved values through a spec: walking fields, counting entries, showing values.
import assert from "node:assert/strict";
import { test } from "node:test";

import { countEntries, fieldsById, filled, filledFields, screenedAlone, shownValue, titleOf, walk } from "../../docs/assets/js/core/spec.mjs";

const FIELDS = [
  { id: "why", kind: "textarea", label: "Why" },
  { id: "goals", kind: "repeat", label: "Goals", fields: [
    { id: "goal", kind: "textarea", label: "Goal", check: { name: "smart" } },
    { id: "deadline", kind: "date", label: "By when" },
  ] },
  { id: "mood", kind: "scale", label: "Mood", max: 10 },
  { id: "fit", kind: "choice", label: "Fit", options: [{ value: "yes", label: "Yes, it fits" }] },
];

test("walking a spec visits every field, those inside repeat groups included, in order", () => {
  assert.deepEqual(walk(FIELDS).map((field) => field.id), ["why", "goals", "goal", "deadline", "mood", "fit"]);
  assert.equal(fieldsById(FIELDS).deadline.kind, "date");
});

test("only free text without a check of its own gets the safety screen alone", () => {
  const byId = fieldsById(FIELDS);
  assert.deepEqual(Object.values(byId).filter(screenedAlone).map((field) => field.id), ["why"]);
  assert.ok(screenedAlone({ id: "name", kind: "text" }));
});

test("blank text and blank items are not entries", () => {
  assert.equal(filled("  \n"), false);
  assert.equal(filled([{ goal: " " }]), false);
  assert.equal(countEntries({ why: "x", goals: [{ goal: "a" }, { goal: "" }, { goal: "b", deadline: "2026-01-01" }], mood: "" }), 3);
});

test("filled fields come in the spec's order, then fields the spec no longer names, by their id", () => {
  const listed = filledFields(FIELDS, { old_field: "kept", mood: "4", why: "because" });
  assert.deepEqual(listed.map(([field]) => field.id), ["why", "mood", "old_field"]);
  assert.equal(listed[2][0].label, "old_field");
});

test("values read as a person would say them", () => {
  const byId = fieldsById(FIELDS);
  assert.equal(shownValue(byId.mood, "4"), "4 out of 10");
  assert.equal(shownValue(byId.mood, "4", { scaleOutOf: false }), "4");
  assert.equal(shownValue(byId.fit, "yes"), "Yes, it fits");
  assert.equal(shownValue(byId.fit, "unknown"), "unknown");
  assert.equal(shownValue(byId.deadline, "not a date"), "not a date");
  assert.match(shownValue(byId.deadline, "2026-03-05"), /2026/);
  assert.equal(titleOf("x", { title: "T", nav_title: "N", plan_title: "P" }), "P");
  assert.equal(titleOf("x", null), "x");
});
