// End-to-end: the Einbindungsassistent (einbinden.html) as a new webmaster
// uses it, and the snippet it writes, pasted into a page on another origin:
// with scripts (the box upgrades the static content in place, without a
// layout shift), with a changed loader (refused; the static content stays)
// and without JavaScript (the static content alone). Plus axe-core on the
// assistant with the suggestions open and with a preview shown.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { serve } from "./server.mjs";
import { launch, watch, readBoxes, settled, htmlPage } from "./browser.mjs";
import { tempDir } from "./temp.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const DIST = join(ROOT, "dist");
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const TARGET = "#digitale-partnerschaften-01060";

const sri = (bytes) => "sha384-" + createHash("sha384").update(bytes).digest("base64");

let widgetDir; // a copy of dist/, so one test can change the served loader
let widgets; // the origin of the widget and the assistant
let pagesDir;
let pages; // another origin: the webmaster's site
let browser;
let pasted; // the snippet as read back from the clipboard

before(async () => {
  widgetDir = tempDir("assistant");
  cpSync(DIST, widgetDir, { recursive: true });
  widgets = await serve({ "/": widgetDir }, { "/": { "access-control-allow-origin": "*" } });
  pagesDir = tempDir("pasted");
  // /strict/: the same pages under a Content-Security-Policy that allows
  // the widget's origin but not 'wasm-unsafe-eval'.
  const csp = `default-src 'self'; script-src 'self' ${widgets.url}; connect-src 'self' ${widgets.url}`;
  pages = await serve({ "/site/": pagesDir, "/strict/": pagesDir }, { "/strict/": { "content-security-policy": csp } });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await widgets?.close();
  await pages?.close();
});

/** Presses Tab until the element `selector` has the focus (at most `max` times). */
async function tabTo(page, selector, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement === document.querySelector(s), selector)) return i;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function openAssistant(context) {
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(`${widgets.url}/einbinden.html`);
  await page.waitForSelector("#body-search:not([disabled])");
  return { page, log };
}

/**
 * A browser context of `viewport` whose pages collect the value of every
 * layout shift not caused by input in `window.layoutShifts`, from the start.
 */
async function shiftWatchingContext(viewport) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(() => {
    window.layoutShifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.layoutShifts.push(entry.value);
    }).observe({ type: "layout-shift", buffered: true });
  });
  return context;
}

/** A blank page on the webmaster's origin with `snippet` between two paragraphs. */
function pastePage(name, snippet, after = "<p id=\"after\">Text nach dem Kasten.</p>") {
  writeFileSync(
    join(pagesDir, name),
    htmlPage("Unser Kreis", `<p>Text vor dem Kasten.</p>\n${snippet}\n${after}`),
  );
  return `${pages.url}/site/${name}`;
}

test("a new user finds Kreis Segeberg by keyboard, copies the snippet, and it works pasted on another origin", async (t) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: widgets.url });
  const { page, log } = await openAssistant(context);
  const started = Date.now();

  await tabTo(page, "#body-search");
  await page.keyboard.type("Sege");
  const combobox = page.locator("#body-search");
  await page.waitForSelector('[data-testid="body-option"]');
  assert.equal(await combobox.getAttribute("aria-expanded"), "true");
  const first = await page.locator('[data-testid="body-option"]').first().textContent();
  assert.match(first, /^Kreis Segeberg Kreis · 01 060/);
  await page.waitForFunction(() => /Vorschl/.test(document.getElementById("search-status").textContent));

  await page.keyboard.press("ArrowDown");
  assert.equal(await combobox.getAttribute("aria-activedescendant"), "body-option-0");
  assert.equal(await page.locator("#body-option-0").getAttribute("aria-selected"), "true");
  await page.keyboard.press("Enter");
  assert.equal(await combobox.getAttribute("aria-expanded"), "false");
  assert.equal(await page.locator("#chosen").textContent(), "Gewählt: Kreis Segeberg (Kreis, Schlüssel 01060).");

  await page.waitForFunction(() => document.getElementById("snippet").value.includes('data-ags="01060"'));
  await tabTo(page, "#copy", 200);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /kopiert/.test(document.getElementById("copy-status").textContent));
  pasted = await page.evaluate(() => navigator.clipboard.readText());
  const seconds = (Date.now() - started) / 1000;
  t.diagnostic(`scripted new-user run (focus the search field to the copied snippet): ${seconds.toFixed(2)} s`);

  // The snippet: the exact text of the field, the versioned release on the
  // assistant's origin, SRI of exactly the served file, the static box.
  assert.equal(pasted, await page.locator("#snippet").inputValue());
  const release = JSON.parse(readFileSync(join(DIST, "release.json"), "utf8"));
  const loaderUrl = `${widgets.url}/v${release.version}/partnerships.js`;
  assert.ok(pasted.includes(`src="${loaderUrl}"`), pasted);
  const served = Buffer.from(await (await fetch(loaderUrl)).arrayBuffer());
  const integrity = /integrity="([^"]+)"/.exec(pasted)[1];
  assert.equal(integrity, sri(served));
  assert.match(pasted, /crossorigin="anonymous"/);
  assert.match(pasted, /data-target="#digitale-partnerschaften-01060"/);
  assert.ok(pasted.includes(`data-src="${widgets.url}/partnerships.json"`), pasted);
  assert.match(pasted, /<section class="dp-static" lang="de"[^>]*data-ags="01060"[^>]*itemtype="https:\/\/schema.org\/GovernmentOrganization">/);
  assert.match(pasted, /<h4>IT-Allianz Nord AöR<\/h4>/);
  // The structured data as microdata, never a script a CMS could turn into text.
  assert.match(pasted, /<meta itemprop="name" content="Kreis Segeberg">/);
  assert.equal(pasted.match(/<script/g).length, 1, "only the loader's tag");
  assert.match(pasted, /data-src="[^"]*" defer(="")?><\/script>\n$/);
  // Which servers need CORS, named with this page's addresses.
  assert.ok((await page.locator("#cors").textContent()).includes(widgets.url), await page.locator("#cors").textContent());
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.errors, []);
  await context.close();

  // Pasted into a blank page on another origin: the box shows IT-Allianz Nord.
  const seen = widgets.requests.length;
  const site = await browser.newContext();
  const tab = await site.newPage();
  const siteLog = watch(tab);
  await tab.goto(pastePage("pasted.html", pasted));
  // The data did not change since the snippet was made: the live box
  // checks that, then leaves the static content in place.
  await staticKept(tab);
  assert.match(await tab.locator(TARGET).innerText(), /IT-Allianz Nord AöR/);
  assert.deepEqual(siteLog.pageErrors, []);
  assert.deepEqual(siteLog.errors, []);
  // The pasted page loads the three files of the release and the host's
  // slice, nothing of the assistant.
  assert.deepEqual(
    [...new Set(widgets.requests.slice(seen))].sort(),
    ["/slices/01060.json", `/v${release.version}/partnerships-widget.js`, `/v${release.version}/partnerships-widget_bg.wasm`, `/v${release.version}/partnerships.js`],
  );
  await site.close();
});

test("one changed byte in the served loader: the browser refuses it, the static content stays readable", async () => {
  assert.ok(pasted, "the first test copied a snippet");
  const path = join(widgetDir, "v0.1.0", "partnerships.js");
  const original = readFileSync(path);
  const at = original.indexOf("Partnerschaften werden");
  assert.ok(at >= 0);
  const changed = Buffer.from(original);
  changed.write("Partnerschaften wurden", at);
  assert.equal(changed.length, original.length);
  writeFileSync(path, changed);
  try {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const log = watch(tab);
    await tab.goto(pastePage("changed.html", pasted));
    await tab.waitForLoadState("load");
    await tab.waitForTimeout(300);
    assert.ok(
      log.errors.some((e) => /integrity/i.test(e) && e.includes("partnerships.js")),
      log.errors.join("\n"),
    );
    const host = tab.locator(TARGET);
    assert.equal(await tab.evaluate((s) => document.querySelector(s).shadowRoot, TARGET), null);
    assert.equal(await tab.evaluate(() => typeof window.DigitalePartnerschaften), "undefined");
    assert.match(await host.innerText(), /IT-Allianz Nord AöR/);
    assert.ok((await host.boundingBox()).height > 100);
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  } finally {
    writeFileSync(path, original);
  }
});

test("without JavaScript the pasted snippet shows the partnerships as static HTML", async () => {
  assert.ok(pasted, "the first test copied a snippet");
  const context = await browser.newContext({ javaScriptEnabled: false });
  const tab = await context.newPage();
  await tab.goto(pastePage("nojs.html", pasted));
  const host = tab.locator(TARGET);
  assert.equal(await host.locator("h2").textContent(), "Unsere digitalen Partnerschaften");
  const text = await host.innerText();
  assert.match(text, /IT-Allianz Nord AöR/);
  assert.match(text, /Kreis Segeberg \(wir\)/);
  // The details open natively, without any script.
  await host.locator("summary").first().click();
  assert.equal(await host.locator("details").first().getAttribute("open"), "");
  assert.equal(widgets.requests.filter((r) => r.endsWith(".wasm") && r.includes("nojs")).length, 0);
  await context.close();
});

test("when the data or the wasm cannot be loaded, the static content stays and the console says why", async () => {
  assert.ok(pasted, "the first test copied a snippet");
  const cases = [
    // (the error answer has no CORS header: the page sees a network error)
    ["data fails", "site", pasted.replace(`data-src="${widgets.url}/partnerships.json"`, `data-src="${widgets.url}/status/500/partnerships.json"`), /could not fetch the dataset/],
    ["no 'wasm-unsafe-eval'", "strict", pasted, /wasm-unsafe-eval/],
  ];
  for (const [name, folder, snippet, console] of cases) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const log = watch(tab);
    const url = pastePage(`${folder}-kept.html`, snippet).replace("/site/", `/${folder}/`);
    await tab.goto(url);
    await tab.waitForTimeout(1500);
    assert.ok(log.errors.some((e) => console.test(e)), `${name}: ${log.errors.join("\n")}`);
    // The slot still shows the static content; the live box stays hidden.
    assert.equal(await tab.evaluate((s) => Boolean(document.querySelector(s).shadowRoot.querySelector("slot")), TARGET), true, name);
    const host = tab.locator(TARGET);
    assert.match(await host.innerText(), /IT-Allianz Nord AöR/, name);
    assert.ok((await host.boundingBox()).height > 100, name);
    assert.equal(await tab.locator(`${TARGET} .dp-static h2`).isVisible(), true, name);
    assert.equal(await tab.locator('[data-testid="dp-box"]').isVisible(), false, name);
    assert.deepEqual(log.pageErrors, [], name);
    await context.close();
  }
});

/** Waits until the live box has decided to keep the page's static content
 * (its data did not change since the snippet was made): its own root is
 * gone and the slot shows the static content. */
async function staticKept(tab) {
  await tab.waitForFunction((s) => {
    const root = document.querySelector(s).shadowRoot;
    return root && root.querySelector("slot") && !root.querySelector(".dp-root");
  }, TARGET);
}

// 1280 × 1000: the whole box and text after it on screen; 360 × 800: a phone.
for (const [width, height] of [[360, 800], [1280, 1000]]) {
  test(`upgrade in place at ${width} px: while the data is unchanged the static content stays, nothing moves, nothing is blank`, async (t) => {
    assert.ok(pasted, "the first test copied a snippet");
    const context = await shiftWatchingContext({ width, height });
    const tab = await context.newPage();
    const log = watch(tab);
    // Content below the box, filling the screen: any shift of it would count.
    const after = `<p id="after">${"Text nach dem Kasten. ".repeat(200)}</p>`;
    await tab.goto(pastePage(`kept-${width}.html`, pasted, after));
    const place = () =>
      tab.evaluate((s) => {
        const rect = document.querySelector(s).getBoundingClientRect();
        return { top: rect.top, height: rect.height, after: document.getElementById("after").getBoundingClientRect().top };
      }, TARGET);
    const before = await place();
    await staticKept(tab);
    // Two frames and a moment: a shift would have been observed by then.
    await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await tab.waitForTimeout(300);
    const now = await place();
    assert.deepEqual(now, before, "the static content keeps its place and height; what follows stays");
    const shifts = await tab.evaluate(() => window.layoutShifts);
    t.diagnostic(`${width} px: static ${before.height.toFixed(0)} px kept, ${shifts.length} shifts`);
    assert.deepEqual(shifts, []);
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test(`upgrade in place at ${width} px: when the data changed since the snippet was made, the live box takes the place at once, with no gap`, async (t) => {
    assert.ok(pasted, "the first test copied a snippet");
    const made = /data-digest="([0-9a-f]{8})"/.exec(pasted);
    assert.ok(made, "the static content carries its digest");
    const context = await shiftWatchingContext({ width, height });
    const tab = await context.newPage();
    const log = watch(tab);
    const after = `<p id="after">${"Text nach dem Kasten. ".repeat(200)}</p>`;
    const older = pasted.replace(made[0], `data-digest="${made[1] === "00000000" ? "00000001" : "00000000"}"`);
    await tab.goto(pastePage(`changed-${width}.html`, older, after));
    const top = await tab.evaluate((s) => document.querySelector(s).getBoundingClientRect().top, TARGET);
    await tab.waitForFunction((s) => !document.querySelector(s).shadowRoot.querySelector("slot"), TARGET);
    const [box] = await readBoxes(tab);
    assert.equal(box.status, "3 Partnerschaften geladen");
    const now = await tab.evaluate((s) => {
      const host = document.querySelector(s);
      const live = host.shadowRoot.querySelector(".dp-root").getBoundingClientRect();
      const rect = host.getBoundingClientRect();
      return { top: rect.top, height: rect.height, live: live.height, after: document.getElementById("after").getBoundingClientRect().top - rect.bottom };
    }, TARGET);
    assert.equal(now.top, top, "the box starts where the static content started");
    assert.ok(Math.abs(now.height - now.live) < 1, `no blank space in the box: ${JSON.stringify(now)}`);
    assert.ok(now.after < 40, `what follows comes right after the box: ${now.after} px`);
    const cls = (await tab.evaluate(() => window.layoutShifts)).reduce((a, b) => a + b, 0);
    t.diagnostic(`${width} px: changed data, live box ${now.live.toFixed(0)} px, CLS ${cls.toFixed(4)}`);
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test("a snippet that asks for the dark theme shows the live box, also while the data are unchanged", async () => {
  assert.ok(pasted, "the first test copied a snippet");
  assert.match(pasted, /<script [^>]*data-target=/);
  const dark = pasted.replace("<script ", '<script data-theme="dark" ');
  const context = await browser.newContext();
  const tab = await context.newPage();
  const log = watch(tab);
  await tab.goto(pastePage("dark.html", dark));
  await tab.waitForFunction((s) => !document.querySelector(s).shadowRoot.querySelector("slot"), TARGET);
  const [box] = await readBoxes(tab);
  assert.equal(box.status, "3 Partnerschaften geladen");
  assert.equal(await tab.evaluate((s) => document.querySelector(s).shadowRoot.querySelector(".dp-root").className, TARGET), "dp-root dp-dark");
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("axe-core: no WCAG 2.1 A/AA violation on the assistant with the suggestions open and with a preview", async () => {
  for (const width of [320, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const { page, log } = await openAssistant(context);
    await page.focus("#body-search");
    await page.keyboard.type("Gif");
    await page.waitForSelector('[data-testid="body-option"]');
    await page.keyboard.press("ArrowDown");
    const open = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    assert.deepEqual(
      open.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`),
      [],
      `suggestions open at ${width} px`,
    );
    await page.keyboard.press("Enter");
    await page.locator('input[name="view"][value="network"]').check();
    await page.waitForFunction(() => {
      const host = document.querySelector('[data-testid="preview-host"]');
      return host?.shadowRoot && !host.shadowRoot.querySelector("slot") && host.shadowRoot.querySelector("svg");
    });
    const shown = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    assert.deepEqual(
      shown.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`),
      [],
      `preview shown at ${width} px`,
    );
    assert.equal(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      true,
      `no sideways scroll at ${width} px`,
    );
    await page.screenshot({ path: join(ROOT, "test-results", `einbinden-${width}.png`), fullPage: true });
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  }
});

test("the static-only snippet has no script and the options change the snippet", async () => {
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: widgets.url });
  const { page, log } = await openAssistant(context);
  await page.focus("#body-search");
  await page.keyboard.type("01 053 090");
  await page.waitForSelector('[data-testid="body-option"]');
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.locator('input[name="theme"][value="dark"]').check();
  await page.locator('input[name="lang"][value="en"]').check();
  await page.locator("#heading-level").selectOption("3");
  await page.waitForFunction(() => document.getElementById("snippet").value.includes('data-heading-level="3"'));
  const scripted = await page.locator("#snippet").inputValue();
  assert.match(scripted, /data-ags="01053090"/);
  assert.match(scripted, /data-theme="dark"/);
  assert.match(scripted, /data-lang="en"/);
  assert.match(scripted, /<section class="dp-static" lang="en"/);
  assert.match(scripted, /<h3 id="dp-static-01053090">Our digital partnerships<\/h3>/);
  assert.doesNotMatch(scripted, /<h2/);

  // A data address that is not http(s) is refused at the field.
  await page.locator("#data-url").fill("javascript:alert(1)");
  await page.locator("#data-url").press("Tab");
  await page.waitForSelector('[data-testid="data-url-error"]:not([hidden])');
  assert.equal(await page.locator("#data-url").getAttribute("aria-invalid"), "");
  assert.doesNotMatch(await page.locator("#snippet").inputValue(), /javascript:/);
  await page.locator("#data-url").fill("https://daten.example.org/partnerschaften/partnerships.json");
  await page.locator("#data-url").press("Tab");
  await page.waitForFunction(() => document.getElementById("snippet").value.includes('data-src="https://daten.example.org/partnerschaften/partnerships.json"'));
  assert.equal(await page.locator('[data-testid="data-url-error"]').isVisible(), false);
  assert.equal(await page.locator("#data-url").getAttribute("aria-invalid"), null);

  await page.locator('input[name="mode"][value="static"]').check();
  await page.waitForFunction(() => !document.getElementById("snippet").value.includes("<script"));
  const staticOnly = await page.locator("#snippet").inputValue();
  assert.match(staticOnly, /<div id="digitale-partnerschaften-01053090">/);
  assert.match(staticOnly, /Our digital partnerships/);
  assert.equal(await page.locator('input[name="theme"][value="dark"]').isVisible(), false);
  // The preview is the static HTML itself.
  assert.equal(await page.evaluate(() => document.querySelector('[data-testid="preview-host"]').shadowRoot), null);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("where the Clipboard API is refused, the snippet is selected for Ctrl+C and the status says so", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException("refused", "NotAllowedError"));
  });
  const { page, log } = await openAssistant(context);
  await page.focus("#body-search");
  await page.keyboard.type("Föhr");
  await page.waitForSelector('[data-testid="body-option"]');
  assert.match(await page.locator('[data-testid="body-option"]').first().textContent(), /Amt Föhr-Amrum/);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.getElementById("snippet").value.includes('data-ags="010545488"'));
  await page.locator("#copy").click();
  await page.waitForFunction(() => /Strg\+C/.test(document.getElementById("copy-status").textContent));
  const selection = await page.evaluate(() => {
    const field = document.getElementById("snippet");
    return { focused: document.activeElement === field, start: field.selectionStart, end: field.selectionEnd, length: field.value.length };
  });
  assert.deepEqual(selection, { focused: true, start: 0, end: selection.length, length: selection.length });
  assert.ok(selection.length > 500);
  assert.equal(await page.locator("#copy-status").getAttribute("role"), "status");
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("Escape closes the suggestions, a second Escape clears the field; an unknown key can still be used", async () => {
  const context = await browser.newContext();
  const { page } = await openAssistant(context);
  await page.focus("#body-search");
  await page.keyboard.type("Mölln");
  await page.waitForSelector('[data-testid="body-option"]');
  assert.match(await page.locator('[data-testid="body-option"]').first().textContent(), /Stadt Mölln/);
  await page.keyboard.press("Escape");
  assert.equal(await page.locator("#body-search").getAttribute("aria-expanded"), "false");
  assert.equal(await page.locator("#body-options").isVisible(), false);
  assert.equal(await page.locator("#body-search").inputValue(), "Mölln");
  await page.keyboard.press("Escape");
  assert.equal(await page.locator("#body-search").inputValue(), "");
  // A Gemeinde key the suggestions do not list: offered as it is.
  await page.keyboard.type("01060005");
  await page.waitForSelector('[data-testid="body-option"]');
  assert.match(await page.locator('[data-testid="body-option"]').first().textContent(), /Schlüssel 01060005/);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.getElementById("snippet").value.includes('data-ags="01060005"'));
  // No static content for it, and the page says so.
  assert.match(await page.locator('[data-testid="preview"]').innerText(), /keinen statischen Inhalt/);
  assert.doesNotMatch(await page.locator("#snippet").inputValue(), /dp-static/);
  await context.close();
});

test("axe-core: no WCAG 2.1 A/AA violation on the CMS recipes page", async () => {
  for (const width of [320, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${widgets.url}/einbinden-cms.html`);
    const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`), [], `${width} px`);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, `no sideways scroll at ${width} px`);
    await context.close();
  }
});
