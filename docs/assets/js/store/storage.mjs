// The only module that touches localStorage. A storage error never breaks the page: each call
// says what went wrong instead of throwing.

import { DOCUMENT_KEY, NewerVersionError, STORAGE_PREFIX, documentKey, newDocument, parseDocument } from "./schema.mjs";

let persistenceAsked = false;

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
    raw = window.localStorage.getItem(key);
  } catch (error) {
    return { values: {}, problem: "blocked" };
  }
  if (raw === null) return { values: {} };
  try {
    return { values: parseDocument(raw).values };
  } catch (error) {
    const problem = error instanceof NewerVersionError ? "newer" : "unreadable";
    try {
      window.localStorage.setItem(`${key}:unreadable:${Date.now()}`, raw);
      window.localStorage.removeItem(key);
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
    window.localStorage.setItem(documentKey(worksheetId), JSON.stringify(newDocument(worksheetId, values)));
  } catch (error) {
    return false;
  }
  askToPersist();
  return true;
}

/** [key, stored text] of every key this site holds under `under`, or null when storage is blocked. */
export function siteEntries(under = "") {
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
  try {
    for (const [key] of before) window.localStorage.removeItem(key);
    for (const [key, raw] of Object.entries(entries)) window.localStorage.setItem(key, raw);
  } catch (error) {
    try {
      for (const [key] of siteEntries(under) || []) window.localStorage.removeItem(key);
      for (const [key, raw] of before) window.localStorage.setItem(key, raw);
    } catch (ignored) { /* nothing more can be done */ }
    return false;
  }
  if (Object.keys(entries).length) askToPersist();
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
