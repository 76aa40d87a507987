// Export and import of everything the site saved, as one file:
// {format, version, exported, worksheets: {id: document}, unreadable: {key: text}}. Pure.

import { countEntries, isPlainObject } from "../core/spec.mjs";
import { DOCUMENT_KEY, KEPT_ASIDE_KEY, SCHEMA_VERSION, STORAGE_PREFIX, WORKSHEET_ID, documentKey, upgrade } from "../store/schema.mjs";

export const EXPORT_FORMAT = "set-your-therapy-goals-export";
/** Version of the export file; a file from a newer version is refused, never half-read. */
export const EXPORT_VERSION = 1;
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** Why a file cannot be imported, in words for the person. */
export class Refusal extends Error {}

/** The export file's data from the site's stored entries ([key, text], store/storage.mjs siteEntries). */
export function collectExport(entries, now = new Date()) {
  const data = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exported: now.toISOString(), worksheets: {}, unreadable: {} };
  for (const [key, raw] of entries) {
    const name = key.slice(STORAGE_PREFIX.length);
    const match = DOCUMENT_KEY.exec(name);
    if (match) {
      try {
        data.worksheets[match[1]] = upgrade(JSON.parse(raw));
        continue;
      } catch (error) { /* exported as it is stored, below */ }
    }
    data.unreadable[name] = raw;
  }
  return data;
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Refusal("This file is not one this site exported: it is not readable as JSON, so it may be damaged.");
  }
}

/**
 * An export file's text -> what importing it would store ({entries: key -> text, contents: [{id,
 * count}], keptAside, exported}), or a Refusal saying why not. `labelOf(id)` names a worksheet.
 */
export function readExport(text, labelOf) {
  const data = parse(text);
  if (!isPlainObject(data) || data.format !== EXPORT_FORMAT) throw new Refusal("This file was not exported by Set Your Therapy Goals.");
  if (!Number.isInteger(data.version) || data.version < 1) throw new Refusal("This file is damaged: its format version is missing.");
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
    if (!WORKSHEET_ID.test(id) || !isPlainObject(doc)) throw damaged;
    if (Number.isInteger(doc.schema) && doc.schema > SCHEMA_VERSION) {
      throw new Refusal(`This file holds ${labelOf(id)} as a newer version of this site saved it. Reload the page to get the newest version, then try again.`);
    }
    let current;
    try {
      current = upgrade(doc);
    } catch (error) {
      throw damaged;
    }
    if (current.worksheet !== id) throw damaged;
    entries[documentKey(id)] = JSON.stringify(current);
    contents.push({ id, count: countEntries(current.values) });
  }
  for (const [name, raw] of Object.entries(kept)) {
    if (!KEPT_ASIDE_KEY.test(name) || typeof raw !== "string" || raw.length > IMPORT_MAX_BYTES) {
      throw new Refusal("This file is damaged: a copy kept aside in it is not in the expected shape.");
    }
    entries[STORAGE_PREFIX + name] = raw;
  }
  const exported = typeof data.exported === "string" && !Number.isNaN(Date.parse(data.exported)) ? new Date(data.exported) : null;
  return { entries, contents, keptAside: Object.keys(kept).length, exported };
}
