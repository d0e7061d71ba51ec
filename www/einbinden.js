// The Einbindungsassistent (einbinden.html): find a body, choose options,
// preview the real box, copy the snippet. Loads only what the build wrote
// for it (release.json, einbinden/suggestions.json, einbinden/static/…) and
// the versioned loader for the preview; partnerships.js never loads any of
// this.
import { search } from "./einbinden-search.js";

const LIMIT = 8;
// The key pattern of the Rust model (model::key::KEY_PATTERN), written in
// at build time by scripts/post-build.mjs, as in the loader.
const FACTS = "@FACTS@";
const KEY = new RegExp(FACTS.keyPattern);
const page = new URL(".", document.baseURI);
const $ = (id) => document.getElementById(id);

/**
 * ARIA 1.2 combobox with a listbox popup over the suggestions: focus stays
 * in the field, the active option is named by aria-activedescendant, the
 * number of suggestions is announced a moment after typing stops.
 */
class Combobox {
  #input;
  #listbox;
  #status;
  #onChoose;
  #results = [];
  #active = -1;
  #announceTimer = 0;
  entries = [];

  constructor(input, listbox, status, onChoose) {
    this.#input = input;
    this.#listbox = listbox;
    this.#status = status;
    this.#onChoose = onChoose;
    input.addEventListener("input", () => this.#update());
    input.addEventListener("keydown", (event) => this.#keydown(event));
    input.addEventListener("blur", () => this.#close());
  }

  /** Shows `entry` as the chosen one and tells the page. */
  choose(entry) {
    this.#input.value = entry.n;
    this.#close();
    this.#status.textContent = `${entry.n} gewählt. Vorschau und Ausschnitt sind aktualisiert.`;
    this.#onChoose(entry);
  }

  #option(entry, i) {
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
    option.addEventListener("click", () => this.choose(entry));
    return option;
  }

  #open(results) {
    this.#results = results;
    this.#active = -1;
    this.#listbox.replaceChildren(...results.map((entry, i) => this.#option(entry, i)));
    const shown = results.length > 0;
    this.#listbox.hidden = !shown;
    this.#input.setAttribute("aria-expanded", String(shown));
    this.#input.removeAttribute("aria-activedescendant");
  }

  #close() {
    this.#listbox.hidden = true;
    this.#input.setAttribute("aria-expanded", "false");
    this.#input.removeAttribute("aria-activedescendant");
    this.#active = -1;
  }

  #activate(index) {
    const options = this.#listbox.children;
    if (!options.length) return;
    this.#active = (index + options.length) % options.length;
    for (const [i, option] of [...options].entries()) option.setAttribute("aria-selected", String(i === this.#active));
    const option = options[this.#active];
    this.#input.setAttribute("aria-activedescendant", option.id);
    option.scrollIntoView({ block: "nearest" });
  }

  #announce(text) {
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      this.#status.textContent = text;
    }, 400);
  }

  /** The suggestions for `query`; any official key can be used as it is. */
  #search(query) {
    const found = search(this.entries, query, LIMIT);
    const digits = query.replace(/\s+/g, "");
    // Also a key the suggestions do not know (a Gemeinde): its box then has
    // no static content in the snippet.
    if (KEY.test(digits) && !found.some((e) => e.k === digits)) {
      found.unshift({ k: digits, n: `Schlüssel ${digits}`, t: "Amtlicher Schlüssel" });
    }
    return found.slice(0, LIMIT);
  }

  #update() {
    const query = this.#input.value;
    if (!query.trim()) {
      this.#close();
      this.#announce("");
      return;
    }
    const found = this.#search(query);
    this.#open(found);
    this.#announce(
      found.length === 0
        ? "Keine Vorschläge. Prüfen Sie die Schreibweise oder geben Sie den amtlichen Schlüssel ein."
        : found.length === 1
          ? "1 Vorschlag. Mit Pfeil nach unten wählen."
          : `${found.length} Vorschläge. Mit Pfeil nach unten wählen.`,
    );
  }

  #keydown(event) {
    const expanded = !this.#listbox.hidden;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!expanded) this.#update();
        this.#activate(this.#active + 1);
        break;
      case "ArrowUp":
        event.preventDefault();
        if (!expanded) this.#update();
        this.#activate(this.#active < 0 ? -1 : this.#active - 1);
        break;
      case "Enter":
        if (expanded && this.#active >= 0) {
          event.preventDefault();
          this.choose(this.#results[this.#active]);
        }
        break;
      case "Escape":
        if (expanded) {
          event.preventDefault();
          this.#close();
        } else if (this.#input.value) {
          event.preventDefault();
          this.#input.value = "";
          this.#announce("");
        }
        break;
      default:
    }
  }
}

// ---------------------------------------------------------------- the snippet

/**
 * The build's static box of one body (its own output, with dataset text
 * escaped), parsed once into a template and handed out as fresh copies
 * with the headings at the chosen level: the snippet and the preview are
 * built from these nodes, never by rewriting HTML text.
 */
class StaticBox {
  #template = document.createElement("template");

  constructor(html) {
    this.#template.innerHTML = html;
  }

  /** A copy whose headings start at `level` (h2 → level, …, at most h6). */
  at(level) {
    const copy = this.#template.content.cloneNode(true);
    for (const heading of copy.querySelectorAll("h2, h3, h4, h5, h6")) {
      const moved = document.createElement(`h${Math.min(6, Number(heading.localName[1]) - 2 + level)}`);
      for (const { name, value } of heading.attributes) moved.setAttribute(name, value);
      moved.append(...heading.childNodes);
      heading.replaceWith(moved);
    }
    return copy;
  }
}

/** The versioned loader's address. */
const loaderUrl = (release) => new URL(release.path + release.loader, page).href;

/** The dataset's address: the one typed (checked), else the one beside the assistant. */
const dataUrl = (opts) => opts.src || new URL("partnerships.json", page).href;

/** The element the snippet's box goes into, holding the static box (or nothing). */
function boxElement(entry, opts, staticBox) {
  const element = document.createElement("div");
  element.id = `digitale-partnerschaften-${entry.k}`;
  if (staticBox) element.append("\n", staticBox.at(opts.level));
  return element;
}

/** The loader's tag with the attributes it reads, SRI and crossorigin. */
function loaderTag(entry, opts, release) {
  const script = document.createElement("script");
  const attributes = {
    src: loaderUrl(release),
    integrity: release.integrity[release.loader],
    crossorigin: "anonymous",
    "data-ags": entry.k,
    "data-target": `#digitale-partnerschaften-${entry.k}`,
    "data-src": dataUrl(opts),
    "data-theme": opts.theme !== "light" ? opts.theme : null,
    "data-lang": opts.lang || null,
    "data-heading-level": opts.level !== 2 ? String(opts.level) : null,
    "data-view": opts.view === "network" ? "network" : null,
    defer: "",
  };
  for (const [name, value] of Object.entries(attributes)) if (value !== null) script.setAttribute(name, value);
  return script;
}

/**
 * The snippet for the chosen body and options (exactly what is copied):
 * the element with the static box and, unless static only, the loader's
 * tag; serialised by the browser's HTML serialiser, which escapes every
 * attribute value and text. No HTML comment: WordPress's wpautop (classic
 * editor) wraps a comment standing between blocks in an empty paragraph.
 */
function snippet(entry, opts, staticBox, release) {
  const nodes = [boxElement(entry, opts, staticBox), "\n"];
  if (opts.mode !== "static") nodes.push(loaderTag(entry, opts, release), "\n");
  const holder = document.createElement("template");
  holder.content.append(...nodes);
  return holder.innerHTML;
}

// ---------------------------------------------------------------- the page

class Assistant {
  #form = $("options");
  #preview = $("preview");
  #snippetField = $("snippet");
  #copyButton = $("copy");
  #copyStatus = $("copy-status");
  #chosenLine = $("chosen");
  #combobox = new Combobox($("body-search"), $("body-options"), $("search-status"), (entry) => this.#choose(entry));
  #chosen = null;
  #release = null;
  #statics = new Map(); // "de/01060" -> Promise of a StaticBox or null
  #generation = 0;

  constructor() {
    this.#form.addEventListener("change", () => this.#refresh());
    this.#form.addEventListener("submit", (event) => event.preventDefault());
    this.#copyButton.addEventListener("click", () => this.#copy());
  }

  #choose(entry) {
    this.#chosen = entry;
    this.#chosenLine.textContent = `Gewählt: ${entry.n} (${entry.t}, Schlüssel ${entry.k}).`;
    this.#copyButton.disabled = false;
    this.#refresh();
  }

  /**
   * The data address as typed: "" (the default), or an absolute http(s)
   * address. Anything else is refused with a message at the field.
   */
  #dataAddress(typed) {
    const field = $("data-url");
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
    $("data-url-error").hidden = valid;
    return valid ? typed : "";
  }

  #options() {
    const data = new FormData(this.#form);
    return {
      mode: data.get("mode"),
      theme: data.get("theme"),
      lang: data.get("lang"),
      view: data.get("view"),
      level: Number(data.get("level")) || 2,
      src: this.#dataAddress(String(data.get("src") || "").trim()),
    };
  }

  /** The static box of `key` in `lang`, as the build rendered it, or null. */
  #staticBox(key, lang) {
    const id = `${lang}/${key}`;
    if (!this.#statics.has(id)) {
      this.#statics.set(
        id,
        fetch(new URL(`einbinden/static/${id}.html`, page)).then(
          async (response) => (response.ok ? new StaticBox(await response.text()) : null),
          () => null,
        ),
      );
    }
    return this.#statics.get(id);
  }

  async #refresh() {
    const entry = this.#chosen;
    if (!entry || !this.#release) return;
    const opts = this.#options();
    for (const element of this.#form.querySelectorAll(".script-only")) element.hidden = opts.mode === "static";
    const mine = ++this.#generation;
    const staticBox = await this.#staticBox(entry.k, opts.lang === "en" ? "en" : "de");
    if (mine !== this.#generation) return; // a later choice won
    this.#snippetField.value = snippet(entry, opts, staticBox, this.#release);
    this.#copyStatus.textContent = "";
    this.#showPreview(entry, opts, staticBox);
    this.#showAddresses(opts);
  }

  /** The preview: the snippet's element, upgraded by the versioned loader. */
  #showPreview(entry, opts, staticBox) {
    // A fresh element each time: a shadow root cannot be removed.
    const host = boxElement(entry, opts, staticBox);
    host.dataset.testid = "preview-host";
    if (staticBox) {
      this.#preview.replaceChildren(host);
    } else {
      const note = document.createElement("p");
      note.className = "hint";
      note.textContent = "Für diesen Schlüssel enthält der Ausschnitt keinen statischen Inhalt: Ohne JavaScript bleibt der Platz leer.";
      this.#preview.replaceChildren(note, host);
    }
    if (opts.mode === "static") return;
    window.DigitalePartnerschaften.render(host, {
      ags: entry.k,
      src: dataUrl(opts),
      base: new URL(this.#release.path, page).href,
      eager: true,
      headingLevel: opts.level,
      theme: opts.theme,
      lang: opts.lang || undefined,
      view: opts.view,
    });
  }

  /** The CSP lines and the servers that need CORS, for these addresses. */
  #showAddresses(opts) {
    const widget = page.origin;
    const data = new URL(dataUrl(opts)).origin;
    const connect = data === widget ? widget : `${widget} ${data}`;
    $("csp").textContent = `script-src ${widget} 'wasm-unsafe-eval';\nconnect-src ${connect};`;
    const servers = data === widget ? widget : `${widget} und ${data}`;
    $("cors").textContent =
      `Liegt Ihre Seite nicht unter ${servers}, müssen die Dateien von dort mit dem Kopf ` +
      "„Access-Control-Allow-Origin: *“ ausgeliefert werden (CORS). Fehlt er, bleibt der statische Inhalt stehen, " +
      "und nur die Browser-Konsole meldet einen CORS-Fehler.";
  }

  async #copy() {
    const text = this.#snippetField.value;
    try {
      await navigator.clipboard.writeText(text);
      this.#copyStatus.textContent = "Der Ausschnitt ist kopiert. Fügen Sie ihn in Ihrer Seite an der Stelle ein, an der der Kasten erscheinen soll.";
    } catch {
      // Refused (no permission, not a secure context): select it for Ctrl+C.
      this.#snippetField.focus();
      this.#snippetField.select();
      this.#copyStatus.textContent = "Ihr Browser erlaubt das Kopieren hier nicht. Der Ausschnitt ist markiert: Drücken Sie Strg+C (am Mac Cmd+C).";
    }
  }

  async start() {
    $("data-url").placeholder = dataUrl({});
    try {
      const [release, suggestions] = await Promise.all([json("release.json"), json("einbinden/suggestions.json")]);
      this.#release = release;
      this.#combobox.entries = suggestions.entries;
      credit(suggestions.register);
      releaseNote(release);
      await loadLoader(release);
      $("body-search").disabled = false;
      this.#chosenLine.textContent = "Noch keine Verwaltung gewählt.";
    } catch (error) {
      this.#chosenLine.textContent = "Der Assistent konnte nicht geladen werden. Bitte laden Sie die Seite neu.";
      console.error("[Einbindungsassistent]", error);
    }
  }
}

async function json(path) {
  const response = await fetch(new URL(path, page));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

/** Credits the register the Kreise come from. */
function credit(register) {
  const line = $("credit");
  if (!register) {
    line.textContent = "Vorschläge: die Körperschaften des Datensatzes und die 16 Länder (das Verzeichnis der Kreise ist in diesem Build nicht installiert).";
    return;
  }
  const link = document.createElement("a");
  link.href = register.licenseUrl;
  link.textContent = register.license;
  line.append(
    `Vorschläge: die Körperschaften des Datensatzes, die 16 Länder und alle Kreise und kreisfreien Städte aus dem Paket ${register.package} (Quelle: ${register.source}, Stand ${register.stand}, Lizenz `,
    link,
    ").",
  );
}

/** Says which release the snippet loads, and what "latest" means. */
function releaseNote(release) {
  const latest = new URL(release.loader, page).href;
  $("release-note").append(
    `Der Ausschnitt lädt die Fassung ${release.version} des Widgets (${new URL(release.path, page).href}). `,
    `Unter ${latest} liegt stets die neueste Fassung („latest“): Sie ändert sich mit jeder neuen Fassung, ` +
      "ohne dass Sie etwas tun, und kann deshalb nicht mit integrity abgesichert werden. " +
      "Eine Seite, die sie nutzt, bekommt Verbesserungen sofort, aber auch jede Änderung ungeprüft.",
  );
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

new Assistant().start();
