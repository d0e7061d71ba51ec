// Debian's Chromium driven by playwright-core (never a downloaded browser).
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Debian's Chromium, headless; `extraArgs` for benchmarks (e.g. V8 flags). */
export function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
      ...extraArgs,
    ],
  });
}

/** Collects console errors/warnings and uncaught page errors of a page. */
export function watch(page) {
  const log = { errors: [], warnings: [], pageErrors: [] };
  page.on("console", (msg) => {
    if (msg.type() === "error") log.errors.push(msg.text());
    if (msg.type() === "warning") log.warnings.push(msg.text());
  });
  page.on("pageerror", (err) => log.pageErrors.push(String(err)));
  return log;
}

/** The visible structure of every box on the page, read through the open shadow roots. */
export function readBoxes(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("*")]
      .filter((host) => host.shadowRoot)
      .map((host) => {
        const root = host.shadowRoot;
        return {
          heading: root.querySelector("h2")?.textContent ?? null,
          status: root.querySelector('[data-testid="dp-status"]')?.textContent ?? null,
          groups: [...root.querySelectorAll('[data-testid="dp-group"]')].map((g) => ({
            heading: g.querySelector("h3").textContent,
            ids: [...g.querySelectorAll('[data-testid="dp-item"]')].map((i) => i.dataset.id),
          })),
        };
      }),
  );
}

/** Waits until every box has left its loading state. */
export async function settled(page, count) {
  await page.waitForFunction(
    (n) => {
      const hosts = [...document.querySelectorAll("*")].filter((h) => h.shadowRoot);
      return (
        hosts.length === n &&
        hosts.every((h) => {
          const s = h.shadowRoot.querySelector('[data-testid="dp-status"]');
          return s && !/geladen …$/.test(s.textContent);
        })
      );
    },
    count,
    { timeout: 15000 },
  );
}

/**
 * Opens every box that kept its space ("N Partnerschaften anzeigen": its
 * list would have pushed down what follows it on screen), as a reader's
 * click does; resolves with how many there were.
 */
export async function openFolded(page) {
  const opened = await page.evaluate(() => {
    const buttons = [...document.querySelectorAll("*")]
      .filter((h) => h.shadowRoot)
      .map((h) => h.shadowRoot.querySelector('[data-testid="dp-open"]'))
      .filter(Boolean);
    for (const button of buttons) button.click();
    return buttons.length;
  });
  return opened;
}

/** A host page: German, with a viewport and no favicon request. */
export function htmlPage(title, body, head = "") {
  return (
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><link rel="icon" href="data:,">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>${head}</head>` +
    `<body><main><h1>${title}</h1>${body}</main></body></html>`
  );
}

/** Opens `url` in a fresh context of `browser`, watching its console. */
export async function openPage(browser, url, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(url);
  return { context, page, log };
}
