// The checker worker's downloads of Python's files (imported by checker-worker.mjs only):
// - counts the bytes as they arrive, for the page's progress bar and its watchdog, which judges
//   progress rather than time;
// - fetches FILE.gz where the build wrote one (worksheets/site.py GZIPPED) and inflates it here, so
//   a host that compresses nothing still sends 2-3x fewer bytes; the plain file if that fails;
// - keeps each file in Cache Storage as soon as it has arrived, by its hash, and reads it from there
//   first: a later visit never downloads it again, even if this visit's start did not finish.
//   What is kept is the file as Pyodide reads it (inflated), once the bytes as sent matched the
//   build's sha256: a later visit then inflates nothing (a warm start 0.1 s sooner, on 2 cores).

const FILES_CACHE = "set-your-therapy-goals-python-files";
const REPORT_EVERY_MS = 250;
const TYPES = { wasm: "application/wasm", mjs: "text/javascript", json: "application/json" };

const typeOf = (name) => TYPES[name.split(".").pop()] || "application/octet-stream";
/** The SHA-256 of `bytes` in hex, as the build writes it (worksheets/site.py). */
export const sha256 = async (bytes) =>
  [...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))].map((byte) => byte.toString(16).padStart(2, "0")).join("");
const isGzip = (bytes) => bytes && bytes.length > 1 && bytes[0] === 0x1f && bytes[1] === 0x8b;

async function openCache() {
  try {
    return await self.caches.open(FILES_CACHE);
  } catch (error) {
    return null; // no Cache Storage (not a secure context, storage off): downloads every visit
  }
}

/**
 * A stream of `body` that calls `counted(bytes)` per chunk, with its first chunk read already;
 * `ended()` once it is done, failed or cancelled.
 */
async function counting(body, counted, ended) {
  const reader = body.getReader();
  let first;
  try {
    first = await reader.read();
  } catch (error) {
    ended();
    throw error;
  }
  const stream = new ReadableStream({
    start(controller) {
      if (first.done) { ended(); controller.close(); } else { counted(first.value.byteLength); controller.enqueue(first.value); }
    },
    async pull(controller) {
      let chunk;
      try {
        chunk = await reader.read();
      } catch (error) {
        ended();
        throw error;
      }
      if (chunk.done) { ended(); controller.close(); } else { counted(chunk.value.byteLength); controller.enqueue(chunk.value); }
    },
    cancel: (reason) => { ended(); return reader.cancel(reason); },
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
  let inFlight = 0;
  // Named by the hash of the file as sent; "inflated" tells it from a copy kept as sent by an older build.
  const keyOf = (name) => `${indexURL}${name}?inflated&sha256=${files[name].sha256}`;
  // Every file is looked up at once, first thing: a lookup made once a download is being written
  // waits behind the write (0.1 s for the .wasm's, measured in Chromium), and delays its download.
  const cache = openCache();
  const match = (name) => cache.then((opened) => opened && opened.match(keyOf(name))).catch(() => null);
  const lookups = new Map(Object.keys(files).map((name) => [name, match(name)]));
  // A kept response's body is read once: the first fetch of a file takes its lookup, a later one looks again.
  const lookUp = (name) => {
    const lookup = lookups.get(name) || match(name);
    lookups.delete(name);
    return lookup;
  };
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

  // The file as Pyodide reads it: `body` (as sent) inflated when it is gzip.
  const inflated = (body, first) => (isGzip(first) ? body.pipeThrough(new DecompressionStream("gzip")) : body);
  const readable = (name, body) => new Response(body, { headers: { "Content-Type": typeOf(name) } });

  // Keeps the file as Pyodide reads it (`body`) once all of it has arrived and the bytes as sent
  // (`sent`) matched the build's hash (a broken download, a file the host inflated, another build's
  // file midway through a deploy do not), in place of any older copy.
  function keep(cache, key, name, sent, body) {
    Promise.all([new Response(sent).arrayBuffer(), new Response(body).arrayBuffer()])
      .then(async ([sentBytes, bytes]) => {
        if ((await sha256(sentBytes)).slice(0, files[name].sha256.length) !== files[name].sha256) return;
        await cache.put(key, new Response(bytes));
        for (const request of await cache.keys()) {
          if (request.url.startsWith(`${indexURL}${name}?`) && request.url !== key) await cache.delete(request);
        }
      })
      .catch(() => { /* no room: downloaded again next visit */ });
  }

  // From the network: FILE.gz (`gzip`) or FILE, counted as it arrives, kept in `cache` if any.
  async function network(url, name, fetchFile, gzip, cache, key) {
    arrived[name] = 0;
    inFlight += 1;
    let ended = () => { ended = () => {}; inFlight -= 1; };
    let response;
    try {
      response = await fetchFile(gzip ? `${url}.gz` : url);
    } catch (error) {
      ended();
      throw error;
    }
    if (!response.ok || !response.body) { ended(); return response; }
    const length = Number(response.headers.get("Content-Length"));
    if (length) sizes[name] = length;
    const { stream, first } = await counting(response.body, counter(name), () => ended());
    // Only what the build hashed (the file as sent: FILE.gz where it wrote one) can be kept.
    if (!cache || gzip !== files[name].gzip) return readable(name, inflated(stream, first));
    const [toRead, toHash] = stream.tee();
    const [mine, toKeep] = inflated(toRead, first).tee();
    keep(cache, key, name, toHash, toKeep);
    return readable(name, mine);
  }

  return {
    /** The file's name when `url` is one of `files`, else null. */
    nameOf(url) {
      let name = url.startsWith(indexURL) ? url.slice(indexURL.length) : null;
      try { name = name && decodeURIComponent(name); } catch (error) { name = null; }
      return name && Object.hasOwn(files, name) ? name : null;
    },

    async fetch(url, name, fetchFile) {
      const key = keyOf(name);
      const kept = await lookUp(name);
      if (kept) {
        arrived[name] = sizes[name];
        tell(true);
        return readable(name, kept.body);
      }
      const gzip = files[name].gzip && typeof DecompressionStream === "function";
      const opened = await cache;
      let response = gzip ? await network(url, name, fetchFile, true, opened, key).catch(() => null) : null;
      if (!response || !response.ok) response = await network(url, name, fetchFile, false, opened, key);
      return response;
    },

    progress,
    /** No download under way: whatever the worker does now, it is not waiting for bytes. */
    idle: () => inFlight === 0,
  };
}
