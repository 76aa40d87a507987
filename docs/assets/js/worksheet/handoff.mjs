// Hand-offs: a button copies text into another worksheet's repeat group (a goal area into SMART
// goal) and opens it; arriving there, the item just added is where to start.

import { STORAGE_MESSAGES } from "../core/messages.mjs";
import { countEntries, isPlainObject } from "../core/spec.mjs";
import { read, write } from "../store/storage.mjs";
import { fieldIn, firstControl, itemsOf, readField } from "./form.mjs";

export function sendTo(button, urls, status) {
  const { sendWorksheet: target, sendGroup: groupId, sendField: fieldId } = button.dataset;
  const text = (button.dataset.sendText ?? readField(button.closest("[data-field]"))).trim();
  if (!text) {
    status.textContent = "Write something in the box first, then press the button again.";
    return;
  }
  const { values, problem } = read(target);
  if (problem === "blocked") {
    status.textContent = STORAGE_MESSAGES.blocked;
    return;
  }
  // Blank items (a fresh worksheet's empty box) make way for the new one; written ones stay.
  const items = (Array.isArray(values[groupId]) ? values[groupId] : []).filter((item) => isPlainObject(item) && countEntries(item) > 0);
  if (!write(target, { ...values, [groupId]: [...items, { [fieldId]: text }] })) {
    status.textContent = STORAGE_MESSAGES.full;
    return;
  }
  // A query, not a #fragment: arriving at a fragment moves focus to it, after our script has run.
  window.location.assign(`${urls.pages[target]}?added=${encodeURIComponent(groupId)}`);
}

/** Arriving from a hand-off (?added=<group>): focus the item just added, and drop the query. */
export function focusArrival(form, spec) {
  const added = new URLSearchParams(window.location.search).get("added");
  const arrived = added && spec.fields.some((field) => field.id === added && field.kind === "repeat") && fieldIn(form, added);
  if (!arrived) return;
  firstControl(itemsOf(arrived).at(-1)).focus();
  window.history.replaceState(window.history.state, "", window.location.pathname + window.location.hash);
}
