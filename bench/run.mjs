// Benchmark (not a test): time from navigation to a rendered box, the
// release widget against a minimal plain-JS box on the same page and data.
// Chromium with CPU ×4 slowdown, 9 Mbit/s, 60 ms RTT, files served
// brotli-compressed; interleaved runs, medians. Also reports the longest
// long task and the layout shift while the box appears, and where the
// widget's time went: when the wasm was requested after the loader's last
// byte, how long its download took, and the time from its last byte to
// the box.
//
//   node bench/run.mjs [runs=21] [cpu-slowdown=4] [widget-folder ...]
//
// Without folders it measures dist/ (after `scripts/build`). With several
// (say a copy of an earlier build's dist/ and the current one), each is a
// page of its own in the same interleaved runs: the ratio moves by ±0.1
// between runs on a shared machine, so compare builds within one run.
import { copyFile, cp, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../tests/e2e/server.mjs";
import { launch } from "../tests/e2e/browser.mjs";
import { slowPhoneTab } from "./slow-phone.mjs";
import { tempDir } from "../tests/e2e/temp.mjs";
import { noteRendered } from "./rendered.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = Number(process.argv[2] ?? 21);
const CPU = Number(process.argv[3] ?? 4);
const FOLDERS = process.argv.length > 4 ? process.argv.slice(4) : [join(ROOT, "dist")];

// Each widget folder as published, on the benchmark's page; the plain box
// beside the first one (it reads that folder's partnerships.json).
const pagesDir = tempDir("bench-pages");
const mounts = { "/host/": pagesDir };
const widgetPage = await readFile(join(ROOT, "bench", "pages", "widget.html"), "utf8");
const names = [];
for (const [i, folder] of FOLDERS.entries()) {
  const widgetDir = tempDir("bench");
  await cp(folder, widgetDir, { recursive: true });
  const name = FOLDERS.length > 1 ? `widget ${i + 1}` : "widget";
  mounts[`/w${i}/`] = widgetDir;
  await writeFile(join(pagesDir, `w${i}.html`), widgetPage.replace("../widget/", `../w${i}/`));
  names.push(name);
  if (i === 0) {
    await copyFile(join(ROOT, "bench", "plain-box.js"), join(widgetDir, "plain-box.js"));
    await copyFile(join(ROOT, "bench", "pages", "plain.html"), join(pagesDir, "plain.html"));
    mounts["/widget/"] = widgetDir;
  }
}
const pageOf = (name) => (name === "plain" ? "plain" : `w${names.indexOf(name)}`);

const server = await serve(mounts);
const browser = await launch();

async function once(page) {
  const { context, tab } = await slowPhoneTab(browser, CPU);
  // The box's list, or (the widget on this page, whose text goes on below
  // the box) the button it keeps its space with.
  await tab.addInitScript(noteRendered, ['[data-testid="dp-item"]', '[data-testid="dp-open"]']);
  await tab.addInitScript(() => {
    // Long tasks of the box only: those that start once the deferred scripts run.
    window.__perf = { longest: 0, shift: 0, tasks: [] };
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__perf.tasks.push([e.startTime, e.duration]))).observe({ type: "longtask", buffered: true });
    new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (!e.hadRecentInput) window.__perf.shift += e.value; })).observe({ type: "layout-shift", buffered: true });
  });
  await tab.goto(`${server.url}/host/${page}.html`, { waitUntil: "commit" });
  let ms;
  for (let waited = 0; !ms && waited < 60000; waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
    ms = await tab.evaluate(() => window.__rendered);
  }
  await new Promise((r) => setTimeout(r, 300));
  const perf = await tab.evaluate(() => {
    const dcl = performance.getEntriesByType("navigation")[0].domContentLoadedEventStart;
    window.__perf.longest = Math.max(0, ...window.__perf.tasks.filter(([start]) => start >= dcl).map(([, d]) => d));
    const file = (end) => performance.getEntriesByType("resource").find((r) => r.name.endsWith(end));
    const [loader, wasm] = [file("partnerships.js"), file(".wasm")];
    if (loader && wasm) window.__perf.stages = [wasm.startTime - loader.responseEnd, wasm.responseEnd - wasm.startTime, wasm.responseEnd];
    return window.__perf;
  });
  await context.close();
  return { ms, ...perf };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = Object.fromEntries([...names, "plain"].map((name) => [name, []]));
await once(pageOf(names[0])); // warm the server and the browser once, not counted
for (let i = 0; i < RUNS; i++) {
  const order = Object.keys(results);
  for (const name of i % 2 ? order.reverse() : order) results[name].push(await once(pageOf(name)));
}
await browser.close();
await server.close();

for (const [name, runs] of Object.entries(results)) {
  console.log(
    `${name.padEnd(7)} median ${median(runs.map((r) => r.ms)).toFixed(0)} ms to a rendered box ` +
      `(min ${Math.min(...runs.map((r) => r.ms)).toFixed(0)}, max ${Math.max(...runs.map((r) => r.ms)).toFixed(0)}); ` +
      `longest long task after DOMContentLoaded ${Math.max(...runs.map((r) => r.longest)).toFixed(0)} ms; max layout shift ${Math.max(...runs.map((r) => r.shift)).toFixed(4)}`,
  );
}
const plain = median(results.plain.map((r) => r.ms));
// From the wasm's last byte to the rendered box.
const afterWasm = (r) => r.ms - r.stages[2];
for (const [i, name] of names.entries()) {
  const runs = results[name];
  const stage = (k) => median(runs.map((r) => (k === 2 ? afterWasm(r) : r.stages[k]))).toFixed(0);
  const ratio = median(runs.map((r) => r.ms)) / plain;
  console.log(
    `${name}: wasm requested ${stage(0)} ms after the loader's last byte, downloaded in ${stage(1)} ms, ` +
      `box ${stage(2)} ms after its last byte (medians)` + (FOLDERS.length > 1 ? ` [${FOLDERS[i]}]` : ""),
  );
  console.log(`ratio ${name} / plain: ${ratio.toFixed(2)} (target ≤ 1.30), ${RUNS} interleaved runs each, CPU ×${CPU}`);
}
// Builds against the first, run by run: each run's pages load one after
// the other, so the machine's drift (its load moves the medians by tens
// of milliseconds between runs) mostly cancels out of the differences.
for (const [i, name] of names.entries()) {
  if (i === 0) continue;
  const paired = (of) => results[name].map((r, run) => of(r) - of(results[names[0]][run]));
  const describe = (diffs) => {
    const m = median(diffs);
    return `${m >= 0 ? "+" : ""}${m.toFixed(0)} ms (lower in ${diffs.filter((d) => d < 0).length} of ${diffs.length} runs)`;
  };
  console.log(
    `${name} against ${names[0]}, paired by run: from navigation ${describe(paired((r) => r.ms))}, ` +
      `from the wasm's last byte ${describe(paired(afterWasm))}`,
  );
}
