// Runs check requests through the checks wheel inside Pyodide (the pinned npm package, in Node.js),
// so tests can compare Pyodide's answers with CPython's.
// Usage: node pyodide_run_checks.mjs WHEEL REQUESTS.json [STDLIB_ZIP]   (the site's python_stdlib.zip,
// whose start-up modules are precompiled; the npm package's by default)
// Prints {"python", "precompiled": modules loaded from bytecode, "results": [...], "millis": [...]} on stdout.
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [wheelPath, requestsPath, stdlibPath] = process.argv.slice(2);
const pyodide = await loadPyodide(stdlibPath ? { stdLibURL: stdlibPath } : {});
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
const precompiled = pyodide.runPython(
  "import sys; sorted(m.__name__ for m in list(sys.modules.values()) if (getattr(m, '__file__', None) or '').endswith('.pyc'))").toJs();
process.stdout.write(JSON.stringify({ python: pyodide.runPython("import sys; sys.version"), precompiled, results, millis }));
