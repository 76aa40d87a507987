// The only module that touches localStorage. A storage error never breaks the page: each call
// says what went wrong instead of throwing. With "Don't keep my answers on this device" on
// (tabOnly), answers live in this tab's sessionStorage instead, and localStorage holds nothing of
// them: only the choice itself, under a key outside the site's prefix (never exported or imported).

import { DOCUMENT_KEY, NewerVersionError, STORAGE_PREFIX, documentKey, newDocument, parseDocument } from "./schema.mjs";

let persistenceAsked = false;

const TAB_ONLY_KEY = "set-your-therapy-goals.tab-only";

/** Whether answers are kept in this tab only. */
export function tabOnly() {
  try {
    return window.localStorage.getItem(TAB_ONLY_KEY) === "1";
  } catch (error) {
    return false;
  }
}

/** Set in a tab that has its own copy of what the device kept (made the first time it is needed). */
const TAB_SEEDED_KEY = "set-your-therapy-goals.tab-seeded";

/** Where answers are kept now: this tab's sessionStorage, or the device's localStorage. */
function area() {
  if (!tabOnly()) return window.localStorage;
  if (window.sessionStorage.getItem(TAB_SEEDED_KEY) === null) {
    // The tab starts from what the device kept before, and changes only its own copy.
    moveAnswers(window.localStorage, window.sessionStorage);
    window.sessionStorage.setItem(TAB_SEEDED_KEY, "1");
  }
  return window.sessionStorage;
}

/** The site's keys in `storage`. */
function siteKeys(storage) {
  const keys = [];
  for (let index = 0; index < storage.length; index++) {
    if (storage.key(index).startsWith(STORAGE_PREFIX)) keys.push(storage.key(index));
  }
  return keys;
}

function moveAnswers(from, to) {
  for (const key of siteKeys(from)) to.setItem(key, from.getItem(key));
}

/**
 * Turns "keep in this tab only" on (the device's answers are copied into the tab, and nothing more
 * is written to the device) or off (`keepTab`: the tab's answers are saved on the device; either
 * way the tab's copy is dropped). False when the browser would not.
 */
export function setTabOnly(on, { keepTab = false } = {}) {
  try {
    if (on === tabOnly()) return true;
    if (on) {
      window.localStorage.setItem(TAB_ONLY_KEY, "1");
      area();
    } else {
      if (keepTab) moveAnswers(window.sessionStorage, window.localStorage);
      for (const [key] of siteEntries()) window.sessionStorage.removeItem(key);
      window.sessionStorage.removeItem(TAB_SEEDED_KEY);
      window.localStorage.removeItem(TAB_ONLY_KEY);
    }
    return true;
  } catch (error) {
    return false;
  }
}

/** Whether this device keeps any answers in localStorage (while tabOnly, from before). */
export function deviceHasAnswers() {
  try {
    return siteKeys(window.localStorage).length > 0;
  } catch (error) {
    return false;
  }
}

/** Some browsers clear a site's data after days without a visit unless it is marked persistent. */
function askToPersist() {
  if (persistenceAsked) return;
  persistenceAsked = true;
  try {
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
  } catch (ignored) { /* not offered by this browser */ }
}

/**
 * A worksheet's saved values: {values}, or {values: {}, problem: "blocked" | "unreadable" | "newer",
 * stuck?}. A document it cannot read is moved aside to `<key>:unreadable:<time>`, never deleted.
 */
export function read(worksheetId) {
  const key = documentKey(worksheetId);
  let raw;
  try {
    raw = area().getItem(key);
  } catch (error) {
    return { values: {}, problem: "blocked" };
  }
  if (raw === null) return { values: {} };
  try {
    return { values: parseDocument(raw).values };
  } catch (error) {
    const problem = error instanceof NewerVersionError ? "newer" : "unreadable";
    try {
      area().setItem(`${key}:unreadable:${Date.now()}`, raw);
      area().removeItem(key);
    } catch (ignored) {
      // No room to move it: it stays where it is, and nothing may be saved over it.
      return { values: {}, problem, stuck: true };
    }
    return { values: {}, problem };
  }
}

/** Saves a worksheet's values; false when the browser would not. */
export function write(worksheetId, values) {
  try {
    area().setItem(documentKey(worksheetId), JSON.stringify(newDocument(worksheetId, values)));
  } catch (error) {
    return false;
  }
  if (!tabOnly()) askToPersist();
  return true;
}

/** [key, stored text] of every key this site holds under `under`, or null when storage is blocked. */
export function siteEntries(under = "") {
  try {
    const entries = [];
    const storage = area();
    for (let index = 0; index < storage.length; index++) {
      const key = storage.key(index);
      if (key.startsWith(STORAGE_PREFIX + under)) entries.push([key, storage.getItem(key)]);
    }
    return entries;
  } catch (error) {
    return null;
  }
}

/** Every readable worksheet document: {worksheet id: values}, or null when storage is blocked. */
export function allValues() {
  const entries = siteEntries("worksheet:");
  if (entries === null) return null;
  const found = {};
  for (const [key, raw] of entries) {
    const match = DOCUMENT_KEY.exec(key.slice(STORAGE_PREFIX.length));
    if (!match) continue;
    try {
      found[match[1]] = parseDocument(raw).values;
    } catch (error) { /* unreadable: kept as it is, and exported */ }
  }
  return found;
}

/** Replaces every key under `under` with `entries` (key -> text) or, on any failure, changes nothing. */
export function replaceAll(entries, under = "") {
  const before = siteEntries(under);
  if (before === null) return false;
  const storage = area();
  try {
    // Deleting everything in a tab-only tab deletes what the device kept before, too.
    if (!Object.keys(entries).length && storage !== window.localStorage) {
      for (const key of siteKeys(window.localStorage)) window.localStorage.removeItem(key);
    }
    for (const [key] of before) storage.removeItem(key);
    for (const [key, raw] of Object.entries(entries)) storage.setItem(key, raw);
  } catch (error) {
    try {
      for (const [key] of siteEntries(under) || []) storage.removeItem(key);
      for (const [key, raw] of before) storage.setItem(key, raw);
    } catch (ignored) { /* nothing more can be done */ }
    return false;
  }
  if (Object.keys(entries).length && !tabOnly()) askToPersist();
  return true;
}

/**
 * Calls `listener(worksheetId | null)` when another tab saves a worksheet (null: everything was
 * cleared), for as long as it returns something other than false.
 */
export function onOtherTab(listener) {
  const onStorage = (event) => {
    let id = null;
    if (event.key !== null) {
      const match = DOCUMENT_KEY.exec(event.key.slice(STORAGE_PREFIX.length));
      if (!event.key.startsWith(STORAGE_PREFIX) || !match) return;
      id = match[1];
    }
    if (listener(id) === false) window.removeEventListener("storage", onStorage);
  };
  window.addEventListener("storage", onStorage);
}

/** While tabOnly: removes the answers the device kept from before (this tab keeps its copy). */
export function forgetDevice() {
  try {
    area();
    for (const key of siteKeys(window.localStorage)) window.localStorage.removeItem(key);
    return true;
  } catch (error) {
    return false;
  }
}
