// The calendar file (RFC 5545) and the deadlines it is made of.
import assert from "node:assert/strict";
import { test } from "node:test";

import { calendarFile, fold, icsText } from "../../docs/assets/js/plan/calendar.mjs";
import { allDeadlines, planSections } from "../../docs/assets/js/plan/model.mjs";

const CONFIG = {
  worksheet: { title: "My plan", gathers: ["smart-goal"], calendar: { deadlines_from: ["smart-goal"], review_every_weeks: 2,
    deadline_title: "Goal deadline", review_title: "Review", review_description: "How is it going?" } },
  worksheets: { "smart-goal": { title: "SMART goal", fields: [{ id: "goals", kind: "repeat", label: "Goals", fields: [
    { id: "goal", kind: "textarea", label: "Your goal" }, { id: "deadline", kind: "date", label: "By when" }] }] } },
};
const NOW = new Date(2026, 0, 1, 12, 0, 0);

const deadlinesOf = (documents) => allDeadlines(planSections(documents, CONFIG), CONFIG);

test("each dated goal is one deadline, named by the goal", () => {
  const deadlines = deadlinesOf({ "smart-goal": { goals: [{ goal: "Walk, daily; rest", deadline: "2026-03-01" }, { goal: "No date" }] } });
  assert.equal(deadlines.length, 1);
  assert.equal(deadlines[0].title, "Walk, daily; rest");
  assert.equal(deadlines[0].uid, "smart-goal-goals.1-deadline-2026-03-01");
});

test("a deadline gets an all-day event and reviews every few weeks until it", () => {
  const ics = calendarFile(deadlinesOf({ "smart-goal": { goals: [{ goal: "Walk, daily; rest", deadline: "2026-03-01" }] } }), CONFIG, "https://example.org/my-plan/", NOW);
  const lines = ics.replace(/\r\n /g, "").split("\r\n");
  assert.ok(ics.endsWith("END:VCALENDAR\r\n"));
  assert.equal(lines.filter((line) => line === "BEGIN:VEVENT").length, 2);
  assert.ok(lines.includes("DTSTART;VALUE=DATE:20260301") && lines.includes("DTEND;VALUE=DATE:20260302"));
  assert.ok(lines.includes("SUMMARY:Goal deadline: Walk\\, daily\\; rest"));
  assert.ok(lines.includes("DTSTART;VALUE=DATE:20260115"));
  assert.ok(lines.includes("RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20260228"));
});

test("a deadline before the first review gets no review", () => {
  const ics = calendarFile(deadlinesOf({ "smart-goal": { goals: [{ goal: "Soon", deadline: "2026-01-10" }] } }), CONFIG, "u", NOW);
  assert.equal(ics.split("BEGIN:VEVENT").length - 1, 1);
  assert.ok(!ics.includes("RRULE"));
});

test("text is escaped and long lines fold at 75 octets, never inside a character", () => {
  assert.equal(icsText("a\\b;c,d\ne"), "a\\\\b\\;c\\,d\\ne");
  const line = `SUMMARY:${"é".repeat(60)}`;
  const folded = fold(line);
  for (const part of folded.split("\r\n")) assert.ok(new TextEncoder().encode(part).length <= 75);
  assert.equal(folded.replace(/\r\n /g, ""), line);
});
