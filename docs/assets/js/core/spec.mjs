// Reading saved values through a worksheet's spec (the fields of worksheets/specs/*.yml).
// Values: field id -> text; repeat group id -> [{field id -> text}] (one level, never deeper).

import { longDate } from "./dates.mjs";

/** The field kinds a person types free text into: screened for safety when they declare no check. */
export const TEXT_KINDS = new Set(["textarea", "text"]);
/** Kinds short enough for a table cell; a group made only of these prints as a table. */
export const SHORT_KINDS = new Set(["date", "scale", "text", "choice", "gas"]);

export const isPlainObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
export const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/** Every field of a spec, those inside repeat groups included. */
export const walk = (fields) => fields.flatMap((field) => [field, ...(field.kind === "repeat" ? walk(field.fields) : [])]);

/** Field id -> field, over the whole spec. */
export const fieldsById = (fields) => Object.fromEntries(walk(fields).map((field) => [field.id, field]));

/** Whether a value holds anything written: text that is not blank, or an item that does. */
export const filled = (value) => (Array.isArray(value) ? value.some((item) => countEntries(item) > 0)
  : typeof value === "string" && value.trim() !== "");

/** How many entries a record holds: filled fields, and filled items of its groups. */
export function countEntries(values) {
  let count = 0;
  for (const value of Object.values(values)) {
    if (Array.isArray(value)) count += value.filter((item) => isPlainObject(item) && countEntries(item) > 0).length;
    else if (filled(value)) count += 1;
  }
  return count;
}

/** A free-text field with no check of its own: it gets the safety screen alone. */
export const screenedAlone = (field) => TEXT_KINDS.has(field.kind) && !field.check;

/**
 * [field, value] for each filled value: the spec's fields in order, then any the spec no longer
 * names (an older or newer version of the worksheet), labelled by their id, so nothing is hidden.
 */
export function filledFields(fields, values) {
  const known = new Set(fields.map((field) => field.id));
  const listed = fields.filter((field) => filled(values[field.id])).map((field) => [field, values[field.id]]);
  for (const [id, value] of Object.entries(values)) {
    if (!known.has(id) && filled(value)) listed.push([{ id, label: id, kind: "text" }, value]);
  }
  return listed;
}

/** How a value reads: a date in words, a scale out of its maximum, a choice by its label. */
export function shownValue(field, value, { scaleOutOf = true } = {}) {
  if (field.kind === "date") return longDate(value);
  if (field.kind === "scale" && scaleOutOf) return `${value} out of ${field.max ?? 10}`;
  for (const option of Array.isArray(field.options) ? field.options : []) {
    if (isPlainObject(option) && option.value === value && typeof option.label === "string") return option.label;
  }
  return value;
}

/** What a worksheet is called in My plan. */
export const titleOf = (id, spec) => (spec ? spec.plan_title || spec.nav_title || spec.title : id);
