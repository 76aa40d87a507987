// A repeat group's items drawn as inline SVG, one chart per series (goal), with a table beside each
// for screen readers and paper.

import { ISO_DATE, longDate, shortDate } from "../core/dates.mjs";
import { html, svg } from "../core/dom.mjs";
import { shownValue } from "../core/spec.mjs";
import { fieldIn, itemsOf, readField } from "./form.mjs";

/** Every chart on the form, redrawn from the items of its group. */
export function drawCharts(form, fieldsById) {
  for (const figure of form.querySelectorAll("[data-chart]")) {
    const group = figure.closest("[data-repeat]");
    const field = fieldsById[group.dataset.field];
    const { x, y, series } = field.chart;
    // The table beside each chart shows every field of a point but the one the chart is named by.
    const columns = field.fields.filter((column) => column.id !== series);
    const points = itemsOf(group).map((item) => ({
      date: readField(fieldIn(item, x)),
      value: readField(fieldIn(item, y)),
      series: series ? readField(fieldIn(item, series)) : "",
      cells: columns.map((column) => shownValue(column, readField(fieldIn(item, column.id)), { scaleOutOf: false })),
    })).filter((point) => ISO_DATE.test(point.date) && point.value !== "");
    // A rating is drawn on its goal's line only: one with no goal chosen waits, named in the hint.
    const waiting = series ? points.filter((point) => !point.series).length : 0;
    if (waiting) points.splice(0, points.length, ...points.filter((point) => point.series));
    figure.dataset.points = String(points.length);
    const hint = figure.querySelector("[data-chart-empty]");
    hint.dataset.text ??= hint.textContent;
    hint.textContent = waiting ? `${waiting === 1 ? "A rating has" : `${waiting} ratings have`} no goal chosen yet: ` +
      `choose "${fieldsById[series].label}" and it appears on the chart.` : hint.dataset.text;
    hint.hidden = points.length > 0 && !waiting;
    figure.querySelector("[data-chart-series]").replaceChildren(
      ...seriesCharts(points, fieldsById[y], fieldsById[series], columns, `${group.id}-chart`));
  }
}

/** One chart per series; with nothing to draw yet, empty axes still print: a grid to fill in by hand. */
function seriesCharts(points, scale, seriesField, columns, idPrefix, options = { table: true }) {
  const bySeries = new Map();
  for (const point of points) {
    if (!bySeries.has(point.series)) bySeries.set(point.series, []);
    bySeries.get(point.series).push(point);
  }
  const charts = bySeries.size ? [...bySeries] : [["", []]];
  return charts.map(([name, list], index) => chartOf(name, list, scale, seriesField, columns, `${idPrefix}-${index + 1}`, options));
}

/**
 * The charts of a repeat group's saved items (My plan): the same drawing as on the worksheet, without
 * the table beside it, since My plan lists the same entries as its own table.
 */
export function chartsOfValues(field, items, idPrefix) {
  const byId = Object.fromEntries(field.fields.map((inner) => [inner.id, inner]));
  const { x, y, series } = field.chart;
  const text = (item, id) => (typeof item[id] === "string" ? item[id] : "");
  const columns = field.fields.filter((column) => column.id !== series);
  const points = items.map((item) => ({
    date: text(item, x), value: text(item, y), series: series ? text(item, series) : "",
    cells: columns.map((column) => shownValue(column, text(item, column.id), { scaleOutOf: false })),
  })).filter((point) => ISO_DATE.test(point.date) && point.value !== "");
  return points.length ? seriesCharts(points, byId[y], byId[series], columns, idPrefix, { table: false }) : [];
}

function chartOf(name, points, scale, seriesField, columns, id, options) {
  const sorted = [...points].sort((a, b) => a.date.localeCompare(b.date));
  const width = 600, height = 240, left = 40, right = 36, top = 14, bottom = 44;
  const low = Number(scale.min), high = Number(scale.max);
  const yOf = (value) => top + (height - top - bottom) * (high - Number(value)) / (high - low);
  const step = sorted.length > 1 ? (width - left - right) / (sorted.length - 1) : 0;
  const xOf = (index) => (sorted.length > 1 ? left + step * index : (left + width - right) / 2);
  const title = name || (seriesField ? `Ratings (${seriesField.label}: not chosen yet)` : "Ratings");
  const wrapper = html("div", { class: "ws-chart-one" });
  if (points.length) wrapper.append(html("p", { class: "ws-chart-name", id: `${id}-title` }, title));
  const summary = sorted.length
    ? `${sorted.length} rating${sorted.length > 1 ? "s" : ""} from ${longDate(sorted[0].date)} to ` +
      `${longDate(sorted.at(-1).date)}: first ${sorted[0].value}, latest ${sorted.at(-1).value} out of ${high}.`
    : "";
  // An empty grid is only there to print and draw on by hand: nothing for a screen reader yet.
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "ws-chart-svg",
    ...(points.length ? { role: "img", "aria-label": `${title}. ${summary}` } : { "aria-hidden": "true" }) });
  const gridEvery = high - low > 5 ? 2 : 1;
  for (let value = low; value <= high; value++) {
    chart.append(svg("line", { class: value % gridEvery ? "ws-chart-grid ws-chart-grid--minor" : "ws-chart-grid",
      x1: left, x2: width - right, y1: yOf(value), y2: yOf(value) }));
    if (value % gridEvery === 0) chart.append(svg("text", { class: "ws-chart-label", x: left - 8, y: yOf(value) + 4, "text-anchor": "end" }, String(value)));
  }
  if (sorted.length > 1) {
    chart.append(svg("polyline", { class: "ws-chart-line", points: sorted.map((point, index) => `${xOf(index)},${yOf(point.value)}`).join(" ") }));
  }
  const labelEvery = Math.ceil(sorted.length / 8);
  sorted.forEach((point, index) => {
    const dot = svg("circle", { class: "ws-chart-point", cx: xOf(index), cy: yOf(point.value), r: 5, "data-value": point.value, "data-date": point.date });
    dot.append(svg("title", {}, `${longDate(point.date)}: ${point.value} out of ${high}`));
    chart.append(dot);
    if (index % labelEvery === 0) {
      chart.append(svg("text", { class: "ws-chart-label", x: xOf(index), y: height - bottom + 20, "text-anchor": "middle" }, shortDate(point.date)));
    }
  });
  wrapper.append(chart);
  if (sorted.length && options.table) {
    // Tables size to their content whatever their width, so a wrapper is what hides it on screen.
    const hidden = html("div", { class: "ws-chart-table" });
    hidden.append(tableOf(title, sorted, columns, scale));
    wrapper.append(hidden);
  }
  return wrapper;
}

// The same points as a table: read by screen readers, and on paper in place of the entries.
function tableOf(title, points, columns, scale) {
  const table = html("table", { class: "ws-chart-data" });
  table.append(html("caption", {}, title));
  const row = (cells, tag, attributes = {}) => {
    const tr = html("tr");
    tr.append(...cells.map((text) => html(tag, attributes, text)));
    return tr;
  };
  const head = html("thead");
  head.append(row(columns.map((column) => (column === scale ? `${column.label} (${scale.min} to ${scale.max})` : column.label)), "th", { scope: "col" }));
  const body = html("tbody");
  body.append(...points.map((point) => row(point.cells, "td")));
  // Two empty rows to write the next reviews in by hand.
  const blank = html("tfoot", { class: "ws-chart-blank", "aria-hidden": "true" });
  blank.append(row(columns.map(() => ""), "td"), row(columns.map(() => ""), "td"));
  table.append(head, body, blank);
  return table;
}
