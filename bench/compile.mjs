// Benchmark (not a test): what V8's compiling of wasm functions at their
// first call costs the box, measured without tracing (tracing inflates it:
// see bench/profile.mjs). The same page as bench/run.mjs, loaded in two
// browsers: Chromium as readers have it (each wasm function compiled on the
// main thread when it is first called) and Chromium with V8's lazy
// compilation switched off (every function compiled in the background
// before the module is ready), which a page cannot ask for. Interleaved
// runs, each browser with its own plain box, so both ratios are comparable;
// the widget's runs are paired by run.
//
//   node bench/compile.mjs [runs=21] [cpu-slowdown=4] [widget-folder=dist]
//                                      (after `scripts/build`)
import { copyFile, cp } from "node:fs/promises";
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
const DIST = process.argv[4] ?? join(ROOT, "dist");

const widgetDir = tempDir("bench-compile");
await cp(DIST, widgetDir, { recursive: true });
await copyFile(join(ROOT, "bench", "plain-box.js"), join(widgetDir, "plain-box.js"));
const server = await serve({ "/widget/": widgetDir, "/host/": join(ROOT, "bench", "pages") });
const browsers = {
  lazy: await launch(),
  eager: await launch(["--js-flags=--no-wasm-lazy-compilation"]),
};

async function once(browser, page) {
  const { context, tab } = await slowPhoneTab(browser, CPU);
  await tab.addInitScript(noteRendered, ['[data-testid="dp-item"]', '[data-testid="dp-open"]']);
  await tab.goto(`${server.url}/host/${page}.html`, { waitUntil: "commit" });
  let ms;
  for (let waited = 0; !ms && waited < 60000; waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
    ms = await tab.evaluate(() => window.__rendered);
  }
  const wasmEnd = await tab.evaluate(() => performance.getEntriesByType("resource").find((r) => r.name.endsWith(".wasm"))?.responseEnd);
  await context.close();
  return { ms, afterWasm: wasmEnd === undefined ? undefined : ms - wasmEnd };
}

const kinds = Object.keys(browsers);
const results = Object.fromEntries(kinds.flatMap((kind) => [[`${kind} widget`, []], [`${kind} plain`, []]]));
for (const kind of kinds) await once(browsers[kind], "widget"); // warm each browser once, not counted
for (let i = 0; i < RUNS; i++) {
  const order = Object.keys(results);
  for (const key of i % 2 ? order.reverse() : order) {
    const [kind, page] = key.split(" ");
    results[key].push(await once(browsers[kind], page));
  }
}
for (const browser of Object.values(browsers)) await browser.close();
await server.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const kind of kinds) {
  const widget = results[`${kind} widget`];
  const plain = median(results[`${kind} plain`].map((r) => r.ms));
  console.log(
    `${kind.padEnd(5)} wasm compilation: box ${median(widget.map((r) => r.ms)).toFixed(0)} ms, ` +
      `${median(widget.map((r) => r.afterWasm)).toFixed(0)} after the wasm's last byte; plain box ${plain.toFixed(0)} ms; ` +
      `ratio ${(median(widget.map((r) => r.ms)) / plain).toFixed(2)}`,
  );
}
const paired = (of) => results["eager widget"].map((r, run) => of(r) - of(results["lazy widget"][run]));
const describe = (diffs) => `${median(diffs).toFixed(0)} ms (lower in ${diffs.filter((d) => d < 0).length} of ${diffs.length} runs)`;
console.log(
  `eager against lazy, paired by run: from navigation ${describe(paired((r) => r.ms))}, ` +
    `from the wasm's last byte ${describe(paired((r) => r.afterWasm))}; ${RUNS} interleaved runs, CPU ×${CPU}`,
);
