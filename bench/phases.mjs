// Benchmark (not a test): how long each phase of the first box takes,
// without tracing. Builds the widget with the cargo feature `phase-marks`
// (performance.mark at each phase: src/widget/phase.rs) into a folder of
// its own, loads bench/run.mjs's page in Chromium as readers have it and
// in one with V8's lazy wasm compilation switched off (interleaved), and
// prints each phase's median duration in both: the difference is what
// compiling functions at their first call costs that phase.
//
//   node bench/phases.mjs [runs=15] [cpu-slowdown=4]
//
// The build replaces target/'s release wasm: run `scripts/build` again
// before the other benchmarks.
import { execFileSync } from "node:child_process";
import { copyFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../tests/e2e/server.mjs";
import { launch } from "../tests/e2e/browser.mjs";
import { slowPhoneTab } from "./slow-phone.mjs";
import { tempDir } from "../tests/e2e/temp.mjs";
import { noteRendered } from "./rendered.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = Number(process.argv[2] ?? 15);
const CPU = Number(process.argv[3] ?? 4);

const widgetDir = tempDir("bench-phases");
execFileSync(join(ROOT, "scripts", "build"), ["--features", "phase-marks", "--dist", widgetDir], { stdio: ["ignore", "ignore", "inherit"] });
await copyFile(join(ROOT, "bench", "plain-box.js"), join(widgetDir, "plain-box.js"));
const server = await serve({ "/widget/": widgetDir, "/host/": join(ROOT, "bench", "pages") });
const browsers = { lazy: await launch(), eager: await launch(["--js-flags=--no-wasm-lazy-compilation"]) };

async function once(browser) {
  const { context, tab } = await slowPhoneTab(browser, CPU);
  await tab.addInitScript(noteRendered, ['[data-testid="dp-item"]', '[data-testid="dp-open"]']);
  await tab.goto(`${server.url}/host/widget.html`, { waitUntil: "commit" });
  await tab.waitForFunction(() => window.__rendered, null, { timeout: 60000, polling: 100 });
  const marks = await tab.evaluate(() => {
    const wasm = performance.getEntriesByType("resource").find((r) => r.name.endsWith(".wasm"));
    const first = new Map();
    for (const m of performance.getEntriesByType("mark")) if (m.name.startsWith("dp:") && !first.has(m.name)) first.set(m.name, m.startTime);
    return [["the wasm's last byte", wasm.responseEnd], ...[...first].map(([name, t]) => [name.slice(3), t])];
  });
  await context.close();
  return marks.sort((a, b) => a[1] - b[1]);
}

const kinds = Object.keys(browsers);
const steps = Object.fromEntries(kinds.map((kind) => [kind, new Map()]));
for (const kind of kinds) await once(browsers[kind]); // warm each browser once, not counted
for (let i = 0; i < RUNS; i++) {
  for (const kind of i % 2 ? [...kinds].reverse() : kinds) {
    const marks = await once(browsers[kind]);
    // Each phase: the time since the mark before it (in this run's order).
    marks.forEach(([name, t], at) => {
      if (at === 0) return;
      const list = steps[kind].get(name) ?? [];
      list.push(t - marks[at - 1][1]);
      steps[kind].set(name, list);
    });
  }
}
for (const browser of Object.values(browsers)) await browser.close();
await server.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cell = (kind, name) => (steps[kind].has(name) ? median(steps[kind].get(name)).toFixed(1) : "-").padStart(8);
console.log(`each phase's median duration (ms) until its mark, ${RUNS} interleaved runs, CPU ×${CPU}:`);
console.log(`${"phase".padEnd(16)}${"lazy".padStart(8)}${"eager".padStart(8)}`);
for (const name of steps.lazy.keys()) console.log(`${name.padEnd(16)}${cell("lazy", name)}${cell("eager", name)}`);
const total = (kind) => [...steps[kind].values()].reduce((sum, list) => sum + median(list), 0);
console.log(`${"sum".padEnd(16)}${total("lazy").toFixed(1).padStart(8)}${total("eager").toFixed(1).padStart(8)}`);
