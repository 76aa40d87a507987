// "Don't keep my answers on this device": the choice on every worksheet and on My plan
// (<div data-keep-choice>, worksheets/templates/keep-choice.html). While it is on, answers live in
// this tab only (store/storage.mjs) and the page says so; turning it off offers to save them.

import { deviceHasAnswers, forgetDevice, setTabOnly, tabOnly } from "./storage.mjs";

const ON = "Not kept on this device: what you write stays only in this browser tab and is gone " +
  "when you close it. Print it or export a file from My plan to keep a copy.";
const OFF = "Your answers are saved in this browser, on this device, as you type.";
const ASK_KEEP = "Save what you wrote in this tab on this device? Choose Cancel to leave it out: " +
  "the page then shows what this device kept before.";

function show(box) {
  const on = tabOnly();
  box.querySelector("[data-keep-tab-only]").checked = on;
  box.querySelector("[data-keep-note]").textContent = on ? ON : OFF;
  box.querySelector("[data-keep-device]").hidden = !(on && deviceHasAnswers());
  document.documentElement.toggleAttribute("data-tab-only", on);
}

/** Wires the choice in `box`; `changed()` runs after turning it off (the page shows the device's copy). */
export function mountKeepChoice(box, changed = () => window.location.reload()) {
  if (!box || box.dataset.mounted) return;
  box.dataset.mounted = "1";
  const status = box.querySelector("[data-keep-status]");
  show(box);
  box.querySelector("[data-keep-tab-only]").addEventListener("change", (event) => {
    const on = event.target.checked;
    const done = setTabOnly(on, { keepTab: !on && window.confirm(ASK_KEEP) });
    status.textContent = done ? "" : "This browser would not change where answers are kept.";
    show(box);
    if (done && !on) changed();
  });
  box.querySelector("[data-action=forget-device]").addEventListener("click", () => {
    status.textContent = forgetDevice() ? "Removed from this device. This tab still shows them until you close it."
      : "This browser would not remove them.";
    show(box);
  });
}
