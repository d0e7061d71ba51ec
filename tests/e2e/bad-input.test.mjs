// End-to-end: bad input never harms anyone. One page holds a box for each
// kind of bad dataset answer and a healthy box; each bad box says what is
// wrong in German, the console names the URL, status or field, nothing is
// thrown, and the healthy box renders its partnerships. Then: hostile text
// in every field, and the last good copy when the network fails.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { serve } from "./server.mjs";
import { launch, watch, readBoxes, settled, htmlPage, openFolded } from "./browser.mjs";
import { tempDir } from "./temp.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const DIST = join(ROOT, "dist");
const SCREENSHOTS = join(ROOT, "test-results");
const REAL = readFileSync(join(ROOT, "www", "partnerships.json"), "utf8");
const dataset = () => JSON.parse(REAL);

// Markup that would run if it were ever treated as HTML.
const SCRIPTED = "<img src=x onerror=\"window.__pwned=1\">";
const RLO = "\u202E"; // RIGHT-TO-LEFT OVERRIDE
const LONG = "Sehr".repeat(2500); // 10 000 characters, no space to break at

/** The real dataset with hostile text in every text field and bad links. */
function hostile() {
  const d = dataset();
  d.publisher.name = `${SCRIPTED} Herausgeber`;
  d.license.name = `</style><style>*{display:none}</style>${d.license.name}`;
  d.license.url = "javascript:window.__pwned=1";
  for (const body of d.bodies) body.name = body.key === "01053" ? LONG : `${RLO}${body.name}`;
  for (const org of d.organisations) org.name = `${SCRIPTED}${org.name}`;
  const urls = ["javascript:window.__pwned=1", "data:text/html,<script>window.__pwned=1</script>", "/relativ/quelle", "//fremd.example/quelle"];
  d.partnerships.forEach((p, i) => {
    p.title = `${SCRIPTED} ${p.title}`;
    p.description = `</style><script>window.__pwned=1</script>${RLO}${p.description} ${LONG}`;
    p.topics = [...p.topics, "<b>fett</b>", `${RLO}umgekehrt`];
    for (const partner of p.partners) partner.role = `${RLO}${partner.role ?? "Partner"}<i>`;
    for (const source of p.sources) {
      source.title = `<a href="javascript:window.__pwned=1">${source.title ?? "Quelle"}</a>`;
      source.publisher = `${RLO}${source.publisher ?? "Verlag"}`;
      source.url = urls[i % urls.length];
    }
  });
  return d;
}

const BAD = tempDir("bad");
function write(folder, name, text) {
  mkdirSync(join(BAD, folder), { recursive: true });
  writeFileSync(join(BAD, folder, name), text);
}

let server;
let browser;

before(async () => {
  write("html", "index.html", "<!doctype html><html lang=de><title>Seite nicht gefunden</title><p>Diese Seite gibt es nicht.</p></html>");
  write("truncated", "partnerships.json", REAL.slice(0, Math.floor(REAL.length / 2)));
  write("shape", "partnerships.json", JSON.stringify({ ...dataset(), partnerships: "keine" }));
  write("version", "partnerships.json", JSON.stringify({ ...dataset(), schemaVersion: "2.0.0" }));
  write("hostile", "partnerships.json", JSON.stringify(hostile()));
  server = await serve({ "/widget/": DIST, "/bad/": BAD, "/sometimes/": DIST });
  server.down.add("/outage/");
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const page = htmlPage;
const box = (heading, attributes) =>
  `<section><h2>${heading}</h2><script src="/widget/partnerships.js" ${attributes} defer></script></section>`;

// [case, data-src, German message, what the console must name]. The box
// asks for its area's slice beside data-src first, and for data-src itself
// only where that slice is missing (404): a server error or an outage is
// said for the slice.
const CASES = [
  ["404", "/bad/missing/partnerships.json", "Die Partnerschaften konnten nicht geladen werden (Serverantwort 404).", /\/bad\/missing\/partnerships\.json answered HTTP 404/],
  ["500", "/status/500/partnerships.json", "Die Partnerschaften konnten nicht geladen werden (Serverantwort 500).", /\/status\/500\/slices\/01060\.json answered HTTP 500/],
  ["network", "/outage/partnerships.json", "Die Partnerschaften konnten nicht geladen werden. Bitte versuchen Sie es später noch einmal.", /could not fetch the dataset http:\/\/127\.0\.0\.1:\d+\/outage\/slices\/01060\.json/],
  ["html", "/bad/html/index.html", "Die Daten zu den Partnerschaften sind unvollständig oder keine Datendatei und können nicht angezeigt werden.", /\/bad\/html\/index\.html is HTML, not JSON: does data-src name the dataset's address\?/],
  ["truncated", "/bad/truncated/partnerships.json", "Die Daten zu den Partnerschaften sind unvollständig oder keine Datendatei und können nicht angezeigt werden.", /\/bad\/truncated\/partnerships\.json is not complete JSON/],
  ["shape", "/bad/shape/partnerships.json", "Die Daten zu den Partnerschaften sind fehlerhaft und können nicht angezeigt werden.", /\/bad\/shape\/partnerships\.json does not have the expected shape/],
  ["version", "/bad/version/partnerships.json", "Die Daten zu den Partnerschaften liegen in einer Fassung vor, die dieser Kasten nicht lesen kann.", /\/bad\/version\/partnerships\.json: E100 \/schemaVersion: unsupported schema version "2\.0\.0"/],
];

test("each bad answer gets its own German message and a console line naming the cause; the healthy box works", async () => {
  writeFileSync(
    join(BAD, "cases.html"),
    page(
      "Schlechte Daten",
      // Eager: at 320 px most boxes are far below the fold.
      CASES.map(([name, src]) => box(name, `data-ags="01060" data-src="${src}" data-eager`)).join("") + box("gesund", 'data-ags="01060" data-eager'),
    ),
  );
  const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const tab = await context.newPage();
  const log = watch(tab);
  await tab.goto(`${server.url}/bad/cases.html`);
  await settled(tab, CASES.length + 1);
  const boxes = await readBoxes(tab);
  CASES.forEach(([name, , message, cause], i) => {
    assert.equal(boxes[i].status, message, name);
    assert.deepEqual(boxes[i].groups, [], `${name}: nothing else is shown`);
    assert.ok(log.errors.some((e) => e.startsWith("[Digitale Partnerschaften]") && cause.test(e)), `${name}: ${cause}\n${log.errors.join("\n")}`);
  });
  const healthy = boxes.at(-1);
  assert.equal(healthy.status, "3 Partnerschaften geladen");
  assert.equal(healthy.groups.flatMap((g) => g.ids).length, 3);
  // Only the boxes whose download failed offer to try again.
  const retry = await tab.evaluate(() =>
    [...document.querySelectorAll("digitale-partnerschaften")].map((h) => !h.shadowRoot.querySelector('[data-testid="dp-retry"]').hidden),
  );
  assert.deepEqual(retry, [false, true, true, false, false, false, false, false]);
  assert.deepEqual(log.pageErrors, []);
  const axe = await new AxeBuilder({ page: tab }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  assert.deepEqual(axe.violations.map((v) => v.id), []);
  await context.close();
});

test("hostile text in every field is shown as text, links only for http(s), layout intact at 320 px", async () => {
  writeFileSync(
    join(BAD, "hostile.html"),
    page("Feindselige Daten", box("feindselig", 'data-ags="01060" data-src="/bad/hostile/partnerships.json"') + box("gesund", 'data-ags="01060"')),
  );
  const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const tab = await context.newPage();
  const log = watch(tab);
  const dialogs = [];
  tab.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await tab.goto(`${server.url}/bad/hostile.html`);
  await settled(tab, 2);
  // The first box kept its space (the second follows it on screen).
  assert.ok((await openFolded(tab)) >= 1);
  const boxes = await readBoxes(tab);
  assert.equal(boxes[0].status, "3 Partnerschaften geladen", "every partnership stays, only its links go");
  assert.equal(boxes[1].status, "3 Partnerschaften geladen");
  const seen = await tab.evaluate(() => {
    const root = document.querySelector("digitale-partnerschaften").shadowRoot;
    const box = root.querySelector('[data-testid="dp-box"]');
    return {
      pwned: window.__pwned ?? null,
      tags: [...new Set([...root.querySelectorAll("*")].map((e) => e.localName))].sort(),
      hrefs: [...root.querySelectorAll("[href]")].map((a) => a.getAttribute("href")),
      text: root.textContent,
      isolated: [...root.querySelectorAll(".dp-partner-name, .dp-sources a, .dp-sources span")].map((e) => getComputedStyle(e).unicodeBidi),
      boxWidth: box.getBoundingClientRect().width,
      hostWidth: box.parentElement.getBoundingClientRect().width,
      overflow: box.scrollWidth - box.clientWidth,
      pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
    };
  });
  assert.equal(seen.pwned, null, "no dataset text ran as script");
  assert.deepEqual(dialogs, []);
  for (const tag of ["img", "script", "style", "b", "i", "iframe"]) assert.ok(!seen.tags.includes(tag), `no <${tag}> from the data: ${seen.tags}`);
  assert.ok(seen.hrefs.every((h) => /^https?:\/\//.test(h)), `only http(s) links: ${seen.hrefs}`);
  assert.deepEqual(seen.hrefs, [], "every source link and the licence link were bad");
  for (const text of [SCRIPTED, "</style><script>window.__pwned=1</script>", "<b>fett</b>", '<a href="javascript:window.__pwned=1">', LONG]) {
    assert.ok(seen.text.includes(text), `shown as text: ${text.slice(0, 40)}`);
  }
  assert.ok(seen.isolated.length > 0 && seen.isolated.every((v) => v === "isolate"), `dataset text is bidi-isolated: ${seen.isolated}`);
  assert.ok(seen.boxWidth <= seen.hostWidth + 0.5, `box ${seen.boxWidth}px in ${seen.hostWidth}px`);
  assert.ok(seen.overflow <= 0, `the box scrolls ${seen.overflow}px sideways`);
  assert.ok(seen.pageOverflow <= 0, `the page scrolls ${seen.pageOverflow}px sideways`);
  // The webmaster learns which fields were not linked.
  const warned = log.warnings.filter((w) => w.includes("(shown as text, not as a link)"));
  assert.ok(warned.some((w) => w.includes("/partnerships/0/sources/0/url") && w.includes("javascript:")), warned.join("\n"));
  assert.ok(warned.some((w) => w.includes("/license/url")), warned.join("\n"));
  assert.deepEqual(log.pageErrors, []);
  await tab.screenshot({ path: join(SCREENSHOTS, "hostile-data-320.png"), fullPage: false });
  const axe = await new AxeBuilder({ page: tab }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  assert.deepEqual(axe.violations.map((v) => v.id), []);
  await context.close();
});

test("when the network fails the box shows the last good copy with 'Stand: …', and a retry brings the current data", async () => {
  writeFileSync(join(BAD, "saved.html"), page("Gespeicherte Fassung", box("Kreis", 'data-ags="01060" data-src="/sometimes/partnerships.json"')));
  const context = await browser.newContext();
  const tab = await context.newPage();
  const log = watch(tab);
  const state = () =>
    tab.evaluate(() => {
      const root = document.querySelector("digitale-partnerschaften").shadowRoot;
      const note = root.querySelector('[data-testid="dp-saved"]');
      return {
        status: root.querySelector('[data-testid="dp-status"]').textContent,
        items: root.querySelectorAll('[data-testid="dp-item"]').length,
        note: note.hidden ? null : note.textContent,
        retry: !root.querySelector('[data-testid="dp-retry"]').hidden,
      };
    });
  try {
    // A first visit: the box saves what it showed.
    await tab.goto(`${server.url}/bad/saved.html`);
    await settled(tab, 1);
    assert.deepEqual(await state(), { status: "3 Partnerschaften geladen", items: 3, note: null, retry: false });
    await tab.waitForFunction(async () => (await (await caches.open("digitale-partnerschaften")).keys()).length > 0);
    const saved = await tab.evaluate(async () => (await (await caches.open("digitale-partnerschaften")).keys()).map((r) => new URL(r.url).pathname));
    assert.deepEqual(saved, ["/sometimes/slices/01060.json"]);

    // The next visit, with the data server unreachable.
    server.down.add("/sometimes/");
    await tab.reload();
    await settled(tab, 1);
    const offline = await state();
    const today = await tab.evaluate(() => new Date().toLocaleDateString("de-DE", { day: "numeric", month: "long", year: "numeric" }));
    assert.equal(offline.status, "3 Partnerschaften geladen");
    assert.equal(offline.items, 3);
    assert.equal(offline.note, `Stand: ${today}. Die aktuellen Daten konnten nicht geladen werden; angezeigt wird die zuletzt gespeicherte Fassung.`);
    assert.equal(offline.retry, true);
    assert.ok(log.warnings.some((w) => w.includes("showing the copy of") && w.includes("/sometimes/slices/01060.json")), log.warnings.join("\n"));
    const axe = await new AxeBuilder({ page: tab }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    assert.deepEqual(axe.violations.map((v) => v.id), []);
    await tab.screenshot({ path: join(SCREENSHOTS, "saved-copy.png"), fullPage: true });

    // Back online: "Erneut versuchen" shows the current data, once.
    server.down.delete("/sometimes/");
    await tab.locator("digitale-partnerschaften").getByRole("button", { name: "Erneut versuchen" }).click();
    await tab.waitForFunction(() => document.querySelector("digitale-partnerschaften").shadowRoot.querySelector('[data-testid="dp-saved"]').hidden);
    assert.deepEqual(await state(), { status: "3 Partnerschaften geladen", items: 3, note: null, retry: false });
    assert.deepEqual(log.pageErrors, []);
  } finally {
    server.down.delete("/sometimes/");
    await context.close();
  }
});
