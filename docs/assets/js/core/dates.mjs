// Dates as the forms hold them: ISO "YYYY-MM-DD" strings, read as local calendar days.

export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const parts = (iso) => ISO_DATE.exec(iso).slice(1).map(Number);

/** The local Date at the start of an ISO day. */
export function dateFromIso(iso) {
  const [year, month, day] = parts(iso);
  return new Date(year, month - 1, day);
}

/** "3 March 2026" in the reader's locale; anything that is not an ISO date is returned as it is. */
export const longDate = (iso) => (ISO_DATE.test(iso)
  ? dateFromIso(iso).toLocaleDateString(undefined, { year: "numeric", month: "long", day: "numeric" }) : iso);

/** "3 Mar" in the reader's locale. */
export const shortDate = (iso) => dateFromIso(iso).toLocaleDateString(undefined, { day: "numeric", month: "short" });

/** The ISO day `days` after `iso` (negative: before). */
export function addDays(iso, days) {
  const [year, month, day] = parts(iso);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Today in the reader's time zone, as an ISO day. */
export function localToday(now = new Date()) {
  const pad = (number) => String(number).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
