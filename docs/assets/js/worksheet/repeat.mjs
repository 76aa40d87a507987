// Repeat groups in use: adding and removing items, and choices that list another group's entries.

import { capitalise, countEntries } from "../core/spec.mjs";
import { addItem, collect, fieldIn, fill, firstControl, itemsOf, readField, refreshGroup, writeField } from "./form.mjs";

/** Options of a choice that lists another group's entries (e.g. "Which goal" lists the goals). */
export function refreshOptions(form) {
  for (const select of form.querySelectorAll("select[data-options-from]")) {
    const [groupId, fieldId] = select.dataset.optionsFrom.split(".");
    const group = fieldIn(form, groupId);
    const sources = group ? itemsOf(group).map((item) => fieldIn(item, fieldId)) : [];
    // A renamed entry takes the choices that named it along.
    for (const source of sources) {
      const now = readField(source).trim();
      const before = source.dataset.previous;
      if (before && now && before !== now && select.value === before) select.dataset.renamed = now;
    }
    const texts = [...new Set(sources.map((source) => readField(source).trim()).filter(Boolean))];
    const chosen = select.dataset.renamed ?? select.value;
    delete select.dataset.renamed;
    const [placeholder] = select.options;
    select.replaceChildren(placeholder, ...texts.map((text) => new Option(text, text)));
    // With one goal, a rating is for that goal: it is chosen for the person, never left orphaned.
    writeField(select.closest("[data-field]"), chosen || (texts.length === 1 ? texts[0] : ""));
  }
  for (const source of form.querySelectorAll("[data-field]")) {
    if (source.querySelector("input, textarea")) source.dataset.previous = readField(source).trim();
  }
}

/**
 * Handles an add or remove button of a repeat group; true when `button` was one. `changed` runs
 * after the items changed (save, redraw).
 */
export function onGroupButton(button, fieldsById, changed) {
  const group = button.closest("[data-repeat]");
  if (!group || !(button.matches("[data-add]") || button.matches("[data-remove]"))) return false;
  const field = fieldsById[group.dataset.field];
  const announce = (text) => { group.querySelector("[data-repeat-status]").textContent = text; };
  if (button.matches("[data-add]")) {
    const item = addItem(group);
    fill(item, field.fields, {});
    refreshGroup(group, field);
    changed(item);
    announce(`${capitalise(field.item_label)} ${itemsOf(group).length} added.`);
    firstControl(item).focus();
    return true;
  }
  const item = button.closest("[data-item]");
  const items = itemsOf(group);
  const index = items.indexOf(item);
  const name = `${field.item_label} ${index + 1}`;
  if (countEntries(collect(item, field.fields)) > 0 &&
      !window.confirm(`Remove ${name}? What you wrote in it will be deleted.`)) return true;
  item.remove();
  refreshGroup(group, field);
  changed(null);
  announce(`${capitalise(name)} removed.`);
  // Focus goes to the item that took its place, else the one before, never to the page's top.
  firstControl(items[index + 1] || items[index - 1]).focus();
  return true;
}
