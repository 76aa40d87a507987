"""Benchmark: how soon Python feedback arrives on a worksheet, and what the site costs to build and read.

Builds the site, serves it on a free loopback port, drives Debian's Chromium (the test suite's
launch flags) and measures, in one run, over several rounds (medians):

  (a) a bare page that only starts Pyodide in a module worker and runs 1+1: the pinned npm package's
      own files, served by the same server (the site ships the same runtime with its stdlib's
      start-up modules precompiled, worksheets/precompiled_stdlib.py); and, beside it, the same bare
      page on the site's own runtime files, so the gain of the precompiled stdlib shows apart;
  (b) the SMART worksheet from navigation to the first per-criterion feedback, cold (new browser
      context) and warm (second visit in the same context);
  (c) time until the form accepts typing, and whether Python was still loading then;
  (d) a guide page's transferred bytes (the page's own, and the service worker's precache), and
      whether any Pyodide file was requested;
  (e) one check's latency inside the worker (p50/p95 over the labelled goals);
  (f) the site's build time against a plain Material build of the same Markdown;
  (g) per network profile (loopback, 4 Mbps/150 ms, 1.6 Mbps/300 ms; throttled through the DevTools
      protocol, which slows the page's worker too): the bare page and the SMART worksheet side by
      side, cold and warm, with the bytes each transferred until Python answered.

Run it with `.venv/bin/python scripts/bench.py` (after `bash scripts/setup.sh --browser`);
`--json` adds one JSON object as the last line, ratios included.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml
from mkdocs.utils.yaml import get_yaml_loader
from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from worksheets import bundle, pages
from worksheets.devserver import CHROMIUM, CHROMIUM_ARGS, QuietHandler  # the tests' browser and server, on purpose

ROOT = Path(__file__).resolve().parent.parent

WORKSHEET_ID = "smart-goal"
GUIDE_PAGE = ""  # the home page
LABELLED_GOALS = ROOT / "tests" / "data" / "labelled_goals.jsonl"
#: Served next to the site under this path, made at bench time: the bare Pyodide page and the check timer.
BENCH_PREFIX = "/__bench__/"
#: The site's own runtime files (precompiled stdlib), for the bare page beside the npm package's.
SITE_RUNTIME = "/pyodide/"
#: Generous: a cold start is a few seconds; a loaded machine may take much longer.
READY_TIMEOUT_MS = 120_000
GOAL = "Walk for 20 minutes after work three times a week this month"
#: Network profiles for (g): CDP Network.emulateNetworkConditions (throughput in bytes/s, latency in ms).
PROFILES = {
    "loopback": None,
    "4mbps-150ms": {"offline": False, "latency": 150, "downloadThroughput": 4_000_000 / 8, "uploadThroughput": 1_000_000 / 8},
    "1.6mbps-300ms": {"offline": False, "latency": 300, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8},
}
#: A throttled cold start downloads megabytes: minutes at 1.6 Mbps on a loaded machine.
SLOW_TIMEOUT_MS = 600_000

# Records, relative to navigation start, when the page first accepted typing and first showed feedback.
PROBE_SCRIPT = """
window.__bench = { origin: performance.timeOrigin, unavailableSeen: false, progressSeen: false };
new MutationObserver(() => {
  if (window.__bench.feedback === undefined && document.querySelector("[data-criterion][data-met]")) {
    window.__bench.feedback = performance.now();
  }
  if (document.querySelector("form[data-checker=unavailable]")) window.__bench.unavailableSeen = true;
  if (document.querySelector("[data-checker-progress] progress")) window.__bench.progressSeen = true;
}).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-met", "data-checker"] });
document.addEventListener("input", (event) => {
  if (window.__bench.typed === undefined) {
    window.__bench.typed = performance.now();
    const form = event.target.closest("form");
    window.__bench.checkerWhenTyped = form ? form.dataset.checker : null;
  }
}, true);
"""

SNAPSHOT_KEPT = """async () => {
  for (const name of await caches.keys()) {
    if (name.includes("snapshot") && (await (await caches.open(name)).keys()).length) return true;
  }
  return false;
}"""

BARE_PAGE = """<!doctype html>
<meta charset="utf-8"><title>bare Pyodide</title>
<script>
  const worker = new Worker("bare-worker.mjs", { type: "module" });
  worker.onmessage = ({ data }) => { window.__bench = { ...data, done: performance.now() }; };
  // ?runtime=/pyodide/ starts the site's own runtime files; by default the npm package's (BENCH_PREFIX pyodide/).
  const runtime = new URLSearchParams(location.search).get("runtime") || "pyodide/";
  worker.postMessage({ indexURL: new URL(runtime, location.href).href });
</script>
"""

BARE_WORKER = """
self.onmessage = async ({ data }) => {
  const { loadPyodide } = await import(new URL("pyodide.mjs", data.indexURL).href);
  const pyodide = await loadPyodide({ indexURL: data.indexURL });
  self.postMessage({ result: pyodide.runPython("1+1") });
};
"""

CHECKS_PAGE = """<!doctype html>
<meta charset="utf-8"><title>check latency</title>
<script>
  window.timeChecks = (requests) => new Promise((resolve, reject) => {
    const worker = new Worker("checks-worker.mjs", { type: "module" });
    worker.onmessage = ({ data }) => resolve(data);
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage({ indexURL: new URL("/pyodide/", location.href).href, package: %(package)s, requests });
  });
</script>
"""

# Times api.handle inside the worker, so the figure excludes messaging between page and worker.
CHECKS_WORKER = """
self.onmessage = async ({ data }) => {
  const { loadPyodide } = await import(new URL("pyodide.mjs", data.indexURL).href);
  const pyodide = await loadPyodide({ indexURL: data.indexURL, packages: [data.package] });
  const handle = pyodide.pyimport("worksheets.checks.api").handle;
  const texts = data.requests.map((request) => JSON.stringify(request));
  const durations = [];
  const loopStart = performance.now();
  for (const text of texts) {
    const start = performance.now();
    handle(text);
    durations.push(performance.now() - start);
  }
  // The clock ticks in 0.1 ms steps here (no cross-origin isolation): the loop's total gives the mean.
  self.postMessage({ durations, total: performance.now() - loopStart });
};
"""


def walk(fields: list[dict]) -> Iterator[dict]:
    """Every field of a spec, those inside repeat groups included."""
    for field in fields:
        yield field
        yield from walk(field.get("fields", []))


def machine() -> dict[str, object]:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "python": platform.python_version()}


def median(values: list[float]) -> float:
    return round(statistics.median(values), 1)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


# ---------------------------------------------------------------- build and serve


def build(config: Path, site_dir: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config),
                             "--site-dir", str(site_dir)], cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build with {config} failed:\n{result.stderr}")
    return elapsed


def plain_material_config(folder: Path) -> Path:
    """The project's mkdocs.yml without the hook, the overrides and the generated worksheet pages."""
    # MkDocs' own loader resolves its tags (!ENV, !relative) into plain values.
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=get_yaml_loader())  # noqa: S506
    config.pop("hooks", None)
    config["theme"].pop("custom_dir", None)
    config["docs_dir"] = str(ROOT / config.get("docs_dir", "docs"))
    config["strict"] = False
    config["nav"] = [item for item in config.get("nav", []) if not (isinstance(item, dict) and "Worksheets" in item)]
    path = folder / "mkdocs-plain.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    return path


class _Handler(QuietHandler):
    """Serves the site, and the bench's own pages under BENCH_PREFIX."""

    bench_dir: Path

    def translate_path(self, path: str) -> str:
        route = unquote(urlsplit(path).path)
        if route.startswith(BENCH_PREFIX + "pyodide/"):
            return str(bundle.PYODIDE_DIR / route[len(BENCH_PREFIX + "pyodide/"):])
        if route.startswith(BENCH_PREFIX):
            return str(self.bench_dir / route[len(BENCH_PREFIX):])
        return super().translate_path(path)


@contextmanager
def serve(site_dir: Path, bench_dir: Path) -> Iterator[str]:
    handler = type("BenchHandler", (_Handler,), {"bench_dir": bench_dir})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def write_bench_pages(bench_dir: Path) -> None:
    bench_dir.mkdir(parents=True, exist_ok=True)
    (bench_dir / "bare.html").write_text(BARE_PAGE)
    (bench_dir / "bare-worker.mjs").write_text(BARE_WORKER)
    (bench_dir / "checks.html").write_text(CHECKS_PAGE % {"package": json.dumps(bundle.PACKAGE_NAME)})
    (bench_dir / "checks-worker.mjs").write_text(CHECKS_WORKER)


# ---------------------------------------------------------------- measurements


def poll(page: Page, script: str, timeout_ms: float = READY_TIMEOUT_MS) -> object:
    """Evaluates `script` until it is truthy. page.wait_for_function would compile it with eval, which
    the site's Content-Security-Policy forbids; page.evaluate runs outside the page's policy."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not (value := page.evaluate(script)):
        if time.monotonic() > deadline:
            raise TimeoutError(f"never true: {script}")
        time.sleep(0.05)
    return value


def throttle(page: Page, conditions: dict | None) -> None:
    if conditions:
        session = page.context.new_cdp_session(page)
        session.send("Network.enable")
        session.send("Network.emulateNetworkConditions", conditions)


#: How long no request may start or end before a visit's bytes are taken.
QUIET_S = 1.0


class ByteCounter:
    """Bytes (bodies and headers) of every response a context received, the worker's included."""

    def __init__(self, context) -> None:  # noqa: ANN001 - Playwright's BrowserContext
        self.total = 0
        self.urls: list[str] = []
        self.pending: set = set()
        self.last_event = time.monotonic()
        context.on("request", self._started)
        context.on("requestfailed", self._failed)
        context.on("requestfinished", self._finished)

    def _started(self, request) -> None:  # noqa: ANN001 - Playwright's Request
        self.last_event = time.monotonic()
        self.pending.add(request)

    def _failed(self, request) -> None:  # noqa: ANN001 - Playwright's Request
        self.last_event = time.monotonic()
        self.pending.discard(request)

    def _finished(self, request) -> None:  # noqa: ANN001 - Playwright's Request
        self.last_event = time.monotonic()
        self.pending.discard(request)
        if request.service_worker is not None:
            return  # the offline copy, kept after the checker started: not on the way to feedback
        response = request.response()
        if response is not None and response.from_service_worker:
            return  # answered from the offline copy: no byte crossed the network
        try:
            sizes = request.sizes()
        except PlaywrightError:
            return  # it finished as its page closed, after the figures were taken
        self.total += max(sizes["responseBodySize"], 0) + max(sizes["responseHeadersSize"], 0)
        self.urls.append(request.url)

    def take(self, page: Page) -> tuple[int, list[str]]:
        """The bytes since the last take, once every request under way has finished and no event came
        for a while: a worker's events may come after its page saw the answer (the bare page's .wasm
        once went uncounted, 3.9 MB reported for 13.5 MB)."""
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and (
                {r for r in self.pending if r.service_worker is None} or time.monotonic() - self.last_event < QUIET_S):
            page.wait_for_timeout(100)
        taken = self.total, self.urls
        self.total, self.urls = 0, []
        return taken


def bare_visits(browser: Browser, base: str, conditions: dict | None) -> dict[str, object]:
    """(g) the bare page cold (new context) and warm (a second visit, HTTP cache), under `conditions`."""
    context = browser.new_context()
    counter = ByteCounter(context)
    try:
        figures: dict[str, object] = {}
        for visit in ("cold", "warm"):
            page = context.new_page()
            throttle(page, conditions)
            page.goto(base + BENCH_PREFIX.lstrip("/") + "bare.html", wait_until="commit")
            result = poll(page, "window.__bench && window.__bench.done && window.__bench", SLOW_TIMEOUT_MS)
            assert result["result"] == 2, result
            figures[f"{visit}_ms"] = result["done"]
            figures[f"{visit}_bytes"] = counter.take(page)[0]
            page.close()
        return figures
    finally:
        context.close()


def worksheet_visits(browser: Browser, base: str, field_label: str, conditions: dict | None) -> dict[str, object]:
    """(g) the SMART worksheet cold and warm under `conditions`: first feedback, bytes, files, whether
    the checker ever said it was unavailable."""
    context = browser.new_context()
    counter = ByteCounter(context)
    try:
        figures: dict[str, object] = {}
        for visit in ("cold", "warm"):
            page = context.new_page()
            throttle(page, conditions)
            result = worksheet_visit(page, base + f"worksheets/{WORKSHEET_ID}/", field_label, SLOW_TIMEOUT_MS)
            taken, urls = counter.take(page)
            figures[f"{visit}_ms"] = result["feedback"]
            figures[f"{visit}_bytes"] = taken
            figures[f"{visit}_python_start"] = result.get("pythonStart")
            figures[f"{visit}_unavailable_seen"] = result.get("unavailableSeen")
            figures[f"{visit}_progress_seen"] = result.get("progressSeen")
            figures[f"{visit}_pyodide_files"] = sorted({url.rsplit("/", 1)[-1] for url in urls if "/pyodide/" in url})
            if visit == "cold":
                wait_until_offline_ready(page)
            page.close()
        return figures
    finally:
        context.close()


def bare_pyodide_start(browser: Browser, base: str, runtime: str = "") -> float:
    """(a) navigation -> `1+1` answered by Pyodide in a module worker, in a new context; `runtime`
    "/pyodide/" for the site's own runtime files, else the npm package's."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base + BENCH_PREFIX.lstrip("/") + "bare.html" + (f"?runtime={runtime}" if runtime else ""))
        result = poll(page, "window.__bench && window.__bench.done && window.__bench")
        assert result["result"] == 2, result
        return result["done"]
    finally:
        context.close()


def worksheet_visit(page: Page, url: str, field_label: str, timeout_ms: float = READY_TIMEOUT_MS) -> dict[str, object]:
    """(b, c) one visit: type a goal as soon as the form takes it, wait for the first feedback."""
    page.add_init_script(PROBE_SCRIPT)
    page.goto(url, wait_until="commit", timeout=timeout_ms)
    page.get_by_label(field_label, exact=True).first.fill(GOAL, timeout=timeout_ms)
    # The probe timed the feedback when it appeared; this only waits for it, or for the checker to
    # give up (its watchdog, on a badly overloaded machine), which leaves the round without a figure.
    feedback = page.locator("[data-criterion][data-met]").first
    gave_up = page.locator("form[data-checker=unavailable]")
    try:
        feedback.or_(gave_up).first.wait_for(state="attached", timeout=timeout_ms)
    except PlaywrightTimeoutError:
        pass
    if not feedback.count():
        checker = page.evaluate("[...document.querySelectorAll('form[data-checker]')].map((f) => f.dataset.checker)")
        return {"feedback": None, "typed": None, "checkerWhenTyped": None, "pythonStart": None, "checker": checker,
                "unavailableSeen": "unavailable" in checker}
    return {**page.evaluate("window.__bench"), "pythonStart": page.evaluate("document.documentElement.dataset.pythonStart")}


def wait_until_offline_ready(page: Page) -> bool:
    """After a first visit: the service worker has kept the site (and Python), the checker its snapshot."""
    # The offline copy is started by the site's module entry (main.mjs) wherever service workers exist.
    if not page.evaluate("'serviceWorker' in navigator"):
        return False
    try:
        page.locator("html[data-offline=ready]").wait_for(state="attached", timeout=READY_TIMEOUT_MS)
        if page.locator("form[data-worksheet]").count():
            poll(page, SNAPSHOT_KEPT)
        return True
    except Exception:  # noqa: BLE001 - a site without offline support still gets its other figures
        return False


def worksheet_cold_and_warm(browser: Browser, base: str, field_label: str) -> dict[str, object]:
    url = base + f"worksheets/{WORKSHEET_ID}/"
    context = browser.new_context()
    try:
        page = context.new_page()
        cold = worksheet_visit(page, url, field_label)
        offline_ready = wait_until_offline_ready(page)
        page.close()
        warm = worksheet_visit(context.new_page(), url, field_label)
        return {"cold": cold, "warm": warm, "offline_ready": offline_ready}
    finally:
        context.close()


def guide_page_cost(browser: Browser, base: str) -> dict[str, object]:
    """(d) bytes a first visit to a guide page transfers, split by who asked, and any Pyodide request."""
    context = browser.new_context()
    try:
        finished: list[tuple[str, bool, int]] = []

        def on_finished(request) -> None:  # noqa: ANN001 - Playwright's Request
            sizes = request.sizes()
            size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
            finished.append((request.url, request.service_worker is not None, max(size, 0)))

        context.on("requestfinished", on_finished)
        page = context.new_page()
        page.goto(base + GUIDE_PAGE, wait_until="load")
        offline_ready = wait_until_offline_ready(page)
        page.wait_for_load_state("networkidle")
        page_bytes = sum(size for _, by_worker, size in finished if not by_worker)
        worker_bytes = sum(size for _, by_worker, size in finished if by_worker)
        pyodide = [url for url, _, _ in finished if "/pyodide/" in url]
        return {"page_bytes": page_bytes, "precache_bytes": worker_bytes, "requests": len(finished),
                "pyodide_requests": len(pyodide), "offline_ready": offline_ready}
    finally:
        context.close()


def check_latencies(browser: Browser, base: str, check: dict, rounds: int) -> dict[str, object]:
    """(e) milliseconds per api.handle call inside the worker, over every labelled goal, `rounds` times:
    {durations: [each call], total: the whole loop}."""
    goals = [json.loads(line)["goal"] for line in LABELLED_GOALS.read_text().splitlines() if line.strip()]
    requests = [{"check": check["name"], "input": {check["input"]: goal}} for goal in goals] * rounds
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base + BENCH_PREFIX.lstrip("/") + "checks.html")
        page.set_default_timeout(READY_TIMEOUT_MS)
        return page.evaluate("(requests) => window.timeChecks(requests)", requests)
    finally:
        context.close()


# ---------------------------------------------------------------- the run


def network_profiles(browser: Browser, base: str, field_label: str, names: list[str], rounds: int) -> dict[str, object]:
    """(g) per profile, medians over `rounds`: bare page and worksheet side by side, cold and warm."""
    profiles: dict[str, object] = {}
    for name in names:
        bare, sheet = [], []
        for index in range(rounds):
            bare.append(bare_visits(browser, base, PROFILES[name]))
            sheet.append(worksheet_visits(browser, base, field_label, PROFILES[name]))
            print(f"{name} round {index + 1}/{rounds}: bare {bare[-1]['cold_ms']:.0f} / {bare[-1]['warm_ms']:.0f} ms, "
                  f"worksheet {sheet[-1]['cold_ms'] or 0:.0f} / {sheet[-1]['warm_ms'] or 0:.0f} ms (cold / warm)", flush=True)
        done = [visit for visit in sheet if visit["cold_ms"] and visit["warm_ms"]]
        figures: dict[str, object] = {
            "rounds": rounds, "rounds_without_feedback": rounds - len(done),
            "bare_cold_ms": median([b["cold_ms"] for b in bare]), "bare_warm_ms": median([b["warm_ms"] for b in bare]),
            "bare_cold_bytes": int(statistics.median([b["cold_bytes"] for b in bare])),
            "bare_warm_bytes": int(statistics.median([b["warm_bytes"] for b in bare])),
            "unavailable_seen": any(v["cold_unavailable_seen"] or v["warm_unavailable_seen"] for v in sheet),
            "progress_seen_cold": all(v["cold_progress_seen"] for v in sheet),
            "pyodide_files_cold": sheet[0]["cold_pyodide_files"], "pyodide_files_warm": sheet[0]["warm_pyodide_files"],
            "warm_python_starts": [v["warm_python_start"] for v in sheet],
        }
        if done:
            figures.update({
                "worksheet_cold_ms": median([v["cold_ms"] for v in done]),
                "worksheet_warm_ms": median([v["warm_ms"] for v in done]),
                "worksheet_cold_bytes": int(statistics.median([v["cold_bytes"] for v in done])),
                "worksheet_warm_bytes": int(statistics.median([v["warm_bytes"] for v in done])),
            })
            figures["cold_ratio"] = round(figures["worksheet_cold_ms"] / figures["bare_cold_ms"], 3)
            figures["warm_ratio"] = round(figures["worksheet_warm_ms"] / figures["bare_cold_ms"], 3)
            figures["bytes_ratio"] = round(figures["worksheet_cold_bytes"] / figures["bare_cold_bytes"], 3)
        profiles[name] = figures
    return profiles


def run(rounds: int, profile_names: list[str] | None = None, profile_rounds: int = 1) -> dict[str, object]:
    worksheet = next(w for w in pages.load_worksheets() if w.id == WORKSHEET_ID)
    checked_field = next(field for field in walk(worksheet.spec["fields"]) if field.get("check"))
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmp_path = Path(tmp)
        site_dir, plain_dir = tmp_path / "site", tmp_path / "plain"
        plain_config = plain_material_config(tmp_path)
        print("building the site (first build also bundles the checks) ...", flush=True)
        first_build = build(ROOT / "mkdocs.yml", site_dir)
        site_builds, plain_builds = [], []
        for _ in range(rounds):
            site_builds.append(build(ROOT / "mkdocs.yml", site_dir))
            plain_builds.append(build(plain_config, plain_dir))
        write_bench_pages(tmp_path / "bench")

        bare, bare_site, cold, warm, typed, typed_while_loading, offline, warm_starts = [], [], [], [], [], [], [], []
        failed_rounds = 0
        with serve(site_dir, tmp_path / "bench") as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                for index in range(rounds):
                    bare.append(bare_pyodide_start(browser, base))
                    bare_site.append(bare_pyodide_start(browser, base, SITE_RUNTIME))
                    visit = worksheet_cold_and_warm(browser, base, checked_field["label"])
                    failed = [name for name in ("cold", "warm") if visit[name]["feedback"] is None]
                    if failed:
                        failed_rounds += 1
                        states = {name: visit[name].get("checker") for name in failed}
                        print(f"round {index + 1}/{rounds}: bare {bare[-1]:.0f} ms; no feedback ({states}), "
                              "no worksheet figures this round", flush=True)
                        continue
                    cold.append(visit["cold"]["feedback"])
                    warm.append(visit["warm"]["feedback"])
                    typed.append(visit["cold"]["typed"])
                    typed_while_loading.append(visit["cold"]["checkerWhenTyped"] == "loading")
                    offline.append(visit["offline_ready"])
                    warm_starts.append(visit["warm"]["pythonStart"])
                    print(f"round {index + 1}/{rounds}: bare {bare[-1]:.0f} ms (site's runtime {bare_site[-1]:.0f}), "
                          f"cold {cold[-1]:.0f} ms, "
                          f"warm {warm[-1]:.0f} ms, typing {typed[-1]:.0f} ms", flush=True)
                if not cold:
                    raise SystemExit("the checker never started in any round: no worksheet figures")
                guide = guide_page_cost(browser, base)
                latencies = check_latencies(browser, base, checked_field["check"], rounds)
                profiles = network_profiles(browser, base, checked_field["label"], profile_names or [], profile_rounds)
            finally:
                browser.close()

    results = {
        "machine": machine(),
        "rounds": rounds,
        "rounds_without_feedback": failed_rounds,
        "bare_pyodide_ms": median(bare),
        "bare_site_runtime_ms": median(bare_site),
        "cold_first_feedback_ms": median(cold),
        "warm_first_feedback_ms": median(warm),
        "typing_accepted_ms": median(typed),
        "typing_before_python_ready": all(typed_while_loading),
        "offline_ready_after_first_visit": all(offline),
        "warm_python_starts": warm_starts,
        "guide_page_bytes": guide["page_bytes"],
        "guide_precache_bytes": guide["precache_bytes"],
        "guide_pyodide_requests": guide["pyodide_requests"],
        "check_calls": len(latencies["durations"]),
        "check_p50_ms": round(percentile(latencies["durations"], 0.50), 3),
        "check_p95_ms": round(percentile(latencies["durations"], 0.95), 3),
        "check_max_ms": round(max(latencies["durations"]), 3),
        "check_mean_ms": round(latencies["total"] / len(latencies["durations"]), 3),
        "site_build_s": round(statistics.median(site_builds), 2),
        "plain_material_build_s": round(statistics.median(plain_builds), 2),
        "first_site_build_s": round(first_build, 2),
    }
    results["cold_ratio"] = round(results["cold_first_feedback_ms"] / results["bare_pyodide_ms"], 3)
    results["cold_ratio_site_runtime"] = round(results["cold_first_feedback_ms"] / results["bare_site_runtime_ms"], 3)
    results["warm_ratio"] = round(results["warm_first_feedback_ms"] / results["cold_first_feedback_ms"], 3)
    # Issue 12's bar for warm visits, like its cold one, is against the bare page's start.
    results["warm_ratio_bare"] = round(results["warm_first_feedback_ms"] / results["bare_pyodide_ms"], 3)
    results["build_ratio"] = round(results["site_build_s"] / results["plain_material_build_s"], 3)
    results["profiles"] = profiles
    results["all"] = {"bare_ms": bare, "bare_site_runtime_ms": bare_site, "cold_ms": cold, "warm_ms": warm, "typing_ms": typed,
                      "site_build_s": site_builds, "plain_build_s": plain_builds}
    return results


def report(results: dict) -> None:
    m = results["machine"]
    print(f"\nmachine: {m['nproc']} cores, {m['cpu']}; medians of {results['rounds']} rounds")
    if results["rounds_without_feedback"]:
        print(f"(no feedback in {results['rounds_without_feedback']} rounds: see their lines above)")
    rows = [
        ("(a) bare Pyodide start, 1+1 in a worker", f"{results['bare_pyodide_ms']:.0f} ms"),
        ("(a) the same on the site's runtime files", f"{results['bare_site_runtime_ms']:.0f} ms"
         f"  (cold first feedback {results['cold_ratio_site_runtime']:.2f}x this)"),
        ("(b) worksheet first feedback, cold", f"{results['cold_first_feedback_ms']:.0f} ms"
         f"  ({results['cold_ratio']:.2f}x bare; target < 1.25)"),
        ("(b) worksheet first feedback, warm", f"{results['warm_first_feedback_ms']:.0f} ms"
         f"  ({results['warm_ratio_bare']:.2f}x bare; target < 0.40; {results['warm_ratio']:.2f}x cold)"),
        ("(c) form accepts typing", f"{results['typing_accepted_ms']:.0f} ms"
         f"  (before Python was ready: {results['typing_before_python_ready']}; target < 1500 ms)"),
        ("(d) guide page, bytes it transfers", f"{results['guide_page_bytes']:,} B"),
        ("(d) guide page, service worker precache", f"{results['guide_precache_bytes']:,} B"),
        ("(d) guide page, Pyodide requests", f"{results['guide_pyodide_requests']}  (target 0)"),
        ("(e) one check in the worker, p50 / p95", f"{results['check_p50_ms']:.2f} / {results['check_p95_ms']:.2f} ms"
         f"  over {results['check_calls']} calls (mean {results['check_mean_ms']:.3f}, max {results['check_max_ms']:.2f},"
         " clock step 0.1 ms; target p95 <= 5)"),
        ("(f) site build / plain Material build", f"{results['site_build_s']:.2f} s / "
         f"{results['plain_material_build_s']:.2f} s  ({results['build_ratio']:.2f}x; target <= 1.5)"),
        ("offline after the first visit", str(results["offline_ready_after_first_visit"])),
        ("how Python started on warm visits", ", ".join(map(str, results["warm_python_starts"]))),
    ]
    for name, figures in results.get("profiles", {}).items():
        if "worksheet_cold_ms" not in figures:
            rows.append((f"(g) {name}", f"no feedback; bare {figures['bare_cold_ms']:.0f} ms"))
            continue
        rows.append((f"(g) {name}: first feedback cold / bare", f"{figures['worksheet_cold_ms']:.0f} / "
                     f"{figures['bare_cold_ms']:.0f} ms ({figures['cold_ratio']:.2f}x); "
                     f"{figures['worksheet_cold_bytes']:,} / {figures['bare_cold_bytes']:,} B"))
        rows.append((f"(g) {name}: warm / bare cold", f"{figures['worksheet_warm_ms']:.0f} / "
                     f"{figures['bare_cold_ms']:.0f} ms ({figures['warm_ratio']:.2f}x); "
                     f"{figures['worksheet_warm_bytes']:,} B (bare warm {figures['bare_warm_ms']:.0f} ms, "
                     f"{figures['bare_warm_bytes']:,} B); unavailable seen: {figures['unavailable_seen']}, "
                     f"progress shown: {figures['progress_seen_cold']}"))
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="rounds per measurement (default 5)")
    parser.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    parser.add_argument("--profiles", default=",".join(PROFILES),
                        help=f"network profiles for (g), comma-separated, '' for none (default {','.join(PROFILES)})")
    parser.add_argument("--profile-rounds", type=int, default=1, help="rounds per network profile (default 1)")
    options = parser.parse_args()
    names = [name for name in options.profiles.split(",") if name]
    unknown = [name for name in names if name not in PROFILES]
    if unknown:
        parser.error(f"unknown profile(s) {unknown}; known: {', '.join(PROFILES)}")
    results = run(options.rounds, names, options.profile_rounds)
    report(results)
    if options.json:
        print(json.dumps(results))


if __name__ == "__main__":
    main()
