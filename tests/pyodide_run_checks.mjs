// Runs check requests through the checks wheel inside Pyodide (the pinned npm package, in Node.js),
// so tests can compare Pyodide's answers with CPython's. Usage: node pyodide_run_checks.mjs WHEEL REQUESTS.json
// Prints {"results": [...], "millis": [...]} as JSON on stdout.
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [wheelPath, requestsPath] = process.argv.slice(2);
const pyodide = await loadPyodide();
pyodide.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel");
const handle = pyodide.pyimport("worksheets.checks.api").handle;
const requests = JSON.parse(readFileSync(requestsPath, "utf8"));
const results = [];
const millis = [];
for (const request of requests) {
  const started = performance.now();
  results.push(JSON.parse(handle(JSON.stringify(request))));
  millis.push(performance.now() - started);
}
process.stdout.write(JSON.stringify({ python: pyodide.runPython("import sys; sys.version"), results, millis }));
