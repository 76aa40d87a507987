// My plan's sections as HTML: each record a description list, groups as tables or lists, a
// calendar button under each deadline, and a place for what the checks say under free text.

import { html } from "../core/dom.mjs";
import { longDate } from "../core/dates.mjs";
import { SHORT_KINDS, TEXT_KINDS, countEntries, filled, filledFields, isPlainObject, shownValue } from "../core/spec.mjs";
import { chartsOfValues } from "../worksheet/chart.mjs";
import { recordDeadlines } from "./model.mjs";

/**
 * Renders sections; `options`: {config, owner (edit links), onCalendar(deadline), checks (a list
 * this fills with {field, values, node}: the checks to run for free text)}.
 */
export function sectionElement(section, options) {
  const node = html("section", { class: "plan-section", "data-plan-section": section.id,
    "aria-labelledby": `plan-section-${section.id}` });
  node.append(html("h2", { id: `plan-section-${section.id}` }, section.title));
  const page = (options.config.urls.pages || {})[section.id];
  if (page && options.owner) {
    const edit = html("p", { class: "plan-edit" });
    edit.append(html("a", { href: page }, "Change this on the worksheet"));
    node.append(edit);
  }
  node.append(...recordNodes(section, section.fields, section.values, "0", options));
  return node;
}

const checkNode = (tag, field, values, options) => {
  const node = html(tag, { class: "plan-check", "data-plan-check": field.id });
  if (TEXT_KINDS.has(field.kind) || field.check) options.checks.push({ field, values, node });
  return node;
};

function recordNodes(section, fields, values, path, options) {
  const deadlines = new Map(recordDeadlines(section, fields, values, path, options.config).map((d) => [d.field, d]));
  const nodes = [];
  let list = null;
  for (const [field, value] of filledFields(fields, values)) {
    if (Array.isArray(value)) {
      list = null;
      nodes.push(groupNode(section, field, value, options));
      continue;
    }
    if (!list) nodes.push(list = html("dl", { class: "plan-fields" }));
    list.append(html("dt", {}, field.label), html("dd", { class: "plan-text" }, shownValue(field, value)));
    if (TEXT_KINDS.has(field.kind) || field.check) list.append(checkNode("dd", field, values, options));
    const deadline = deadlines.get(field.id);
    if (deadline) list.append(calendarButton(deadline, options));
  }
  return nodes;
}

function calendarButton(deadline, options) {
  const holder = html("dd", { class: "plan-calendar" });
  const what = deadline.appointment ? "session" : "deadline";
  const button = html("button", { type: "button", class: "md-button" }, `Add this ${what} to my calendar`);
  button.setAttribute("aria-label", `Add this ${what} to my calendar: ${longDate(deadline.date)}, ${deadline.title}`);
  button.addEventListener("click", () => options.onCalendar(deadline));
  holder.append(button);
  return holder;
}

function groupNode(section, field, items, options) {
  const node = groupEntries(section, field, items, options);
  // A group the worksheet draws as a chart (Progress's ratings) is drawn here too, by the same code.
  const charts = field.chart ? chartsOfValues(field, items.filter(isPlainObject), `plan-${section.id}-${field.id}-chart`) : [];
  if (charts.length) {
    const figure = html("figure", { class: "ws-chart plan-chart", "aria-label": field.chart.title || field.label });
    figure.append(...charts);
    node.append(figure);
  }
  return node;
}

function groupEntries(section, field, items, options) {
  const nested = field.fields || [];
  const kept = items.filter((item) => countEntries(item) > 0);
  const wrapper = html("div", { class: "plan-group" });
  // Short answers print as a table, without the columns nobody filled in.
  const columns = nested.filter((f) => kept.some((item) => filled(item[f.id])));
  if (columns.length && columns.every((f) => SHORT_KINDS.has(f.kind))) {
    const table = html("table", { class: "plan-table" });
    table.append(html("caption", {}, field.label), html("thead"), html("tbody"));
    const head = html("tr");
    head.append(...columns.map((f) => html("th", { scope: "col" }, f.label)));
    table.tHead.append(head);
    for (const item of kept) {
      const row = html("tr");
      row.append(...columns.map((f) => {
        const cell = html("td", {}, filled(item[f.id]) ? shownValue(f, item[f.id]) : "");
        if (filled(item[f.id]) && (TEXT_KINDS.has(f.kind) || f.check)) cell.append(checkNode("div", f, item, options));
        return cell;
      }));
      table.tBodies[0].append(row);
    }
    wrapper.append(table);
    return wrapper;
  }
  wrapper.append(html("h3", {}, field.label));
  const list = html("ol", { class: "plan-items" });
  for (const item of kept) {
    const entry = html("li");
    entry.append(...recordNodes(section, nested, item, `${field.id}.${items.indexOf(item) + 1}`, options));
    list.append(entry);
  }
  wrapper.append(list);
  return wrapper;
}
