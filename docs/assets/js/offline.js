// Keeps the site for offline use: registers the service worker (sw.js at the site root, so that its
// scope is the whole site) once the page has loaded, and asks it to keep Python too once a
// worksheet's checker has started. Guide pages never ask for Python.
// When the offline copy this page needs is complete: <html data-offline="ready">.
(() => {
  "use strict";

  if (!("serviceWorker" in navigator)) return;
  // This file is assets/js/offline.js: the site root is two folders up.
  const root = new URL("../../", document.currentScript.src);
  // A worksheet page opened directly started Python from <head> (overrides/partials/checker-start.html).
  const startsPython = "earlyChecker" in window;
  // On such a page the first install waits for the checker: fetching and hashing the site meanwhile
  // would slow Python's start. Past this, it goes ahead anyway.
  const CHECKER_WAIT_MS = 30000;
  let registration = null;
  let wantsPython = false;

  function ask() {
    if (registration) navigator.serviceWorker.ready.then((ready) => ready.active.postMessage({ type: "keep", python: wantsPython }));
  }

  navigator.serviceWorker.addEventListener("message", ({ data }) => {
    if (data && data.type === "kept" && (data.python || !startsPython)) document.documentElement.dataset.offline = "ready";
  });
  navigator.serviceWorker.startMessages();

  function register() {
    if (registration) return;
    registration = navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.href });
    registration.then(ask, () => { /* no offline copy (private mode, storage off): the site works as before */ });
  }

  // Calls `then` once the checker of this page is no longer loading (or after `waitAtMost` ms).
  function afterChecker(then, waitAtMost) {
    const form = document.querySelector("form[data-worksheet][data-checker]");
    if (!form || form.dataset.checker !== "loading") { then(); return; }
    const done = () => { observer.disconnect(); clearTimeout(timer); then(); };
    const observer = new MutationObserver(() => { if (form.dataset.checker !== "loading") done(); });
    observer.observe(form, { attributes: true, attributeFilter: ["data-checker"] });
    const timer = waitAtMost ? setTimeout(done, waitAtMost) : undefined;
  }

  function onPage() {
    const form = document.querySelector("form[data-worksheet][data-checker]");
    if (!form || wantsPython) return;
    // A worksheet without checks keeps "loading": no Python to keep for it.
    afterChecker(() => {
      wantsPython = true;
      ask();
    });
  }

  window.addEventListener("load", () => (startsPython ? afterChecker(register, CHECKER_WAIT_MS) : register()), { once: true });
  // Material's instant navigation swaps pages without reloading: document$ emits on each one.
  if (window.document$) window.document$.subscribe(onPage);
  else document.addEventListener("DOMContentLoaded", onPage);
})();
