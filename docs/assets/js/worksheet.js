// Worksheet glue: reads a worksheet's JSON island, saves what is typed, asks the checker
// worker and shows its answers. The rules of every check live in Python (worksheets/checks).
(() => {
  "use strict";

  const STORAGE_PREFIX = "set-your-therapy-goals:";
  // Version of the saved document; bump it with a migration from the previous version.
  const SCHEMA_VERSION = 2;
  // MIGRATIONS[n] turns a version-n document into a version-(n+1) one.
  const MIGRATIONS = {
    // 2: SMART goal holds several goals; its one goal and why become the first item of `goals`.
    1: (doc) => {
      const values = { ...doc.values };
      if (doc.worksheet === "smart-goal" && !Array.isArray(values.goals)) {
        const first = {};
        for (const id of ["goal", "why"]) {
          if (typeof values[id] === "string") first[id] = values[id];
          delete values[id];
        }
        values.goals = Object.keys(first).length ? [first] : [];
      }
      return { ...doc, schema: 2, values };
    },
  };
  const CHECK_DELAY_MS = 300;
  // loadPyodide() never settles when the .wasm cannot load. The worker reports a failed download at
  // once; this watchdog catches whatever else keeps Python from starting.
  const CHECKER_TIMEOUT_MS = 20000;
  // A check takes milliseconds; one still running after this long is stuck, and its worker is replaced.
  const CHECK_TIMEOUT_MS = 10000;
  // Stuck checks forgiven per visit: after that many fresh workers, the checker is given up on.
  const CHECKER_RESTARTS = 3;
  // Far above any real entry (the checks take about 20 ms on 100,000 characters): beyond it an entry
  // is not sent to Python at all, and is still saved and printed whole.
  const MAX_CHECKED_CHARS = 200000;

  class NewerVersionError extends Error {}

  // Turns a stored document into a current one, or throws: the one place that knows the format.
  function upgrade(doc) {
    if (!doc || typeof doc !== "object" || !Number.isInteger(doc.schema) || doc.schema < 1 ||
        !doc.values || typeof doc.values !== "object" || Array.isArray(doc.values)) {
      throw new Error("wrong shape");
    }
    if (doc.schema > SCHEMA_VERSION) throw new NewerVersionError("made by a newer version of this site");
    while (doc.schema < SCHEMA_VERSION) doc = MIGRATIONS[doc.schema](doc);
    return doc;
  }

  let persistenceAsked = false;

  const storage = {
    prefix: STORAGE_PREFIX,
    key: (worksheetId) => `${STORAGE_PREFIX}worksheet:${worksheetId}`,
    upgrade,

    read(worksheetId) {
      let raw;
      try {
        raw = window.localStorage.getItem(this.key(worksheetId));
      } catch (error) {
        return { values: {}, problem: "blocked" };
      }
      if (raw === null) return { values: {} };
      try {
        return { values: upgrade(JSON.parse(raw)).values };
      } catch (error) {
        const problem = error instanceof NewerVersionError ? "newer" : "unreadable";
        // Move the unreadable copy aside, never delete it: it can still be exported.
        try {
          window.localStorage.setItem(`${this.key(worksheetId)}:unreadable:${Date.now()}`, raw);
          window.localStorage.removeItem(this.key(worksheetId));
        } catch (ignored) {
          // No room to move it: it stays where it is, and nothing may be saved over it.
          return { values: {}, problem, stuck: true };
        }
        return { values: {}, problem };
      }
    },

    write(worksheetId, values) {
      const doc = { schema: SCHEMA_VERSION, worksheet: worksheetId, saved: new Date().toISOString(), values };
      try {
        window.localStorage.setItem(this.key(worksheetId), JSON.stringify(doc));
      } catch (error) {
        return false;
      }
      this.askToPersist();
      return true;
    },

    // Some browsers clear a site's data after days without a visit unless it is marked persistent.
    askToPersist() {
      if (persistenceAsked) return;
      persistenceAsked = true;
      try {
        if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
      } catch (ignored) { /* not offered by this browser */ }
    },

    // [key, stored text] of every key this site holds under `under` (documents, copies kept
    // aside), or null when storage is blocked.
    siteEntries(under = "") {
      try {
        const entries = [];
        for (let index = 0; index < window.localStorage.length; index++) {
          const key = window.localStorage.key(index);
          if (key.startsWith(STORAGE_PREFIX + under)) entries.push([key, window.localStorage.getItem(key)]);
        }
        return entries;
      } catch (error) {
        return null;
      }
    },

    // Replaces every key under `under` with `entries` (key -> text) or, on any failure, changes nothing.
    replaceAll(entries, under = "") {
      const before = this.siteEntries(under);
      if (before === null) return false;
      try {
        for (const [key] of before) window.localStorage.removeItem(key);
        for (const [key, raw] of Object.entries(entries)) window.localStorage.setItem(key, raw);
      } catch (error) {
        try {
          for (const [key] of this.siteEntries(under) || []) window.localStorage.removeItem(key);
          for (const [key, raw] of before) window.localStorage.setItem(key, raw);
        } catch (ignored) { /* nothing more can be done */ }
        return false;
      }
      if (Object.keys(entries).length) this.askToPersist();
      return true;
    },
  };

  const STORAGE_MESSAGES = {
    blocked: "This browser is not letting the site save anything, so your work here will not be kept. " +
      "You can still print it before you leave.",
    full: "This browser's storage is full, so your latest changes are not saved. Print your work to keep a copy.",
    unreadable: "We could not read what this worksheet saved before, so it starts empty. " +
      "The old copy is kept aside in this browser, not deleted: My plan can export it to a file.",
    newer: "What this worksheet saved was written by a newer version of this site, so this page cannot " +
      "read it. Reload the page to get the newer version. Your saved copy is kept aside, not deleted: " +
      "My plan can export it to a file.",
    stuck: "We could not read what this worksheet saved before, and this browser's storage is too full to " +
      "keep a copy aside, so nothing you type here is saved over it. Print your work to keep a copy.",
    otherTab: "Updated with what you saved in another tab.",
  };
  // Shown when another tab saves this worksheet while the person is typing here.
  const OTHER_TAB_CONFLICT = "This worksheet was just changed in another tab. What you see here is kept " +
    "and saves over it as you type; to see the other tab's version instead, reload this page.";

  // One checker for the whole visit: Material's instant navigation keeps this script alive.
  const checker = {
    worker: null,
    state: "loading",
    nextId: 1,
    pending: new Map(),
    listeners: new Set(),
    urls: null,
    restarts: 0,

    start(urls) {
      if (this.worker || this.state === "unavailable") return;
      this.urls = urls;
      // A worksheet page opened directly started its worker from <head> (overrides/partials/checker-start.html).
      const early = window.earlyChecker;
      window.earlyChecker = null;
      let worker;
      try {
        worker = early ? early.worker : new Worker(new URL(urls.worker, document.baseURI), { type: "module" });
      } catch (error) {
        this.setState("unavailable");
        return;
      }
      this.worker = worker;
      // A worker already replaced (stuck) may still speak: it is not listened to.
      const current = () => this.worker === worker;
      const watchdog = setTimeout(() => { if (current()) this.fail(); }, CHECKER_TIMEOUT_MS);
      const onMessage = (message) => {
        if (!current()) return;
        if (message.type === "ready") {
          clearTimeout(watchdog);
          // "snapshot" or "fresh": how Python started, for the offline tests and the benchmark.
          document.documentElement.dataset.pythonStart = message.data.start;
          this.setState("ready");
        } else if (message.type === "result" || message.type === "error") {
          const request = this.pending.get(message.id);
          this.pending.delete(message.id);
          if (request) request(message);
          // An error that answers no check: Python could not start (a file failed to download).
          else if (message.type === "error" && message.id === undefined) { clearTimeout(watchdog); this.fail(); }
        }
      };
      worker.addEventListener("message", ({ data: message }) => onMessage(message));
      worker.addEventListener("error", () => { if (current()) { clearTimeout(watchdog); this.fail(); } });
      if (early) early.takeMessages().forEach(onMessage);
      else worker.postMessage({ type: "init", data: { urls, base: document.baseURI } });
    },

    // Ends the worker. The check it was running is answered `reason`, any waiting behind it "interrupted".
    stop(reason) {
      if (this.worker) this.worker.terminate();
      this.worker = null;
      [...this.pending.values()].forEach((request, index) => request({ type: "error", data: index ? "interrupted" : reason }));
      this.pending.clear();
    },

    fail() {
      this.stop("unavailable");
      this.setState("unavailable");
    },

    // A check that never answers blocks its worker for good: a fresh worker takes over.
    restart() {
      this.stop("stuck");
      if (this.restarts >= CHECKER_RESTARTS) {
        this.setState("unavailable");
        return;
      }
      this.restarts += 1;
      this.setState("loading");
      this.start(this.urls);
    },

    setState(state) {
      this.state = state;
      for (const listener of this.listeners) listener(state);
    },

    // Resolves to the worker's answer, or to {type: "error", data: "stuck" | "interrupted" | "unavailable"}.
    check(request) {
      return new Promise((resolve) => {
        const id = this.nextId++;
        const worker = this.worker;
        const timer = setTimeout(() => { if (this.worker === worker) this.restart(); }, CHECK_TIMEOUT_MS);
        this.pending.set(id, (message) => {
          clearTimeout(timer);
          resolve(message);
        });
        worker.postMessage({ type: "check", id, data: request });
      });
    },
  };

  const CHECKER_MESSAGES = {
    loading: "The checker is loading. You can type already; your words are saved as you go.",
    ready: "",
    unavailable: "The checker could not start in this browser, so there is no feedback this time. " +
      "Everything else works: your words are saved, and you can print them.",
  };
  // About one entry's check, shown in its feedback in place of the verdicts.
  const CHECK_NOTES = {
    tooLong: `This entry is longer than the checker reads (${MAX_CHECKED_CHARS.toLocaleString("en")} characters), ` +
      "so there is no feedback on it. All of it is saved and prints in full.",
    failed: "The checker could not read this entry, so there is no feedback on it this time. " +
      "Your words are saved; changing them a little may help.",
    stuck: "The checker took too long on this entry and was restarted, so there is no feedback on it. " +
      "Your words are saved.",
  };

  // ---- A worksheet form, built from its spec: fields, repeat groups, checks, charts, hand-offs ----
  // Saved values: field id -> text; repeat group id -> [{field id -> text}] (one level, never deeper).

  // Stands for an item's key in a repeat group's <template>; each item the script adds gets its own.
  const ITEM_KEY = "__item__";
  let nextItemKey = 1;
  const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
  const SVG = "http://www.w3.org/2000/svg";

  const isPlainObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);
  // Every field of a spec, those inside repeat groups included.
  const walk = (fields) => fields.flatMap((field) => [field, ...(field.kind === "repeat" ? walk(field.fields) : [])]);
  // The element of field `id` inside `scope` (the form, or one item of a repeat group).
  const fieldIn = (scope, id) => scope.querySelector(`[data-field="${id}"]`);
  const itemsOf = (group) => [...group.querySelector("[data-items]").children];

  function readField(element) {
    const radios = element.querySelectorAll("input[type=radio]");
    if (radios.length) return [...radios].find((radio) => radio.checked)?.value ?? "";
    return element.querySelector("textarea, select, input").value;
  }

  function writeField(element, value) {
    const radios = element.querySelectorAll("input[type=radio]");
    if (radios.length) {
      for (const radio of radios) radio.checked = radio.value === value;
      return;
    }
    const control = element.querySelector("textarea, select, input");
    // A saved choice the list no longer offers (a renamed goal, an older spec) is kept, not lost.
    if (control.tagName === "SELECT" && value && ![...control.options].some((option) => option.value === value)) {
      control.add(new Option(value, value));
    }
    control.value = value;
  }

  // What the form holds now, in the saved shape.
  function collect(scope, fields) {
    const values = {};
    for (const field of fields) {
      const element = fieldIn(scope, field.id);
      if (!element) continue;
      values[field.id] = field.kind === "repeat"
        ? itemsOf(element).map((item) => collect(item, field.fields))
        : readField(element);
    }
    return values;
  }

  function fill(scope, fields, values) {
    for (const field of fields) {
      const element = fieldIn(scope, field.id);
      if (!element) continue;
      const value = values[field.id];
      if (field.kind === "repeat") {
        // Never saved: the spec's starting items (e.g. suggested questions), or blank ones.
        setItems(element, field, (Array.isArray(value) ? value : field.default).filter(isPlainObject));
      } else {
        writeField(element, typeof value === "string" ? value : "");
      }
    }
  }

  function setItems(group, field, items) {
    for (const item of itemsOf(group)) item.remove();
    const count = Math.max(field.min, items.length);
    for (let index = 0; index < count; index++) fill(addItem(group), field.fields, items[index] || {});
    refreshGroup(group, field);
  }

  // A new, empty item from the group's template, with ids no other item uses.
  function addItem(group) {
    const fragment = group.querySelector(":scope > template[data-item-template]").content.cloneNode(true);
    const key = `n${nextItemKey++}`;
    for (const element of fragment.querySelectorAll("*")) {
      for (const attribute of element.attributes) {
        if (attribute.value.includes(ITEM_KEY)) attribute.value = attribute.value.replaceAll(ITEM_KEY, key);
      }
    }
    const item = fragment.querySelector("[data-item]");
    group.querySelector("[data-items]").append(fragment);
    return item;
  }

  // Numbers, remove buttons and the "add" limit follow the items as they come and go.
  function refreshGroup(group, field) {
    const items = itemsOf(group);
    items.forEach((item, index) => {
      item.querySelector("[data-item-legend]").textContent = `${capitalise(field.item_label)} ${index + 1}`;
      const remove = item.querySelector("[data-remove]");
      remove.textContent = `Remove ${field.item_label} ${index + 1}`;
      remove.hidden = items.length <= field.min;
    });
    const full = items.length >= field.max;
    group.querySelector("[data-add]").disabled = full;
    group.querySelector("[data-limit]").hidden = !full;
  }

  const firstControl = (scope) => scope.querySelector("textarea, input, select");
  const hasContent = (values) => Object.values(values).some((value) =>
    (typeof value === "string" && value.trim() !== "") || (Array.isArray(value) && value.some(hasContent)));

  // The other fields a check reads: the one in the same repeat item, else the one on the form.
  function contextElement(form, from, id) {
    const item = from.closest("[data-item]");
    return (item && fieldIn(item, id)) || fieldIn(form, id);
  }

  // Text saved by another worksheet (e.g. Find your why), offered when a context field is empty.
  function borrowedText(source) {
    const { values } = storage.read(source.worksheet);
    return source.fields.map((id) => values[id]).filter((text) => typeof text === "string" && text.trim()).join("\n");
  }

  // Options of a choice that lists another group's entries (e.g. "Which goal" lists the goals).
  function refreshOptions(form) {
    for (const select of form.querySelectorAll("select[data-options-from]")) {
      const [groupId, fieldId] = select.dataset.optionsFrom.split(".");
      const group = fieldIn(form, groupId);
      const sources = group ? itemsOf(group).map((item) => fieldIn(item, fieldId)) : [];
      // A renamed entry takes the choices that named it along.
      for (const source of sources) {
        const now = readField(source).trim();
        const before = source.dataset.previous;
        if (before && now && before !== now && select.value === before) select.dataset.renamed = now;
      }
      const texts = [...new Set(sources.map((source) => readField(source).trim()).filter(Boolean))];
      const chosen = select.dataset.renamed ?? select.value;
      delete select.dataset.renamed;
      const [placeholder] = select.options;
      select.replaceChildren(placeholder, ...texts.map((text) => new Option(text, text)));
      writeField(select.closest("[data-field]"), chosen);
    }
    for (const source of form.querySelectorAll("[data-field]")) {
      if (source.querySelector("input, textarea")) source.dataset.previous = readField(source).trim();
    }
  }

  function svg(tag, attributes = {}, text = null) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
    if (text !== null) node.textContent = text;
    return node;
  }

  function html(tag, attributes = {}, text = null) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
    if (text !== null) node.textContent = text;
    return node;
  }

  const dateFromIso = (iso) => new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  const longDate = (iso) => dateFromIso(iso).toLocaleDateString(undefined, { day: "numeric", month: "long", year: "numeric" });
  const shortDate = (iso) => dateFromIso(iso).toLocaleDateString(undefined, { day: "numeric", month: "short" });

  // How a value reads in a table: a date in words, a choice by its label.
  function displayValue(field, value) {
    if (field.kind === "date" && ISO_DATE.test(value)) return longDate(value);
    const option = (field.options || []).find((choice) => choice.value === value);
    return option ? option.label : value;
  }

  // Every chart on the form, redrawn from the items of its group: one chart per series (goal).
  function drawCharts(form, fieldsById) {
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
        cells: columns.map((column) => displayValue(column, readField(fieldIn(item, column.id)))),
      })).filter((point) => ISO_DATE.test(point.date) && point.value !== "");
      const bySeries = new Map();
      for (const point of points) {
        if (!bySeries.has(point.series)) bySeries.set(point.series, []);
        bySeries.get(point.series).push(point);
      }
      figure.dataset.points = String(points.length);
      figure.querySelector("[data-chart-empty]").hidden = points.length > 0;
      // With nothing to draw yet, empty axes still print: a grid to fill in by hand.
      const charts = bySeries.size ? [...bySeries] : [["", []]];
      figure.querySelector("[data-chart-series]").replaceChildren(...charts.map(([name, list], index) =>
        chartOf(name, list, fieldsById[y], fieldsById[series], columns, `${group.id}-chart-${index + 1}`)));
    }
  }

  function chartOf(name, points, scale, seriesField, columns, id) {
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
    if (sorted.length) {
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

  // Copies text into another worksheet's repeat group (e.g. a goal into SMART goal) and opens it.
  function sendTo(button, urls, status) {
    const { sendWorksheet: target, sendGroup: groupId, sendField: fieldId } = button.dataset;
    const text = (button.dataset.sendText ?? readField(button.closest("[data-field]"))).trim();
    if (!text) {
      status.textContent = "Write something in the box first, then press the button again.";
      return;
    }
    const { values, problem } = storage.read(target);
    if (problem === "blocked") {
      status.textContent = STORAGE_MESSAGES.blocked;
      return;
    }
    // Blank items (a fresh worksheet's empty box) make way for the new one; written ones stay.
    const items = (Array.isArray(values[groupId]) ? values[groupId] : []).filter((item) => isPlainObject(item) && hasContent(item));
    if (!storage.write(target, { ...values, [groupId]: [...items, { [fieldId]: text }] })) {
      status.textContent = STORAGE_MESSAGES.full;
      return;
    }
    // A query, not a #fragment: arriving at a fragment moves focus to it, after our script has run.
    window.location.assign(`${urls.pages[target]}?added=${encodeURIComponent(groupId)}`);
  }

  function mount(form) {
    const config = JSON.parse(form.dataset.worksheetConfig);
    const spec = config.worksheet;
    const fieldsById = Object.fromEntries(walk(spec.fields).map((field) => [field.id, field]));
    const status = form.querySelector("[data-storage-status]");
    const conflict = form.querySelector("[data-tab-alert]");

    let failedToSave = false;
    const save = () => {
      if (saved.stuck) {
        status.textContent = STORAGE_MESSAGES.stuck;
      } else if (storage.write(spec.id, collect(form, spec.fields))) {
        // Storage works again (the person made room): the warning no longer holds.
        if (failedToSave) status.textContent = "";
        failedToSave = false;
      } else {
        status.textContent = STORAGE_MESSAGES[saved.problem === "blocked" ? "blocked" : "full"];
        failedToSave = true;
      }
    };

    const saved = storage.read(spec.id);
    if (saved.problem) status.textContent = STORAGE_MESSAGES[saved.problem];
    // Words typed before this script ran (a fast typist, a slow phone) win over the saved copy.
    const typedEarly = [...form.querySelectorAll("textarea, input, select")].some((control) =>
      control.tagName === "SELECT" ? control.selectedIndex !== Math.max(0, [...control.options].findIndex((o) => o.defaultSelected))
        : control.type === "radio" ? control.checked !== control.defaultChecked
          : control.value !== control.defaultValue);
    if (typedEarly) save();
    else fill(form, spec.fields, saved.values);
    for (const group of form.querySelectorAll("[data-repeat]")) refreshGroup(group, fieldsById[group.dataset.field]);
    refreshOptions(form);
    drawCharts(form, fieldsById);

    const checkedElements = () => [...form.querySelectorAll("[data-field]")].filter((element) => fieldsById[element.dataset.field].check);
    const timers = new WeakMap();
    // The request a field's check got stuck on: not sent again until the words change.
    const stuckRequests = new WeakMap();

    async function runCheck(element) {
      if (checker.state !== "ready" || !element.isConnected) return;
      const field = fieldsById[element.dataset.field];
      const { check } = field;
      const section = element.querySelector("[data-feedback-for]");
      const text = readField(element);
      if (text.length > MAX_CHECKED_CHARS) {
        showNote(section, CHECK_NOTES.tooLong);
        return;
      }
      const input = { [check.input]: text };
      const borrowed = [];
      for (const [keyword, otherId] of Object.entries(check.context || {})) {
        const other = contextElement(form, element, otherId);
        input[keyword] = other ? readField(other) : "";
        const source = (check.context_from || {})[keyword];
        if (source && !input[keyword].trim()) {
          input[keyword] = borrowedText(source);
          if (input[keyword]) borrowed.push(`Read with what you wrote in “${source.label || source.worksheet}”, ` +
            `since “${fieldsById[otherId].label}” is empty here.`);
        }
        // Context only colours the feedback: its first part is enough, and keeps the check quick.
        input[keyword] = input[keyword].slice(0, MAX_CHECKED_CHARS);
      }
      const request = { check: check.name, input };
      const asked = JSON.stringify(request);
      if (stuckRequests.get(element) === asked) {
        showNote(section, CHECK_NOTES.stuck);
        return;
      }
      const answer = await checker.check(request);
      if (!element.isConnected) return;
      if (answer.type === "result") {
        showResult(section, check, answer.data, borrowed);
      } else if (answer.data === "stuck") {
        stuckRequests.set(element, asked);
        showNote(section, CHECK_NOTES.stuck);
      } else if (answer.data !== "unavailable" && answer.data !== "interrupted") {
        // The check raised: Python said why in answer.data, for the console, not for the person.
        console.warn("A check failed:", answer.data);
        showNote(section, CHECK_NOTES.failed);
      }
    }

    function scheduleCheck(element) {
      clearTimeout(timers.get(element));
      timers.set(element, setTimeout(() => runCheck(element), CHECK_DELAY_MS));
    }

    const showCheckerState = (state) => {
      form.dataset.checker = state;
      for (const note of form.querySelectorAll("[data-checker-state]")) note.textContent = CHECKER_MESSAGES[state];
    };
    const onCheckerState = (state) => {
      if (!form.isConnected) { checker.listeners.delete(onCheckerState); return; }
      showCheckerState(state);
      if (state === "ready") {
        for (const element of checkedElements()) if (readField(element).trim()) runCheck(element);
      }
    };
    checker.listeners.add(onCheckerState);
    onCheckerState(checker.state);

    const changed = () => {
      save();
      refreshOptions(form);
      drawCharts(form, fieldsById);
    };

    form.addEventListener("input", (event) => {
      const element = event.target.closest("[data-field]");
      if (!element) return;
      changed();
      for (const checked of checkedElements()) {
        const context = Object.values(fieldsById[checked.dataset.field].check.context || {});
        if (checked === element || context.some((id) => contextElement(form, checked, id) === element)) scheduleCheck(checked);
      }
    });

    form.addEventListener("click", (event) => {
      const button = event.target.closest("button");
      if (!button || !form.contains(button)) return;
      const group = button.closest("[data-repeat]");
      const field = group && fieldsById[group.dataset.field];
      const announce = (text) => { group.querySelector("[data-repeat-status]").textContent = text; };
      if (button.matches("[data-add]")) {
        const item = addItem(group);
        fill(item, field.fields, {});
        refreshGroup(group, field);
        showCheckerState(checker.state);
        changed();
        announce(`${capitalise(field.item_label)} ${itemsOf(group).length} added.`);
        firstControl(item).focus();
      } else if (button.matches("[data-remove]")) {
        const item = button.closest("[data-item]");
        const items = itemsOf(group);
        const index = items.indexOf(item);
        const name = `${field.item_label} ${index + 1}`;
        if (hasContent(collect(item, field.fields)) &&
            !window.confirm(`Remove ${name}? What you wrote in it will be deleted.`)) return;
        item.remove();
        refreshGroup(group, field);
        changed();
        announce(`${capitalise(name)} removed.`);
        // Focus goes to the item that took its place, else the one before, never to the page's top.
        const next = items[index + 1] || items[index - 1];
        firstControl(next).focus();
      } else if (button.matches("[data-send-worksheet]")) {
        sendTo(button, config.urls, status);
      }
    });
    form.querySelector("[data-action=print]").addEventListener("click", () => window.print());

    // Another tab saved this worksheet: this one follows, unless the person is typing here right now.
    const onStorage = (event) => {
      if (!form.isConnected) {
        window.removeEventListener("storage", onStorage);
        return;
      }
      // A null key: the other tab cleared everything (My plan's "Delete all my data").
      if (event.key !== null && event.key !== storage.key(spec.id)) return;
      if (document.hasFocus() && form.contains(document.activeElement)) {
        conflict.textContent = OTHER_TAB_CONFLICT;
        return;
      }
      const latest = storage.read(spec.id);
      if (latest.problem) {
        status.textContent = STORAGE_MESSAGES[latest.problem];
        return;
      }
      fill(form, spec.fields, latest.values);
      showCheckerState(checker.state);
      refreshOptions(form);
      drawCharts(form, fieldsById);
      conflict.textContent = "";
      status.textContent = STORAGE_MESSAGES.otherTab;
      for (const element of checkedElements()) if (readField(element).trim()) scheduleCheck(element);
    };
    window.addEventListener("storage", onStorage);

    // Arriving from a hand-off (goal areas -> SMART goal): the item just added is where to start.
    const added = new URLSearchParams(location.search).get("added");
    const arrived = added && spec.fields.some((field) => field.id === added && field.kind === "repeat") && fieldIn(form, added);
    if (arrived) {
      firstControl(itemsOf(arrived).at(-1)).focus();
      history.replaceState(history.state, "", location.pathname + location.hash);
    }

    if (Object.values(fieldsById).some((field) => field.check)) checker.start(config.urls);
  }

  // A note about this entry's check instead of verdicts, which belonged to other words. The crisis
  // block is left as it is: support stays in view rather than vanish on a failed check.
  function showNote(section, text) {
    const note = section.querySelector("[data-check-note]");
    note.textContent = text;
    note.hidden = false;
    for (const item of section.querySelectorAll("[data-criterion]")) {
      delete item.dataset.met;
      item.querySelector("[data-verdict]").textContent = "";
      item.querySelector("[data-feedback]").textContent = "";
    }
    const suggestion = section.querySelector("[data-suggestion]");
    if (suggestion) suggestion.hidden = true;
    section.querySelector("[data-prompts]").replaceChildren();
  }

  function showResult(section, check, result, notes = []) {
    const checkNote = section.querySelector("[data-check-note]");
    checkNote.textContent = "";
    checkNote.hidden = true;
    section.querySelector("[data-crisis]").hidden = !result.crisis;
    const note = section.querySelector("[data-context-note]");
    if (note) {
      note.textContent = notes.join(" ");
      note.hidden = notes.length === 0;
    }
    for (const { key } of check.criteria) {
      const item = section.querySelector(`[data-criterion="${key.replace(/_/g, "-")}"]`);
      const { met, feedback } = result[key];
      item.dataset.met = String(met);
      item.querySelector("[data-verdict]").textContent = met ? "Met" : "Not yet";
      item.querySelector("[data-feedback]").textContent = feedback;
    }
    const suggestion = section.querySelector("[data-suggestion]");
    if (suggestion) {
      suggestion.querySelector("[data-suggestion-text]").textContent = result.suggestion || "";
      suggestion.hidden = !result.suggestion;
    }
    const prompts = section.querySelector("[data-prompts]");
    prompts.replaceChildren(...(result.prompts || []).map((text) => {
      const item = document.createElement("li");
      item.textContent = text;
      return item;
    }));
  }

  function mountAll() {
    for (const form of document.querySelectorAll("form[data-worksheet]")) mount(form);
  }

  // The shared API for other page scripts (My plan): one storage helper and one checker per visit.
  window.therapyGoals = Object.freeze({ schemaVersion: SCHEMA_VERSION, storage, checker });

  // Material's instant navigation swaps pages without reloading: document$ emits on each one.
  if (window.document$) window.document$.subscribe(mountAll);
  else document.addEventListener("DOMContentLoaded", mountAll);
})();
