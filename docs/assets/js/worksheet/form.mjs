// A worksheet form's controls <-> saved values, repeat groups' items included.
// Values: field id -> text; repeat group id -> [{field id -> text}] (one level, never deeper).

import { capitalise, isPlainObject } from "../core/spec.mjs";

// Stands for an item's key in a repeat group's <template>; each item the script adds gets its own.
const ITEM_KEY = "__item__";
let nextItemKey = 1;

/** The element of field `id` inside `scope` (the form, or one item of a repeat group). */
export const fieldIn = (scope, id) => scope.querySelector(`[data-field="${id}"]`);
export const itemsOf = (group) => [...group.querySelector("[data-items]").children];
export const firstControl = (scope) => scope.querySelector("textarea, input, select");

export function readField(element) {
  const radios = element.querySelectorAll("input[type=radio]");
  if (radios.length) return [...radios].find((radio) => radio.checked)?.value ?? "";
  return element.querySelector("textarea, select, input").value;
}

export function writeField(element, value) {
  const radios = element.querySelectorAll("input[type=radio]");
  if (radios.length) {
    for (const radio of radios) radio.checked = radio.value === value;
    return;
  }
  const control = element.querySelector("textarea, select, input");
  // A saved choice the list no longer offers (a renamed goal, an older spec) is kept, not lost.
  if (control.tagName === "SELECT" && value && ![...control.options].some((option) => option.value === value)) {
    control.add(new Option(value, value));
  }
  control.value = value;
}

/** What the form (or an item) holds now, in the saved shape. */
export function collect(scope, fields) {
  const values = {};
  for (const field of fields) {
    const element = fieldIn(scope, field.id);
    if (!element) continue;
    values[field.id] = field.kind === "repeat"
      ? itemsOf(element).map((item) => collect(item, field.fields))
      : readField(element);
  }
  return values;
}

export function fill(scope, fields, values) {
  for (const field of fields) {
    const element = fieldIn(scope, field.id);
    if (!element) continue;
    const value = values[field.id];
    if (field.kind === "repeat") {
      // Never saved: the spec's starting items (e.g. suggested questions), or blank ones.
      setItems(element, field, (Array.isArray(value) ? value : field.default).filter(isPlainObject));
    } else {
      writeField(element, typeof value === "string" ? value : "");
    }
  }
}

function setItems(group, field, items) {
  for (const item of itemsOf(group)) item.remove();
  const count = Math.max(field.min, items.length);
  for (let index = 0; index < count; index++) fill(addItem(group), field.fields, items[index] || {});
  refreshGroup(group, field);
}

/** A new, empty item from the group's template, with ids no other item uses. */
export function addItem(group) {
  const fragment = group.querySelector(":scope > template[data-item-template]").content.cloneNode(true);
  const key = `n${nextItemKey++}`;
  for (const element of fragment.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      if (attribute.value.includes(ITEM_KEY)) attribute.value = attribute.value.replaceAll(ITEM_KEY, key);
    }
  }
  const item = fragment.querySelector("[data-item]");
  group.querySelector("[data-items]").append(fragment);
  return item;
}

/** Numbers, remove buttons and the "add" limit follow the items as they come and go. */
export function refreshGroup(group, field) {
  const items = itemsOf(group);
  items.forEach((item, index) => {
    item.querySelector("[data-item-legend]").textContent = `${capitalise(field.item_label)} ${index + 1}`;
    const remove = item.querySelector("[data-remove]");
    remove.textContent = `Remove ${field.item_label} ${index + 1}`;
    remove.hidden = items.length <= field.min;
  });
  const full = items.length >= field.max;
  group.querySelector("[data-add]").disabled = full;
  group.querySelector("[data-limit]").hidden = !full;
}

/** The other fields a check reads: the one in the same repeat item, else the one on the form. */
export function contextElement(form, from, id) {
  const item = from.closest("[data-item]");
  return (item && fieldIn(item, id)) || fieldIn(form, id);
}

/** Whether anything was typed before the script ran (a fast typist, a slow phone). */
export const typedEarly = (form) => [...form.querySelectorAll("textarea, input, select")].some((control) =>
  control.tagName === "SELECT" ? control.selectedIndex !== Math.max(0, [...control.options].findIndex((o) => o.defaultSelected))
    : control.type === "radio" ? control.checked !== control.defaultChecked
      : control.value !== control.defaultValue);
