/*
 * "Unsere digitalen Partnerschaften" — loader.
 *
 * Paste one tag where the box should appear:
 *   <script src="https://example.org/partnerschaften/partnerships.js" data-ags="01060" defer></script>
 *
 * Attributes: data-ags (official key of the host, required), data-target
 * (CSS selector of an element to render into; what it holds, e.g. the
 * static box of the Einbindungsassistent's snippet, stays visible until the
 * live box has its content, and stays if the data cannot be loaded), data-src (dataset URL,
 * relative to the page; default: partnerships.json beside this script),
 * data-min-height (space reserved while loading; default 12rem),
 * data-timeout (seconds until a download is given up; default 10),
 * data-max-size (largest dataset accepted, in MiB; default 5),
 * data-eager (start at once; otherwise a box far below the fold downloads
 * nothing until it approaches the viewport), data-heading-level (2-6, level
 * of the box's heading; default 2), data-theme (light, dark or auto),
 * data-lang (de or en; default: the page's lang if en, else de), data-view
 * (network: a partner network above the list).
 *
 * Once loaded (also by a tag without data-ags, e.g. in <head>), the element
 *   <digitale-partnerschaften ags="01060"></digitale-partnerschaften>
 * works anywhere on the page, also when added later, and shows another body
 * when its ags attribute changes (attributes: ags, src, min-height,
 * timeout, max-size, eager, heading-level, theme, lang, view).
 * Including the loader more than once is harmless: one wasm per widget
 * folder, one download per dataset URL, one box per tag or element.
 *
 * A classic script on purpose: it can read its own tag (document.currentScript)
 * and starts the wasm download and the dataset download at the same moment.
 * Its only global is window.DigitalePartnerschaften. It never throws.
 */
(function () {
  "use strict";
  const NS = "DigitalePartnerschaften";
  const LOG = "[Digitale Partnerschaften]";
  // What the loader must know before the wasm arrives, from the Rust
  // definitions: the key pattern, the rule of a key's data address and the
  // loader's own words (until the wasm takes over). Written in at build
  // time by scripts/post-build.mjs (`partnerships-data facts`).
  const FACTS = "@FACTS@";
  const WORDS = FACTS.words;
  const KEY = new RegExp(FACTS.keyPattern);
  // data-lang, else the language of the element's part of the page: en or de.
  const languageOf = function (element, given) {
    const code = given || ((element.closest && element.closest("[lang]")) || {}).lang || "";
    return /^en\b/i.test(code) ? "en" : "de";
  };

  function log(message, detail) {
    if (window.console && console.error) console.error(LOG + " " + message, detail === undefined ? "" : detail);
  }

  let api = window[NS];
  if (!api) {
    const modules = {}; // widget base URL -> Promise of the initialised wasm module
    const datasets = {}; // slice URL -> Promise of its text (or its error status)

    // SHA-384 of the glue and the wasm of this very build, written in by
    // scripts/post-build.mjs: a loader the page verified with its integrity
    // attribute then runs only files of its own build (Subresource Integrity
    // all the way down). An unbuilt copy has no hashes and pins nothing.
    const GLUE_INTEGRITY = "@GLUE_INTEGRITY@";
    const WASM_INTEGRITY = "@WASM_INTEGRITY@";
    const pinned = function (hash) {
      return hash.indexOf("sha384-") === 0 ? hash : "";
    };
    const notLoaded = function (url, hash) {
      return "could not load " + url + (hash ? ", or it is not the file of this loader's build (integrity " + hash + ")" : "");
    };

    // import() takes no integrity; a <link rel="modulepreload"> does, and the
    // import then uses the module it verified (or fails with it).
    const importGlue = function (url) {
      const hash = pinned(GLUE_INTEGRITY);
      const link = document.createElement("link");
      if (!hash || !link.relList || !link.relList.supports || !link.relList.supports("modulepreload")) return import(url);
      return new Promise(function (resolve, reject) {
        link.rel = "modulepreload";
        link.crossOrigin = "anonymous";
        link.integrity = hash;
        link.onload = function () {
          resolve(import(url));
        };
        link.onerror = function () {
          reject(new Error(notLoaded(url, hash)));
        };
        link.href = url;
        (document.head || document.documentElement).appendChild(link);
      });
    };

    const wasmModule = function (base) {
      if (!modules[base]) {
        // Download and compile the wasm now, while the glue module loads:
        // compiling is the longest step, so it must not wait for the glue.
        const wasmUrl = base + "partnerships-widget_bg.wasm";
        const wasm = fetch(wasmUrl, { credentials: "omit", integrity: pinned(WASM_INTEGRITY) }).then(
          function (response) {
            if (!response.ok) throw new Error("HTTP " + response.status + " for " + wasmUrl);
            if (!/^application\/wasm\b/.test(response.headers.get("content-type") || "")) {
              log("serve " + wasmUrl + " as application/wasm: the slower fallback is used");
              return response.arrayBuffer().then(function (bytes) {
                return WebAssembly.compile(bytes);
              });
            }
            return WebAssembly.compileStreaming(response);
          },
          function (error) {
            throw new Error(notLoaded(wasmUrl, pinned(WASM_INTEGRITY)) + ": " + error);
          }
        );
        wasm.catch(function () {});
        modules[base] = importGlue(base + "partnerships-widget.js").then(function (glue) {
          return glue.default({ module_or_path: wasm }).then(function () {
            return glue;
          });
        });
      }
      return modules[base];
    };

    // data-timeout (seconds) and data-max-size (MiB) as the wasm takes them;
    // 0 (missing or not a positive number) means the default.
    const limits = function (options, timeout, maxSize) {
      const seconds = parseFloat(timeout);
      const mib = parseFloat(maxSize);
      options.timeoutMs = seconds > 0 ? Math.min(Math.round(seconds * 1000), 3600000) : 0;
      options.maxBytes = mib > 0 ? Math.min(Math.round(mib * 1048576), 4294967295) : 0;
      return options;
    };

    // The loading line in the box's shadow root (space is reserved by then).
    // A box that upgrades content of the page (the static box of the
    // assistant's snippet) shows that content through a <slot> instead,
    // until the live box has something better (the wasm then removes the
    // slot); the line is then never shown.
    const placeholder = function (host, lang, upgrade) {
      const root = host.shadowRoot || host.attachShadow({ mode: "open" });
      const text = document.createElement("p");
      if (upgrade) {
        root.replaceChildren(document.createElement("slot"));
        return text;
      }
      text.setAttribute("role", "status");
      text.setAttribute("data-testid", "dp-status");
      text.textContent = WORDS[lang].loading;
      text.style.margin = "0";
      text.style.padding = "1rem";
      root.replaceChildren(text);
      return text;
    };

    // Work for one box: at once if no other box's work ran in this task
    // (the first box starts its downloads and mounts without waiting for a
    // turn of the event loop, which cost a frame: 30-60 ms on a slow
    // phone), else in a task of its own, so that twenty boxes never make
    // one long task.
    let busy = false;
    const soon = function (work) {
      if (busy) {
        setTimeout(work, 0);
        return;
      }
      busy = true;
      setTimeout(function () {
        busy = false;
      }, 0);
      work();
    };

    // Boxes asked for in this task, set up together at its end: first every
    // read of the page's styles, then every write, then every measurement,
    // so that twenty boxes cost one style and one layout pass, not twenty.
    let pending = [];

    /**
     * Renders a box into `host` (at the end of the current task).
     * options: { ags: "01060", src: absolute dataset URL, base: absolute
     * URL of the widget folder (ending in "/"), minHeight: CSS length,
     * eager, headingLevel, theme, lang, view }.
     */
    const render = function (host, options) {
      if (!pending.length) queueMicrotask(setUp);
      pending.push({ host: host, options: options });
    };

    const setUp = function () {
      const boxes = pending;
      pending = [];
      const each = function (step) {
        for (let i = 0; i < boxes.length; i++) {
          try {
            if (!boxes[i].failed) step(boxes[i]);
          } catch (error) {
            boxes[i].failed = true;
            log("could not render into the element", error);
          }
        }
      };
      // First, which boxes are near the viewport (see the lazy start
      // below), and for those the wasm's download at once: it is the
      // longest and every box waits for it. Asked before the reads and
      // writes below, it leaves ~12 ms sooner on a slow phone (measured).
      // The box is measured before its placeholder and reserved space are
      // in: its top is where it will be, which is what "near" asks.
      each(function (box) {
        box.near = box.options.eager || !window.IntersectionObserver || near(box.host);
        if (box.near) wasmModule(box.options.base);
      });
      const reader = readerSize();
      // Reads. The space to reserve so the page does not jump when the box
      // arrives: the min-height attribute, else the page's own reservation
      // (its CSS, which also holds before this script runs), else 12rem.
      // Content already in the element (the static box) is upgraded in
      // place instead: the live box takes its place (see measure).
      each(function (box) {
        box.options.lang = languageOf(box.host, box.options.lang);
        box.upgrade = !box.host.shadowRoot && box.host.firstElementChild && measure(box.host);
        if (box.upgrade) {
          const made = box.host.querySelector("[data-digest]");
          box.options.digest = made && made.getAttribute("data-digest");
        } else {
          const pageSpace = parseFloat(getComputedStyle(box.host).minHeight) > 0;
          box.minHeight = box.options.minHeight || (pageSpace ? "" : "12rem");
          // Space the page chose: the box measures whether its list fits.
          box.options.reserved = !!box.options.minHeight || pageSpace;
        }
      });
      // Writes.
      each(function (box) {
        box.status = placeholder(box.host, box.options.lang, box.upgrade);
        if (box.minHeight) box.host.style.minHeight = box.minHeight;
        if (box.upgrade) {
          // The live box's root takes these (widget styles); the element must
          // not contain its layout, or the margins could not collapse.
          box.host.style.contain = "none";
          box.host.style.setProperty("--dp-upgrade-margin", box.upgrade[0] + "px 0 " + box.upgrade[1] + "px");
        }
        box.host.style.setProperty("--dp-reader-size", reader);
        if (box.host.dpObserver) box.host.dpObserver.disconnect();
        box.host.dpObserver = null;
      });
      // Lazy start: a box far from the viewport downloads nothing until it
      // approaches (unless data-eager); one near it starts at once (`soon`:
      // the first in this task, the others each in a task of their own;
      // all twenty in this task made it a long one, 52-60 ms).
      each(function (box) {
        const go = function () {
          start(box.host, box.options, box.status);
        };
        if (box.near) {
          soon(go);
          return;
        }
        const observer = new IntersectionObserver(
          function (entries) {
            for (let i = 0; i < entries.length; i++) {
              if (entries[i].isIntersecting) {
                observer.disconnect();
                box.host.dpObserver = null;
                go();
                return;
              }
            }
          },
          { rootMargin: "100% 0px" }
        );
        box.host.dpObserver = observer;
        observer.observe(box.host);
      });
    };

    // Upgrading content in place. The static content stays while its data
    // is current (the wasm compares the digest it was made with): nothing
    // moves and no space is left blank. When the data changed, the live box
    // takes its place with the same top and bottom margins, which collapse
    // with the page's margins as the content's did.
    // Measured with the element briefly a block formatting context, which
    // keeps the collapsed margins inside it; restored before any paint.
    const measure = function (host) {
      const first = host.firstElementChild;
      let last = host.lastElementChild;
      while (last !== first && !last.getClientRects().length) last = last.previousElementSibling;
      const display = host.style.display;
      host.style.display = "flow-root";
      const outer = host.getBoundingClientRect();
      const style = getComputedStyle(host);
      const top = first.getBoundingClientRect().top;
      const bottom = last.getBoundingClientRect().bottom;
      const size = [
        top - outer.top - parseFloat(style.borderTopWidth) - parseFloat(style.paddingTop),
        outer.bottom - bottom - parseFloat(style.borderBottomWidth) - parseFloat(style.paddingBottom),
        bottom - top
      ];
      host.style.display = display;
      return size;
    };

    // The reader's own text size (the browser setting, `medium`): the box
    // follows the text size where it is placed, but never goes below this.
    // CSS cannot compare `medium` with `1em`, so it is measured once.
    const readerSize = function () {
      if (!readerSize.px) {
        const probe = document.createElement("span");
        probe.style.cssText = "position:absolute;visibility:hidden;font-size:medium";
        (document.body || document.documentElement).appendChild(probe);
        readerSize.px = parseFloat(getComputedStyle(probe).fontSize) || 16;
        probe.remove();
      }
      return readerSize.px + "px";
    };

    // The address of the slice of `key` for the dataset at `url`, as
    // model::address::slice_path says: its Kreis (the first five digits),
    // or its Land for a key that lies in no Kreis. Null for an invalid key
    // and for data not on the web (blob:, data:), which have no slices.
    const sliceOf = function (key, url) {
      if (!KEY.test(key) || !/^https?:/.test(url)) return null;
      const kreis = key.substring(FACTS.landDigits + 1, FACTS.areaDigits);
      const area = kreis.length === FACTS.areaDigits - FACTS.landDigits - 1 && kreis !== FACTS.noKreis
        ? key.substring(0, FACTS.areaDigits)
        : key.substring(0, FACTS.landDigits);
      return new URL(FACTS.slicesDir + "/" + area + ".json", url).href;
    };

    // Near the viewport: within one screen height above or below it.
    const near = function (host) {
      const rect = host.getBoundingClientRect();
      const height = window.innerHeight || 800;
      return rect.bottom > -height && rect.top < 2 * height;
    };

    const start = function (host, options, status) {
      try {
        const url = options.src;
        const ags = options.ags == null ? "" : String(options.ags);
        // The one file that holds what the box shows: its area's slice,
        // beside the dataset (the wasm reads the dataset itself only if no
        // slices are published there).
        const slice = sliceOf(ags.trim(), url);
        // The wasm first: it is the longest download and the box waits for
        // it; starting the slice's request before it cost the wasm ~13 ms
        // on a slow phone (measured), and the small slice still arrives
        // long before the wasm.
        const module = wasmModule(options.base);
        if (slice && !datasets[slice]) {
          // The text itself (or the error status as a number): the wasm
          // then takes it without waiting for another task.
          datasets[slice] = fetch(slice, { credentials: "omit" }).then(function (response) {
            return response.ok ? response.text() : response.status;
          });
          datasets[slice].catch(function () {}); // the wasm decides what a failure means
        }
        module.then(
          function (glue) {
            // Twenty boxes waiting for the same wasm must not build their
            // views in one long task (`soon`).
            const mount = function () {
              try {
                glue.mount(
                  host,
                  {
                    ags: ags,
                    src: url,
                    timeoutMs: options.timeoutMs || 0,
                    maxBytes: options.maxBytes || 0,
                    headingLevel: Math.max(0, Math.min(parseInt(options.headingLevel, 10) || 0, 9)),
                    theme: options.theme,
                    lang: options.lang,
                    view: options.view,
                    digest: options.digest,
                    reserved: !!options.reserved
                  },
                  slice ? datasets[slice] : undefined
                );
              } catch (error) {
                status.textContent = WORDS[options.lang].failed;
                log("the widget could not start: " + (error && error.message), error);
              }
            };
            soon(mount);
          },
          function (error) {
            status.textContent = WORDS[options.lang].failed;
            log(
              /eval/.test(String(error && error.message))
                ? "the widget could not start: add 'wasm-unsafe-eval' to the script-src of the page's Content-Security-Policy"
                : "the widget could not start: " + (error && error.message),
              error
            );
          }
        );
      } catch (error) {
        log("could not render into the element", error);
      }
    };

    // The custom element. The loader's own boxes are such elements too, but
    // without an ags attribute: the element only renders when it has one.
    const defineElement = function (base) {
      if (!window.customElements || customElements.get("digitale-partnerschaften")) return;
      class Box extends HTMLElement {
        static get observedAttributes() {
          return ["ags"];
        }

        show() {
          const ags = this.getAttribute("ags");
          if (ags === null || !this.isConnected || this.dpShown === ags) return;
          this.dpShown = ags;
          const src = this.getAttribute("src");
          if (!this.style.display) this.style.display = "block";
          render(this, limits({
            ags: ags,
            src: src ? new URL(src, document.baseURI).href : base + "partnerships.json",
            base: base,
            minHeight: this.getAttribute("min-height"),
            eager: this.hasAttribute("eager"),
            headingLevel: this.getAttribute("heading-level"),
            theme: this.getAttribute("theme"),
            lang: this.getAttribute("lang"),
            view: this.getAttribute("view")
          }, this.getAttribute("timeout"), this.getAttribute("max-size")));
        }

        connectedCallback() {
          try {
            this.show();
          } catch (error) {
            log("could not render the element", error);
          }
        }

        attributeChangedCallback() {
          this.connectedCallback();
        }
      }
      try {
        customElements.define("digitale-partnerschaften", Box);
      } catch (error) {
        log("could not define <digitale-partnerschaften>", error);
      }
    };

    api = window[NS] = Object.freeze({ render: render, define: defineElement, limits: limits });
  }

  // This tag's own box.
  try {
    const script = document.currentScript;
    if (!script || !script.src) return;
    const base = new URL(".", script.src).href;
    api.define(base);
    const src = script.getAttribute("data-src");
    const options = api.limits({
      ags: script.getAttribute("data-ags"),
      src: src ? new URL(src, document.baseURI).href : base + "partnerships.json",
      base: base,
      minHeight: script.getAttribute("data-min-height"),
      eager: script.hasAttribute("data-eager"),
      headingLevel: script.getAttribute("data-heading-level"),
      theme: script.getAttribute("data-theme"),
      lang: script.getAttribute("data-lang") || languageOf(script),
      view: script.getAttribute("data-view")
    }, script.getAttribute("data-timeout"), script.getAttribute("data-max-size"));
    const target = script.getAttribute("data-target");
    // A tag in <head> without data-ags and data-target only loads (for the
    // element); in <body> it was meant to show a box, which says what is missing.
    const inBody = document.body && document.body.contains(script);
    if (options.ags === null && !target && !inBody) return;
    if (!target) {
      if (!inBody) {
        log("the script tag is not inside <body>: place it where the box should appear, or set data-target");
        return;
      }
      const host = document.createElement("digitale-partnerschaften");
      host.style.display = "block";
      script.parentNode.insertBefore(host, script.nextSibling);
      api.render(host, options);
      return;
    }
    const place = function () {
      let element = null;
      try {
        element = document.querySelector(target);
      } catch (error) {
        log('data-target="' + target + '" is not a valid CSS selector', error);
        return;
      }
      if (element) api.render(element, options);
      else log('data-target="' + target + '" matches no element on this page');
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", place, { once: true });
    else place();
  } catch (error) {
    log("could not start", error);
  }
})();
