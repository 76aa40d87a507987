// Keeps the site for offline use: registers the service worker (sw.js at the site root, so that its
// scope is the whole site) once the page has loaded, and, once a worksheet page was opened and its
// checker has started, asks it to keep Python too. Guide pages never ask for Python.
// When the offline copy is complete: <html data-offline="ready">.
(() => {
  "use strict";

  if (!("serviceWorker" in navigator)) return;
  // This file is assets/js/offline.js: the site root is two folders up.
  const root = new URL("../../", document.currentScript.src);
  let wantsPython = false;

  function ask() {
    navigator.serviceWorker.ready.then((registration) => {
      registration.active.postMessage({ type: "keep", python: wantsPython });
    });
  }

  navigator.serviceWorker.addEventListener("message", ({ data }) => {
    const needsPython = document.querySelector("form[data-worksheet]") !== null;
    if (data && data.type === "kept" && (data.python || !needsPython)) document.documentElement.dataset.offline = "ready";
  });
  navigator.serviceWorker.startMessages();

  // Python is asked for once the checker is no longer loading, so keeping it never slows its start.
  function watchWorksheet() {
    const form = document.querySelector("form[data-worksheet][data-checker]");
    if (!form || wantsPython) return;
    const askOnceStarted = () => {
      if (form.dataset.checker === "loading") return false;
      wantsPython = true;
      ask();
      return true;
    };
    if (askOnceStarted()) return;
    const observer = new MutationObserver(() => { if (askOnceStarted()) observer.disconnect(); });
    observer.observe(form, { attributes: true, attributeFilter: ["data-checker"] });
  }

  function register() {
    navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.href })
      .then(ask, () => { /* no offline copy (private mode, storage off): the site works as before */ });
  }

  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
  // Material's instant navigation swaps pages without reloading: document$ emits on each one.
  if (window.document$) window.document$.subscribe(watchWorksheet);
  else document.addEventListener("DOMContentLoaded", watchWorksheet);
})();
