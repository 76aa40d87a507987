// The calendar file (RFC 5545): one all-day event on each deadline, and a review every few weeks
// from the first review until it. Pure.

import { addDays, localToday, longDate } from "../core/dates.mjs";

export const icsText = (value) => value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
  .replace(/\r\n|\r|\n/g, "\\n");

/** Lines longer than 75 octets are folded: CRLF then a space, never inside a UTF-8 sequence. */
export function fold(line) {
  const encoder = new TextEncoder();
  const parts = [];
  let part = "";
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    if (octets + size > 75) {
      parts.push(part);
      part = " ";
      octets = 1;
    }
    part += character;
    octets += size;
  }
  parts.push(part);
  return parts.join("\r\n");
}

const icsDate = (iso) => iso.replace(/-/g, "");
const icsStamp = (moment) => moment.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** The .ics text for `deadlines` (plan/model.mjs), as of `now`. */
export function calendarFile(deadlines, config, pageUrl, now = new Date()) {
  const calendar = config.worksheet.calendar || {};
  const weeks = calendar.review_every_weeks;
  const stamp = icsStamp(now);
  const today = localToday(now);
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Set Your Therapy Goals//My plan//EN",
    "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  const event = (uid, start, summary, description, extra = []) => lines.push(
    "BEGIN:VEVENT", `UID:${uid}@set-your-therapy-goals`, `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${icsDate(start)}`, `DTEND;VALUE=DATE:${icsDate(addDays(start, 1))}`,
    ...extra, `SUMMARY:${icsText(summary)}`, `DESCRIPTION:${icsText(description)}`,
    "TRANSP:TRANSPARENT", "END:VEVENT");
  for (const deadline of deadlines) {
    const about = `${deadline.title}\n\n${deadline.label}: ${longDate(deadline.date)}\nYour plan: ${pageUrl}`;
    if (deadline.appointment) {
      event(deadline.uid, deadline.date, calendar.appointment_title || deadline.label, about);
      continue;
    }
    event(deadline.uid, deadline.date, `${calendar.deadline_title}: ${deadline.title}`, about);
    const firstReview = addDays(today, 7 * weeks);
    if (firstReview < deadline.date) {
      event(`${deadline.uid}-review`, firstReview, `${calendar.review_title}: ${deadline.title}`,
        `${calendar.review_description}\n\n${about}`,
        [`RRULE:FREQ=WEEKLY;INTERVAL=${weeks};UNTIL=${icsDate(addDays(deadline.date, -1))}`]);
    }
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}
