// Benchmark (not a test): the floor of the required stack. Builds the
// smallest box Leptos and wasm-bindgen can render from the same slice
// (bench/floor/: no checks, no styles, no features) the way the widget is
// built (scripts/wasm-env, wasm-bindgen, wasm-opt with the widget's
// parameters, short names, minified glue, the wasm pinned by its SHA-384),
// with a loader that starts the wasm and the slice at once, as the
// widget's does. Then measures it beside the widget and the plain box on
// bench/run.mjs's page (bench/run.mjs does the measuring).
//
//   node bench/floor.mjs [runs=21] [cpu-slowdown=4]     (after `scripts/build`)
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { minifyScript } from "../scripts/minify.mjs";
import { shortenNames } from "../scripts/short-names.mjs";
import { tempDir } from "../tests/e2e/temp.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = process.argv[2] ?? "21";
const CPU = process.argv[3] ?? "4";
const CRATE = join(ROOT, "bench", "floor");
const TARGET = join(ROOT, "target", "floor");
const bin = (name) => join(ROOT, "node_modules", ".bin", name);
const run = (command, args, env = process.env) => execFileSync(command, args, { stdio: "inherit", env });

// The widget's build environment (the standard library rebuilt for size).
run("bash", ["-c", `. "${join(ROOT, "scripts", "wasm-env")}" && exec cargo build --release --offline --target wasm32-unknown-unknown --manifest-path "${join(CRATE, "Cargo.toml")}" --target-dir "${TARGET}"`]);
const out = tempDir("floor");
run(join(process.env.HOME, ".cargo", "bin", "wasm-bindgen"), ["--target", "web", "--out-dir", out, "--out-name", "floor", join(TARGET, "wasm32-unknown-unknown", "release", "floor_box.wasm")]);
// wasm-opt as trunk runs it for the widget (www/index.html's parameters).
const index = await readFile(join(ROOT, "www", "index.html"), "utf8");
const level = /data-wasm-opt="(\w+)"/.exec(index)[1];
const params = /data-wasm-opt-params="([^"]*)"/.exec(index)[1].split(/\s+/).filter(Boolean);
run(bin("wasm-opt"), [`-O${level}`, ...params, join(out, "floor_bg.wasm"), "-o", join(out, "floor_bg.wasm")]);
const shortened = shortenNames(await readFile(join(out, "floor_bg.wasm")), await readFile(join(out, "floor.js"), "utf8"));

// The floor's folder: its three files beside the widget's published data.
const folder = tempDir("floor-box");
await cp(join(ROOT, "dist"), folder, { recursive: true });
await writeFile(join(folder, "floor_bg.wasm"), shortened.wasm);
await writeFile(join(folder, "floor.js"), await minifyScript(shortened.glue, true));
const pin = "sha384-" + createHash("sha384").update(shortened.wasm).digest("base64");
// The loader: the wasm (pinned) and the slice of the tag's key (a Kreis
// key, as on the benchmark's page) requested at once; mounts when both
// are in. Named like the widget's, so bench/run.mjs's page loads it.
const loader = `(function () {
  "use strict";
  const script = document.currentScript;
  const key = script.getAttribute("data-ags");
  const base = new URL(".", script.src).href;
  const host = document.createElement("div");
  script.parentNode.insertBefore(host, script.nextSibling);
  host.attachShadow({ mode: "open" }).textContent = "Partnerschaften werden geladen …";
  const wasm = fetch(base + "floor_bg.wasm", { credentials: "omit", integrity: "${pin}" }).then((r) => WebAssembly.compileStreaming(r));
  const slice = fetch(base + "slices/" + key.slice(0, 5) + ".json", { credentials: "omit" }).then((r) => r.text());
  import(base + "floor.js").then((glue) =>
    glue.default({ module_or_path: wasm }).then(() => slice.then((text) => glue.mount(host, key, text))),
  );
})();`;
await writeFile(join(folder, "partnerships.js"), await minifyScript(loader, false));
for (const name of ["partnerships.js", "floor.js", "floor_bg.wasm"]) {
  const bytes = await readFile(join(folder, name));
  console.log(`floor ${name}: ${bytes.length} bytes`);
}
// widget 1 is the widget (dist/), widget 2 the floor.
run("node", [join(ROOT, "bench", "run.mjs"), RUNS, CPU, join(ROOT, "dist"), folder]);
