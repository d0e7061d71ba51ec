// Benchmark (not a test): the release box in Chromium on the national-scale
// synthetic data, for the largest slice (a Land), the largest Kreis slice
// and a Gemeinde in the median Kreis (each key loads its area's slice,
// model::address). Reports the time from the slice's download
// (responseEnd) to the rendered list, the longest long task while that
// happens, and how many partnerships the box shows at first and in all.
//
//   node bench/slices.mjs [cpu-slowdown=1] [runs=5]
// Needs `scripts/build` and
// `cargo build --profile cli --features cli --bin partnerships-data` (or
// another build of the tool named by PARTNERSHIPS_DATA).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../tests/e2e/server.mjs";
import { launch } from "../tests/e2e/browser.mjs";
import { noteRendered } from "./rendered.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const CPU = Number(process.argv[2] ?? 1);
const RUNS = Number(process.argv[3] ?? 5);
const bin = process.env.PARTNERSHIPS_DATA ?? join(ROOT, "target/cli/partnerships-data");

const dir = mkdtempSync(join(tmpdir(), "dp-slices-"));
const data = join(dir, "national.json");
const out = join(dir, "data");
for (const args of [["generate", "--seed", "7", "--out", data], ["publish", data, "--out", out]]) {
  const run = spawnSync(bin, args, { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`${bin} ${args[0]} failed: ${run.stderr}`);
}

// Hosts: the largest Land slice, the largest Kreis slice, and a Gemeinde in
// the median Kreis of the dataset (the register's Kreise of a real Germany
// hold nothing in the synthetic one).
const bodies = JSON.parse(readFileSync(data, "utf8")).bodies.map((b) => b.key);
const slices = readdirSync(join(out, "slices"))
  .filter((f) => f !== "index.json")
  .map((f) => ({ area: f.replace(".json", ""), bytes: statSync(join(out, "slices", f)).size }))
  .sort((a, b) => a.bytes - b.bytes);
const kreise = slices.filter((s) => s.area.length === 5 && bodies.includes(s.area));
const land = slices.filter((s) => s.area.length === 2).pop();
const largest = kreise[kreise.length - 1];
const middle = kreise[Math.floor(kreise.length / 2)];
const hosts = [
  { ...land, key: land.area },
  { ...largest, key: largest.area },
  { ...middle, key: bodies.find((k) => k.length === 12 && k.startsWith(middle.area)) },
];

const pages = join(dir, "pages");
spawnSync("mkdir", ["-p", pages]);
for (const { key } of hosts) {
  writeFileSync(
    join(pages, `${key}.html`),
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${key}</title></head>` +
      `<body><h1>Gastseite</h1><script src="/widget/partnerships.js" data-ags="${key}" data-src="/data/partnerships.json" defer></script></body></html>`,
  );
}
const server = await serve({ "/widget/": join(ROOT, "dist"), "/data/": out, "/host/": pages });
const browser = await launch();

async function once({ key, area }) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU });
  await tab.addInitScript(noteRendered, ['[data-testid="dp-item"]']);
  await tab.addInitScript(() => {
    window.__tasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__tasks.push([e.startTime, e.duration]))).observe({ type: "longtask", buffered: true });
  });
  await tab.goto(`${server.url}/host/${key}.html`);
  let rendered;
  for (let waited = 0; !rendered && waited < 120000; waited += 250) {
    await new Promise((r) => setTimeout(r, 250));
    rendered = await tab.evaluate(() => window.__rendered);
  }
  await new Promise((r) => setTimeout(r, 300));
  const result = await tab.evaluate(
    ({ area, rendered }) => {
      const slice = performance.getEntriesByType("resource").find((r) => r.name.endsWith(`/slices/${area}.json`));
      const from = slice ? slice.responseEnd : 0;
      const tasks = window.__tasks.filter(([start, d]) => start + d >= from);
      const root = document.querySelector("digitale-partnerschaften").shadowRoot;
      return {
        ms: rendered - from,
        longest: Math.max(0, ...tasks.map(([, d]) => d)),
        shown: root.querySelectorAll('[data-testid="dp-item"]').length,
        status: root.querySelector('[data-testid="dp-status"]').textContent,
      };
    },
    { area, rendered },
  );
  await context.close();
  return result;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`CPU ×${CPU}, ${RUNS} runs each, medians; brotli-compressed over localhost`);
for (const host of hosts) {
  await once(host); // warm up, not counted
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once(host));
  console.log(
    `${host.key.padEnd(12)} slice ${host.area.padEnd(5)} ${(host.bytes / 1024).toFixed(0).padStart(5)} KiB raw: ` +
      `${median(runs.map((r) => r.ms)).toFixed(0)} ms from download to list, ` +
      `longest task ${median(runs.map((r) => r.longest)).toFixed(0)} ms (max ${Math.max(...runs.map((r) => r.longest)).toFixed(0)}), ` +
      `${runs[0].shown} shown at first; "${runs[0].status}"`,
  );
}
await browser.close();
await server.close();
