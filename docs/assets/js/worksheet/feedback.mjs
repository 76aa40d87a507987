// What a field's check said, shown in its feedback section (worksheets/templates/fields.html).
// A flagged entry (`safety` set), or one the checker is unsure of (`unsure`), shows the message and
// support lines, and nothing else.

import { CHECKER_MESSAGES } from "../core/messages.mjs";
import { showSupport, supportIn } from "../core/support.mjs";

function clearVerdicts(section) {
  for (const item of section.querySelectorAll("[data-criterion]")) {
    delete item.dataset.met;
    item.querySelector("[data-verdict]").textContent = "";
    item.querySelector("[data-feedback]").textContent = "";
  }
  const suggestion = section.querySelector("[data-suggestion]");
  if (suggestion) {
    suggestion.querySelector("[data-suggestion-text]").textContent = "";
    suggestion.hidden = true;
  }
  section.querySelector("[data-prompts]").replaceChildren();
}

function setNote(section, selector, text) {
  const note = section.querySelector(selector);
  if (!note) return;
  note.textContent = text;
  note.hidden = !text;
}

/**
 * A note about this entry's check instead of verdicts, which belonged to other words. Support
 * already shown stays in view rather than vanish on a failed check.
 */
export function showNote(section, text) {
  clearVerdicts(section);
  setNote(section, "[data-check-note]", text);
}

/** A check's result in its section: the verdicts, rewrite and prompts, or the support for a flagged entry. */
export function showResult(section, check, result, notes = []) {
  const safety = supportIn(result);
  setNote(section, "[data-check-note]", "");
  showSupport(section.querySelector("[data-safety]"), safety);
  // Results from before the safety layer say only `crisis`: the section's own crisis lines then.
  section.querySelector("[data-crisis]").hidden = Boolean(safety) || !result.crisis;
  section.querySelector(".ws-criteria").hidden = Boolean(safety);
  clearVerdicts(section);
  if (safety) {
    setNote(section, "[data-context-note]", "");
    return;
  }
  setNote(section, "[data-context-note]", notes.join(" "));
  for (const { key } of check.criteria) {
    const item = section.querySelector(`[data-criterion="${key.replace(/_/g, "-")}"]`);
    const { met, feedback } = result[key] || {};
    if (typeof met !== "boolean") continue;
    item.dataset.met = String(met);
    item.querySelector("[data-verdict]").textContent = met ? "Met" : "Not yet";
    item.querySelector("[data-feedback]").textContent = feedback || "";
  }
  const suggestion = section.querySelector("[data-suggestion]");
  if (suggestion && result.suggestion) {
    suggestion.querySelector("[data-suggestion-text]").textContent = result.suggestion;
    suggestion.hidden = false;
  }
  section.querySelector("[data-prompts]").replaceChildren(...(result.prompts || []).map((text) => {
    const item = document.createElement("li");
    item.textContent = text;
    return item;
  }));
}

/** The checker's state on the form (data-checker) and in every feedback section. */
export function showCheckerState(form, state) {
  form.dataset.checker = state;
  for (const note of form.querySelectorAll("[data-checker-state]")) note.textContent = CHECKER_MESSAGES[state];
}
