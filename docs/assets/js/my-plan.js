// My plan: gathers what the worksheets saved, labelled by their specs (from the page's JSON
// island), and holds the shared tools: export/import of everything, a calendar file, a
// plain-text copy, a share link whose data sits in the URL fragment, and delete-all.
// Storage goes through window.therapyGoals (worksheet.js); user text goes in with textContent only.
(() => {
  "use strict";

  const EXPORT_FORMAT = "set-your-therapy-goals-export";
  // Version of the export file; a file from a newer version is refused, never half-read.
  const EXPORT_VERSION = 1;
  const SHARE_FORMAT = "set-your-therapy-goals-share";
  const SHARE_VERSION = 1;
  const SHARE_MARK = "#view=";
  // Far above any real plan, far below what could hang a phone.
  const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
  const SHARE_MAX_CHARS = 60000;
  const SHARE_MAX_JSON_BYTES = 1024 * 1024;
  const MAX_TEXT_CHARS = 100000;
  const MAX_ITEMS = 1000;
  const WORKSHEET_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
  const FIELD_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
  const DOCUMENT_KEY = /^worksheet:([a-z0-9][a-z0-9-]{0,63})$/;
  const KEPT_ASIDE_KEY = /^worksheet:[a-z0-9][a-z0-9-]{0,63}:unreadable:\d{1,16}$/;
  const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
  // Field kinds short enough to sit in a table cell; a group made only of these prints as a table.
  const SHORT_KINDS = new Set(["date", "scale", "text", "number", "choice", "gas"]);
  const TEXT_KINDS = new Set(["textarea", "text"]);

  const isPlainObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  const isGroup = (field) => Array.isArray(field.fields);

  function element(tag, attributes = {}, text = null) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    if (text !== null) node.textContent = text;
    return node;
  }

  // ---- What is saved, read through the specs -------------------------------------------------

  // values: field id -> string, group id -> [{field id -> string}] (the storage contract).
  function validValues(values) {
    if (!isPlainObject(values) || Object.keys(values).length > MAX_ITEMS) return false;
    return Object.entries(values).every(([id, value]) => FIELD_ID.test(id) && (
      (typeof value === "string" && value.length <= MAX_TEXT_CHARS) ||
      (Array.isArray(value) && value.length <= MAX_ITEMS && value.every((item) => isPlainObject(item) &&
        Object.entries(item).every(([itemId, text]) =>
          FIELD_ID.test(itemId) && typeof text === "string" && text.length <= MAX_TEXT_CHARS)))
    ));
  }

  const filled = (value) => (Array.isArray(value) ? value.some((item) => countEntries(item) > 0)
    : typeof value === "string" && value.trim() !== "");

  function countEntries(values) {
    let count = 0;
    for (const value of Object.values(values)) {
      if (Array.isArray(value)) count += value.filter((item) => countEntries(item) > 0).length;
      else if (filled(value)) count += 1;
    }
    return count;
  }

  // [field, value] for each filled value: the spec's fields in order, then any the spec no longer
  // names (an older or newer version of the worksheet), labelled by their id, so nothing is hidden.
  function filledFields(fields, values) {
    const known = new Set(fields.map((field) => field.id));
    const listed = fields.filter((field) => filled(values[field.id])).map((field) => [field, values[field.id]]);
    for (const [id, value] of Object.entries(values)) {
      if (!known.has(id) && filled(value)) listed.push([{ id, label: id, kind: "text" }, value]);
    }
    return listed;
  }

  function humanDate(iso) {
    const match = ISO_DATE.exec(iso);
    if (!match) return iso;
    const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    return date.toLocaleDateString(undefined, { year: "numeric", month: "long", day: "numeric" });
  }

  function shownValue(field, value) {
    if (field.kind === "date") return humanDate(value);
    if (field.kind === "scale") return `${value} out of ${field.max ?? 10}`;
    for (const option of Array.isArray(field.options) ? field.options : []) {
      if (isPlainObject(option) && option.value === value && typeof option.label === "string") return option.label;
    }
    return value;
  }

  const titleOf = (id, spec) => (spec ? spec.plan_title || spec.nav_title || spec.title : id);

  // The plan's sections: the worksheets `gathers` names, in its order, then anything else saved.
  function planSections(documents, config) {
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

  // The first filled text of a record: what a goal or a step is called in the calendar and in labels.
  function recordTitle(fields, values) {
    const [field] = fields.filter((f) => TEXT_KINDS.has(f.kind) && filled(values[f.id]));
    return field ? values[field.id].trim() : "";
  }

  // The deadlines of one record (the document itself, or one item of a group).
  function recordDeadlines(section, fields, values, path, config) {
    const from = (config.worksheet.calendar || {}).deadlines_from || [];
    if (!from.includes(section.id)) return [];
    return fields.filter((field) => field.kind === "date" && ISO_DATE.test(values[field.id] || ""))
      .map((field) => ({
        field: field.id,
        uid: `${section.id}-${path}-${field.id}-${values[field.id]}`,
        date: values[field.id],
        label: field.label,
        title: recordTitle(fields, values) || section.title,
      }));
  }

  function allDeadlines(sections, config) {
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

  // ---- Calendar: RFC 5545 ---------------------------------------------------------------------

  const ics = {
    text: (value) => value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n"),
    // Lines longer than 75 octets are folded: CRLF then a space, never inside a UTF-8 sequence.
    fold(line) {
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
    },
    date: (iso) => iso.replace(/-/g, ""),
    stamp: (moment) => moment.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, ""),
  };

  function addDays(iso, days) {
    const [, year, month, day] = ISO_DATE.exec(iso).map(Number);
    return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
  }

  function localToday() {
    const now = new Date();
    const pad = (number) => String(number).padStart(2, "0");
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }

  // One all-day event on each deadline, and a review every few weeks from next week until it.
  function calendarFile(deadlines, config, pageUrl) {
    const calendar = config.worksheet.calendar || {};
    const weeks = calendar.review_every_weeks;
    const stamp = ics.stamp(new Date());
    const today = localToday();
    const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Set Your Therapy Goals//My plan//EN",
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
    const event = (uid, start, summary, description, extra = []) => lines.push(
      "BEGIN:VEVENT", `UID:${uid}@set-your-therapy-goals`, `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${ics.date(start)}`, `DTEND;VALUE=DATE:${ics.date(addDays(start, 1))}`,
      ...extra, `SUMMARY:${ics.text(summary)}`, `DESCRIPTION:${ics.text(description)}`,
      "TRANSP:TRANSPARENT", "END:VEVENT");
    for (const deadline of deadlines) {
      const about = `${deadline.title}\n\n${deadline.label}: ${humanDate(deadline.date)}\nYour plan: ${pageUrl}`;
      event(deadline.uid, deadline.date, `${calendar.deadline_title}: ${deadline.title}`, about);
      const firstReview = addDays(today, 7 * weeks);
      if (firstReview < deadline.date) {
        event(`${deadline.uid}-review`, firstReview, `${calendar.review_title}: ${deadline.title}`,
          `${calendar.review_description}\n\n${about}`,
          [`RRULE:FREQ=WEEKLY;INTERVAL=${weeks};UNTIL=${ics.date(addDays(deadline.date, -1))}`]);
      }
    }
    lines.push("END:VCALENDAR");
    return lines.map((line) => ics.fold(line)).join("\r\n") + "\r\n";
  }

  // ---- Plain text ------------------------------------------------------------------------------

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

  function planText(sections, config) {
    const lines = [config.worksheet.title, ""];
    for (const section of sections) {
      lines.push(section.title, "-".repeat(section.title.length), ...recordText(section.fields, section.values, ""), "");
    }
    return lines.join("\n");
  }

  // ---- Export and import ---------------------------------------------------------------------

  class Refusal extends Error {}

  function collectExport(storage) {
    const entries = storage.siteEntries("worksheet:");
    if (entries === null) return null;
    const data = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exported: new Date().toISOString(),
      worksheets: {}, unreadable: {} };
    for (const [key, raw] of entries) {
      const name = key.slice(storage.prefix.length);
      const match = DOCUMENT_KEY.exec(name);
      if (match) {
        try {
          data.worksheets[match[1]] = storage.upgrade(JSON.parse(raw));
          continue;
        } catch (error) { /* exported as it is stored, below */ }
      }
      data.unreadable[name] = raw;
    }
    return data;
  }

  // An export file's text -> what importing it would store, or a Refusal saying why not.
  function readExport(text, storage, schemaVersion, labelOf) {
    let data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new Refusal("This file is not one this site exported: it is not readable as JSON, so it may be damaged.");
    }
    if (!isPlainObject(data) || data.format !== EXPORT_FORMAT) {
      throw new Refusal("This file was not exported by Set Your Therapy Goals.");
    }
    if (!Number.isInteger(data.version) || data.version < 1) {
      throw new Refusal("This file is damaged: its format version is missing.");
    }
    if (data.version > EXPORT_VERSION) {
      throw new Refusal("This file comes from a newer version of this site. Reload the page to get the newest version, then try again.");
    }
    const kept = data.unreadable === undefined ? {} : data.unreadable;
    if (!isPlainObject(data.worksheets) || !isPlainObject(kept)) {
      throw new Refusal("This file is damaged: its list of worksheets is missing or in the wrong shape.");
    }
    const entries = {};
    const contents = [];
    for (const [id, doc] of Object.entries(data.worksheets)) {
      const damaged = new Refusal(`This file is damaged: the entries for ${WORKSHEET_ID.test(id) ? labelOf(id) : "a worksheet"} are not in the expected shape.`);
      if (!WORKSHEET_ID.test(id)) throw damaged;
      // The contract's shape holds for every version, so it is checked before and after migrating.
      if (!isPlainObject(doc) || !validValues(doc.values)) throw damaged;
      if (Number.isInteger(doc.schema) && doc.schema > schemaVersion) {
        throw new Refusal(`This file holds ${labelOf(id)} as a newer version of this site saved it. Reload the page to get the newest version, then try again.`);
      }
      let current;
      try {
        current = storage.upgrade(doc);
      } catch (error) {
        throw damaged;
      }
      if (current.worksheet !== id || !validValues(current.values) ||
          (current.saved !== undefined && typeof current.saved !== "string")) throw damaged;
      entries[storage.key(id)] = JSON.stringify(current);
      contents.push({ id, count: countEntries(current.values) });
    }
    for (const [name, raw] of Object.entries(kept)) {
      if (!KEPT_ASIDE_KEY.test(name) || typeof raw !== "string" || raw.length > IMPORT_MAX_BYTES) {
        throw new Refusal("This file is damaged: a copy kept aside in it is not in the expected shape.");
      }
      entries[storage.prefix + name] = raw;
    }
    const exported = typeof data.exported === "string" && !Number.isNaN(Date.parse(data.exported))
      ? new Date(data.exported) : null;
    return { entries, contents, keptAside: Object.keys(kept).length, exported };
  }

  function download(fileName, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = element("a", { href: url, download: fileName });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  // ---- Share link ------------------------------------------------------------------------------

  function toBase64Url(bytes) {
    let binary = "";
    for (let index = 0; index < bytes.length; index += 0x8000) {
      binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
    }
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64Url(text) {
    if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("not base64url");
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4));
    return Uint8Array.from(binary, (character) => character.charCodeAt(0));
  }

  // Runs bytes through a (de)compression stream, stopping once more than `limit` bytes come out.
  async function transform(bytes, stream, limit = Infinity) {
    const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limit) {
        await reader.cancel();
        throw new Error("too large");
      }
      chunks.push(value);
    }
    const joined = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      joined.set(chunk, offset);
      offset += chunk.length;
    }
    return joined;
  }

  // The plan's values -> the fragment of a share link: "z." + deflated JSON, or "j." + plain JSON.
  async function shareFragment(documents) {
    const json = JSON.stringify({ format: SHARE_FORMAT, version: SHARE_VERSION, worksheets: documents });
    const bytes = new TextEncoder().encode(json);
    if (typeof CompressionStream === "function") {
      return `${SHARE_MARK}z.${toBase64Url(await transform(bytes, new CompressionStream("deflate-raw")))}`;
    }
    return `${SHARE_MARK}j.${toBase64Url(bytes)}`;
  }

  // A share link's fragment -> {worksheet id: values}; anything unexpected throws.
  async function readShareFragment(fragment) {
    if (fragment.length > SHARE_MAX_CHARS) throw new Error("too long");
    const [, mode, payload] = /^#view=([zj])\.(.*)$/s.exec(fragment) || [];
    if (!mode) throw new Error("not a share link");
    let bytes = fromBase64Url(payload);
    if (mode === "z") bytes = await transform(bytes, new DecompressionStream("deflate-raw"), SHARE_MAX_JSON_BYTES);
    if (bytes.length > SHARE_MAX_JSON_BYTES) throw new Error("too large");
    const data = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    if (!isPlainObject(data) || data.format !== SHARE_FORMAT || data.version !== SHARE_VERSION ||
        !isPlainObject(data.worksheets)) throw new Error("wrong shape");
    for (const [id, values] of Object.entries(data.worksheets)) {
      if (!WORKSHEET_ID.test(id) || !validValues(values)) throw new Error("wrong shape");
    }
    return data.worksheets;
  }

  // ---- The page --------------------------------------------------------------------------------

  const MESSAGES = {
    blocked: "This browser is not letting the site read or save anything, so there is nothing to show or export here.",
    badLink: "This share link is damaged or incomplete, so there is nothing to show. Ask for the link again, and copy all of it.",
    noDeadline: "None of your goals has a deadline yet. Add a date to a goal and it will be in the calendar file, with reviews on the way.",
    tooLongLink: "Your plan is too long to fit in a link. Export a file or print your plan instead.",
    noCopy: "This browser did not let the page copy. Select the plan with your mouse or finger and copy it yourself.",
    importFailed: "This browser could not save the imported data (its storage may be full or blocked). Nothing was changed.",
  };

  let current = null;

  function mount(root) {
    const config = JSON.parse(root.dataset.planConfig);
    const api = window.therapyGoals;
    const storage = api.storage;
    const specs = config.worksheets || {};
    const find = (selector) => root.querySelector(selector);
    const status = find("[data-plan-status]");
    const alert = find("[data-plan-alert]");
    const body = find("[data-plan-body]");
    const empty = find("[data-plan-empty]");
    const importFile = find("[data-import-file]");
    const preview = find("[data-import-preview]");
    const deleteConfirm = find("[data-delete-confirm]");
    const labelOf = (id) => `“${titleOf(id, specs[id])}”`;
    let documents = {};
    let sections = [];
    let pendingImport = null;

    const say = (message) => { alert.textContent = ""; status.textContent = message; };
    const warn = (message) => { status.textContent = ""; alert.textContent = message; };

    // This browser's documents, current and readable; copies that cannot be read stay out of
    // sight here but are kept and exported.
    function ownDocuments() {
      const entries = storage.siteEntries("worksheet:");
      if (entries === null) {
        warn(MESSAGES.blocked);
        return {};
      }
      const found = {};
      for (const [key, raw] of entries) {
        const match = DOCUMENT_KEY.exec(key.slice(storage.prefix.length));
        if (!match) continue;
        try {
          const doc = storage.upgrade(JSON.parse(raw));
          if (validValues(doc.values)) found[match[1]] = doc.values;
        } catch (error) { /* unreadable: kept as it is */ }
      }
      return found;
    }

    async function load() {
      const shared = window.location.hash.startsWith(SHARE_MARK);
      root.dataset.mode = shared ? "shared" : "owner";
      for (const node of root.querySelectorAll("[data-owner-only]")) node.hidden = shared;
      for (const node of root.querySelectorAll("[data-shared-only]")) node.hidden = !shared;
      status.textContent = "";
      alert.textContent = "";
      if (shared) {
        try {
          documents = await readShareFragment(window.location.hash);
        } catch (error) {
          documents = {};
          warn(MESSAGES.badLink);
        }
      } else {
        documents = ownDocuments();
        showPersistence();
      }
      render();
    }

    async function showPersistence() {
      const note = find("[data-persistence]");
      if (!navigator.storage || !navigator.storage.persisted) return;
      try {
        note.textContent = (await navigator.storage.persisted())
          ? "This browser has agreed to keep this site's data until you delete it yourself."
          : "This browser has not promised to keep this site's data, so an exported file is your safe copy.";
      } catch (error) { /* nothing to tell */ }
    }

    function render() {
      const weeks = (config.worksheet.calendar || {}).review_every_weeks;
      sections = planSections(documents, config);
      const deadlines = allDeadlines(sections, config);
      body.replaceChildren(empty, ...sections.map((section) => sectionElement(section)));
      empty.hidden = sections.length > 0;
      find("[data-action=calendar]").disabled = deadlines.length === 0;
      find("[data-calendar-note]").textContent = deadlines.length === 0 ? MESSAGES.noDeadline
        : `${deadlines.length} ${deadlines.length === 1 ? "deadline" : "deadlines"}, with a review ` +
          `${weeks === 1 ? "every week" : `every ${weeks} weeks`} until each one.`;
      for (const button of root.querySelectorAll("[data-action=copy-text], [data-action=share], [data-action=print]")) {
        button.disabled = sections.length === 0;
      }
      find("[data-share-result]").hidden = true;
      runChecks();
    }

    function sectionElement(section) {
      const node = element("section", { class: "plan-section", "data-plan-section": section.id,
        "aria-labelledby": `plan-section-${section.id}` });
      node.append(element("h2", { id: `plan-section-${section.id}` }, section.title));
      const page = (config.urls.pages || {})[section.id];
      if (page && root.dataset.mode === "owner") {
        const edit = element("p", { class: "plan-edit" });
        edit.append(element("a", { href: page }, `Change this on the worksheet`));
        node.append(edit);
      }
      node.append(...recordNodes(section, section.fields, section.values, "0"));
      return node;
    }

    // A record (the document, or one item of a group) as a description list, groups in between;
    // each deadline gets its own calendar button, right under the date.
    function recordNodes(section, fields, values, path) {
      const deadlines = new Map(recordDeadlines(section, fields, values, path, config).map((d) => [d.field, d]));
      const nodes = [];
      let list = null;
      for (const [field, value] of filledFields(fields, values)) {
        if (Array.isArray(value)) {
          list = null;
          nodes.push(groupNode(section, field, value));
          continue;
        }
        if (!list) nodes.push(list = element("dl", { class: "plan-fields" }));
        list.append(element("dt", {}, field.label), element("dd", { class: "plan-text" }, shownValue(field, value)));
        if (field.check) {
          list.append(element("dd", { class: "plan-check", "data-plan-check": "" }));
          pendingChecks.push({ field, values, node: list.lastElementChild });
        }
        const deadline = deadlines.get(field.id);
        if (deadline) list.append(calendarButton(deadline));
      }
      return nodes;
    }

    function calendarButton(deadline) {
      const holder = element("dd", { class: "plan-calendar" });
      const button = element("button", { type: "button", class: "md-button" }, "Add this deadline to my calendar");
      button.setAttribute("aria-label", `Add this deadline to my calendar: ${humanDate(deadline.date)}, ${deadline.title}`);
      button.addEventListener("click", () => {
        download(`therapy-goal-${deadline.date}.ics`, calendarFile([deadline], config, pageUrl()), "text/calendar");
        say("A calendar file with this deadline and its reviews is downloading. Open it to add them to your calendar.");
      });
      holder.append(button);
      return holder;
    }

    function groupNode(section, field, items) {
      const nested = field.fields || [];
      const kept = items.filter((item) => countEntries(item) > 0);
      // Short answers print as a table, without the columns nobody filled in.
      const columns = nested.filter((f) => kept.some((item) => filled(item[f.id])));
      if (columns.length && columns.every((f) => SHORT_KINDS.has(f.kind))) {
        const table = element("table", { class: "plan-table" });
        table.append(element("caption", {}, field.label));
        const head = element("tr");
        head.append(...columns.map((f) => element("th", { scope: "col" }, f.label)));
        table.append(element("thead"), element("tbody"));
        table.tHead.append(head);
        for (const item of kept) {
          const row = element("tr");
          row.append(...columns.map((f) => element("td", {}, filled(item[f.id]) ? shownValue(f, item[f.id]) : "")));
          table.tBodies[0].append(row);
        }
        const wrapper = element("div", { class: "plan-group" });
        wrapper.append(table);
        return wrapper;
      }
      const wrapper = element("div", { class: "plan-group" });
      wrapper.append(element("h3", {}, field.label));
      const list = element("ol", { class: "plan-items" });
      kept.forEach((item, index) => {
        const entry = element("li");
        entry.append(...recordNodes(section, nested, item, `${field.id}.${items.indexOf(item) + 1}`));
        list.append(entry);
      });
      wrapper.append(list);
      return wrapper;
    }

    // Checked fields show what the Python checks say now (only the verdicts: paper is short).
    let pendingChecks = [];
    function runChecks() {
      const checks = pendingChecks;
      pendingChecks = [];
      if (!checks.length || !api.checker) return;
      const run = () => {
        for (const { field, values, node } of checks) {
          const input = { [field.check.input]: values[field.id] };
          for (const [keyword, other] of Object.entries(field.check.context || {})) {
            input[keyword] = values[other] || "";
            // As on the worksheet: an empty context field is read from the worksheet the spec names.
            const source = (field.check.context_from || {})[keyword];
            if (source && !input[keyword].trim()) {
              const borrowed = documents[source.worksheet] || {};
              input[keyword] = source.fields.map((id) => borrowed[id]).filter((text) => filled(text)).join("\n");
            }
          }
          api.checker.check({ check: field.check.name, input }).then((answer) => {
            if (answer.type !== "result" || !node.isConnected) return;
            const met = [];
            const notYet = [];
            for (const { key, label } of field.check.criteria || []) {
              if (answer.data[key]) (answer.data[key].met ? met : notYet).push(label);
            }
            node.textContent = [met.length ? `Met: ${met.join(", ")}.` : "", notYet.length ? `Not yet: ${notYet.join(", ")}.` : ""]
              .filter(Boolean).join(" ");
          });
        }
      };
      if (api.checker.state === "ready") {
        run();
      } else if (api.checker.state !== "unavailable") {
        const onState = (state) => {
          if (state === "loading") return;
          api.checker.listeners.delete(onState);
          if (state === "ready") run();
        };
        api.checker.listeners.add(onState);
        api.checker.start(config.urls);
      }
    }

    const pageUrl = () => window.location.href.split("#")[0];

    const actions = {
      print: () => window.print(),

      "leave-shared"() {
        window.history.pushState(null, "", pageUrl());
        load();
      },

      calendar() {
        const deadlines = allDeadlines(sections, config);
        if (!deadlines.length) return warn(MESSAGES.noDeadline);
        download("my-therapy-goals.ics", calendarFile(deadlines, config, pageUrl()), "text/calendar");
        say("Your calendar file is downloading. Open it to add your deadlines and reviews to your calendar.");
      },

      async "copy-text"() {
        try {
          await navigator.clipboard.writeText(planText(sections, config));
          say("Your plan is copied as plain text. Paste it into a note or a message.");
        } catch (error) {
          warn(MESSAGES.noCopy);
        }
      },

      async share() {
        const shown = Object.fromEntries(sections.map((section) => [section.id, section.values]));
        const link = pageUrl() + await shareFragment(shown);
        if (link.length > SHARE_MAX_CHARS) return warn(MESSAGES.tooLongLink);
        find("[data-share-link]").href = link;
        find("[data-share-result]").hidden = false;
        say("Your share link is ready, below.");
      },

      async "copy-link"() {
        try {
          await navigator.clipboard.writeText(find("[data-share-link]").href);
          say("The share link is copied.");
        } catch (error) {
          warn(MESSAGES.noCopy);
        }
      },

      export() {
        const data = collectExport(storage);
        if (data === null) return warn(MESSAGES.blocked);
        download(`set-your-therapy-goals-${localToday()}.json`, JSON.stringify(data, null, 2), "application/json");
        const count = Object.keys(data.worksheets).length;
        say(`Your data from ${count} ${count === 1 ? "worksheet" : "worksheets"} is downloading as one file. Keep it somewhere private.`);
      },

      "import-confirm"() {
        if (!pendingImport) return;
        const { entries, contents } = pendingImport;
        closeImport();
        if (!storage.replaceAll(entries, "worksheet:")) return warn(MESSAGES.importFailed);
        load().then(() => say(`Imported ${contents.length} ${contents.length === 1 ? "worksheet" : "worksheets"}. Your plan below shows what the file holds.`));
      },

      "import-cancel"() {
        closeImport();
        say("Nothing was imported; your data is as it was.");
      },

      delete() {
        deleteConfirm.hidden = false;
        deleteConfirm.focus();
      },

      "delete-confirm"() {
        deleteConfirm.hidden = true;
        if (!storage.replaceAll({}, "")) return warn("This browser did not let the page delete the data. Nothing was changed.");
        load().then(() => say("Deleted. Nothing from this site is saved in this browser now."));
      },

      "delete-cancel"() {
        deleteConfirm.hidden = true;
        say("Nothing was deleted.");
      },
    };

    function closeImport() {
      pendingImport = null;
      preview.hidden = true;
      importFile.value = "";
    }

    async function chooseImport() {
      const [file] = importFile.files;
      pendingImport = null;
      preview.hidden = true;
      if (!file) return;
      try {
        if (file.size > IMPORT_MAX_BYTES) {
          throw new Refusal(`This file is too large to be an export from this site (${(file.size / 1048576).toFixed(1)} MB; the limit is ${IMPORT_MAX_BYTES / 1048576} MB).`);
        }
        pendingImport = readExport(await file.text(), storage, api.schemaVersion, labelOf);
      } catch (error) {
        closeImport();
        const reason = error instanceof Refusal ? error.message : "This file could not be read.";
        return warn(`${reason} Nothing was changed.`);
      }
      const { contents, keptAside, exported } = pendingImport;
      alert.textContent = "";
      status.textContent = "";
      find("[data-import-summary]").textContent = `${exported ? `Exported on ${exported.toLocaleString()}. ` : ""}` +
        `It holds ${contents.length} ${contents.length === 1 ? "worksheet" : "worksheets"}:`;
      find("[data-import-contents]").replaceChildren(...contents.map(({ id, count }) =>
        element("li", {}, `${titleOf(id, specs[id])}: ${count} ${count === 1 ? "entry" : "entries"}`)),
      ...(keptAside ? [element("li", {}, `${keptAside} saved ${keptAside === 1 ? "copy" : "copies"} this site could not read, kept as they are`)] : []));
      const now = Object.keys(ownDocuments()).length;
      find("[data-import-warning]").textContent = now
        ? `Importing replaces what this browser holds now (${now} ${now === 1 ? "worksheet" : "worksheets"}).`
        : "This browser holds nothing from this site yet, so nothing will be lost.";
      preview.hidden = false;
      preview.focus();
    }

    // Where to start when nothing is saved: the worksheets this page gathers, in its order.
    find("[data-plan-starts]").replaceChildren(...config.worksheet.gathers
      .filter((id) => specs[id] && (config.urls.pages || {})[id])
      .map((id) => {
        const item = element("li");
        item.append(element("a", { href: config.urls.pages[id] }, specs[id].title));
        return item;
      }));

    root.addEventListener("click", (event) => {
      const control = event.target.closest("[data-action]");
      if (!control || !root.contains(control) || !actions[control.dataset.action]) return;
      event.preventDefault();
      actions[control.dataset.action]();
    });
    importFile.addEventListener("change", chooseImport);
    return { root, load };
  }

  // Leaving a shared view by its link, or editing the fragment, shows the right plan.
  window.addEventListener("hashchange", () => {
    if (current && current.root.isConnected) current.load();
  });

  function mountAll() {
    const root = document.querySelector("[data-plan]");
    if (!root || !window.therapyGoals) return;
    current = mount(root);
    current.load();
  }

  if (window.document$) window.document$.subscribe(mountAll);
  else document.addEventListener("DOMContentLoaded", mountAll);
})();
