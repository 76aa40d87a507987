// Keeps the site for offline use: registers the service worker (sw.js at the site root, so that
// its scope is the whole site) once the page has loaded, and asks it to keep Python too once a
// worksheet's checker has started. Guide pages never ask for Python.
// When the offline copy this page needs is complete: <html data-offline="ready">.

/** This file is assets/js/offline.mjs: the site root is two folders up. */
const ROOT = new URL("../../", import.meta.url);
// A worksheet page opened directly started Python from <head> (overrides/partials/checker-start.html).
const startsPython = Boolean(document.querySelector("script[data-checker-urls]"));
// On such a page the first install waits for the checker: fetching and hashing the site meanwhile
// would slow Python's start, and on a slow link take bandwidth from its download. The checker ends
// "ready" or "unavailable" in any case (its watchdog gives up after a stretch with no byte arriving).
const supported = "serviceWorker" in navigator;
let registration = null;
let wantsPython = false;

function ask() {
  if (registration) navigator.serviceWorker.ready.then((ready) => ready.active.postMessage({ type: "keep", python: wantsPython }));
}

function register() {
  if (registration) return;
  registration = navigator.serviceWorker.register(new URL("sw.js", ROOT), { scope: ROOT.href });
  registration.then((ready) => {
    ask();
    offerUpdate(ready);
  }, () => { /* no offline copy (private mode, storage off): the site works as before */ });
}

// A new build waits while this page is open: a quiet prompt offers to reload into it.
function offerUpdate(ready) {
  const waiting = () => ready.waiting && navigator.serviceWorker.controller && showPrompt(ready.waiting);
  waiting();
  ready.addEventListener("updatefound", () => {
    const next = ready.installing;
    if (next) next.addEventListener("statechange", () => { if (next.state === "installed") waiting(); });
  });
}

function showPrompt(worker) {
  if (document.querySelector("[data-update-ready]")) return;
  const box = document.createElement("div");
  box.className = "update-ready";
  box.setAttribute("role", "status");
  box.dataset.updateReady = "";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Reload";
  box.append("A new version is ready: ", button);
  button.addEventListener("click", () => {
    navigator.serviceWorker.addEventListener("controllerchange", () => window.location.reload(), { once: true });
    worker.postMessage({ type: "take-over" });
  });
  document.body.append(box);
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

if (supported) {
  navigator.serviceWorker.addEventListener("message", ({ data }) => {
    if (data && data.type === "kept" && (data.python || !startsPython)) document.documentElement.dataset.offline = "ready";
  });
  navigator.serviceWorker.startMessages();
  const onLoad = () => (startsPython ? afterChecker(register) : register());
  if (document.readyState === "complete") onLoad();
  else window.addEventListener("load", onLoad, { once: true });
}

/** On each page: a worksheet page asks for Python to be kept once its checker has started. */
export function keepOffline() {
  if (!supported) return;
  const form = document.querySelector("form[data-worksheet][data-checker]");
  if (!form || wantsPython) return;
  // A worksheet whose checker never starts keeps "loading": no Python to keep for it.
  afterChecker(() => {
    wantsPython = true;
    ask();
  });
}
