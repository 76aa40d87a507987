// A share link: the plan's values in the URL fragment (#view=), which browsers never send to the
// server: "z." + deflated JSON, or "j." + plain JSON where the browser cannot deflate, base64url.

import { isPlainObject } from "../core/spec.mjs";
import { WORKSHEET_ID, validValues } from "../store/schema.mjs";

export const SHARE_FORMAT = "set-your-therapy-goals-share";
export const SHARE_VERSION = 1;
export const SHARE_MARK = "#view=";
export const SHARE_MAX_CHARS = 60000;
const SHARE_MAX_JSON_BYTES = 1024 * 1024;

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

/** {worksheet id: values} -> the fragment of a share link, "#view=..." */
export async function shareFragment(documents, { deflate = typeof CompressionStream === "function" } = {}) {
  const json = JSON.stringify({ format: SHARE_FORMAT, version: SHARE_VERSION, worksheets: documents });
  const bytes = new TextEncoder().encode(json);
  if (deflate) return `${SHARE_MARK}z.${toBase64Url(await transform(bytes, new CompressionStream("deflate-raw")))}`;
  return `${SHARE_MARK}j.${toBase64Url(bytes)}`;
}

/** A share link's fragment -> {worksheet id: values}; anything unexpected throws. */
export async function readShareFragment(fragment) {
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
