// Trunk post_build hook: minifies the loader and the wasm-bindgen glue in
// trunk's staging directory (trunk's own minifier fails on this glue, and
// copied files are never minified by trunk). Keeps /*! ... */ notices.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { minify } from "terser";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error("usage: TRUNK_STAGING_DIR=dist node scripts/minify.mjs (or pass the directory)");
  process.exit(2);
}

const files = [
  // The loader is a classic script: keep it one (no module syntax).
  { name: "partnerships.js", module: false },
  { name: "partnerships-widget.js", module: true },
];

for (const { name, module } of files) {
  const path = join(dir, name);
  const source = await readFile(path, "utf8");
  const result = await minify(source, {
    module,
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: /^!/ },
  });
  await writeFile(path, result.code);
  console.log(`minified ${name}: ${source.length} -> ${result.code.length} bytes`);
}
