// While Python downloads: a <progress> with words ("Getting the checker ready: 3.1 of 6.2 MB") above
// the first feedback, outside its live region (which would read out every tick); a polite note
// says the same at each quarter only. Then "starting Python" until it is ready. Gone once the checker is ready or has given up.

const MB = 1e6;
const megabytes = (bytes) => (bytes / MB).toFixed(1);

function block(form) {
  let shown = form.querySelector("[data-checker-progress]");
  if (shown) return shown;
  shown = document.createElement("div");
  shown.className = "ws-checker-progress";
  shown.dataset.checkerProgress = "";
  shown.dataset.quarter = "-1";
  const words = document.createElement("span");
  words.id = `${form.dataset.worksheet}-checker-progress`;
  words.dataset.words = "";
  const bar = document.createElement("progress");
  bar.setAttribute("aria-labelledby", words.id);
  const note = document.createElement("span");
  note.className = "ws-visually-hidden";
  note.setAttribute("aria-live", "polite");
  note.dataset.announce = "";
  shown.append(words, " ", bar, note);
  const first = form.querySelector("[data-feedback-for]");
  if (first) first.before(shown);
  else form.prepend(shown);
  return shown;
}

/** Shows `progress` ({loaded, total} bytes) on `form`, or removes it when null. */
export function showProgress(form, progress) {
  if (!progress || !progress.total) {
    form.querySelector("[data-checker-progress]")?.remove();
    return;
  }
  const shown = block(form);
  const loaded = Math.min(progress.loaded, progress.total);
  const text = loaded < progress.total
    ? `Getting the checker ready: ${megabytes(loaded)} of ${megabytes(progress.total)} MB`
    : "Getting the checker ready: starting Python";
  shown.querySelector("[data-words]").textContent = text;
  const bar = shown.querySelector("progress");
  bar.max = progress.total;
  bar.value = loaded;
  const quarter = Math.floor((4 * loaded) / progress.total);
  if (quarter > Number(shown.dataset.quarter)) {
    shown.dataset.quarter = String(quarter);
    shown.querySelector("[data-announce]").textContent = text;
  }
}
