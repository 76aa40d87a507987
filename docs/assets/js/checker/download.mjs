// The checker worker's downloads of Python's files (imported by checker-worker.mjs only):
// - counts the bytes as they arrive, for the page's progress bar and its watchdog, which judges
//   progress rather than time;
// - fetches FILE.gz where the build wrote one (worksheets/site.py GZIPPED) and inflates it here, so
//   a host that compresses nothing still sends 2-3x fewer bytes; the plain file if that fails;
// - keeps each file in Cache Storage as soon as it has arrived, by its hash, and reads it from there
//   first: a later visit never downloads it again, even if this visit's start did not finish.

const FILES_CACHE = "set-your-therapy-goals-python-files";
const REPORT_EVERY_MS = 250;
const TYPES = { wasm: "application/wasm", mjs: "text/javascript", json: "application/json" };

const typeOf = (name) => TYPES[name.split(".").pop()] || "application/octet-stream";
const isGzip = (bytes) => bytes && bytes.length > 1 && bytes[0] === 0x1f && bytes[1] === 0x8b;

async function openCache() {
  try {
    return await self.caches.open(FILES_CACHE);
  } catch (error) {
    return null; // no Cache Storage (not a secure context, storage off): downloads every visit
  }
}

/** A stream of `body` that calls `counted(bytes)` per chunk, with its first chunk read already. */
async function counting(body, counted) {
  const reader = body.getReader();
  const first = await reader.read();
  const stream = new ReadableStream({
    start(controller) {
      if (first.done) controller.close();
      else { counted(first.value.byteLength); controller.enqueue(first.value); }
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else { counted(value.byteLength); controller.enqueue(value); }
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { stream, first: first.value };
}

/**
 * `files`: {name: {bytes, gzip, sha256}} under `indexURL` (the build's checker urls). `report({loaded,
 * total})` is called as bytes arrive, at most every REPORT_EVERY_MS, and once all have arrived.
 */
export function downloads(indexURL, files, report) {
  const arrived = {};
  const sizes = Object.fromEntries(Object.entries(files).map(([name, file]) => [name, file.bytes]));
  let lastReport = 0;
  const progress = () => ({
    loaded: Object.values(arrived).reduce((sum, bytes) => sum + bytes, 0),
    total: Object.values(sizes).reduce((sum, bytes) => sum + bytes, 0),
  });
  const tell = (force) => {
    const now = performance.now();
    if (!force && now - lastReport < REPORT_EVERY_MS) return;
    lastReport = now;
    report(progress());
  };
  const counter = (name) => (bytes) => {
    arrived[name] = (arrived[name] || 0) + bytes;
    tell(arrived[name] >= sizes[name]);
  };

  async function network(url, name, fetchFile, gzip) {
    arrived[name] = 0;
    const response = await fetchFile(gzip ? `${url}.gz` : url);
    if (!response.ok || !response.body) return response;
    const length = Number(response.headers.get("Content-Length"));
    if (length) sizes[name] = length;
    const { stream, first } = await counting(response.body, counter(name));
    // A host that sends FILE.gz with Content-Encoding: gzip had the browser inflate it already.
    const body = gzip && isGzip(first) ? stream.pipeThrough(new DecompressionStream("gzip")) : stream;
    return new Response(body, { headers: { "Content-Type": typeOf(name) } });
  }

  return {
    /** The file's name when `url` is one of `files`, else null. */
    nameOf(url) {
      let name = url.startsWith(indexURL) ? url.slice(indexURL.length) : null;
      try { name = name && decodeURIComponent(name); } catch (error) { name = null; }
      return name && Object.hasOwn(files, name) ? name : null;
    },

    async fetch(url, name, fetchFile) {
      const key = `${indexURL}${name}?sha256=${files[name].sha256}`;
      const cache = await openCache();
      const kept = cache && (await cache.match(key).catch(() => null));
      if (kept) {
        arrived[name] = sizes[name];
        tell(true);
        return kept;
      }
      let response = null;
      if (files[name].gzip && typeof DecompressionStream === "function") {
        response = await network(url, name, fetchFile, true).catch(() => null);
        if (response && !response.ok) response = null;
      }
      if (!response) response = await network(url, name, fetchFile, false);
      if (!response.ok || !cache) return response;
      // Kept whole once every byte has arrived (a broken download rejects the put: nothing is kept),
      // in place of any other build's copy of the same file.
      const [mine, forCache] = response.body.tee();
      cache.put(key, new Response(forCache, { headers: response.headers }))
        .then(async () => {
          for (const request of await cache.keys()) {
            if (request.url.startsWith(`${indexURL}${name}?`) && request.url !== key) await cache.delete(request);
          }
        })
        .catch(() => { /* no room: downloaded again next visit */ });
      return new Response(mine, { headers: response.headers });
    },

    progress,
  };
}
