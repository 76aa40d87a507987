// My plan's file tools: downloading a file, and the import flow (choose, preview, confirm).

import { html } from "../core/dom.mjs";
import { titleOf } from "../core/spec.mjs";
import { IMPORT_MAX_BYTES, Refusal, readExport } from "./transfer.mjs";

/** Hands `text` to the browser as a download named `fileName`. */
export function download(fileName, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  html("a", { href: url, download: fileName }).click();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/**
 * The import flow on `root`: reading the chosen file shows a preview; `take()` hands over what
 * to store (and closes the preview), `close()` drops it. `ui`: {find, say, warn, specs, ownCount}.
 */
export function importFlow(root, ui) {
  const input = ui.find("[data-import-file]");
  const preview = ui.find("[data-import-preview]");
  const labelOf = (id) => `“${titleOf(id, ui.specs[id])}”`;
  let pending = null;

  const close = () => {
    pending = null;
    preview.hidden = true;
    input.value = "";
  };

  async function choose() {
    const [file] = input.files;
    pending = null;
    preview.hidden = true;
    if (!file) return;
    try {
      if (file.size > IMPORT_MAX_BYTES) {
        throw new Refusal(`This file is too large to be an export from this site (${(file.size / 1048576).toFixed(1)} MB; the limit is ${IMPORT_MAX_BYTES / 1048576} MB).`);
      }
      pending = readExport(await file.text(), labelOf);
    } catch (error) {
      close();
      const reason = error instanceof Refusal ? error.message : "This file could not be read.";
      ui.warn(`${reason} Nothing was changed.`);
      return;
    }
    const { contents, keptAside, exported } = pending;
    ui.say("");
    const plural = (count, one, many) => `${count} ${count === 1 ? one : many}`;
    ui.find("[data-import-summary]").textContent = `${exported ? `Exported on ${exported.toLocaleString()}. ` : ""}` +
      `It holds ${plural(contents.length, "worksheet", "worksheets")}:`;
    ui.find("[data-import-contents]").replaceChildren(...contents.map(({ id, count }) =>
      html("li", {}, `${titleOf(id, ui.specs[id])}: ${plural(count, "entry", "entries")}`)),
    ...(keptAside ? [html("li", {}, `${plural(keptAside, "saved copy", "saved copies")} this site could not read, kept as they are`)] : []));
    const now = ui.ownCount();
    ui.find("[data-import-warning]").textContent = now
      ? `Importing replaces what this browser holds now (${plural(now, "worksheet", "worksheets")}).`
      : "This browser holds nothing from this site yet, so nothing will be lost.";
    preview.hidden = false;
    preview.focus();
  }

  input.addEventListener("change", choose);
  return {
    take() {
      const taken = pending;
      close();
      return taken;
    },
    close,
  };
}
