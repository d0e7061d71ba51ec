// The README's nginx and Apache blocks (docs/*-partnerschaften.conf, the
// same text), in Debian's real nginx and Apache, serving the built bundle
// (dist/): MIME types, gzip and brotli with Vary, caching by folder, CORS;
// the assistant page shown as a page; a snippet on another origin that
// loads the versioned files, and on a second visit takes them from the
// browser's cache without asking the server again.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { DIST, get, scratch, startApache, startNginx } from "./servers.mjs";
import { serve } from "../e2e/server.mjs";
import { launch, watch, readBoxes, settled, htmlPage } from "../e2e/browser.mjs";

const release = JSON.parse(readFileSync(join(DIST, "release.json"), "utf8"));
const V = release.path; // "v0.1.0/"
const JS = /^(text|application)\/javascript\b/;

// path under /partnerschaften/ -> the type it must be served as.
const TYPES = {
  "einbinden.html": /^text\/html; charset=utf-8$/i,
  "index.html": /^text\/html; charset=utf-8$/i,
  "einbinden.css": /^text\/css\b/,
  "einbinden.js": JS,
  "partnerships.js": JS,
  "partnerships.json": /^application\/json\b/,
  "slices/01060.json": /^application\/json\b/,
  "catalog.jsonld": /^application\/ld\+json\b/,
  "catalog.ttl": /^text\/turtle\b/,
  [`${V}partnerships.js`]: JS,
  [`${V}partnerships-widget.js`]: JS,
  [`${V}partnerships-widget_bg.wasm`]: /^application\/wasm$/,
};
// What a browser downloads for the box, and must be compressed.
const COMPRESSED = ["einbinden.html", "partnerships.js", "partnerships.json", `${V}partnerships-widget.js`, `${V}partnerships-widget_bg.wasm`];
const IMMUTABLE = "public, max-age=31536000, immutable";

let browser;
let pagesDir;
let pages; // the webmaster's site: another origin
before(async () => {
  browser = await launch();
  pagesDir = scratch("pages");
  pages = await serve({ "/": pagesDir });
});
after(async () => {
  await browser?.close();
  await pages?.close();
  if (pagesDir) rmSync(pagesDir, { recursive: true, force: true });
});

const starters = {
  nginx: startNginx,
  apache: () => startApache({ widget: () => "" }),
};

for (const [name, start] of Object.entries(starters)) {
  describe(`${name} with the README's block`, () => {
    let server;
    let base;
    before(async () => {
      server = await start();
      base = `${server.url}/partnerschaften/`;
    });
    after(async () => {
      await server?.stop();
    });
    /** The access log's lines after the first `since`, once `complete(lines)` (at most 5 s). */
    const logged = async (since, complete) => {
      for (let waited = 0; ; waited += 50) {
        const lines = server.accessLog().slice(since);
        if (complete(lines) || waited >= 5000) return lines;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };

    test("every file has its type, and the page, styles and scripts say UTF-8", async () => {
      for (const [path, type] of Object.entries(TYPES)) {
        const res = await get(base + path);
        assert.equal(res.status, 200, `${name} ${path}`);
        assert.match(res.headers["content-type"] ?? "", type, `${name} ${path}`);
        assert.deepEqual(res.bytes, readFileSync(join(DIST, path)), `${name} ${path}: the file itself`);
      }
      for (const path of ["einbinden.js", "einbinden.css", "partnerships.js"]) {
        assert.match((await get(base + path)).headers["content-type"], /charset=utf-8/i, `${name} ${path}`);
      }
    });

    test("gzip and brotli, each with Vary: Accept-Encoding", async () => {
      for (const path of COMPRESSED) {
        const file = readFileSync(join(DIST, path));
        const gzip = await get(base + path, { "accept-encoding": "gzip" });
        assert.equal(gzip.headers["content-encoding"], "gzip", `${name} ${path}`);
        assert.deepEqual(gunzipSync(gzip.bytes), file, `${name} ${path} gzip`);
        assert.match(gzip.headers.vary ?? "", /accept-encoding/i, `${name} ${path}`);
        const br = await get(base + path, { "accept-encoding": "br, gzip" });
        assert.equal(br.headers["content-encoding"], "br", `${name} ${path}`);
        assert.deepEqual(brotliDecompressSync(br.bytes), file, `${name} ${path} brotli`);
        assert.match(br.headers.vary ?? "", /accept-encoding/i, `${name} ${path}`);
        assert.ok(br.bytes.length < file.length * 0.6, `${name} ${path}: ${br.bytes.length} of ${file.length} bytes`);
        const plain = await get(base + path);
        assert.equal(plain.headers["content-encoding"], undefined, `${name} ${path}: not compressed unasked`);
      }
    });

    test("the versioned folder is immutable; loader, data and pages are revalidated", async () => {
      for (const path of Object.keys(TYPES)) {
        const res = await get(base + path);
        const expected = path.startsWith(V) ? IMMUTABLE : "no-cache";
        assert.equal(res.headers["cache-control"], expected, `${name} ${path}`);
        if (path.startsWith(V)) continue;
        // Revalidation is cheap: the validator answers 304 without a body.
        const validator = res.headers.etag
          ? { "if-none-match": res.headers.etag }
          : { "if-modified-since": res.headers["last-modified"] };
        assert.ok(res.headers.etag || res.headers["last-modified"], `${name} ${path}: a validator`);
        const again = await get(base + path, validator);
        assert.equal(again.status, 304, `${name} ${path}`);
        assert.equal(again.bytes.length, 0);
        assert.equal(again.headers["access-control-allow-origin"], "*", `${name} ${path}: CORS on 304`);
      }
    });

    test("CORS for the widget and the data files", async () => {
      for (const path of Object.keys(TYPES)) {
        const res = await get(base + path, { origin: "https://www.kreis-segeberg.de" });
        assert.equal(res.headers["access-control-allow-origin"], "*", `${name} ${path}`);
        assert.equal(res.headers["access-control-allow-credentials"], undefined);
      }
    });

    test("Chromium shows the assistant page (not a download) and its script runs", async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const log = watch(page);
      const response = await page.goto(`${base}einbinden.html`);
      assert.match(response.headers()["content-type"], /^text\/html/);
      // A module script runs only when served with a JavaScript type.
      await page.waitForSelector("#body-search:not([disabled])");
      assert.equal(await page.locator("h1").textContent(), "Einbindungsassistent: Unsere digitalen Partnerschaften");
      assert.deepEqual(log.pageErrors, []);
      assert.deepEqual(log.errors, []);
      await context.close();
    });

    test("a snippet on another origin loads the versioned files once: the second visit asks only for the data", async (t) => {
      const loader = `${base}${V}${release.loader}`;
      const snippet =
        `<script src="${loader}" integrity="${release.integrity[release.loader]}" crossorigin="anonymous" ` +
        `data-ags="01060" data-src="${base}partnerships.json" defer></script>`;
      writeFileSync(join(pagesDir, `${name}.html`), htmlPage("Unser Kreis", snippet));
      const url = `${pages.url}/${name}.html`;
      const context = await browser.newContext();
      const page = await context.newPage();
      const log = watch(page);
      const seen = server.accessLog().length;
      await page.goto(url);
      await settled(page, 1);
      const [box] = await readBoxes(page);
      assert.equal(box.status, "3 Partnerschaften geladen", JSON.stringify(box));
      // A server writes a request's log line after the response went out
      // (Apache's prefork children in their own time): wait for the lines.
      const files = [release.loader, "partnerships-widget.js", "partnerships-widget_bg.wasm"];
      const first = await logged(seen, (lines) => files.every((file) => lines.some((line) => line.includes(`/partnerschaften/${V}${file} `))));
      for (const file of files) {
        assert.ok(first.some((line) => line.includes(`/partnerschaften/${V}${file} `)), `${name}: ${file} loaded\n${first.join("\n")}`);
      }
      // Second visit: the versioned files come from the browser's cache
      // without a request; the host's slice is revalidated.
      const between = server.accessLog().length;
      await page.goto(url);
      await settled(page, 1);
      assert.equal((await readBoxes(page))[0].status, "3 Partnerschaften geladen");
      const second = await logged(between, (lines) => lines.some((line) => line.includes("/partnerschaften/slices/01060.json")));
      t.diagnostic(`${name}, second visit: ${second.length} requests: ${second.join(" | ")}`);
      assert.deepEqual(second.filter((line) => line.includes(`/partnerschaften/${V}`)), [], `${name}: versioned files asked again`);
      const data = second.filter((line) => line.includes("/partnerschaften/slices/01060.json"));
      assert.equal(data.length, 1, `${name}: the data asked again\n${second.join("\n")}`);
      assert.match(data[0], / 304 /, `${name}: revalidated, not downloaded again`);
      assert.deepEqual(log.pageErrors, []);
      assert.deepEqual(log.errors, []);
      await context.close();
    });
  });
}
