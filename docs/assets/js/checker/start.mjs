// Starts the checker first thing on a worksheet page opened directly: loaded from <head> as an
// async module (overrides/partials/checker-start.html), so Python boots while the page renders.
// The page's own modules import the same client module, so they find this worker running.

import { startChecker } from "./client.mjs";

const script = document.querySelector("script[data-checker-urls]");
if (script) startChecker(JSON.parse(script.dataset.checkerUrls));
