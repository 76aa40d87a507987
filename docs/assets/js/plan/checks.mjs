// What the Python checks say about the plan's free text, now (only the verdicts: paper is short).
// A flagged entry, or one the checker is unsure of, shows the message and support lines instead;
// the words stay as written.

import { checkerState, runCheck, startChecker, watchChecker } from "../checker/client.mjs";
import { safetyRequest } from "../checker/protocol.mjs";
import { MAX_CHECKED_CHARS } from "../core/messages.mjs";
import { filled } from "../core/spec.mjs";
import { supportIn, supportNodes } from "../core/support.mjs";

// As on the worksheet: an empty context field is read from the worksheet the spec names.
function requestFor(field, values, documents) {
  const { check } = field;
  if (!check) return safetyRequest(values[field.id]);
  const input = { [check.input]: values[field.id] };
  for (const [keyword, other] of Object.entries(check.context || {})) {
    input[keyword] = values[other] || "";
    const source = (check.context_from || {})[keyword];
    if (source && !input[keyword].trim()) {
      const borrowed = documents[source.worksheet] || {};
      input[keyword] = source.fields.map((id) => borrowed[id]).filter((text) => filled(text)).join("\n");
    }
    input[keyword] = input[keyword].slice(0, MAX_CHECKED_CHARS);
  }
  return { check: check.name, input };
}

function verdicts(field, result) {
  const met = [];
  const notYet = [];
  for (const { key, label } of field.check.criteria || []) {
    if (result[key] && typeof result[key].met === "boolean") (result[key].met ? met : notYet).push(label);
  }
  return [met.length ? `Met: ${met.join(", ")}.` : "", notYet.length ? `Not yet: ${notYet.join(", ")}.` : ""]
    .filter(Boolean).join(" ");
}

async function runOne({ field, values, node }, documents) {
  if (typeof values[field.id] !== "string" || values[field.id].length > MAX_CHECKED_CHARS) return;
  const answer = await runCheck(requestFor(field, values, documents));
  if (answer.type !== "result" || !node.isConnected) return;
  const support = supportIn(answer.data);
  if (support) {
    node.classList.add("plan-safety");
    node.replaceChildren(...supportNodes(support));
  } else if (field.check) {
    node.textContent = verdicts(field, answer.data);
  }
}

/** Runs `checks` ({field, values, node}, from plan/render.mjs) once the checker is ready. */
export function runPlanChecks(checks, documents, urls) {
  if (!checks.length || checkerState() === "unavailable") return;
  watchChecker((state) => {
    if (state === "loading") return true;
    if (state === "ready") for (const check of checks) runOne(check, documents);
    return false;
  });
  startChecker(urls);
}
