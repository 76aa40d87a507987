// The saved document's contract: migrations, the values contract, and what upgrade refuses.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  FIELD_ID, MAX_TEXT_CHARS, NewerVersionError, SCHEMA_VERSION, WrongShapeError, newDocument, parseDocument, upgrade, validValues,
} from "../../docs/assets/js/store/schema.mjs";

test("a version-1 SMART goal becomes the first item of its goals", () => {
  const old = { schema: 1, worksheet: "smart-goal", saved: "2026-01-01T00:00:00.000Z", values: { goal: "Walk daily", why: "Energy", other: "x" } };
  const current = upgrade(old);
  assert.equal(current.schema, SCHEMA_VERSION);
  assert.deepEqual(current.values, { other: "x", goals: [{ goal: "Walk daily", why: "Energy" }] });
  assert.equal(current.saved, old.saved);
});

test("a version-1 SMART goal with nothing written gets no goals, and other worksheets are left as they were", () => {
  assert.deepEqual(upgrade({ schema: 1, worksheet: "smart-goal", values: {} }).values, { goals: [] });
  assert.deepEqual(upgrade({ schema: 1, worksheet: "benefits", values: { gains: "sleep" } }).values, { gains: "sleep" });
});

test("a current document is returned as it is", () => {
  const doc = newDocument("benefits", { gains: "sleep", items: [{ note: "a" }] }, new Date("2026-02-03T04:05:06Z"));
  assert.deepEqual(parseDocument(JSON.stringify(doc)), doc);
  assert.equal(doc.saved, "2026-02-03T04:05:06.000Z");
});

test("a document from a newer version is refused as newer, not as damaged", () => {
  assert.throws(() => upgrade({ schema: SCHEMA_VERSION + 1, worksheet: "x", values: {} }), NewerVersionError);
});

for (const [name, doc] of Object.entries({
  "a string": "Walk every day",
  "a list": [{ goal: "Walk" }],
  "no schema": { worksheet: "smart-goal", values: {} },
  "schema 0": { schema: 0, values: {} },
  "values that are a list": { schema: 2, values: ["Walk"] },
  "a number as a value": { schema: 2, values: { goal: 3 } },
  "a nested group": { schema: 2, values: { goals: [{ steps: [{ step: "a" }] }] } },
  "a saved time that is not text": { schema: 2, values: {}, saved: 5 },
})) {
  test(`a document with ${name} is refused as the wrong shape`, () => {
    assert.throws(() => upgrade(doc), WrongShapeError);
  });
}

test("field ids follow the specs' rule (worksheets/pages.py): lower-case letters, digits and _, from a letter", () => {
  for (const id of ["goal", "what_brought_you", "q2"]) assert.ok(FIELD_ID.test(id), id);
  for (const id of ["Goal", "2q", "_x", "a-b", "", "a b", "__proto__x".toUpperCase()]) assert.ok(!FIELD_ID.test(id), id);
});

test("the values contract: text, groups of text, within the limits", () => {
  assert.ok(validValues({}));
  assert.ok(validValues({ goal: "x", goals: [{ goal: "a", why: "" }], empty: [] }));
  assert.ok(validValues({ goal: "x".repeat(MAX_TEXT_CHARS) }));
  assert.ok(!validValues({ goal: "x".repeat(MAX_TEXT_CHARS + 1) }));
  assert.ok(!validValues({ goals: [null] }));
  assert.ok(!validValues({ goals: [{ goal: 1 }] }));
  assert.ok(!validValues({ "Bad-Id": "x" }));
  assert.ok(!validValues(null));
  assert.ok(!validValues(Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`f${i}`, ""]))));
});

test("an entry longer than the checker reads (200,000 characters) is still a valid saved value", () => {
  assert.ok(validValues({ goal: "x".repeat(200_101) }));
});
