// My plan as plain text, for a note or a message. Pure.

import { countEntries, filledFields, shownValue } from "../core/spec.mjs";

function recordText(fields, values, indent) {
  const lines = [];
  for (const [field, value] of filledFields(fields, values)) {
    if (Array.isArray(value)) {
      lines.push(`${indent}${field.label}:`);
      value.filter((item) => countEntries(item) > 0).forEach((item, index) => {
        const [first, ...rest] = recordText(field.fields || [], item, `${indent}    `);
        lines.push(`${indent}  ${index + 1}. ${first.trimStart()}`, ...rest);
      });
    } else {
      const [first, ...more] = shownValue(field, value).trim().split(/\r\n|\r|\n/);
      lines.push(`${indent}${field.label}: ${first}`, ...more.map((line) => `${indent}  ${line}`));
    }
  }
  return lines;
}

/** The plan's sections (plan/model.mjs) as text, under the page's title. */
export function planText(sections, config) {
  const lines = [config.worksheet.title, ""];
  for (const section of sections) {
    lines.push(section.title, "-".repeat(section.title.length), ...recordText(section.fields, section.values, ""), "");
  }
  return lines.join("\n");
}
