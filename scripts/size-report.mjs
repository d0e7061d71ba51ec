// Prints raw, gzip and brotli bytes of every file the loader fetches, and
// their total. Exits 1 when the brotli total exceeds the budget.
//
//   node scripts/size-report.mjs [dist-dir] [--budget-kib 100]
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { fileURLToPath } from "node:url";

/** The files a page downloads for the box (the dataset aside). The CSS is compiled into the wasm. */
export const WIDGET_FILES = ["partnerships.js", "partnerships-widget.js", "partnerships-widget_bg.wasm"];

/** The Einbindungsassistent's own files (never loaded by partnerships.js), for information. */
export const ASSISTANT_FILES = [
  "einbinden.html",
  "einbinden.js",
  "einbinden-search.js",
  "einbinden.css",
  "einbinden/suggestions.json",
  "einbinden/static/de/01060.html",
];

export function measure(dist, files = WIDGET_FILES) {
  const rows = files.map((name) => {
    const bytes = readFileSync(join(dist, name));
    return {
      name,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }).length,
    };
  });
  const total = rows.reduce(
    (sum, r) => ({ name: "total", raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip, brotli: sum.brotli + r.brotli }),
    { name: "total", raw: 0, gzip: 0, brotli: 0 },
  );
  return { rows, total };
}

function kib(n) {
  return `${(n / 1024).toFixed(1)} KiB`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const budgetAt = args.indexOf("--budget-kib");
  const budget = budgetAt >= 0 ? Number(args.splice(budgetAt, 2)[1]) : 100;
  const dist = args[0] ?? "dist";
  const { rows, total } = measure(dist);
  const line = (r) =>
    `${r.name.padEnd(30)} ${String(r.raw).padStart(9)} ${String(r.gzip).padStart(9)} ${String(r.brotli).padStart(9)}   (${kib(r.brotli)} br)`;
  console.log(`${"file".padEnd(30)} ${"raw".padStart(9)} ${"gzip".padStart(9)} ${"brotli".padStart(9)}`);
  rows.forEach((r) => console.log(line(r)));
  console.log(line(total));
  if (total.brotli > budget * 1024) {
    console.error(`brotli total ${kib(total.brotli)} exceeds the budget of ${budget} KiB`);
    process.exit(1);
  }
  console.log(`within the budget of ${budget} KiB`);
  if (ASSISTANT_FILES.every((name) => existsSync(join(dist, name)))) {
    const assistant = measure(dist, ASSISTANT_FILES);
    console.log("\nthe Einbindungsassistent's page (not loaded by partnerships.js; one static box per chosen body):");
    assistant.rows.forEach((r) => console.log(line(r)));
    console.log(line(assistant.total));
  }
}
