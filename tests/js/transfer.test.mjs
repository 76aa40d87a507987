// Export and import: what an export file holds, and every way an import is refused.
import assert from "node:assert/strict";
import { test } from "node:test";

import { EXPORT_FORMAT, Refusal, collectExport, readExport } from "../../docs/assets/js/plan/transfer.mjs";

const PREFIX = "set-your-therapy-goals:";
const label = (id) => `“${id}”`;
const file = (data) => JSON.stringify({ format: EXPORT_FORMAT, version: 1, exported: "2026-01-02T03:04:05Z", worksheets: {}, ...data });

test("an export holds every readable document, upgraded, and every other key as it is stored", () => {
  const data = collectExport([
    [`${PREFIX}worksheet:smart-goal`, JSON.stringify({ schema: 1, worksheet: "smart-goal", values: { goal: "Walk" } })],
    [`${PREFIX}worksheet:benefits`, "{not json"],
    [`${PREFIX}worksheet:benefits:unreadable:123`, "old"],
  ], new Date("2026-01-02T00:00:00Z"));
  assert.equal(data.exported, "2026-01-02T00:00:00.000Z");
  assert.deepEqual(data.worksheets["smart-goal"].values, { goals: [{ goal: "Walk" }] });
  assert.deepEqual(data.unreadable, { "worksheet:benefits": "{not json", "worksheet:benefits:unreadable:123": "old" });
});

test("an export file imports as what was exported", () => {
  const exported = collectExport([[`${PREFIX}worksheet:benefits`, JSON.stringify({ schema: 2, worksheet: "benefits", values: { gains: "sleep", more: "" } })]]);
  const read = readExport(JSON.stringify(exported), label);
  assert.deepEqual(Object.keys(read.entries), [`${PREFIX}worksheet:benefits`]);
  assert.deepEqual(JSON.parse(read.entries[`${PREFIX}worksheet:benefits`]).values, { gains: "sleep", more: "" });
  assert.deepEqual(read.contents, [{ id: "benefits", count: 1 }]);
  assert.equal(read.keptAside, 0);
  assert.ok(read.exported instanceof Date);
});

test("an older document in an import is migrated; copies kept aside come back under their keys", () => {
  const read = readExport(file({
    worksheets: { "smart-goal": { schema: 1, worksheet: "smart-goal", values: { goal: "Walk" } } },
    unreadable: { "worksheet:smart-goal:unreadable:17": "{" },
  }), label);
  assert.deepEqual(JSON.parse(read.entries[`${PREFIX}worksheet:smart-goal`]).values, { goals: [{ goal: "Walk" }] });
  assert.equal(read.entries[`${PREFIX}worksheet:smart-goal:unreadable:17`], "{");
  assert.equal(read.keptAside, 1);
});

const REFUSED = {
  "not JSON": ["{", /not readable as JSON/],
  "another format": [JSON.stringify({ format: "other" }), /not exported by Set Your Therapy Goals/],
  "no version": [JSON.stringify({ format: EXPORT_FORMAT }), /format version is missing/],
  "a newer file": [file({ version: 2 }), /newer version of this site/],
  "worksheets as a list": [file({ worksheets: [] }), /list of worksheets/],
  "a bad worksheet id": [file({ worksheets: { "../x": { schema: 2, worksheet: "../x", values: {} } } }), /entries for a worksheet/],
  "a document for another worksheet": [file({ worksheets: { benefits: { schema: 2, worksheet: "smart-goal", values: {} } } }), /entries for “benefits”/],
  "values of the wrong shape": [file({ worksheets: { benefits: { schema: 2, worksheet: "benefits", values: { x: 1 } } } }), /not in the expected shape/],
  "a newer document": [file({ worksheets: { benefits: { schema: 99, worksheet: "benefits", values: {} } } }), /holds “benefits” as a newer version/],
  "a kept-aside copy under another key": [file({ unreadable: { "settings": "x" } }), /copy kept aside/],
};
for (const [name, [text, message]] of Object.entries(REFUSED)) {
  test(`an import of ${name} is refused, saying why`, () => {
    assert.throws(() => readExport(text, label), (error) => error instanceof Refusal && message.test(error.message));
  });
}
