// End-to-end: Subresource Integrity. The build pins the glue and the wasm in
// the loader and prints the loader's own integrity for the snippet; a file
// changed by one byte after the build is refused by the browser, and the
// healthy box beside it still works.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { serve } from "./server.mjs";
import { launch, watch, readBoxes, settled, htmlPage } from "./browser.mjs";
import { tempDir } from "./temp.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const DIST = join(ROOT, "dist");
const LOADER = "partnerships.js";
const GLUE = "partnerships-widget.js";
const WASM = "partnerships-widget_bg.wasm";

const sri = (bytes) => "sha384-" + createHash("sha384").update(bytes).digest("base64");

/** A copy of dist/ in which `name` has one byte changed (`from` -> `to`, first occurrence). */
function tampered(name, from, to) {
  const dir = tempDir("tampered");
  cpSync(DIST, dir, { recursive: true });
  const bytes = readFileSync(join(dir, name));
  const at = bytes.indexOf(from);
  assert.ok(at >= 0, `${name} contains ${from}`);
  assert.equal(Buffer.byteLength(from), Buffer.byteLength(to));
  const changed = Buffer.concat([bytes.subarray(0, at), Buffer.from(to), bytes.subarray(at + Buffer.byteLength(from))]);
  assert.equal(changed.length, bytes.length);
  assert.equal(changed.compare(bytes) === 0, false);
  writeFileSync(join(dir, name), changed);
  return dir;
}

let server;
let browser;
let pages;
const hashes = JSON.parse(readFileSync(join(DIST, "integrity.json"), "utf8"));

before(async () => {
  pages = tempDir("sri");
  // Each changed file stays valid (the same text with one letter changed),
  // so only the integrity check can tell.
  server = await serve({
    "/widget/": DIST,
    "/pages/": pages,
    "/changed-glue/": tampered(GLUE, "failed to fetch Wasm", "failed to fetch Wasx"),
    "/changed-wasm/": tampered(WASM, "Partnerschaft", "Partnerschafx"),
    "/changed-loader/": tampered(LOADER, "Partnerschaften werden", "Partnerschaften wurden"),
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("integrity.json holds the SHA-384 of exactly the files built, and the loader pins the glue and the wasm", () => {
  for (const name of [LOADER, GLUE, WASM]) {
    assert.equal(hashes[name], sri(readFileSync(join(DIST, name))), name);
  }
  const loader = readFileSync(join(DIST, LOADER), "utf8");
  assert.ok(loader.includes(hashes[GLUE]), "the loader carries the glue's hash");
  assert.ok(loader.includes(hashes[WASM]), "the loader carries the wasm's hash");
  assert.ok(!loader.includes("_INTEGRITY@"), "no placeholder is left");
});

test("with the snippet's integrity the box works; a loader, glue or wasm changed by one byte is refused, the healthy box still works", async () => {
  const tag = (base, ags = "01060") =>
    `<section><h2>${base}</h2><script src="/${base}/partnerships.js" integrity="${hashes[LOADER]}" crossorigin="anonymous" ` +
    `data-ags="${ags}" data-src="/widget/partnerships.json" defer></script></section>`;
  writeFileSync(join(pages, "sri.html"), htmlPage("Integrität", tag("widget") + tag("changed-glue") + tag("changed-wasm") + tag("changed-loader")));
  const context = await browser.newContext();
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(server.url + "/pages/sri.html");
  // Three boxes: the changed loader never runs, so it makes none.
  await settled(page, 3);
  const boxes = await readBoxes(page);
  assert.deepEqual(
    boxes.map((b) => b.status),
    ["3 Partnerschaften geladen", "Die Partnerschaften konnten nicht angezeigt werden.", "Die Partnerschaften konnten nicht angezeigt werden."],
  );
  const requests = server.requests;
  assert.ok(requests.includes("/changed-loader/partnerships.js"), "the changed loader was downloaded");
  assert.ok(!requests.some((r) => r.startsWith("/changed-loader/partnerships-widget")), "and never ran");
  const text = log.errors.join("\n");
  for (const url of ["/changed-loader/partnerships.js", "/changed-glue/partnerships-widget.js", "/changed-wasm/partnerships-widget_bg.wasm"]) {
    // The browser's own report of the refused file ...
    assert.ok(log.errors.some((e) => e.includes("integrity") && e.includes(url)), `${url}:\n${text}`);
  }
  // ... and the widget's line that names the file and the expected hash.
  assert.ok(log.errors.some((e) => e.startsWith("[Digitale Partnerschaften]") && e.includes("/changed-glue/partnerships-widget.js") && e.includes(hashes[GLUE])), text);
  assert.ok(log.errors.some((e) => e.startsWith("[Digitale Partnerschaften]") && e.includes("/changed-wasm/partnerships-widget_bg.wasm") && e.includes(hashes[WASM])), text);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});
