// The checker worker's message protocol, imported by the worker (checker-worker.mjs) and its client.
//   in:  {type: "init", data: {urls, base}} | {type: "check", id, data: {check, input}}
//   out: {type: "ready", data: {start: "snapshot" | "fresh"}} | {type: "result", id, data}
//        | {type: "error", id?, data: message} | {type: "snapshot", data: "saved" | "failed"}
//        | {type: "progress", data: {loaded, total}} (bytes of Python's files arrived, while starting)
// `urls` are the worksheet island's (pyodide, checksWheel, downloads), relative to the page URL `base`;
// the wheel's name also keys the worker's memory snapshot.

export const INIT = "init";
export const CHECK = "check";
export const READY = "ready";
export const RESULT = "result";
export const ERROR = "error";
export const SNAPSHOT = "snapshot";
export const PROGRESS = "progress";

export const init = (urls, base) => ({ type: INIT, data: { urls, base } });
export const check = (id, request) => ({ type: CHECK, id, data: request });
export const ready = (start) => ({ type: READY, data: { start } });
export const result = (id, data) => ({ type: RESULT, id, data });
/** An error with no id answers no check: Python could not start. */
export const error = (data, id) => (id === undefined ? { type: ERROR, data } : { type: ERROR, id, data });
export const progress = ({ loaded, total }) => ({ type: PROGRESS, data: { loaded, total } });
export const snapshot = (saved) => ({ type: SNAPSHOT, data: saved ? "saved" : "failed" });

/** The request that screens one free text for safety alone (worksheets/checks/safety.py). */
export const safetyRequest = (text) => ({ check: "safety", input: { text } });
