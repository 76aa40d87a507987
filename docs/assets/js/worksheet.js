// Worksheet glue: reads a worksheet's JSON island, saves what is typed, asks the checker
// worker and shows its answers. The rules of every check live in Python (worksheets/checks).
(() => {
  "use strict";

  const STORAGE_PREFIX = "set-your-therapy-goals:";
  // Version of the saved document; bump it with a migration from the previous version.
  const SCHEMA_VERSION = 1;
  // MIGRATIONS[n] turns a version-n document into a version-(n+1) one.
  const MIGRATIONS = {};
  const CHECK_DELAY_MS = 300;
  // loadPyodide() never settles when the .wasm cannot load, so we give up after this long.
  const CHECKER_TIMEOUT_MS = 20000;

  // Turns a stored document into a current one, or throws: the one place that knows the format.
  function upgrade(doc) {
    if (!doc || typeof doc !== "object" || !Number.isInteger(doc.schema) || doc.schema < 1 ||
        !doc.values || typeof doc.values !== "object" || Array.isArray(doc.values)) {
      throw new Error("wrong shape");
    }
    if (doc.schema > SCHEMA_VERSION) throw new Error("made by a newer version of this site");
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
        // Move the unreadable copy aside, never delete it: it can still be exported.
        try {
          window.localStorage.setItem(`${this.key(worksheetId)}:unreadable:${Date.now()}`, raw);
          window.localStorage.removeItem(this.key(worksheetId));
        } catch (ignored) { /* the original stays where it is */ }
        return { values: {}, problem: "unreadable" };
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
      "The old copy is kept aside in this browser, not deleted.",
  };

  // One checker for the whole visit: Material's instant navigation keeps this script alive.
  const checker = {
    worker: null,
    state: "loading",
    nextId: 1,
    pending: new Map(),
    listeners: new Set(),

    start(urls) {
      if (this.worker || this.state === "unavailable") return;
      // A worksheet page opened directly started its worker from <head> (overrides/partials/checker-start.html).
      const early = window.earlyChecker;
      window.earlyChecker = null;
      try {
        this.worker = early ? early.worker : new Worker(new URL(urls.worker, document.baseURI), { type: "module" });
      } catch (error) {
        this.setState("unavailable");
        return;
      }
      const watchdog = setTimeout(() => this.fail(), CHECKER_TIMEOUT_MS);
      const onMessage = (message) => {
        if (message.type === "ready") {
          clearTimeout(watchdog);
          // "snapshot" or "fresh": how Python started, for the offline tests and the benchmark.
          document.documentElement.dataset.pythonStart = message.data.start;
          this.setState("ready");
        } else if (message.type === "result" || message.type === "error") {
          const request = this.pending.get(message.id);
          this.pending.delete(message.id);
          if (request) request(message);
          else if (message.type === "error") { clearTimeout(watchdog); this.fail(); }
        }
      };
      this.worker.addEventListener("message", ({ data: message }) => onMessage(message));
      this.worker.addEventListener("error", () => { clearTimeout(watchdog); this.fail(); });
      if (early) early.takeMessages().forEach(onMessage);
      else this.worker.postMessage({ type: "init", data: { urls, base: document.baseURI } });
    },

    fail() {
      if (this.worker) this.worker.terminate();
      this.worker = null;
      for (const request of this.pending.values()) request({ type: "error", data: "unavailable" });
      this.pending.clear();
      this.setState("unavailable");
    },

    setState(state) {
      this.state = state;
      for (const listener of this.listeners) listener(state);
    },

    check(request) {
      return new Promise((resolve) => {
        const id = this.nextId++;
        this.pending.set(id, resolve);
        this.worker.postMessage({ type: "check", id, data: request });
      });
    },
  };

  const CHECKER_MESSAGES = {
    loading: "The checker is loading. You can type already; your words are saved as you go.",
    ready: "",
    unavailable: "The checker could not start in this browser, so there is no feedback this time. " +
      "Everything else works: your words are saved, and you can print them.",
  };

  function mount(form) {
    const config = JSON.parse(form.querySelector("script[data-worksheet-config]").textContent);
    const spec = config.worksheet;
    const inputs = new Map(spec.fields.map((field) => [field.id, form.elements.namedItem(field.id)]));
    const status = form.querySelector("[data-storage-status]");

    const currentValues = () => Object.fromEntries([...inputs].map(([id, input]) => [id, input.value]));
    const save = () => {
      if (!storage.write(spec.id, currentValues())) {
        status.textContent = STORAGE_MESSAGES[saved.problem === "blocked" ? "blocked" : "full"];
      }
    };

    const saved = storage.read(spec.id);
    if (saved.problem) status.textContent = STORAGE_MESSAGES[saved.problem];
    // Words typed before this script ran (a fast typist, a slow phone) win over the saved copy.
    let typedEarly = false;
    for (const [id, input] of inputs) {
      if (input.value) typedEarly = true;
      else if (typeof saved.values[id] === "string") input.value = saved.values[id];
    }
    if (typedEarly) save();
    const checkedFields = spec.fields.filter((field) => field.check);
    const timers = new Map();

    async function runCheck(field) {
      if (checker.state !== "ready" || !form.isConnected) return;
      const { check } = field;
      const input = { [check.input]: inputs.get(field.id).value };
      for (const [keyword, otherId] of Object.entries(check.context || {})) input[keyword] = inputs.get(otherId).value;
      const section = form.querySelector(`[data-feedback-for="${field.id}"]`);
      const answer = await checker.check({ check: check.name, input });
      if (answer.type === "result") showResult(section, check, answer.data);
    }

    function scheduleCheck(field) {
      clearTimeout(timers.get(field.id));
      timers.set(field.id, setTimeout(() => runCheck(field), CHECK_DELAY_MS));
    }

    const onCheckerState = (state) => {
      if (!form.isConnected) { checker.listeners.delete(onCheckerState); return; }
      form.dataset.checker = state;
      for (const note of form.querySelectorAll("[data-checker-state]")) note.textContent = CHECKER_MESSAGES[state];
      if (state === "ready") {
        for (const field of checkedFields) if (inputs.get(field.id).value.trim()) runCheck(field);
      }
    };
    checker.listeners.add(onCheckerState);
    onCheckerState(checker.state);

    form.addEventListener("input", (event) => {
      save();
      const name = event.target.name;
      for (const field of checkedFields) {
        if (field.id === name || Object.values(field.check.context || {}).includes(name)) scheduleCheck(field);
      }
    });
    form.querySelector("[data-action=print]").addEventListener("click", () => window.print());

    if (checkedFields.length) checker.start(config.urls);
  }

  function showResult(section, check, result) {
    section.querySelector("[data-crisis]").hidden = !result.crisis;
    for (const { key } of check.criteria) {
      const item = section.querySelector(`[data-criterion="${key.replace(/_/g, "-")}"]`);
      const { met, feedback } = result[key];
      item.dataset.met = String(met);
      item.querySelector("[data-verdict]").textContent = met ? "Met" : "Not yet";
      item.querySelector("[data-feedback]").textContent = feedback;
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
