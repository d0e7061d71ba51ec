// Benchmark (not a test): twenty boxes on one page (the e2e twenty-boxes
// hosts, each twice), all eager, on the release bundle in Chromium. Reports
// the longest long task and how many exceed 50 ms from navigation until every
// box has settled, the time to that moment, and the layout shift (space not
// reserved by the page: the loader's 12rem); and, for comparison, the
// longest task of the same page without the widget (the browser's own
// navigation and first layout).
//
//   node bench/twenty.mjs [cpu-slowdown=1] [runs=7]
// Needs `scripts/build`.
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../tests/e2e/server.mjs";
import { TWENTY_HOSTS } from "../tests/e2e/data.mjs";
import { launch, htmlPage, settled } from "../tests/e2e/browser.mjs";
import { writeFileSync } from "node:fs";
import { tempDir } from "../tests/e2e/temp.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const CPU = Number(process.argv[2] ?? 1);
const RUNS = Number(process.argv[3] ?? 7);
const boxes = TWENTY_HOSTS.map((key) => `<digitale-partnerschaften ags="${key}" eager></digitale-partnerschaften>`).join("");
const pages = tempDir("twenty");
writeFileSync(
  join(pages, "twenty.html"),
  htmlPage(
    "Zwanzig Kästen",
    boxes,
    // Observers first, so they see everything from the start.
    '<script src="/pages/observe.js"></script><script src="/widget/partnerships.js" defer></script>',
  ),
);
// The same page without the widget: what the page's own start costs.
writeFileSync(
  join(pages, "baseline.html"),
  htmlPage(
    "Zwanzig Kästen",
    boxes,
    '<script src="/pages/observe.js"></script>',
  ),
);
writeFileSync(
  join(pages, "observe.js"),
  `window.__tasks = []; window.__shift = 0;
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__tasks.push(e.duration); }).observe({ type: "longtask", buffered: true });
new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; }).observe({ type: "layout-shift", buffered: true });`,
);
const server = await serve({ "/widget/": join(ROOT, "dist"), "/pages/": pages });
const browser = await launch();
async function measure(page, boxes) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU });
  const start = Date.now();
  await tab.goto(`${server.url}/pages/${page}`);
  if (boxes) await settled(tab, boxes);
  const ms = Date.now() - start;
  await tab.waitForTimeout(300);
  const { tasks, shift } = await tab.evaluate(() => ({ tasks: window.__tasks, shift: window.__shift }));
  await context.close();
  return { ms, longest: Math.max(0, ...tasks), over50: tasks.filter((t) => t > 50).length, shift };
}
const results = [];
const baseline = [];
for (let run = 0; run < RUNS; run++) {
  baseline.push(await measure("baseline.html", 0));
  results.push(await measure("twenty.html", 20));
}
await browser.close();
await server.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`twenty boxes, CPU x${CPU}, ${RUNS} runs (medians):`);
console.log(`  settled after        ${median(results.map((r) => r.ms))} ms`);
console.log(`  longest task         ${median(results.map((r) => r.longest)).toFixed(0)} ms (max ${Math.max(...results.map((r) => r.longest)).toFixed(0)} ms)`);
console.log(`  tasks over 50 ms     ${median(results.map((r) => r.over50))}`);
console.log(`  layout shift         ${median(results.map((r) => r.shift)).toFixed(3)} (space not reserved by the page)`);
console.log(`  the page without the widget: longest task ${median(baseline.map((r) => r.longest)).toFixed(0)} ms, ${median(baseline.map((r) => r.over50))} over 50 ms`);
