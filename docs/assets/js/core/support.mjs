// A flagged entry (a check result with `safety` set): the kind's message and its support lines, in
// place of any verdict, rewrite or prompt. The lines come from the page, one
// <template data-support-for="KIND"> per kind, and one for "unsure" (overrides/partials/support-lines.html).

import { html } from "./dom.mjs";
import { SUPPORT_FALLBACK } from "./messages.mjs";

/** The site root, from this module's own address (assets/js/core/). */
const SITE_ROOT = new URL("../../../", import.meta.url);

/** Nodes that show `safety` ({kind, message}): the message as text, then the kind's support lines. */
export function supportNodes(safety) {
  const message = html("p", { class: "ws-safety-message" }, String(safety.message || ""));
  const template = [...document.querySelectorAll("template[data-support-for]")]
    .find((candidate) => candidate.dataset.supportFor === safety.kind);
  if (template) return [message, template.content.cloneNode(true)];
  const link = html("p", { class: "ws-safety-fallback" });
  link.append(html("a", { href: new URL("safety/", SITE_ROOT).href }, SUPPORT_FALLBACK));
  return [message, link];
}

/**
 * The support a check result calls for: its `safety` flag, or, for an entry the checker is unsure
 * of (`unsure`: no verdict either), its message with the "unsure" lines. Null when neither.
 */
export function supportIn(result) {
  if (result.safety) return result.safety;
  if (result.unsure) return { kind: "unsure", message: result.unsure.message };
  return null;
}

/** Fills `box` with what `safety` calls for, or empties and hides it when nothing is flagged. */
export function showSupport(box, safety) {
  if (safety) {
    box.replaceChildren(...supportNodes(safety));
    box.dataset.safetyKind = safety.kind;
  } else {
    box.replaceChildren();
    delete box.dataset.safetyKind;
  }
  box.hidden = !safety;
}
