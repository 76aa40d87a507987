// Runs the project's Python checks in Pyodide, off the main thread.
// Protocol: in {type: "init", data: {indexURL, packages}} | {type: "check", id, data: request};
//           out {type: "ready"} | {type: "result", id, data} | {type: "error", id?, data: message}.
// It never touches the DOM or storage: the page script owns those.

let handle = null;

async function initRuntime({ indexURL, packages }) {
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  return loadPyodide({ indexURL, packages });
}

function initChecks(pyodide) {
  return pyodide.pyimport("worksheets.checks.api").handle;
}

async function boot(options) {
  const pyodide = await initRuntime(options);
  handle = initChecks(pyodide);
}

self.addEventListener("message", async ({ data: message }) => {
  if (message.type === "init") {
    try {
      await boot(message.data);
      self.postMessage({ type: "ready" });
    } catch (error) {
      self.postMessage({ type: "error", data: String(error) });
    }
  } else if (message.type === "check") {
    try {
      const result = JSON.parse(handle(JSON.stringify(message.data)));
      self.postMessage({ type: "result", id: message.id, data: result });
    } catch (error) {
      self.postMessage({ type: "error", id: message.id, data: String(error) });
    }
  }
});
