// Quick exit: the link on every page (overrides/partials/quick-exit.html), or Escape pressed twice
// within a second, leaves at once for a neutral page and replaces this page in the history, so
// Back does not return here. Set up once: the link sits outside what instant navigation swaps.

const TWICE_MS = 1000;

function leave(href) {
  document.documentElement.hidden = true; // nothing of the page stays on screen while the next one loads
  window.location.replace(href);
}

export function quickExit() {
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a[data-quick-exit]");
    if (!link || event.button !== 0) return;
    event.preventDefault();
    leave(link.href);
  }, true);
  let last = 0;
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const now = Date.now();
    const link = document.querySelector("a[data-quick-exit]");
    if (link && now - last < TWICE_MS) leave(link.href);
    last = now;
  });
}
