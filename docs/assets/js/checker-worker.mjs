// Runs the project's Python checks in Pyodide, off the main thread, speaking checker/protocol.mjs.
// It never touches the DOM or localStorage: the page's modules own those.

import { downloads, sha256 } from "./checker/download.mjs";
import * as protocol from "./checker/protocol.mjs";

// A memory snapshot of Python with the checks imported starts in a fraction of a fresh start.
// It is only valid for one runtime build and one checks wheel: the wheel's name names both, and keys it.
const SNAPSHOT_CACHE = "set-your-therapy-goals-python-snapshot";
// A second after Python is ready: making it (tens of ms) never delays the first feedback.
const SNAPSHOT_DELAY_MS = 1000;
const CHECKS_MODULE = "worksheets.checks.api";

let handle = null;
// After a start from the snapshot: puts the checks' files back, once the first answer is out.
let unpackLater = null;

// loadPyodide() never settles when one of the runtime's files fails to download (it logs "wasm
// instantiation failed!" and waits): while booting, a failed download is reported at once instead.
// Python's own files go through checker/download.mjs (progress, gzip, kept in Cache Storage).
let booting = false;
let runtimeFiles = null;
const fetchFile = self.fetch.bind(self);
self.fetch = async (resource, options) => {
  const url = resource.url || String(resource);
  const name = runtimeFiles ? runtimeFiles.nameOf(new URL(url, self.location.href).href) : null;
  let response;
  try {
    response = name ? await runtimeFiles.fetch(new URL(url, self.location.href).href, name, fetchFile)
      : await fetchFile(resource, options);
  } catch (error) {
    if (booting) self.postMessage(protocol.error(`could not download ${url}: ${error}`));
    throw error;
  }
  if (booting && !response.ok) self.postMessage(protocol.error(`could not download ${url}: HTTP ${response.status}`));
  return response;
};

// Pyodide imports pyodide.asm.mjs itself; fetched here instead, it comes gzipped, counted and kept.
async function runtimeModule(indexURL) {
  try {
    const response = await self.fetch(new URL("pyodide.asm.mjs", indexURL).href);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const url = URL.createObjectURL(new Blob([await response.arrayBuffer()], { type: "text/javascript" }));
    try {
      return (await import(url)).default;
    } finally {
      URL.revokeObjectURL(url);
    }
  } catch (error) {
    return (await import(new URL("pyodide.asm.mjs", indexURL).href)).default;
  }
}

const snapshots = {
  url: (key) => new URL(`/__python-snapshot__/${encodeURIComponent(key)}`, self.location.origin).href,

  async open() {
    // Cache Storage is missing outside secure contexts and may be disabled: start fresh then.
    try {
      return await self.caches.open(SNAPSHOT_CACHE);
    } catch (error) {
      return null;
    }
  },

  // The kept snapshot as {bytes: a promise of them, still arriving}, or null when there is none.
  async find(key) {
    const cache = key && (await this.open());
    const response = cache && (await cache.match(this.url(key)));
    return response ? { bytes: response.arrayBuffer() } : null;
  },

  async save(pyodide, key) {
    const cache = key && (await this.open());
    if (!cache) return false;
    // The checks are imported into Python's memory, so the snapshot keeps them. (Pyodide snapshots only
    // an interpreter with no package loaded by loadPackage: the checks are unpacked, not loaded.)
    const bytes = pyodide.makeMemorySnapshot();
    // One snapshot at a time: one from another runtime or other checks could never load.
    for (const request of await cache.keys()) await cache.delete(request);
    await cache.put(this.url(key), new Response(bytes, { headers: { "Content-Type": "application/octet-stream" } }));
    return true;
  },

  async forget(key) {
    const cache = key && (await this.open());
    if (cache) await cache.delete(this.url(key));
  },
};

function options({ urls, base }) {
  const indexURL = new URL(urls.pyodide, base).href;
  runtimeFiles = downloads(indexURL, urls.downloads || {}, (progress) => self.postMessage(protocol.progress(progress)));
  return {
    indexURL,
    wheel: { url: new URL(urls.checksWheel, indexURL).href, sha256: urls.downloads?.[urls.checksWheel]?.sha256 },
    snapshotKey: urls.checksWheel,
  };
}

// The checks wheel's bytes, checked against the build's sha256 before Python may unpack them.
async function checksWheel({ url, sha256: built }) {
  const response = await self.fetch(url);
  if (!response.ok) throw new Error(`could not download ${url}: HTTP ${response.status}`);
  const bytes = await response.arrayBuffer();
  if (!built || !(await sha256(bytes)).startsWith(built)) throw new Error(`${url} is not the file this site was built with`);
  return bytes;
}

async function initRuntime({ indexURL, wheel, snapshotKey }) {
  // Pyodide awaits this promise when it needs the module: the download starts now, alongside the rest.
  const createPyodideModule = runtimeModule(indexURL);
  createPyodideModule.catch(() => {});
  // The checks wheel downloads while the runtime boots, and is unpacked once Python runs: 0.1 s
  // sooner than Pyodide's loadPackage, which installs it only after the boot.
  const checks = checksWheel(wheel);
  checks.catch(() => {});
  // In parallel: the runtime's loader, and the snapshot an earlier visit kept, whose bytes go on
  // arriving while loadPyodide fetches and compiles the runtime.
  const [{ loadPyodide }, snapshot] = await Promise.all([
    import(new URL("pyodide.mjs", indexURL).href),
    snapshots.find(snapshotKey).catch(() => null),
  ]);
  loaderImported = true;
  if (snapshot) {
    let pyodide = null;
    try {
      pyodide = await loadPyodide({ indexURL, createPyodideModule, _loadSnapshot: snapshot.bytes });
    } catch (error) {
      // A snapshot that does not load (another runtime build, corrupt) is dropped; a fresh start follows.
      await snapshots.forget(snapshotKey);
    }
    if (pyodide) {
      // The snapshot holds the checks imported and warmed up, and no check reads a file after that
      // (tests/test_safety.py): their files go back only once the first answer is out, 40 ms sooner.
      const bytes = await checks;
      const unpack = () => pyodide.unpackArchive(bytes, "wheel");
      return { pyodide, checks: initChecks(pyodide), start: "snapshot", unpack };
    }
  }
  const pyodide = await loadPyodide({ indexURL, createPyodideModule, _makeSnapshot: true });
  pyodide.unpackArchive(await checks, "wheel");
  return { pyodide, checks: initChecks(pyodide), start: "fresh" };
}

function initChecks(pyodide) {
  return pyodide.pyimport(CHECKS_MODULE).handle;
}

// The page's watchdog gives up after a long stretch with no progress. While bytes arrive, they are
// the progress; with no download under way, Python compiles and starts with no byte to count: this
// beat tells the page the worker still runs (a worker stuck in a loop cannot send it).
const HEARTBEAT_MS = 5000;
let loaderImported = false; // pyodide.mjs is imported, not fetched: no byte of it is counted

async function boot(options) {
  booting = true;
  self.postMessage(protocol.progress(runtimeFiles.progress()));
  const heartbeat = setInterval(() => {
    if (loaderImported && runtimeFiles.idle()) self.postMessage(protocol.progress(runtimeFiles.progress()));
  }, HEARTBEAT_MS);
  const { pyodide, checks, start, unpack } = await initRuntime(options).finally(() => {
    booting = false;
    clearInterval(heartbeat);
  });
  handle = checks;
  if (start === "fresh") setTimeout(() => keepSnapshot(pyodide, options.snapshotKey), SNAPSHOT_DELAY_MS);
  if (unpack) {
    const timer = setTimeout(() => unpackLater && unpackLater(), SNAPSHOT_DELAY_MS);
    unpackLater = () => {
      clearTimeout(timer);
      unpackLater = null;
      try {
        unpack();
      } catch (error) {
        // The checks run from memory all the same.
      }
    };
  }
  return { start };
}

async function keepSnapshot(pyodide, snapshotKey) {
  let saved = false;
  try {
    // Compiled patterns go into the snapshot too: a later visit's first check then starts warm.
    pyodide.pyimport(CHECKS_MODULE).warm_up();
    saved = await snapshots.save(pyodide, snapshotKey);
  } catch (error) {
    saved = false;  // no room, or storage disabled: the next visit starts fresh
  }
  self.postMessage(protocol.snapshot(saved));
}

self.addEventListener("message", async ({ data: message }) => {
  if (message.type === protocol.INIT) {
    try {
      const { start } = await boot(options(message.data));
      self.postMessage(protocol.ready(start));
    } catch (error) {
      self.postMessage(protocol.error(String(error)));
    }
  } else if (message.type === protocol.CHECK) {
    try {
      const result = JSON.parse(handle(JSON.stringify(message.data)));
      self.postMessage(protocol.result(message.id, result));
    } catch (error) {
      self.postMessage(protocol.error(String(error), message.id));
    }
    if (unpackLater) unpackLater();
  }
});
