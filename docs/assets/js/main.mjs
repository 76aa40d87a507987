// The site's one entry module: on every page Material shows, mounts what the page's data-*
// attributes ask for (a worksheet form, My plan), and keeps the site offline. The mounts are
// imported up front, not on demand: a form must hold its saved words before the page's load
// event, or words typed meanwhile would be saved over them (the old scripts loaded as much).

import { onEveryPage } from "./core/dom.mjs";
import { quickExit } from "./core/exit.mjs";
import { datePrints } from "./core/paper.mjs";
import { keepOffline } from "./offline.mjs";
import { mount as mountPlan } from "./plan/mount.mjs";
import { mountKeepChoice } from "./store/keep-choice.mjs";
import { mount as mountWorksheet } from "./worksheet/mount.mjs";

let plan = null;

quickExit();

onEveryPage(() => {
  for (const form of document.querySelectorAll("form[data-worksheet]")) mountWorksheet(form);
  const root = document.querySelector("[data-plan]");
  if (root) {
    plan = mountPlan(root);
    plan.load();
  }
  const current = plan && plan.root.isConnected ? plan : null;
  mountKeepChoice(document.querySelector("[data-keep-choice]"), current ? () => current.load() : undefined);
  keepOffline();
  datePrints();
});

// Leaving a shared view by its link, or editing the fragment, shows the right plan.
window.addEventListener("hashchange", () => {
  if (plan && plan.root.isConnected) plan.load();
});
