// Trunk post_build hook, in trunk's staging directory:
//  0. shortens the names the wasm and its glue share (scripts/short-names.mjs);
//  1. minifies the wasm-bindgen glue and the loader (trunk's own minifier
//     fails on this glue, and copied files are never minified by trunk);
//  2. writes the loader facts (key pattern, slice address rule, words) from
//     `partnerships-data facts` into the loader's "@FACTS@", and pins the
//     glue and the wasm in the loader: their SHA-384 (Subresource
//     Integrity) replaces the loader's @GLUE_INTEGRITY@/@WASM_INTEGRITY@, so
//     a loader the page verified with `integrity` runs only files of its own
//     build;
//  3. writes integrity.json and prints the loader's integrity for the snippet;
//  4. copies the three files into the versioned release folder v<version>/
//     (the version of Cargo.toml) and writes release.json for the
//     Einbindungsassistent: pasted snippets name that folder, so a new
//     release never changes a page by surprise.
// Keeps /*! ... */ notices.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { minifyScript } from "./minify.mjs";
import { shortenNames } from "./short-names.mjs";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error("usage: TRUNK_STAGING_DIR=dist node scripts/post-build.mjs (or pass the directory)");
  process.exit(2);
}

const LOADER = "partnerships.js";
const GLUE = "partnerships-widget.js";
const WASM = "partnerships-widget_bg.wasm";

/** The Subresource Integrity value of exactly these bytes. */
const integrity = (bytes) => "sha384-" + createHash("sha384").update(bytes).digest("base64");

async function minifyFile(name, module, replace = (source) => source) {
  const path = join(dir, name);
  const source = replace(await readFile(path, "utf8"));
  // The loader is a classic script: it keeps to classic syntax (module false).
  const code = await minifyScript(source, module);
  await writeFile(path, code);
  console.log(`minified ${name}: ${source.length} -> ${code.length} bytes`);
  return Buffer.from(code);
}

const shortened = shortenNames(await readFile(join(dir, WASM)), await readFile(join(dir, GLUE), "utf8"));
await writeFile(join(dir, WASM), shortened.wasm);
await writeFile(join(dir, GLUE), shortened.glue);
console.log(`shortened ${shortened.renamed} names shared by ${WASM} and ${GLUE}`);

const hashes = {};
hashes[GLUE] = integrity(await minifyFile(GLUE, true));
hashes[WASM] = integrity(shortened.wasm);
// What the loader must know before the wasm arrives, from the Rust
// definitions (src/tools/loader_facts.rs): written in as a JSON literal.
const facts = execFileSync("cargo", ["run", "--quiet", "--features", "cli", "--bin", "partnerships-data", "--", "facts"], {
  encoding: "utf8",
}).trim();
JSON.parse(facts);
hashes[LOADER] = integrity(
  await minifyFile(LOADER, false, (source) => {
    if (!source.includes('"@FACTS@"')) throw new Error(`${LOADER} has no "@FACTS@" for the loader facts`);
    source = source.replace('"@FACTS@"', facts);
    for (const [placeholder, name] of [["@GLUE_INTEGRITY@", GLUE], ["@WASM_INTEGRITY@", WASM]]) {
      if (!source.includes(placeholder)) throw new Error(`${LOADER} has no ${placeholder} to pin ${name}`);
      source = source.replaceAll(placeholder, hashes[name]);
    }
    return source;
  }),
);
await writeFile(join(dir, "integrity.json"), JSON.stringify(hashes, null, 2) + "\n");

// The assistant knows keys by the same facts (it is not minified or pinned).
const ASSISTANT = join(dir, "einbinden.js");
const assistant = await readFile(ASSISTANT, "utf8");
if (!assistant.includes('"@FACTS@"')) throw new Error('einbinden.js has no "@FACTS@" for the loader facts');
await writeFile(ASSISTANT, assistant.replace('"@FACTS@"', facts));

// The package version: the first `version = "..."` of Cargo.toml ([package]).
const cargo = await readFile(new URL("../Cargo.toml", import.meta.url), "utf8");
const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1];
if (!version) throw new Error("Cargo.toml has no version");
const release = `v${version}/`;
await mkdir(join(dir, release), { recursive: true });
for (const name of [LOADER, GLUE, WASM]) await copyFile(join(dir, name), join(dir, release, name));
await writeFile(
  join(dir, "release.json"),
  JSON.stringify({ version, path: release, loader: LOADER, integrity: hashes }, null, 2) + "\n",
);
console.log(`release ${version}: ${release}${LOADER}`);
console.log(`integrity of ${LOADER} (for the snippet's integrity attribute): ${hashes[LOADER]}`);
