// The printed footer's date (overrides/main.html, .print-footer): today's, set when the page shows
// and again just before printing (a page left open overnight prints with the day it is printed).

import { localToday, longDate } from "./dates.mjs";

export function datePrints() {
  const footer = document.querySelector(".print-footer");
  if (!footer) return;
  const [title, date, site] = footer.children;
  date.textContent = `Printed ${longDate(localToday())}`;
  // The page's bottom margin shows them on every sheet (site.css, @page): CSS strings, quoted.
  for (const [name, node] of [["title", title], ["date", date], ["site", site]]) {
    document.documentElement.style.setProperty(`--print-${name}`, JSON.stringify(node.textContent.trim()));
  }
}

window.addEventListener("beforeprint", datePrints);

// On paper a textarea's words print from a plain copy beside it: Chromium sizes a textarea to its
// content (field-sizing) at screen width, and the leftover height started a blank sheet.
function copyForPaper(box) {
  // After the ruled lines that follow the box: the print CSS finds those as its next sibling.
  const lines = box.nextElementSibling && box.nextElementSibling.matches(".ws-print-lines") ? box.nextElementSibling : box;
  let copy = lines.nextElementSibling;
  if (!copy || !copy.matches(".ws-print-text")) {
    copy = document.createElement("div");
    copy.className = "ws-print-text";
    copy.setAttribute("aria-hidden", "true");
    lines.after(copy);
  }
  copy.textContent = box.value;
}

function fieldPrints() {
  // A one-line box's words print the same way: on paper an input cuts off what does not fit its width.
  for (const box of document.querySelectorAll("form.ws textarea, form.ws input[type=text]")) copyForPaper(box);
  // An empty date prints as a line to write on, not as "mm/dd/yyyy" (CSS cannot see a date is empty).
  for (const date of document.querySelectorAll("form.ws input[type=date]")) date.toggleAttribute("data-print-empty", !date.value);
  document.documentElement.dataset.printText = "";
}

// Copied when printing starts (the print dialog, or print media), not as the person types: a copy
// kept up on every input made typing 100,000 characters hang.
window.addEventListener("beforeprint", fieldPrints);
window.matchMedia("print").addEventListener("change", (event) => { if (event.matches) fieldPrints(); });
