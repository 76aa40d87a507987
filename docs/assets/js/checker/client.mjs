// The page's side of the checker: the only place that makes a Worker. One checker per visit (a
// module is evaluated once, and Material's instant navigation keeps the page's modules alive);
// checker/start.mjs starts it from <head> on a worksheet page opened directly.

import * as protocol from "./protocol.mjs";

// loadPyodide() never settles when the .wasm cannot load. The worker reports a failed download at
// once; this watchdog catches whatever else keeps Python from starting. It judges progress, not
// time: a slow download is no failure, only a stretch this long with no byte arriving (the worker
// reports its bytes, and each step of its start) is.
const STALL_MS = 60000;
// A checker that gave up starting tries again by itself when the connection comes back, or when
// the person types again at least this long after it gave up.
const RESUME_AFTER_MS = 3000;
// A check takes milliseconds; one still running after this long is stuck, and its worker is replaced.
const CHECK_TIMEOUT_MS = 10000;
// Stuck checks forgiven per visit: after that many fresh workers, the checker is given up on.
const CHECKER_RESTARTS = 3;

let worker = null;
let state = "loading";
let nextId = 1;
let urls = null;
let restarts = 0;
let progress = null;
let gaveUp = null; // when a start failed: {at, resumable}
const pending = new Map();
const listeners = new Set();
const progressListeners = new Set();

/** "loading", "ready" or "unavailable". */
export const checkerState = () => state;

function setState(next) {
  state = next;
  for (const listener of [...listeners]) listener(state);
}

/** Calls `listener(state)` now and on every change, until `listener` returns false. */
export function watchChecker(listener) {
  const wrapped = (now) => { if (listener(now) === false) listeners.delete(wrapped); };
  listeners.add(wrapped);
  wrapped(state);
}

/** Calls `listener({loaded, total})` (bytes of Python's files) as they arrive while loading, until it returns false. */
export function watchProgress(listener) {
  const wrapped = (now) => { if (listener(now) === false) progressListeners.delete(wrapped); };
  progressListeners.add(wrapped);
  if (progress) wrapped(progress);
}

function setProgress(next) {
  progress = next;
  for (const listener of [...progressListeners]) listener(progress);
}

/** Starts the worker (once per visit; again after a stuck check, or to resume a start that gave up). */
export function startChecker(checkerUrls) {
  if (worker || state === "unavailable") return;
  urls = checkerUrls;
  gaveUp = null;
  let started;
  try {
    started = new Worker(new URL(urls.worker, document.baseURI), { type: "module" });
  } catch (error) {
    setState("unavailable");
    return;
  }
  worker = started;
  // A worker already replaced (stuck) may still speak: it is not listened to.
  const current = () => worker === started;
  let watchdog;
  const alive = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => { if (current()) fail(true); }, STALL_MS);
  };
  alive();
  started.addEventListener("message", ({ data: message }) => {
    if (!current()) return;
    if (message.type === protocol.PROGRESS) {
      if (state !== "loading") return;
      alive();
      setProgress(message.data);
    } else if (message.type === protocol.READY) {
      clearTimeout(watchdog);
      setProgress(null);
      // "snapshot" or "fresh": how Python started, for the offline tests and the benchmark.
      document.documentElement.dataset.pythonStart = message.data.start;
      setState("ready");
    } else if (message.type === protocol.RESULT || message.type === protocol.ERROR) {
      const answer = pending.get(message.id);
      pending.delete(message.id);
      if (answer) answer(message);
      else if (message.type === protocol.ERROR && message.id === undefined) { clearTimeout(watchdog); fail(true); }
    }
  });
  started.addEventListener("error", () => { if (current()) { clearTimeout(watchdog); fail(true); } });
  started.postMessage(protocol.init(urls, document.baseURI));
}

// Ends the worker. The check it was running is answered `reason`, any waiting behind it "interrupted".
function stop(reason) {
  if (worker) worker.terminate();
  worker = null;
  [...pending.values()].forEach((answer, index) => answer({ type: protocol.ERROR, data: index ? "interrupted" : reason }));
  pending.clear();
}

// `resumable`: Python could not start or its worker died, which the network or a retry may mend
// (a checker given up on for checks that kept hanging is not).
function fail(resumable = false) {
  stop("unavailable");
  gaveUp = { at: Date.now(), resumable };
  setProgress(null);
  setState("unavailable");
}

function resume(event) {
  if (state !== "unavailable" || !urls || !gaveUp?.resumable) return;
  if (event.type === "input" && Date.now() - gaveUp.at < RESUME_AFTER_MS) return;
  setState("loading"); // startChecker() starts nothing while unavailable
  startChecker(urls);
}

if (typeof window !== "undefined") {
  window.addEventListener("online", resume);
  document.addEventListener("input", resume, true);
}

// A check that never answers blocks its worker for good: a fresh worker takes over.
function restart() {
  stop("stuck");
  if (restarts >= CHECKER_RESTARTS) {
    setState("unavailable");
    return;
  }
  restarts += 1;
  setState("loading");
  startChecker(urls);
}

/** The worker's answer, or {type: "error", data: "stuck" | "interrupted" | "unavailable" | Python's message}. */
export function runCheck(request) {
  if (!worker || state !== "ready") return Promise.resolve({ type: protocol.ERROR, data: "unavailable" });
  return new Promise((resolve) => {
    const id = nextId++;
    const asked = worker;
    const timer = setTimeout(() => { if (worker === asked) restart(); }, CHECK_TIMEOUT_MS);
    pending.set(id, (message) => {
      clearTimeout(timer);
      resolve(message);
    });
    asked.postMessage(protocol.check(id, request));
  });
}
