// The share link: a plan's values in the URL fragment, and every damaged link refused.
import assert from "node:assert/strict";
import { test } from "node:test";

import { SHARE_MAX_CHARS, readShareFragment, shareFragment } from "../../docs/assets/js/plan/share.mjs";

const PLAN = { "smart-goal": { goals: [{ goal: "Walk 20 minutes — every day ✓", deadline: "2026-03-01" }] }, benefits: { gains: "sleep\nmore" } };

test("a deflated share link gives back the plan exactly", async () => {
  const fragment = await shareFragment(PLAN);
  assert.match(fragment, /^#view=z\.[A-Za-z0-9_-]+$/);
  assert.deepEqual(await readShareFragment(fragment), PLAN);
});

test("where the browser cannot deflate, a plain link gives back the plan exactly", async () => {
  const fragment = await shareFragment(PLAN, { deflate: false });
  assert.match(fragment, /^#view=j\./);
  assert.deepEqual(await readShareFragment(fragment), PLAN);
});

const encode = (data) => `#view=j.${Buffer.from(JSON.stringify(data)).toString("base64url")}`;
const DAMAGED = {
  "not a share link": "#other",
  "an unknown mode": "#view=q.x",
  "not base64url": "#view=j.a+b/",
  "not deflated": "#view=z.bm90LWRlZmxhdGU",
  "not JSON": `#view=j.${Buffer.from("{").toString("base64url")}`,
  "another format": encode({ format: "x", version: 1, worksheets: {} }),
  "a newer version": encode({ format: "set-your-therapy-goals-share", version: 2, worksheets: {} }),
  "a bad worksheet id": encode({ format: "set-your-therapy-goals-share", version: 1, worksheets: { "A B": {} } }),
  "values of the wrong shape": encode({ format: "set-your-therapy-goals-share", version: 1, worksheets: { x: { goal: 1 } } }),
  "too long a link": `#view=z.${"A".repeat(SHARE_MAX_CHARS)}`,
};
for (const [name, fragment] of Object.entries(DAMAGED)) {
  test(`a share link with ${name} is refused`, async () => {
    await assert.rejects(readShareFragment(fragment));
  });
}

test("a link that inflates beyond a megabyte is refused without inflating it all", async () => {
  const huge = { x: { note: "a".repeat(900_000) }, y: { note: "b".repeat(900_000) } };
  const fragment = await shareFragment(huge);
  assert.ok(fragment.length < SHARE_MAX_CHARS);
  await assert.rejects(readShareFragment(fragment), /too large/);
});
