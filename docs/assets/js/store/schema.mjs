// What a saved document is: its schema version, one migration per version step, and the one values
// contract that storage, import and share links all check. Pure: no storage, no DOM.

import { isPlainObject } from "../core/spec.mjs";

export const STORAGE_PREFIX = "set-your-therapy-goals:";
/** Version of the saved document; bump it with a migration from the previous version. */
export const SCHEMA_VERSION = 2;
/** A worksheet's id: the name of its spec file. */
export const WORKSHEET_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** A field's id, as worksheets/pages.py accepts it in a spec. */
export const FIELD_ID = /^[a-z][a-z0-9_]*$/;
/** Far above any real entry (the checker reads 200,000 characters), far below what could hang a phone. */
export const MAX_TEXT_CHARS = 1000000;
export const MAX_ITEMS = 1000;
/** Keys under the prefix: a worksheet's document, and a copy of one moved aside unread. */
export const DOCUMENT_KEY = /^worksheet:([a-z0-9][a-z0-9-]{0,63})$/;
export const KEPT_ASIDE_KEY = /^worksheet:[a-z0-9][a-z0-9-]{0,63}:unreadable:\d{1,16}$/;

export const documentKey = (worksheetId) => `${STORAGE_PREFIX}worksheet:${worksheetId}`;

/** MIGRATIONS[n] turns a version-n document into a version-(n+1) one. */
export const MIGRATIONS = {
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

export class NewerVersionError extends Error {}
export class WrongShapeError extends Error {}

const validText = (text) => typeof text === "string" && text.length <= MAX_TEXT_CHARS;

/** The values contract: field id -> text, group id -> [{field id -> text}], within the limits. */
export function validValues(values) {
  if (!isPlainObject(values) || Object.keys(values).length > MAX_ITEMS) return false;
  return Object.entries(values).every(([id, value]) => FIELD_ID.test(id) && (validText(value) ||
    (Array.isArray(value) && value.length <= MAX_ITEMS && value.every((item) => isPlainObject(item) &&
      Object.entries(item).every(([itemId, text]) => FIELD_ID.test(itemId) && validText(text))))));
}

/**
 * A stored document -> the current version of it, or throws NewerVersionError (made by a newer
 * site) or WrongShapeError. The values contract holds before migrating and after: it is the
 * same for every version.
 */
export function upgrade(doc) {
  if (!isPlainObject(doc) || !Number.isInteger(doc.schema) || doc.schema < 1 || !validValues(doc.values) ||
      (doc.saved !== undefined && typeof doc.saved !== "string")) {
    throw new WrongShapeError("wrong shape");
  }
  if (doc.schema > SCHEMA_VERSION) throw new NewerVersionError("made by a newer version of this site");
  while (doc.schema < SCHEMA_VERSION) doc = MIGRATIONS[doc.schema](doc);
  if (!validValues(doc.values)) throw new WrongShapeError("wrong shape after migrating");
  return doc;
}

/** A stored text -> its current document, or throws (as upgrade, or on text that is not JSON). */
export const parseDocument = (raw) => upgrade(JSON.parse(raw));

/** The document written for a worksheet's values now. */
export const newDocument = (worksheetId, values, saved = new Date()) =>
  ({ schema: SCHEMA_VERSION, worksheet: worksheetId, saved: saved.toISOString(), values });
