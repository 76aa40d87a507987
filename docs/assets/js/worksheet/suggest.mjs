// Goals that flow between worksheets. A field whose spec says `suggest_from` offers another
// worksheet's saved entries as buttons that fill it (a new text stays possible); a worksheet that
// others suggest from passes its renames on to them (`followers` in its island).

import { html } from "../core/dom.mjs";
import { isPlainObject } from "../core/spec.mjs";
import { read, write } from "../store/storage.mjs";
import { fieldIn, readField } from "./form.mjs";

/** The texts of `group`.`field` saved on worksheet `worksheetId`, trimmed, unique, in order. */
function savedTexts(worksheetId, group, field) {
  const items = read(worksheetId).values[group];
  if (!Array.isArray(items)) return [];
  const texts = items.filter(isPlainObject).map((item) => (typeof item[field] === "string" ? item[field].trim() : ""));
  return [...new Set(texts.filter(Boolean))];
}

/** Fills every suggestion list of the form from what the other worksheets saved. */
export function showSuggestions(form) {
  for (const box of form.querySelectorAll("[data-suggest-from]")) {
    const texts = savedTexts(box.dataset.suggestFrom, box.dataset.suggestGroup, box.dataset.suggestField);
    const list = box.querySelector("[data-suggest-list]");
    list.replaceChildren(...texts.map((text) => {
      const button = html("button", { type: "button", class: "ws-suggest-choice", "data-suggest-choice": "" }, text);
      return html("li", {}, null).appendChild(button).parentNode;
    }));
    box.hidden = texts.length === 0;
  }
}

/** A click on an offered entry: it fills its box, as if typed (saved, checked). True when it was one. */
export function onSuggestion(button) {
  if (!button.matches("[data-suggest-choice]")) return false;
  const field = button.closest("[data-field]");
  const control = field.querySelector("textarea, input");
  control.value = button.textContent;
  control.dispatchEvent(new Event("input", { bubbles: true }));
  control.focus();
  return true;
}

/** Replaces `before` by `now` in the fields named `ids`, on the form's level and in every item. */
export function renamed(values, ids, before, now) {
  let changed = false;
  const visit = (record) => {
    for (const [id, value] of Object.entries(record)) {
      if (Array.isArray(value)) value.filter(isPlainObject).forEach(visit);
      else if (ids.includes(id) && typeof value === "string" && value.trim() === before) {
        record[id] = now;
        changed = true;
      }
    }
  };
  visit(values);
  return changed;
}

/**
 * After an edit of `element` (whose text was `before`): when it is an entry other worksheets
 * suggest from, the entries there that named it take the new text.
 */
export function passRenameOn(form, followers, element, before) {
  if (!followers || !before) return;
  const now = readField(element).trim();
  if (!now || now === before) return;
  for (const follower of followers) {
    const group = fieldIn(form, follower.from.group);
    if (element.dataset.field !== follower.from.field || !group || !group.contains(element)) continue;
    const saved = read(follower.worksheet);
    if (saved.problem) continue;
    if (renamed(saved.values, follower.fields, before, now)) write(follower.worksheet, saved.values);
  }
}
