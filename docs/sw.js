// Service worker: keeps this build of the site in the browser, so a second visit starts from the
// cache and the whole site, worksheets and checks included, works with the network off.
// - The build (worksheets/offline.py) writes the PRECACHE line below: every file with its sha256, in
//   two groups. `site` (pages, assets, worksheets) is kept when this worker installs; `python` (the
//   Pyodide runtime and the checks) only once a worksheet page was opened: guide pages never fetch it.
// - One cache per build, named by the build's version. Every file in it is checked against its hash,
//   so it never holds another build's file. A new build is a new sw.js: it fills its own cache while
//   the old one still serves, takes over only when no page of the old build is open (no skipWaiting,
//   no clients.claim), then deletes the old caches.
const PRECACHE = { version: "dev", groups: { site: {}, python: {} } };

const CACHE_PREFIX = "set-your-therapy-goals-site-";
const CACHE = CACHE_PREFIX + PRECACHE.version;
const FILES = { ...PRECACHE.groups.site, ...PRECACHE.groups.python };

const urlOf = (path) => new URL(path, self.registration.scope).href;

// The manifest path of a request URL, or null for anything this build does not list.
function pathOf(url) {
  const scope = self.registration.scope;
  if (!url.startsWith(scope) || url.includes("?")) return null;
  const path = url.slice(scope.length);
  return Object.hasOwn(FILES, path) ? path : null;
}

function hex(buffer) {
  return [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

const isThisBuilds = async (path, response) =>
  hex(await crypto.subtle.digest("SHA-256", await response.clone().arrayBuffer())) === FILES[path];

// The network's copy, only if it is this build's file (a server midway through a new deploy is not).
async function fetchVerified(path) {
  const response = await fetch(urlOf(path), { cache: "no-cache" });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  if (!(await isThisBuilds(path, response))) throw new Error(`${path} is not the file of build ${PRECACHE.version}`);
  return response;
}

// An unchanged file comes from an earlier build's cache: an update downloads only what changed.
async function obtain(path, earlier) {
  for (const cache of earlier) {
    const response = await cache.match(urlOf(path));
    if (response && (await isThisBuilds(path, response))) return response;
  }
  return fetchVerified(path);
}

// Caches a group whole: nothing is put until every file has arrived and matched its hash.
async function keepGroup(cache, group, earlier = []) {
  const missing = [];
  for (const path of Object.keys(PRECACHE.groups[group])) {
    if (!(await cache.match(urlOf(path)))) missing.push(path);
  }
  const responses = await Promise.all(missing.map((path) => obtain(path, earlier)));
  await Promise.all(responses.map((response, index) => cache.put(urlOf(missing[index]), response)));
}

async function hasGroup(cache, group) {
  for (const path of Object.keys(PRECACHE.groups[group])) {
    if (!(await cache.match(urlOf(path)))) return false;
  }
  return true;
}

async function previousCaches() {
  return (await caches.keys()).filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE);
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const earlier = await Promise.all((await previousCaches()).map((name) => caches.open(name)));
    await keepGroup(cache, "site", earlier);
    // A visitor who had the checks offline keeps them offline across an update.
    const python = Object.keys(PRECACHE.groups.python).map(urlOf);
    for (const previous of earlier) {
      if ((await previous.keys()).some((request) => python.includes(request.url))) {
        await keepGroup(cache, "python", earlier);
        break;
      }
    }
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await previousCaches()) await caches.delete(name);
  })());
});

// From assets/js/offline.js: {type: "keep", python}; answers {type: "kept", version, python}.
// And {type: "take-over"}: the person chose "A new version is ready: reload", so this waiting
// worker takes over now instead of when the last page of the old build closes.
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "take-over") {
    self.skipWaiting();
    return;
  }
  if (!event.data || event.data.type !== "keep") return;
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    if (event.data.python) {
      try {
        await keepGroup(cache, "python");
      } catch (error) {
        // Offline, or a newer build on the server: the checks are kept on a later visit.
      }
    }
    event.source.postMessage({ type: "kept", version: PRECACHE.version, python: await hasGroup(cache, "python") });
  })());
});

self.addEventListener("fetch", (event) => {
  const path = event.request.method === "GET" ? pathOf(event.request.url) : null;
  if (path === null) return; // not this build's file: the network, as without a service worker
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const cached = await cache.match(urlOf(path));
    if (cached) return cached;
    try {
      const response = await fetchVerified(path);
      event.waitUntil(cache.put(urlOf(path), response.clone()));
      return response;
    } catch (error) {
      return Response.error();
    }
  })());
});
