// Profile (not a test): where the main thread's time goes while one box
// loads. The release widget on the benchmark's page and network (CPU ×4,
// 9 Mbit/s, 60 ms RTT), traced by Chromium; for each run: when each file
// arrived, and the main thread's work from the wasm's last byte until the
// rendered box, by kind (self time of the trace's events, so nothing is
// counted twice). Tracing slows the page down: compare the shares, not the
// absolute times with bench/run.mjs. Not even all shares: each function
// compiled at its first call writes trace events of its own, so the
// compile's share is distorted; bench/compile.mjs and bench/phases.mjs
// measure it untraced.
//
//   node bench/profile.mjs [runs=5] [widget-folder=dist]
//                                      (after `scripts/build`)
import { copyFile, cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../tests/e2e/server.mjs";
import { launch } from "../tests/e2e/browser.mjs";
import { slowPhoneTab } from "./slow-phone.mjs";
import { noteRendered } from "./rendered.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = Number(process.argv[2] ?? 5);
const DIST = process.argv[3] ?? join(ROOT, "dist");
const WASM = "partnerships-widget_bg.wasm";

const widgetDir = await mkdtemp(join(tmpdir(), "dp-profile-"));
await cp(DIST, widgetDir, { recursive: true });
await copyFile(join(ROOT, "bench", "plain-box.js"), join(widgetDir, "plain-box.js"));
const server = await serve({ "/widget/": widgetDir, "/host/": join(ROOT, "bench", "pages") });
const browser = await launch();

// Trace event names, by the kind of work they are.
const KINDS = [
  ["wasm: compile at first call", /^wasm\.CompileLazy$|^FlushInstructionCache$/],
  ["wasm: stream, validate, instantiate", /^(v8\.)?wasm\./],
  ["JS: parse and compile", /^V8\.(Compile|Parse|PreParse|CollectSourcePositions)|^v8\.compile|^V8\.Deserialize/],
  ["garbage collection", /GC|^V8\.GC|^MinorGC|^MajorGC/],
  ["style and layout", /^(UpdateLayoutTree|Layout|RecalcStyle|ParseAuthorStyleSheet|InvalidateLayout|ScheduleStyleRecalculation)$/],
  ["paint and commit", /^(Paint|PrePaint|Commit|Layerize|CompositeLayers|UpdateLayer|HitTest)$/],
  ["script and wasm running", /^(RunMicrotasks|FunctionCall|v8\.callFunction|EvaluateScript|v8\.run|TimerFire|EventDispatch|FireAnimationFrame|v8\.evaluateModule|RunTask|ThreadControllerImpl::RunTask)$/],
];
const kindOf = (name) => (KINDS.find(([, pattern]) => pattern.test(name)) ?? ["other"])[0];

async function once(tracePath) {
  const { context, tab } = await slowPhoneTab(browser, 4);
  await tab.addInitScript(noteRendered, ['[data-testid="dp-item"]', '[data-testid="dp-open"]']);
  await browser.startTracing(tab, {
    path: tracePath,
    categories: ["devtools.timeline", "blink.user_timing", "v8.execute", "disabled-by-default-devtools.timeline", "v8", "disabled-by-default-v8.compile", "v8.wasm"],
  });
  await tab.goto(`${server.url}/host/widget.html`, { waitUntil: "commit" });
  let rendered;
  for (let waited = 0; !rendered && waited < 60000; waited += 50) {
    await new Promise((r) => setTimeout(r, 50));
    rendered = await tab.evaluate(() => window.__rendered);
  }
  const files = await tab.evaluate(() =>
    performance.getEntriesByType("resource").map((r) => ({ name: r.name.split("/").pop(), start: r.startTime, end: r.responseEnd })),
  );
  const dcl = await tab.evaluate(() => performance.getEntriesByType("navigation")[0].domContentLoadedEventStart);
  await browser.stopTracing();
  await context.close();
  const trace = JSON.parse(await readFile(tracePath, "utf8"));
  const events = trace.traceEvents ?? trace;
  const navigation = events.find((e) => e.name === "navigationStart" && e.args?.data?.isLoadingMainFrame) ?? events.find((e) => e.name === "navigationStart");
  const wasmEnd = files.find((f) => f.name === WASM).end;
  const from = navigation.ts + wasmEnd * 1000;
  const to = navigation.ts + rendered * 1000;
  // Self time of each main-thread event between the wasm's last byte and the rendered box.
  // (Each event clipped to that span: a task may begin before it or end after it.)
  const inside = (e) => Math.max(0, Math.min(e.ts + e.dur, to) - Math.max(e.ts, from));
  const main = events
    .filter((e) => e.pid === navigation.pid && e.tid === navigation.tid && e.ph === "X" && inside(e) > 0)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const open = [];
  for (const e of main) {
    while (open.length && open[open.length - 1].ts + open[open.length - 1].dur <= e.ts) open.pop();
    if (open.length) open[open.length - 1].children = (open[open.length - 1].children ?? 0) + inside(e);
    open.push(e);
  }
  const kinds = {};
  for (const e of main) kinds[kindOf(e.name)] = (kinds[kindOf(e.name)] ?? 0) + (inside(e) - (e.children ?? 0)) / 1000;
  const compiled = events.filter((e) => e.name === "wasm.CompileLazy" && e.ts >= from && e.ts < to);
  return {
    dcl,
    rendered,
    files,
    kinds,
    functions: compiled.length,
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs = [];
await once(join(widgetDir, "warm.json")); // warm the server and the browser once, not counted
for (let i = 0; i < RUNS; i++) runs.push(await once(join(widgetDir, `trace-${i}.json`)));
await browser.close();
await server.close();
await rm(widgetDir, { recursive: true, force: true });

const ms = (x) => `${x.toFixed(0).padStart(5)} ms`;
console.log(`one box, CPU ×4, traced, medians of ${RUNS} runs (from navigation):`);
console.log(`  DOMContentLoaded              ${ms(median(runs.map((r) => r.dcl)))}`);
for (const name of [...new Set(runs.flatMap((r) => r.files.map((f) => f.name)))]) {
  const of = runs.map((r) => r.files.find((f) => f.name === name)).filter(Boolean);
  console.log(`  ${name.padEnd(30)}${ms(median(of.map((f) => f.start)))} → ${ms(median(of.map((f) => f.end)))}`);
}
console.log(`  rendered box                  ${ms(median(runs.map((r) => r.rendered)))}`);
const total = median(runs.map((r) => Object.values(r.kinds).reduce((a, b) => a + b, 0)));
console.log(`from the wasm's last byte to the rendered box: ${ms(median(runs.map((r) => r.rendered - r.files.find((f) => f.name === WASM).end)))}, the main thread busy ${ms(total)} of it:`);
for (const kind of [...KINDS.map(([k]) => k), "other"]) {
  console.log(`  ${kind.padEnd(38)}${ms(median(runs.map((r) => r.kinds[kind] ?? 0)))}`);
}
console.log(`wasm functions compiled at their first call: ${median(runs.map((r) => r.functions))}`);
