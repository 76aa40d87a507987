// A worksheet form, mounted from its JSON island (data-worksheet-config): saves what is typed,
// follows other tabs, and asks the checker about what the spec says to check.

import { startChecker } from "../checker/client.mjs";
import { STORAGE_MESSAGES } from "../core/messages.mjs";
import { fieldsById as indexFields, screenedAlone, walk } from "../core/spec.mjs";
import { onOtherTab, read, write } from "../store/storage.mjs";
import { drawCharts } from "./chart.mjs";
import { wireChecks } from "./checks.mjs";
import { collect, fill, refreshGroup, typedEarly } from "./form.mjs";
import { focusArrival, sendTo } from "./handoff.mjs";
import { onGroupButton, refreshOptions } from "./repeat.mjs";
import { onSuggestion, passRenameOn, showSuggestions } from "./suggest.mjs";

export function mount(form) {
  const config = JSON.parse(form.dataset.worksheetConfig);
  const spec = config.worksheet;
  const fieldsById = indexFields(spec.fields);
  const status = form.querySelector("[data-storage-status]");
  const conflict = form.querySelector("[data-tab-alert]");
  const saved = read(spec.id);
  let failedToSave = false;

  const save = () => {
    if (saved.stuck) {
      status.textContent = STORAGE_MESSAGES.stuck;
    } else if (write(spec.id, collect(form, spec.fields))) {
      // Storage works again (the person made room): the warning no longer holds.
      if (failedToSave) status.textContent = "";
      failedToSave = false;
    } else {
      status.textContent = STORAGE_MESSAGES[saved.problem === "blocked" ? "blocked" : "full"];
      failedToSave = true;
    }
  };
  const redraw = () => {
    refreshOptions(form);
    drawCharts(form, fieldsById);
  };

  if (saved.problem) status.textContent = STORAGE_MESSAGES[saved.problem];
  // Words typed before this script ran (a fast typist, a slow phone) win over the saved copy.
  if (typedEarly(form)) save();
  else fill(form, spec.fields, saved.values);
  for (const group of form.querySelectorAll("[data-repeat]")) refreshGroup(group, fieldsById[group.dataset.field]);
  redraw();
  showSuggestions(form);
  const checks = wireChecks(form, fieldsById);

  form.addEventListener("input", (event) => {
    const element = event.target.closest("[data-field]");
    if (!element) return;
    const before = element.dataset.previous;
    redraw();
    save();
    passRenameOn(form, config.followers, element, before);
    checks.changed(element);
  });

  form.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button || !form.contains(button)) return;
    if (onSuggestion(button)) return;
    if (onGroupButton(button, fieldsById, () => { checks.showState(); redraw(); save(); })) return;
    if (button.matches("[data-send-worksheet]")) sendTo(button, config.urls, status);
  });
  form.querySelector("[data-action=print]").addEventListener("click", () => window.print());

  // Another tab saved this worksheet: this one follows, unless the person is typing here right now.
  onOtherTab((id) => {
    if (!form.isConnected) return false;
    if (id !== null && id !== spec.id) {
      showSuggestions(form);
      return true;
    }
    if (document.hasFocus() && form.contains(document.activeElement)) {
      conflict.textContent = STORAGE_MESSAGES.otherTabConflict;
      return true;
    }
    const latest = read(spec.id);
    if (latest.problem) {
      status.textContent = STORAGE_MESSAGES[latest.problem];
      return true;
    }
    fill(form, spec.fields, latest.values);
    checks.showState();
    redraw();
    conflict.textContent = "";
    status.textContent = STORAGE_MESSAGES.otherTab;
    checks.recheck(true);
    return true;
  });

  focusArrival(form, spec);
  if (walk(spec.fields).some((field) => field.check || screenedAlone(field))) startChecker(config.urls);
}
