// The page's side of the checker: the only place that makes a Worker. One checker per visit (a
// module is evaluated once, and Material's instant navigation keeps the page's modules alive);
// checker/start.mjs starts it from <head> on a worksheet page opened directly.

import * as protocol from "./protocol.mjs";

// loadPyodide() never settles when the .wasm cannot load. The worker reports a failed download at
// once; this watchdog catches whatever else keeps Python from starting.
const CHECKER_TIMEOUT_MS = 20000;
// A check takes milliseconds; one still running after this long is stuck, and its worker is replaced.
const CHECK_TIMEOUT_MS = 10000;
// Stuck checks forgiven per visit: after that many fresh workers, the checker is given up on.
const CHECKER_RESTARTS = 3;

let worker = null;
let state = "loading";
let nextId = 1;
let urls = null;
let restarts = 0;
const pending = new Map();
const listeners = new Set();

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

/** Starts the worker (once per visit; again only after a stuck check). */
export function startChecker(checkerUrls) {
  if (worker || state === "unavailable") return;
  urls = checkerUrls;
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
  const watchdog = setTimeout(() => { if (current()) fail(); }, CHECKER_TIMEOUT_MS);
  started.addEventListener("message", ({ data: message }) => {
    if (!current()) return;
    if (message.type === protocol.READY) {
      clearTimeout(watchdog);
      // "snapshot" or "fresh": how Python started, for the offline tests and the benchmark.
      document.documentElement.dataset.pythonStart = message.data.start;
      setState("ready");
    } else if (message.type === protocol.RESULT || message.type === protocol.ERROR) {
      const answer = pending.get(message.id);
      pending.delete(message.id);
      if (answer) answer(message);
      else if (message.type === protocol.ERROR && message.id === undefined) { clearTimeout(watchdog); fail(); }
    }
  });
  started.addEventListener("error", () => { if (current()) { clearTimeout(watchdog); fail(); } });
  started.postMessage(protocol.init(urls, document.baseURI));
}

// Ends the worker. The check it was running is answered `reason`, any waiting behind it "interrupted".
function stop(reason) {
  if (worker) worker.terminate();
  worker = null;
  [...pending.values()].forEach((answer, index) => answer({ type: protocol.ERROR, data: index ? "interrupted" : reason }));
  pending.clear();
}

function fail() {
  stop("unavailable");
  setState("unavailable");
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
