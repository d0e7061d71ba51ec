// Minifies the JavaScript the loader fetches, as scripts/post-build.mjs
// publishes it (also used by bench/floor.mjs, so that its box is built
// the same way). Keeps /*! ... */ notices.
import { minify } from "terser";

// Every function of the loader and the glue runs when a box loads: the
// magic comment (Chrome's explicit compile hints) has them compiled while
// the file streams in, off the main thread, not one by one at their first
// call.
const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

/** `source` minified, with the compile hint first; `module`: ES module syntax (else a classic script). */
export async function minifyScript(source, module) {
  const result = await minify(source, {
    module,
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: /^!/ },
  });
  return COMPILE_HINT + result.code;
}
