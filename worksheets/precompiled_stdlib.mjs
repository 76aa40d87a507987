// Build step (worksheets/bundle.py runs it with Node): python_stdlib.zip with the modules the
// checker's start imports compiled by the pinned Pyodide itself (worksheets/precompiled_stdlib.py).
//   node worksheets/precompiled_stdlib.mjs PYODIDE_DIR CHECKS_WHEEL OUTPUT_ZIP

import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [pyodideDir, wheel, output] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: path.resolve(pyodideDir) + path.sep });
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
const script = readFileSync(new URL("precompiled_stdlib.py", import.meta.url), "utf8");
pyodide.runPython(script);
writeFileSync(output, pyodide.globals.get("main")().toJs());
