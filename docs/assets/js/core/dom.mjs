// Element helpers. Text always goes in through textContent, never as markup.

const SVG = "http://www.w3.org/2000/svg";

function fill(node, attributes, text) {
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== null) node.textContent = text;
  return node;
}

/** An HTML element with attributes and, optionally, text. */
export const html = (tag, attributes = {}, text = null) => fill(document.createElement(tag), attributes, text);

/** An SVG element with attributes and, optionally, text. */
export const svg = (tag, attributes = {}, text = null) => fill(document.createElementNS(SVG, tag), attributes, text);

/** Runs `mount` on every page Material shows: its instant navigation swaps pages without a reload. */
export function onEveryPage(mount) {
  if (window.document$) window.document$.subscribe(() => mount());
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => mount());
  else mount();
}
