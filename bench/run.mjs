// Benchmark (not a test): time from navigation to a rendered box, the
// release widget against a minimal plain-JS box on the same page and data.
// Chromium with CPU ×4 slowdown, 9 Mbit/s, 60 ms RTT, files served
// brotli-compressed; interleaved runs, medians. Also reports the longest
// long task and the layout shift while the box appears.
//
//   node bench/run.mjs [runs=21] [cpu-slowdown=4]     (after `scripts/build`)
import { copyFile, cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../tests/e2e/server.mjs";
import { launch } from "../tests/e2e/browser.mjs";
import { slowPhoneTab } from "./slow-phone.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = Number(process.argv[2] ?? 21);
const CPU = Number(process.argv[3] ?? 4);

// The widget folder as published, plus the plain box beside it.
const widgetDir = await mkdtemp(join(tmpdir(), "dp-bench-"));
await cp(join(ROOT, "dist"), widgetDir, { recursive: true });
await copyFile(join(ROOT, "bench", "plain-box.js"), join(widgetDir, "plain-box.js"));

const server = await serve({ "/widget/": widgetDir, "/host/": join(ROOT, "bench", "pages") });
const browser = await launch();

async function once(page) {
  const { context, tab } = await slowPhoneTab(browser, CPU);
  await tab.addInitScript(() => {
    // Long tasks of the box only: those that start once the deferred scripts run.
    window.__perf = { longest: 0, shift: 0, tasks: [] };
    // The page notes when a box shows its list, or (the widget on this page,
    // whose text goes on below the box) the button it keeps its space with
    // (a frame callback in the page's own world): Playwright's polling would
    // add long tasks of its own.
    const look = () => {
      const host = [...document.querySelectorAll("*")].find((h) => h.shadowRoot);
      if (host && host.shadowRoot.querySelector('[data-testid="dp-item"], [data-testid="dp-open"]')) window.__rendered = performance.now();
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
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
    return window.__perf;
  });
  await context.close();
  return { ms, ...perf };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = { widget: [], plain: [] };
await once("widget"); // warm the server and the browser once, not counted
for (let i = 0; i < RUNS; i++) {
  for (const page of i % 2 ? ["plain", "widget"] : ["widget", "plain"]) results[page].push(await once(page));
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
const ratio = median(results.widget.map((r) => r.ms)) / median(results.plain.map((r) => r.ms));
console.log(`ratio widget / plain: ${ratio.toFixed(2)} (target ≤ 1.30), ${RUNS} interleaved runs each, CPU ×${CPU}`);
