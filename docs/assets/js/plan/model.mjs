// My plan's model: which worksheets it shows, in what order, and the deadlines they hold. Pure.

import { ISO_DATE } from "../core/dates.mjs";
import { TEXT_KINDS, countEntries, filled, filledFields, titleOf } from "../core/spec.mjs";

/** The plan's sections: the worksheets `gathers` names, in its order, then anything else saved. */
export function planSections(documents, config) {
  const specs = config.worksheets || {};
  const order = [...config.worksheet.gathers, ...Object.keys(documents).sort()];
  const sections = [];
  for (const id of new Set(order)) {
    const values = documents[id];
    if (!values || countEntries(values) === 0) continue;
    const spec = specs[id] || null;
    sections.push({ id, title: titleOf(id, spec), fields: spec ? spec.fields : [], values });
  }
  return sections;
}

/** The first filled text of a record: what a goal or a step is called in the calendar and in labels. */
export function recordTitle(fields, values) {
  const [field] = fields.filter((f) => TEXT_KINDS.has(f.kind) && filled(values[f.id]));
  return field ? values[field.id].trim() : "";
}

/** The deadlines of one record (the document itself, or one item of a group at `path`). */
export function recordDeadlines(section, fields, values, path, config) {
  const calendar = config.worksheet.calendar || {};
  // An appointment (a session's date) is one event on its day; a deadline also has reviews.
  const appointment = (calendar.appointments_from || []).includes(section.id);
  if (!appointment && !(calendar.deadlines_from || []).includes(section.id)) return [];
  return fields.filter((field) => field.kind === "date" && ISO_DATE.test(values[field.id] || ""))
    .map((field) => ({
      field: field.id,
      uid: `${section.id}-${path}-${field.id}-${values[field.id]}`,
      date: values[field.id],
      label: field.label,
      title: appointment ? section.title : recordTitle(fields, values) || section.title,
      ...(appointment ? { appointment: true } : {}),
    }));
}

/** Every deadline of the plan, records and their groups' items alike. */
export function allDeadlines(sections, config) {
  const deadlines = [];
  for (const section of sections) {
    deadlines.push(...recordDeadlines(section, section.fields, section.values, "0", config));
    for (const [field, value] of filledFields(section.fields, section.values)) {
      if (!Array.isArray(value)) continue;
      value.forEach((item, index) => {
        deadlines.push(...recordDeadlines(section, field.fields || [], item, `${field.id}.${index + 1}`, config));
      });
    }
  }
  return deadlines;
}
