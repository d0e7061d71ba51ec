// The Einbindungsassistent (einbinden.html): find a body, choose options,
// preview the real box, copy the snippet. Loads only what the build wrote
// for it (release.json, einbinden/suggestions.json, einbinden/static/…) and
// the versioned loader for the preview; partnerships.js never loads any of
// this.
import { search } from "./einbinden-search.js";

const LIMIT = 8;
const page = new URL(".", document.baseURI);
const $ = (id) => document.getElementById(id);
const input = $("body-search");
const listbox = $("body-options");
const searchStatus = $("search-status");
const chosenLine = $("chosen");
const form = $("options");
const preview = $("preview");
const snippetField = $("snippet");
const copyButton = $("copy");
const copyStatus = $("copy-status");

const state = {
  entries: [],
  results: [],
  active: -1,
  chosen: null,
  release: null,
  statics: new Map(), // "de/01060" -> Promise of the static HTML or null
};

// ---------------------------------------------------------------- combobox
// ARIA 1.2 combobox with a listbox popup: focus stays in the field, the
// active option is named by aria-activedescendant.

const KEY = /^(\d{2}|\d{5}|\d{8}|\d{9}|\d{12})$/;

function open(results) {
  state.results = results;
  state.active = -1;
  listbox.replaceChildren(
    ...results.map((entry, i) => {
      const option = document.createElement("li");
      option.id = `body-option-${i}`;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.testid = "body-option";
      const name = document.createElement("span");
      name.className = "option-name";
      name.textContent = entry.n;
      const detail = document.createElement("span");
      detail.className = "option-detail";
      detail.textContent = `${entry.t} · ${entry.k.replace(/(\d{2})(?=\d)/, "$1 ")}${entry.d ? " · mit Partnerschaften im Datensatz" : ""}`;
      option.append(name, " ", detail);
      // pointerdown would move the focus out of the field first.
      option.addEventListener("pointerdown", (event) => event.preventDefault());
      option.addEventListener("click", () => choose(entry));
      return option;
    }),
  );
  const shown = results.length > 0;
  listbox.hidden = !shown;
  input.setAttribute("aria-expanded", String(shown));
  input.removeAttribute("aria-activedescendant");
}

function close() {
  listbox.hidden = true;
  input.setAttribute("aria-expanded", "false");
  input.removeAttribute("aria-activedescendant");
  state.active = -1;
}

function activate(index) {
  const options = listbox.children;
  if (!options.length) return;
  state.active = (index + options.length) % options.length;
  for (let i = 0; i < options.length; i++) options[i].setAttribute("aria-selected", String(i === state.active));
  const option = options[state.active];
  input.setAttribute("aria-activedescendant", option.id);
  option.scrollIntoView({ block: "nearest" });
}

// The count is announced a moment after typing stops, not at each letter.
let announceTimer = 0;
function announce(text) {
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    searchStatus.textContent = text;
  }, 400);
}

function results(query) {
  const found = search(state.entries, query, LIMIT);
  const digits = query.replace(/\s+/g, "");
  // Any official key can be used, also one the suggestions do not know (a
  // Gemeinde): its box then has no static content in the snippet.
  if (KEY.test(digits) && !found.some((e) => e.k === digits)) {
    found.unshift({ k: digits, n: `Schlüssel ${digits}`, t: "Amtlicher Schlüssel" });
  }
  return found.slice(0, LIMIT);
}

function update() {
  const query = input.value;
  if (!query.trim()) {
    close();
    announce("");
    return;
  }
  const found = results(query);
  open(found);
  announce(
    found.length === 0
      ? "Keine Vorschläge. Prüfen Sie die Schreibweise oder geben Sie den amtlichen Schlüssel ein."
      : found.length === 1
        ? "1 Vorschlag. Mit Pfeil nach unten wählen."
        : `${found.length} Vorschläge. Mit Pfeil nach unten wählen.`,
  );
}

input.addEventListener("input", update);
input.addEventListener("keydown", (event) => {
  const expanded = !listbox.hidden;
  switch (event.key) {
    case "ArrowDown":
      event.preventDefault();
      if (!expanded) update();
      activate(state.active + 1);
      break;
    case "ArrowUp":
      event.preventDefault();
      if (!expanded) update();
      activate(state.active < 0 ? -1 : state.active - 1);
      break;
    case "Enter":
      if (expanded && state.active >= 0) {
        event.preventDefault();
        choose(state.results[state.active]);
      }
      break;
    case "Escape":
      if (expanded) {
        event.preventDefault();
        close();
      } else if (input.value) {
        event.preventDefault();
        input.value = "";
        announce("");
      }
      break;
    default:
  }
});
input.addEventListener("blur", () => close());

// ---------------------------------------------------------------- choosing

function choose(entry) {
  state.chosen = entry;
  input.value = entry.n;
  close();
  chosenLine.textContent = `Gewählt: ${entry.n} (${entry.t}, Schlüssel ${entry.k}).`;
  searchStatus.textContent = `${entry.n} gewählt. Vorschau und Ausschnitt sind aktualisiert.`;
  copyButton.disabled = false;
  refresh();
}

/**
 * The data address as typed: "" (the default), or an absolute http(s)
 * address. Anything else is refused with a message at the field.
 */
function dataAddress(typed) {
  const field = $("data-url");
  const message = $("data-url-error");
  let valid = !typed;
  if (typed) {
    try {
      valid = /^https?:$/.test(new URL(typed).protocol);
    } catch {
      valid = false;
    }
  }
  field.toggleAttribute("aria-invalid", !valid);
  field.setAttribute("aria-describedby", valid ? "data-url-hint" : "data-url-error data-url-hint");
  message.hidden = valid;
  return valid ? typed : "";
}

function options() {
  const data = new FormData(form);
  return {
    mode: data.get("mode"),
    theme: data.get("theme"),
    lang: data.get("lang"),
    view: data.get("view"),
    level: Number(data.get("level")) || 2,
    src: dataAddress(String(data.get("src") || "").trim()),
  };
}

/** The static box of `key` in `lang`, as the build rendered it, or null. */
function staticBox(key, lang) {
  const id = `${lang}/${key}`;
  if (!state.statics.has(id)) {
    state.statics.set(
      id,
      fetch(new URL(`einbinden/static/${id}.html`, page)).then(
        (response) => (response.ok ? response.text() : null),
        () => null,
      ),
    );
  }
  return state.statics.get(id);
}

/**
 * The static box with its headings moved to `level` (h2 → level, h3 →
 * level + 1, …, at most h6). The box is the build's own output, in which
 * dataset text is escaped: "<h" only ever starts a heading tag.
 */
function atLevel(html, level) {
  return html.replace(/<(\/?)h([2-6])\b/g, (_, slash, n) => `<${slash}h${Math.min(6, Number(n) - 2 + level)}`);
}

const withoutScripts = (html) => html.replace(/<script type="application\/ld\+json">[^<]*<\/script>\n?/g, "");

/**
 * What the snippet's element holds (and the preview shows): the static box
 * at the chosen heading level, without its JSON-LD in a static-only snippet.
 */
function staticContent(staticHtml, opts) {
  const inner = staticHtml ? atLevel(staticHtml, opts.level) : "";
  return opts.mode === "static" ? withoutScripts(inner) : inner;
}

/** The versioned loader's address. */
const loaderUrl = (release) => new URL(release.path + release.loader, page).href;

/** The dataset's address: the one typed (checked), else the one beside the assistant. */
const dataUrl = (opts) => opts.src || new URL("partnerships.json", page).href;

const attribute = (text) => String(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** The snippet for the chosen body and options (exactly what is copied). */
function snippet(entry, opts, staticHtml) {
  const release = state.release;
  const target = `digitale-partnerschaften-${entry.k}`;
  const inner = staticContent(staticHtml, opts);
  if (opts.mode === "static") {
    return (
      `<!-- Unsere digitalen Partnerschaften: ${entry.n.replace(/--/g, "- -")} (${entry.k}), statisch; Stand siehe Kasten. Neu holen: ${new URL("einbinden.html", page).href} -->\n` +
      `<div id="${target}">\n${inner}</div>\n`
    );
  }
  const attrs = [
    `src="${attribute(loaderUrl(release))}"`,
    `integrity="${attribute(release.integrity[release.loader])}"`,
    `crossorigin="anonymous"`,
    `data-ags="${entry.k}"`,
    `data-target="#${target}"`,
    `data-src="${attribute(dataUrl(opts))}"`,
  ];
  if (opts.theme !== "light") attrs.push(`data-theme="${opts.theme}"`);
  if (opts.lang) attrs.push(`data-lang="${opts.lang}"`);
  if (opts.level !== 2) attrs.push(`data-heading-level="${opts.level}"`);
  if (opts.view === "network") attrs.push(`data-view="network"`);
  return (
    `<!-- Unsere digitalen Partnerschaften: ${entry.n.replace(/--/g, "- -")} (${entry.k}), Widget ${release.version} -->\n` +
    `<div id="${target}">\n${inner}</div>\n` +
    `<script ${attrs.join(" ")} defer></script>\n`
  );
}

let generation = 0;
async function refresh() {
  const entry = state.chosen;
  if (!entry || !state.release) return;
  const opts = options();
  for (const element of form.querySelectorAll(".script-only")) element.hidden = opts.mode === "static";
  const mine = ++generation;
  const staticHtml = await staticBox(entry.k, opts.lang === "en" ? "en" : "de");
  if (mine !== generation) return; // a later choice won
  snippetField.value = snippet(entry, opts, staticHtml);
  copyStatus.textContent = "";
  showPreview(entry, opts, staticHtml);
  $("csp").textContent = csp(opts);
}

/** The preview: the snippet's element, upgraded by the versioned loader. */
function showPreview(entry, opts, staticHtml) {
  // A fresh element each time: a shadow root cannot be removed.
  const host = document.createElement("div");
  host.id = `digitale-partnerschaften-${entry.k}`;
  host.dataset.testid = "preview-host";
  // Our own build output (escaped dataset text); the JSON-LD is inert here.
  host.innerHTML = staticContent(staticHtml, opts);
  if (staticHtml) {
    preview.replaceChildren(host);
  } else {
    const note = document.createElement("p");
    note.className = "hint";
    note.textContent = "Für diesen Schlüssel enthält der Ausschnitt keinen statischen Inhalt: Ohne JavaScript bleibt der Platz leer.";
    preview.replaceChildren(note, host);
  }
  if (opts.mode === "static") return;
  window.DigitalePartnerschaften.render(host, {
    ags: entry.k,
    src: dataUrl(opts),
    base: new URL(state.release.path, page).href,
    eager: true,
    headingLevel: opts.level,
    theme: opts.theme,
    lang: opts.lang || undefined,
    view: opts.view,
  });
}

function csp(opts) {
  const widget = page.origin;
  const data = new URL(dataUrl(opts)).origin;
  const connect = data === widget ? widget : `${widget} ${data}`;
  return `script-src ${widget} 'wasm-unsafe-eval';\nconnect-src ${connect};`;
}

form.addEventListener("change", refresh);
form.addEventListener("submit", (event) => event.preventDefault());

// ---------------------------------------------------------------- copying

copyButton.addEventListener("click", async () => {
  const text = snippetField.value;
  try {
    await navigator.clipboard.writeText(text);
    copyStatus.textContent = "Der Ausschnitt ist kopiert. Fügen Sie ihn in Ihrer Seite an der Stelle ein, an der der Kasten erscheinen soll.";
  } catch {
    // Refused (no permission, not a secure context): select it for Ctrl+C.
    snippetField.focus();
    snippetField.select();
    copyStatus.textContent = "Ihr Browser erlaubt das Kopieren hier nicht. Der Ausschnitt ist markiert: Drücken Sie Strg+C (am Mac Cmd+C).";
  }
});

// ---------------------------------------------------------------- start

async function json(path) {
  const response = await fetch(new URL(path, page));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

function loadLoader(release) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = loaderUrl(release);
    script.integrity = release.integrity[release.loader];
    script.crossOrigin = "anonymous";
    script.onload = resolve;
    script.onerror = () => reject(new Error(`${script.src} could not be loaded`));
    document.head.append(script);
  });
}

async function start() {
  $("data-url").placeholder = dataUrl({});
  try {
    const [release, suggestions] = await Promise.all([json("release.json"), json("einbinden/suggestions.json")]);
    state.release = release;
    state.entries = suggestions.entries;
    const credit = $("credit");
    const register = suggestions.register;
    if (register) {
      const link = document.createElement("a");
      link.href = register.licenseUrl;
      link.textContent = register.license;
      credit.append(
        `Vorschläge: die Körperschaften des Datensatzes, die 16 Länder und alle Kreise und kreisfreien Städte aus dem Paket ${register.package} (Quelle: ${register.source}, Stand ${register.stand}, Lizenz `,
        link,
        ").",
      );
    } else {
      credit.textContent = "Vorschläge: die Körperschaften des Datensatzes und die 16 Länder (das Verzeichnis der Kreise ist in diesem Build nicht installiert).";
    }
    const note = $("release-note");
    const latest = new URL(release.loader, page).href;
    note.append(
      `Der Ausschnitt lädt die Fassung ${release.version} des Widgets (${new URL(release.path, page).href}). `,
      `Unter ${latest} liegt stets die neueste Fassung („latest“): Sie ändert sich mit jeder neuen Fassung, ` +
        "ohne dass Sie etwas tun, und kann deshalb nicht mit integrity abgesichert werden. " +
        "Eine Seite, die sie nutzt, bekommt Verbesserungen sofort, aber auch jede Änderung ungeprüft.",
    );
    await loadLoader(release);
    input.disabled = false;
    chosenLine.textContent = "Noch keine Verwaltung gewählt.";
  } catch (error) {
    chosenLine.textContent = "Der Assistent konnte nicht geladen werden. Bitte laden Sie die Seite neu.";
    console.error("[Einbindungsassistent]", error);
  }
}

start();
