// End-to-end: accessibility (BITV 2.0 / EN 301 549 / WCAG 2.1 AA).
//  - axe-core finds no violation in any state of the box (loading, list,
//    paged list, empty, each error, saved copy), in the light, dark and
//    automatic theme, at 320 px and 1280 px; screenshots of each.
//  - Keyboard: every control reachable in order, focus visible, no trap.
//  - data-heading-level fits the box into the host page's outline, and the
//    box is a region named by its heading.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { serve } from "./server.mjs";
import { manyPartnerships, widePartnerNetwork } from "./data.mjs";
import { launch, readBoxes, settled, htmlPage, openPage, openFolded } from "./browser.mjs";
import { tempDir } from "./temp.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const DIST = join(ROOT, "dist");
const SCREENSHOTS = join(ROOT, "test-results");
const GENERATED = tempDir("a11y");
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

let server;
let browser;

const box = (heading, attributes) =>
  `<section><h2>${heading}</h2><script src="/widget/partnerships.js" ${attributes} data-eager defer></script></section>`;

/** One page with the box in each state, in `theme`. */
function statesPage(theme) {
  const t = `data-theme="${theme}"`;
  return htmlPage(
    `Zustände (${theme})`,
    box("Liste", `data-ags="01060" ${t}`) +
      box("Viele, gefiltert", `data-ags="01060" data-src="/generated/many.json" ${t}`) +
      box("Lädt noch", `data-ags="01060" data-src="/never/partnerships.json" data-timeout="600" ${t}`) +
      box("Leer", `data-ags="05315000" ${t}`) +
      box("Falscher Schlüssel", `data-ags="01O60" ${t}`) +
      box("Nicht gefunden", `data-ags="01060" data-src="/missing/partnerships.json" ${t}`) +
      box("Netzwerkfehler", `data-ags="01060" data-src="/outage/partnerships.json" ${t}`),
  );
}

before(async () => {
  writeFileSync(join(GENERATED, "many.json"), JSON.stringify(manyPartnerships()));
  for (const theme of ["light", "dark", "auto"]) writeFileSync(join(GENERATED, `states-${theme}.html`), statesPage(theme));
  writeFileSync(
    join(GENERATED, "keyboard.html"),
    htmlPage(
      "Tastatur",
      '<p><a href="#vorher" id="before">Vorher</a></p>' +
        box("Kreis", 'data-ags="01060"') +
        box("Fehler", 'data-ags="01060" data-src="/outage/partnerships.json"') +
        '<p><a href="#nachher" id="after">Nachher</a></p>',
    ),
  );
  writeFileSync(
    join(GENERATED, "levels.html"),
    htmlPage("Überschriften", '<section><h2>Abschnitt</h2><h3>Unterabschnitt</h3>' + box("x", 'data-ags="01060" data-heading-level="4"').replace("<section><h2>x</h2>", "").replace("</section>", "") + "</section>" + box("Standard", 'data-ags="01053090"')),
  );
  // An English page: the box follows its lang unless data-lang says otherwise.
  writeFileSync(
    join(GENERATED, "english.html"),
    htmlPage("Our partners", box("Default", 'data-ags="01060"') + box("Deutsch", 'data-ags="01060" data-lang="de"') + box("Error", 'data-ags="1060"'))
      .replace('<html lang="de">', '<html lang="en-GB">'),
  );
  writeFileSync(join(GENERATED, "wide.json"), JSON.stringify(widePartnerNetwork()));
  writeFileSync(
    join(GENERATED, "network.html"),
    htmlPage(
      "Netz",
      box("Kreis", 'data-ags="01060" data-view="network"') + box("Viele Partner", 'data-ags="01060" data-view="network" data-theme="dark" data-src="/generated/wide.json"'),
    ),
  );
  server = await serve({ "/widget/": DIST, "/generated/": GENERATED });
  server.down.add("/outage/");
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Waits until every box but the one still loading on purpose has settled. */
async function allButLoadingSettled(page) {
  await page.waitForFunction(() => {
    const statuses = [...document.querySelectorAll("digitale-partnerschaften")].map(
      (h) => h.shadowRoot?.querySelector('[data-testid="dp-status"]')?.textContent ?? "",
    );
    return statuses.length === 7 && statuses.filter((s) => /geladen …$/.test(s)).length === 1;
  });
}

for (const theme of ["light", "dark", "auto"]) {
  for (const width of [320, 1280]) {
    test(`axe: no violation in any state, theme ${theme}, ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme === "auto" ? "dark" : "light" });
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(`${server.url}/generated/states-${theme}.html`);
      await allButLoadingSettled(page);
      // The first box is on screen with the page going on below it: it
      // kept its space and offers its list behind a button. That state is
      // checked too; then the boxes are opened as a reader would.
      const folded = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      assert.deepEqual(
        folded.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
        [],
      );
      assert.ok((await openFolded(page)) >= 1, "the first box kept its space");
      const boxes = await readBoxes(page);
      assert.deepEqual(
        boxes.map((b) => b.status.replace(/\d+/g, "N")),
        [
          "N Partnerschaften geladen",
          "N Partnerschaften geladen",
          "Partnerschaften werden geladen …",
          "Für diese Körperschaft sind keine digitalen Partnerschaften verzeichnet.",
          "Dieser Kasten ist nicht richtig eingebunden: Es fehlt ein gültiger amtlicher Gebietsschlüssel.",
          "Die Partnerschaften konnten nicht geladen werden (Serverantwort N).",
          "Die Partnerschaften konnten nicht geladen werden. Bitte versuchen Sie es später noch einmal.",
        ].map((s) => s.replace(/\d+/g, "N")),
      );
      // Expanded details (the first box) and a filter in use (the second).
      await page.evaluate(() => {
        const [first] = document.querySelectorAll("digitale-partnerschaften");
        for (const details of first.shadowRoot.querySelectorAll("details")) details.open = true;
      });
      await page.locator("digitale-partnerschaften").nth(1).getByRole("combobox").first().selectOption("Fachverfahren");
      await page.waitForFunction(() =>
        /passen zum Filter/.test(document.querySelectorAll("digitale-partnerschaften")[1].shadowRoot.querySelector('[data-testid="dp-status"]').textContent),
      );
      // The dark theme is really dark (auto follows the reader's dark setting).
      const background = await page.evaluate(
        () => getComputedStyle(document.querySelector("digitale-partnerschaften").shadowRoot.querySelector('[data-testid="dp-box"]')).backgroundColor,
      );
      assert.equal(background, theme === "light" ? "rgb(255, 255, 255)" : "rgb(28, 28, 28)");
      // Reflow: nothing scrolls sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page scrolls ${overflow}px sideways`);
      const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      assert.deepEqual(
        axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
        [],
      );
      await page.screenshot({ path: join(SCREENSHOTS, `states-${theme}-${width}.png`), fullPage: true });
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test("keyboard: every control in order, focus visible, no trap", async () => {
  const { context, page } = await openPage(browser, `${server.url}/generated/keyboard.html`);
  await settled(page, 2);
  await page.focus("#before");
  // The focused element, looking into the boxes' shadow roots, and whether
  // its focus is visible (an outline).
  const focused = () =>
    page.evaluate(() => {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      const style = getComputedStyle(element);
      return { name: element.textContent.trim().slice(0, 40).trim(), outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 };
    });
  const tab = async (key, times) => {
    const seen = [];
    for (let i = 0; i < times; i++) {
      await page.keyboard.press(key);
      seen.push(await focused());
    }
    return seen;
  };
  // The first box kept its space (the second box follows it on screen):
  // its list is behind a button; Enter opens it and moves the focus to
  // the first partnership.
  const open = await tab("Tab", 1);
  assert.deepEqual(open, [{ name: "3 Partnerschaften anzeigen", outline: true }]);
  await page.keyboard.press("Enter");
  const first = await page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element.dataset.testid;
  });
  assert.equal(first, "dp-item");
  await page.focus("#before");
  const DETAILS = "Mehr zu dieser Partnerschaft";
  const forward = await tab("Tab", 6);
  assert.deepEqual(
    forward.map((f) => f.name),
    [DETAILS, DETAILS, DETAILS, "Datenlizenz Deutschland – Namensnennung", "Erneut versuchen", "Nachher"],
  );
  assert.ok(forward.slice(0, 5).every((f) => f.outline), `focus is visible: ${JSON.stringify(forward)}`);
  // And back, with Shift+Tab, through the same controls to the page's link.
  const back = await tab("Shift+Tab", 6);
  assert.deepEqual(
    back.map((f) => f.name),
    ["Erneut versuchen", "Datenlizenz Deutschland – Namensnennung", DETAILS, DETAILS, DETAILS, "Vorher"],
  );
  // A summary opens its details with Enter; the source link inside is next
  // (the second partnership's: the first has no linked source).
  await tab("Tab", 2);
  await page.keyboard.press("Enter");
  const inside = await tab("Tab", 1);
  assert.equal(inside[0].name, "Digitale Zukunft im Norden: IT-Kooperati");
  assert.ok(inside[0].outline);
  await context.close();
});

test("data-heading-level places the box in the host page's outline; the box is a region named by its heading", async () => {
  const { context, page, log } = await openPage(browser, `${server.url}/generated/levels.html`);
  await settled(page, 2);
  assert.ok((await openFolded(page)) >= 1);
  const outline = await page.evaluate(() =>
    [...document.querySelectorAll("digitale-partnerschaften")].map((h) => {
      const root = h.shadowRoot;
      const region = root.querySelector('[data-testid="dp-box"]');
      const heading = root.getElementById(region.getAttribute("aria-labelledby"));
      return {
        region: region.localName,
        name: heading?.textContent,
        levels: [...new Set([...root.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((e) => e.localName))],
      };
    }),
  );
  assert.deepEqual(outline, [
    { region: "section", name: "Unsere digitalen Partnerschaften", levels: ["h4", "h5", "h6"] },
    { region: "section", name: "Unsere digitalen Partnerschaften", levels: ["h2", "h3", "h4"] },
  ]);
  const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  assert.deepEqual(axe.violations.map((v) => v.id), []);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("the box speaks the page's language (English here) unless data-lang says otherwise", async () => {
  const { context, page, log } = await openPage(browser, `${server.url}/generated/english.html`, { width: 320, height: 800 });
  await settled(page, 3);
  assert.ok((await openFolded(page)) >= 1);
  const boxes = await readBoxes(page);
  assert.deepEqual(
    boxes.map((b) => [b.heading, b.status]),
    [
      ["Our digital partnerships", "3 partnerships loaded"],
      ["Unsere digitalen Partnerschaften", "3 Partnerschaften geladen"],
      ["Our digital partnerships", "This box is not embedded correctly: a valid official area key is missing."],
    ],
  );
  assert.deepEqual(boxes[0].groups.map((g) => g.heading), ["Directly involved", "Through Land Schleswig-Holstein"]);
  const langs = await page.evaluate(() =>
    [...document.querySelectorAll("digitale-partnerschaften")].map((h) => h.shadowRoot.querySelector(".dp-root").getAttribute("lang")),
  );
  assert.deepEqual(langs, ["en", "de", "en"]);
  const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  assert.deepEqual(axe.violations.map((v) => v.id), []);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("data-view=network draws the partners around the host, with a numbered legend as its text; 20 at most", async () => {
  for (const width of [320, 1280]) {
    const { context, page, log } = await openPage(browser, `${server.url}/generated/network.html`, { width, height: 900 });
    await settled(page, 2);
    assert.ok((await openFolded(page)) >= 1);
    const networks = await page.evaluate(() =>
      [...document.querySelectorAll("digitale-partnerschaften")].map((h) => {
        const figure = h.shadowRoot.querySelector('[data-testid="dp-network"]');
        const svg = figure.querySelector("svg");
        const box = svg.getBoundingClientRect();
        return {
          caption: figure.querySelector("figcaption").textContent,
          drawn: svg.querySelectorAll(".dp-net-partner").length,
          numbers: [...svg.querySelectorAll(".dp-net-partner text")].map((t) => t.textContent),
          legend: [...figure.querySelectorAll("ol > li")].map((li) => li.textContent),
          more: figure.querySelector("ol + p")?.textContent ?? null,
          hidden: svg.getAttribute("aria-hidden"),
          square: Math.abs(box.width - box.height) < 1,
          fits: box.right <= figure.getBoundingClientRect().right + 0.5,
        };
      }),
    );
    assert.deepEqual(networks[0].caption, "Unser Netz: 6 Partner");
    assert.deepEqual(networks[0].legend, [
      "IT-Allianz Nord AöR: Beteiligung an Stadtwerke Lübeck Solutions",
      "Kreis Herzogtum Lauenburg: IT-Allianz Nord AöR",
      "Land Mecklenburg-Vorpommern: Kooperation Schleswig-Holstein und Mecklenburg-Vorpommern für digitale Souveränität",
      "Land Schleswig-Holstein: Kooperation Schleswig-Holstein und Mecklenburg-Vorpommern für digitale Souveränität",
      "Stadt Mölln: Beteiligung an Stadtwerke Lübeck Solutions",
      "Stadtwerke Lübeck Solutions: Beteiligung an Stadtwerke Lübeck Solutions",
    ]);
    assert.equal(networks[0].drawn, networks[0].legend.length);
    const wide = networks[1];
    assert.equal(wide.drawn, 20, "at most 20 are drawn");
    assert.deepEqual(wide.numbers, Array.from({ length: 20 }, (_, i) => String(i + 1)));
    assert.equal(wide.legend.length, 20);
    assert.match(wide.more, /^… und \d+ weitere, siehe die Liste unten\.$/);
    for (const n of networks) {
      assert.equal(n.hidden, "true", "the drawing is hidden from screen readers; the legend says the same");
      assert.ok(n.square && n.fits, `the drawing keeps its shape and fits at ${width} px`);
    }
    const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    assert.deepEqual(axe.violations.map((v) => v.id), []);
    await page.screenshot({ path: join(SCREENSHOTS, `network-${width}.png`), fullPage: true });
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  }
});
