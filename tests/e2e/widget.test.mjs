// End-to-end: the release bundle from `scripts/build` (dist/),
// served over real HTTP, in Debian's headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { serve } from "./server.mjs";
import { manyPartnerships } from "./data.mjs";
import { launch, watch, readBoxes, settled, htmlPage, openPage, openFolded } from "./browser.mjs";
import { tempDir } from "./temp.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const DIST = join(ROOT, "dist");
const PAGES = join(ROOT, "tests", "e2e", "pages");
export const SCREENSHOTS = join(ROOT, "test-results");

let server;
let browser;

// The strict policy of the issue: no inline code or styles, no eval, Trusted Types.
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; require-trusted-types-for 'script'";

// A host with more partnerships than the box shows at first (47).
const MANY = tempDir("many");
function writeManyPartnerships() {
  const dataset = manyPartnerships();
  writeFileSync(join(MANY, "partnerships.json"), JSON.stringify(dataset));
  writeFileSync(
    join(MANY, "page.html"),
    htmlPage("Kreis Segeberg", '<script src="/widget/partnerships.js" data-ags="01060" data-src="/many/partnerships.json" defer></script>'),
  );
}

before(async () => {
  writeManyPartnerships();
  server = await serve(
    { "/widget/": DIST, "/host/": PAGES, "/many/": MANY, "/csp/": PAGES, "/csp-without-wasm/": PAGES, "/flaky/": DIST },
    { "/csp/": { "content-security-policy": CSP }, "/csp-without-wasm/": { "content-security-policy": CSP.replace(" 'wasm-unsafe-eval'", "") } },
  );
  browser = await launch();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const open = (path, viewport) => openPage(browser, server.url + path, viewport);

test("two script tags give two boxes with exactly the host's partnerships", async () => {
  server.requests.length = 0;
  const { context, page, log } = await open("/host/two-boxes.html");
  await settled(page, 2);
  // The first box kept its space: the second follows it on screen.
  assert.equal(await openFolded(page), 1);
  const boxes = await readBoxes(page);

  assert.deepEqual(boxes, [
    {
      heading: "Unsere digitalen Partnerschaften",
      status: "3 Partnerschaften geladen",
      groups: [
        {
          heading: "Direkt beteiligt",
          ids: ["stadtwerke-luebeck-solutions-kommanditisten", "it-allianz-nord-aoer"],
        },
        { heading: "Über Land Schleswig-Holstein", ids: ["sh-mv-digitale-souveraenitaet"] },
      ],
    },
    {
      heading: "Unsere digitalen Partnerschaften",
      status: "1 Partnerschaft geladen",
      groups: [{ heading: "Direkt beteiligt", ids: ["ost-niedersachsen-digitalisierung"] }],
    },
  ]);

  // The first box stands right where its script tag stands.
  const placedAfterScript = await page.evaluate(
    () => document.querySelector('script[data-ags=" 01060 "]').nextElementSibling.localName,
  );
  assert.equal(placedAfterScript, "digitale-partnerschaften");

  // The host is marked among the partners, in text.
  const marked = await page.evaluate(() =>
    [...document.querySelector("digitale-partnerschaften").shadowRoot.querySelectorAll(".dp-is-host")].map(
      (li) => li.textContent,
    ),
  );
  assert.ok(marked.length >= 2 && marked.every((t) => t.startsWith("Kreis Segeberg (wir)")), marked.join(" | "));

  // One wasm download for both boxes; each box downloads only its area's
  // published slice, resolved against the script's folder, not the page's.
  const count = (p) => server.requests.filter((r) => r === p).length;
  assert.equal(count("/widget/partnerships-widget_bg.wasm"), 1);
  assert.equal(count("/widget/slices/01060.json"), 1);
  assert.equal(count("/widget/slices/03103.json"), 1);
  assert.equal(count("/widget/partnerships.json"), 0, "the full dataset is not needed");
  assert.ok(server.requests.every((r) => !r.startsWith("/host/slices")));

  // Host CSS does not reach into the box, and the box's CSS does not leak out.
  const styles = await page.evaluate(() => {
    const root = document.querySelector("digitale-partnerschaften").shadowRoot;
    return {
      boxHeading: getComputedStyle(root.querySelector("h2")).color,
      boxHeadingTransform: getComputedStyle(root.querySelector("h2")).textTransform,
      boxFont: getComputedStyle(root.querySelector("h2")).fontFamily,
      hostHeading: getComputedStyle(document.querySelector("main > h2")).color,
      hostText: getComputedStyle(document.querySelector("p.host-text")).color,
      globals: Object.keys(window),
    };
  });
  assert.notEqual(styles.boxHeading, "rgb(255, 0, 0)");
  assert.equal(styles.boxHeadingTransform, "none");
  assert.match(styles.boxFont, /Georgia/, "the box inherits the host's font family");
  assert.equal(styles.hostHeading, "rgb(255, 0, 0)");
  assert.equal(styles.hostText, "rgb(10, 20, 30)");
  // No globals beyond the one namespaced entry point (compared with a blank page).
  const blank = await context.newPage();
  await blank.goto(server.url + "/host/blank.html");
  const baseline = await blank.evaluate(() => Object.keys(window));
  assert.deepEqual(
    styles.globals.filter((k) => !baseline.includes(k)),
    ["DigitalePartnerschaften"],
  );
  assert.equal(await page.evaluate(() => typeof window.DigitalePartnerschaften.render), "function");

  await page.screenshot({ path: join(SCREENSHOTS, "two-boxes.png"), fullPage: true });

  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  assert.deepEqual(
    axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    [],
  );

  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("empty, bad key and missing data each say so in German; healthy boxes beside them still work", async () => {
  const { context, page, log } = await open("/host/states.html", { width: 320, height: 800 });
  await settled(page, 5);
  const boxes = await readBoxes(page);
  assert.deepEqual(
    boxes.map((b) => b.status),
    [
      "Für diese Körperschaft sind keine digitalen Partnerschaften verzeichnet.",
      "Dieser Kasten ist nicht richtig eingebunden: Es fehlt ein gültiger amtlicher Gebietsschlüssel.",
      "Die Partnerschaften konnten nicht geladen werden (Serverantwort 404).",
      "1 Partnerschaft geladen",
      "3 Partnerschaften geladen",
    ],
  );
  assert.deepEqual(boxes[3].groups, [{ heading: "Direkt beteiligt", ids: ["sh-mv-digitale-souveraenitaet"] }]);
  // A Gemeinde the data does not mention has no slice of its own: the box
  // falls back to its Kreis's slice and selects for the Gemeinde from it.
  assert.deepEqual(boxes[4].groups, [
    { heading: "Über IT-Allianz Nord AöR", ids: ["stadtwerke-luebeck-solutions-kommanditisten"] },
    { heading: "Über Kreis Segeberg", ids: ["it-allianz-nord-aoer"] },
    { heading: "Über Land Schleswig-Holstein", ids: ["sh-mv-digitale-souveraenitaet"] },
  ]);

  // The webmaster gets the exact cause in the console; nothing is thrown.
  assert.deepEqual(log.pageErrors, []);
  assert.ok(log.errors.some((e) => e.includes('data-ags="01O60"') && e.includes("digits 0-9")), log.errors.join("\n"));
  assert.ok(log.errors.some((e) => e.includes("/host/missing.json") && e.includes("404")), log.errors.join("\n"));

  // Readable on a 320 px phone: nothing scrolls sideways.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls ${overflow}px sideways at 320px`);

  await page.screenshot({ path: join(SCREENSHOTS, "states-320.png"), fullPage: true });
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  assert.deepEqual(axe.violations.map((v) => v.id), []);
  await context.close();
});

test("a host with many partnerships: five at first, 'Alle 47 anzeigen', filters by topic and status, by keyboard", async () => {
  const { context, page, log } = await open("/many/page.html");
  await settled(page, 1);
  const state = () =>
    page.evaluate(() => {
      const root = document.querySelector("digitale-partnerschaften").shadowRoot;
      const more = root.querySelector(".dp-more");
      return {
        items: [...root.querySelectorAll('[data-testid="dp-item"]')].map((i) => [Number(i.dataset.position), i.dataset.id]),
        headings: [...root.querySelectorAll("h3")].map((h) => h.textContent),
        more: !more || more.hidden ? null : more.textContent,
        focused: root.activeElement?.dataset?.position ?? null,
        status: root.querySelector('[data-testid="dp-status"]').textContent,
      };
    });
  const box = page.locator("digitale-partnerschaften");

  let now = await state();
  assert.equal(now.items.length, 5);
  assert.equal(now.more, "5 von 47 Partnerschaften angezeigt. Alle 47 anzeigen");
  await box.getByRole("button", { name: "Alle 47 anzeigen" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(
    () => document.querySelector("digitale-partnerschaften").shadowRoot.querySelectorAll('[data-testid="dp-item"]').length === 47,
  );
  now = await state();
  assert.equal(now.more, null, "nothing left to show");
  assert.equal(now.focused, "5", "focus moves to the first new partnership");
  // In display order, each once, and a group that goes on keeps one heading.
  assert.deepEqual(now.items.map(([position]) => position), [...Array(47).keys()]);
  assert.equal(new Set(now.items.map(([, id]) => id)).size, 47);
  assert.deepEqual(now.headings, ["Direkt beteiligt", "Über Land Schleswig-Holstein"]);

  // Filters: a topic only the real partnership of the Land has, by keyboard.
  const topic = box.getByLabel("Thema");
  await topic.focus();
  await topic.selectOption("IT-Resilienz");
  now = await state();
  assert.deepEqual(now.items.map(([, id]) => id), ["sh-mv-digitale-souveraenitaet"]);
  assert.equal(now.status, "1 von 47 Partnerschaften passen zum Filter.", "the count is announced");
  assert.deepEqual(now.headings, ["Über Land Schleswig-Holstein"]);
  // Status "besteht" and all topics again: the first five, and the rest behind the button.
  await topic.selectOption("");
  await box.getByLabel("Status").selectOption({ label: "besteht (47)" });
  now = await state();
  assert.equal(now.items.length, 5);
  assert.equal(now.status, "47 von 47 Partnerschaften passen zum Filter.");

  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  assert.deepEqual(
    axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    [],
  );
  await page.screenshot({ path: join(SCREENSHOTS, "filters.png"), fullPage: false });
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("the element works in HTML, when added later and when its ags changes; the loader three times is harmless", async () => {
  server.requests.length = 0;
  const { context, page, log } = await open("/host/custom-element.html");
  await settled(page, 2);
  // Added later by the host's own script.
  await page.evaluate(() => {
    const element = document.createElement("digitale-partnerschaften");
    element.setAttribute("ags", "03103000");
    document.querySelector("#later").append(element);
  });
  await settled(page, 3);
  // The two boxes that the page goes on below kept their space.
  assert.equal(await openFolded(page), 2);
  const ids = async () =>
    (await readBoxes(page)).map((box) => box.groups.flatMap((g) => g.ids));
  assert.deepEqual(await ids(), [
    ["stadtwerke-luebeck-solutions-kommanditisten", "it-allianz-nord-aoer", "sh-mv-digitale-souveraenitaet"],
    ["ost-niedersachsen-digitalisierung"],
    ["sh-mv-digitale-souveraenitaet"],
  ]);

  // Another body: the same element shows Landkreis Gifhorn's partnerships.
  await page.evaluate(() => document.querySelector("#static").setAttribute("ags", "03151"));
  await page.waitForFunction(() =>
    /^1 Partnerschaft/.test(document.querySelector("#static").shadowRoot.querySelector('[data-testid="dp-status"]')?.textContent ?? ""),
  );
  assert.equal(await openFolded(page), 1);
  assert.deepEqual((await ids())[0], ["ost-niedersachsen-digitalisierung"]);

  // One box per element, one wasm, one download per slice.
  const boxes = await page.evaluate(() =>
    [...document.querySelectorAll("digitale-partnerschaften")].map((h) => h.shadowRoot.querySelectorAll('[data-testid="dp-box"]').length),
  );
  assert.deepEqual(boxes, [1, 1, 1]);
  const count = (p) => server.requests.filter((r) => r === p).length;
  // The loader ran three times (the browser may fetch it once).
  assert.equal(await page.evaluate(() => document.querySelectorAll('script[src$="partnerships.js"]').length), 3);
  assert.equal(count("/widget/partnerships-widget_bg.wasm"), 1);
  for (const area of ["01060", "13", "03103", "03151"]) assert.equal(count(`/widget/slices/${area}.json`), 1, area);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

/** Opens `path`, recording Content-Security-Policy violations in the page. */
async function openWatchingPolicy(path) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const log = watch(page);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(server.url + path);
  return { context, page, log };
}

test("under a strict Content-Security-Policy with Trusted Types the boxes work, fully styled", async () => {
  const { context, page, log } = await openWatchingPolicy("/csp/csp.html");
  await settled(page, 2);
  const boxes = await readBoxes(page);
  assert.deepEqual(boxes.map((b) => b.status), ["3 Partnerschaften geladen", "1 Partnerschaft geladen"]);
  const styled = await page.evaluate(() => {
    const root = document.querySelector("digitale-partnerschaften").shadowRoot;
    const box = getComputedStyle(root.querySelector('[data-testid="dp-box"]'));
    return { borderTop: box.borderTopWidth, heading: getComputedStyle(root.querySelector("h2")).fontSize };
  });
  assert.deepEqual(styled, { borderTop: "4px", heading: "22px" }, "the component styles apply");
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("without 'wasm-unsafe-eval' the box says it could not start and the console names the directive", async () => {
  const { context, page, log } = await openWatchingPolicy("/csp-without-wasm/csp.html");
  await page.waitForFunction(() =>
    [...document.querySelectorAll("digitale-partnerschaften")].every((h) => /nicht angezeigt/.test(h.shadowRoot?.textContent ?? "")),
  );
  const texts = await page.evaluate(() => [...document.querySelectorAll("digitale-partnerschaften")].map((h) => h.shadowRoot.textContent));
  assert.deepEqual(texts, [
    "Die Partnerschaften konnten nicht angezeigt werden.",
    "Die Partnerschaften konnten nicht angezeigt werden.",
  ]);
  assert.ok(
    log.errors.some((e) => e.includes("[Digitale Partnerschaften]") && e.includes("'wasm-unsafe-eval'") && e.includes("script-src")),
    log.errors.join("\n"),
  );
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("a server that never answers and data over the size limit each get their message; the healthy box beside them works", async () => {
  const started = Date.now();
  const { context, page, log } = await open("/host/limits.html");
  await settled(page, 3);
  const boxes = await readBoxes(page);
  assert.deepEqual(
    boxes.map((b) => b.status),
    [
      "Die Partnerschaften konnten nicht rechtzeitig geladen werden. Bitte versuchen Sie es später noch einmal.",
      "Die Daten zu den Partnerschaften sind zu umfangreich und werden nicht angezeigt.",
      "1 Partnerschaft geladen",
    ],
  );
  assert.ok(Date.now() - started < 10000, "data-timeout=1 gives up after about a second, not the default 10 s");
  const ours = log.errors.filter((e) => e.startsWith("[Digitale Partnerschaften]"));
  assert.ok(ours.some((e) => e.includes("/never/slices/01060.json") && e.includes("1000 ms (data-timeout)")), ours.join("\n"));
  assert.ok(ours.some((e) => e.includes("/widget/slices/01060.json") && e.includes("1049 bytes (data-max-size)")), ours.join("\n"));
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("a box far below the fold downloads nothing until it approaches the viewport, unless data-eager", async () => {
  server.requests.length = 0;
  const { context, page, log } = await open("/host/lazy.html");
  const status = (i) =>
    page.evaluate((n) => document.querySelectorAll("digitale-partnerschaften")[n].shadowRoot.querySelector('[data-testid="dp-status"]')?.textContent ?? null, i);
  await page.waitForFunction(() => {
    const boxes = [...document.querySelectorAll("digitale-partnerschaften")];
    const done = (n) => /geladen$/.test(boxes[n].shadowRoot.querySelector('[data-testid="dp-status"]')?.textContent ?? "");
    return boxes.length === 3 && done(0) && done(2);
  });
  assert.equal(await status(0), "3 Partnerschaften geladen");
  assert.equal(await status(2), "1 Partnerschaft geladen", "data-eager starts far below the fold");
  await page.waitForTimeout(300);
  const count = (p) => server.requests.filter((r) => r === p).length;
  assert.equal(count("/widget/slices/03103.json"), 0, "the far box has not downloaded anything");
  assert.equal(await page.evaluate(() => document.querySelectorAll("digitale-partnerschaften")[1].shadowRoot.textContent), "Partnerschaften werden geladen \u2026");

  await page.evaluate(() => document.querySelectorAll("digitale-partnerschaften")[1].scrollIntoView());
  await page.waitForFunction(() =>
    /geladen$/.test(document.querySelectorAll("digitale-partnerschaften")[1].shadowRoot.querySelector('[data-testid="dp-status"]')?.textContent ?? ""),
  );
  assert.equal(await status(1), "1 Partnerschaft geladen");
  assert.equal(count("/widget/slices/03103.json"), 1);
  assert.equal(count("/widget/partnerships-widget_bg.wasm"), 1);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("twenty boxes on one page: one wasm download, one download per slice, each box rendered once", async () => {
  server.requests.length = 0;
  const { context, page, log } = await open("/host/twenty.html");
  await settled(page, 20);
  const boxes = await page.evaluate(() =>
    [...document.querySelectorAll("digitale-partnerschaften")].map((h) => [
      h.getAttribute("ags"),
      h.shadowRoot.querySelectorAll('[data-testid="dp-box"]').length,
      h.shadowRoot.querySelector('[data-testid="dp-status"]').textContent,
    ]),
  );
  assert.equal(boxes.length, 20);
  assert.ok(boxes.every(([, count]) => count === 1), JSON.stringify(boxes));
  // The same host twice says the same.
  for (let i = 0; i < 10; i++) assert.deepEqual(boxes[i], boxes[i + 10]);
  const count = (p) => server.requests.filter((r) => r === p).length;
  assert.equal(count("/widget/partnerships-widget_bg.wasm"), 1);
  assert.equal(count("/widget/partnerships-widget.js"), 1);
  const slices = server.requests.filter((r) => r.startsWith("/widget/slices/"));
  assert.equal(slices.length, new Set(slices).size, `each slice once: ${slices.join(", ")}`);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("page, widget files and data on three origins: works with CORS on the widget and data origins, says so without", async () => {
  // Three servers: the host page, the widget files (dist/) and the data
  // (dist/'s dataset and slices, served again from their own origin).
  const cors = { "access-control-allow-origin": "*" };
  const widgets = await serve({ "/w/": DIST }, { "/w/": cors });
  const data = await serve({ "/open/": DIST, "/closed/": DIST }, { "/open/": cors });
  const pages = tempDir("origins");
  const page = (dataPrefix) =>
    htmlPage(
      "Drei Ursprünge",
      `<script src="${widgets.url}/w/partnerships.js" data-ags="01060" data-src="${data.url}${dataPrefix}partnerships.json" defer></script>`,
    );
  writeFileSync(join(pages, "open.html"), page("/open/"));
  writeFileSync(join(pages, "closed.html"), page("/closed/"));
  // A third origin for the page (another port is another origin).
  const host = await serve({ "/p/": pages });
  try {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const log = watch(tab);
    await tab.goto(`${host.url}/p/open.html`);
    await settled(tab, 1);
    assert.equal((await readBoxes(tab))[0].status, "3 Partnerschaften geladen");
    assert.ok(data.requests.includes("/open/slices/01060.json"));
    assert.deepEqual(log.pageErrors, []);

    const closed = await context.newPage();
    const closedLog = watch(closed);
    await closed.goto(`${host.url}/p/closed.html`);
    await settled(closed, 1);
    assert.equal(
      (await readBoxes(closed))[0].status,
      "Die Partnerschaften konnten nicht geladen werden. Bitte versuchen Sie es später noch einmal.",
    );
    assert.ok(
      closedLog.errors.some((e) => e.includes("[Digitale Partnerschaften] could not fetch the dataset") && e.includes("/closed/slices/01060.json")),
      closedLog.errors.join("\n"),
    );
    assert.deepEqual(closedLog.pageErrors, []);
    await context.close();
  } finally {
    await Promise.all([widgets.close(), data.close(), host.close()]);
  }
});

test("a failed download offers a retry button that loads the box", async () => {
  const { context, page, log } = await open("/host/retry.html");
  await settled(page, 1);
  let box = (await readBoxes(page))[0];
  assert.equal(box.status, "Die Partnerschaften konnten nicht geladen werden (Serverantwort 503).");
  const retry = () =>
    page.evaluate(() => {
      const button = document.querySelector("digitale-partnerschaften").shadowRoot.querySelector('[data-testid="dp-retry"]');
      return button.hidden ? null : button.textContent;
    });
  assert.equal(await retry(), "Erneut versuchen");
  assert.ok(log.errors.some((e) => e.includes("/flaky/slices/01060.json answered HTTP 503")), log.errors.join("\n"));
  // By keyboard: the server answers this time.
  await page.evaluate(() => document.querySelector("digitale-partnerschaften").shadowRoot.querySelector('[data-testid="dp-retry"]').focus());
  await page.keyboard.press("Enter");
  await page.waitForFunction(() =>
    /geladen$/.test(document.querySelector("digitale-partnerschaften").shadowRoot.querySelector('[data-testid="dp-status"]').textContent),
  );
  box = (await readBoxes(page))[0];
  assert.equal(box.status, "3 Partnerschaften geladen");
  assert.equal(await retry(), null, "the button is gone once loaded");
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("a missing or malformed data-ags gets the German key message and a console line; the healthy box beside works", async () => {
  const { context, page, log } = await open("/host/keys.html");
  await settled(page, 5);
  const key = "Dieser Kasten ist nicht richtig eingebunden: Es fehlt ein gültiger amtlicher Gebietsschlüssel.";
  assert.deepEqual(
    (await readBoxes(page)).map((b) => b.status),
    [key, key, key, key, "1 Partnerschaft geladen"],
  );
  const lines = log.errors.filter((e) => e.startsWith("[Digitale Partnerschaften] data-ags="));
  assert.equal(lines.length, 4, lines.join("\n"));
  assert.ok(lines.some((e) => e.includes('data-ags="1060"') && e.includes("4 digits")), lines.join("\n"));
  assert.ok(lines.some((e) => e.includes("13 digits")), lines.join("\n"));
  // The markup in the attribute stayed text: no image was created anywhere.
  assert.equal(await page.evaluate(() => document.querySelectorAll("img").length), 0);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("every level of key: exactly one data request per box, at the address its key gives, never a 404", async () => {
  // [key, the area slice the key's address names (model::address), shows partnerships]
  const cases = [
    ["01", "01", true], // Land
    ["05", "05", false], // a Land without partnerships
    ["11000000", "11", false], // Berlin: a Land-wide body, in no Kreis
    ["01060", "01060", true], // Kreis
    ["03103000", "03103", true], // kreisfreie Stadt (AGS)
    ["05315000", "05315", false], // Köln: a kreisfreie Stadt of the register, no partnerships
    ["010545488", "01054", true], // Amt (ARS prefix)
    ["01053090", "01053", true], // Gemeinde (AGS)
    ["010600005005", "01060", true], // a Gemeinde of Kreis Segeberg as ARS
    [" 09178120 ", "09178", true], // spaces around the key, as pasted
  ];
  for (const [key, area, shows] of cases) {
    const name = `level-${key.trim()}.html`;
    writeFileSync(join(MANY, name), htmlPage("Ebene", `<script src="/widget/partnerships.js" data-ags="${key}" defer></script>`));
    server.requests.length = 0;
    const { context, page, log } = await open(`/many/${name}`);
    await settled(page, 1);
    const [box] = await readBoxes(page);
    const data = server.requests.filter((path) => path.endsWith(".json"));
    assert.deepEqual(data, [`/widget/slices/${area}.json`], `${key}: one request, at its area's address`);
    assert.equal(/geladen$/.test(box.status), shows, `${key}: ${box.status}`);
    // A 404 would be in the console too ("Failed to load resource").
    assert.deepEqual(log.errors, [], key);
    assert.deepEqual(log.pageErrors, [], key);
    await context.close();
  }
});
