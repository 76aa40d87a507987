// Sends a form's entries to the checker as the person types, and shows the answers: a field's own
// check, or, for free text with no check, the safety screen alone with support right under it.

import { checkerState, runCheck, watchChecker, watchProgress } from "../checker/client.mjs";
import { safetyRequest } from "../checker/protocol.mjs";
import { CHECK_NOTES, MAX_CHECKED_CHARS } from "../core/messages.mjs";
import { screenedAlone } from "../core/spec.mjs";
import { showSupport } from "../core/support.mjs";
import { read } from "../store/storage.mjs";
import { showCheckerState, showNote, showResult } from "./feedback.mjs";
import { contextElement, readField } from "./form.mjs";
import { showProgress } from "./progress.mjs";

const CHECK_DELAY_MS = 300;

// Text saved by another worksheet (e.g. Find your why), offered when a context field is empty.
function borrowedText(source) {
  const { values } = read(source.worksheet);
  return source.fields.map((id) => values[id]).filter((text) => typeof text === "string" && text.trim()).join("\n");
}

/** A field's check request: its text, the context fields it reads, and notes on borrowed context. */
function requestFor(form, element, field, fieldsById) {
  const { check } = field;
  const input = { [check.input]: readField(element) };
  const notes = [];
  for (const [keyword, otherId] of Object.entries(check.context || {})) {
    const other = contextElement(form, element, otherId);
    input[keyword] = other ? readField(other) : "";
    const source = (check.context_from || {})[keyword];
    if (source && !input[keyword].trim()) {
      input[keyword] = borrowedText(source);
      if (input[keyword]) notes.push(`Read with what you wrote in “${source.label || source.worksheet}”, ` +
        `since “${fieldsById[otherId].label}” is empty here.`);
    }
    // Context only colours the feedback: its first part is enough, and keeps the check quick.
    input[keyword] = input[keyword].slice(0, MAX_CHECKED_CHARS);
  }
  return { request: { check: check.name, input }, notes };
}

/** Wires the checks of `form`; returns {changed(element), recheck()} for the form's other handlers. */
export function wireChecks(form, fieldsById) {
  const timers = new WeakMap();
  // The request a field's check got stuck on: not sent again until the words change.
  const stuckRequests = new WeakMap();
  const kindOf = (element) => fieldsById[element.dataset.field];
  const checked = () => [...form.querySelectorAll("[data-field]")].filter((element) => {
    const field = kindOf(element);
    return field.check || screenedAlone(field);
  });

  async function screen(element) {
    const box = element.querySelector("[data-safety]");
    const text = readField(element);
    if (text.length > MAX_CHECKED_CHARS) return showSupport(box, null);
    const answer = await runCheck(safetyRequest(text));
    if (!element.isConnected) return;
    if (answer.type === "result") showSupport(box, answer.data.safety || null);
    // No screen this time (the checker is restarting, or has no safety check): nothing to show.
    else if (!["unavailable", "interrupted", "stuck"].includes(answer.data)) console.warn("The safety screen failed:", answer.data);
  }

  async function check(element) {
    const field = kindOf(element);
    if (!element.isConnected) return;
    if (!field.check && !readField(element).trim()) return showSupport(element.querySelector("[data-safety]"), null);
    if (checkerState() !== "ready") return;
    if (!field.check) return screen(element);
    const section = element.querySelector("[data-feedback-for]");
    if (readField(element).length > MAX_CHECKED_CHARS) return showNote(section, CHECK_NOTES.tooLong);
    const { request, notes } = requestFor(form, element, field, fieldsById);
    const asked = JSON.stringify(request);
    if (stuckRequests.get(element) === asked) return showNote(section, CHECK_NOTES.stuck);
    const answer = await runCheck(request);
    if (!element.isConnected) return;
    if (answer.type === "result") {
      showResult(section, field.check, answer.data, notes);
    } else if (answer.data === "stuck") {
      stuckRequests.set(element, asked);
      showNote(section, CHECK_NOTES.stuck);
    } else if (answer.data !== "unavailable" && answer.data !== "interrupted") {
      // The check raised: Python said why, for the console, not for the person.
      console.warn("A check failed:", answer.data);
      showNote(section, CHECK_NOTES.failed);
    }
  }

  function schedule(element) {
    clearTimeout(timers.get(element));
    timers.set(element, setTimeout(() => check(element), CHECK_DELAY_MS));
  }

  const recheck = (later = false) => {
    for (const element of checked()) if (readField(element).trim()) (later ? schedule : check)(element);
  };

  watchChecker((state) => {
    if (!form.isConnected) return false;
    showCheckerState(form, state);
    if (state !== "loading") showProgress(form, null);
    if (state === "ready") recheck();
    return true;
  });
  watchProgress((progress) => {
    if (!form.isConnected) return false;
    showProgress(form, checkerState() === "loading" ? progress : null);
    return true;
  });

  return {
    /** After `element` changed: its own check, and those that read it as context. */
    changed(element) {
      for (const other of checked()) {
        const context = Object.values(kindOf(other).check?.context || {});
        if (other === element || context.some((id) => contextElement(form, other, id) === element)) schedule(other);
      }
    },
    recheck,
    showState: () => showCheckerState(form, checkerState()),
  };
}
