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
