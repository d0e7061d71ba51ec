// The README's nginx and Apache blocks are the tested files, character
// for character: what a webmaster copies is what tests/servers/ runs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./servers.mjs";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");

/** Every fenced block of `language` in the README. */
const blocks = (language) => [...readme.matchAll(new RegExp("^```" + language + "\\n([\\s\\S]*?)^```$", "gm"))].map((m) => m[1]);

for (const [language, file] of [["nginx", "docs/nginx-partnerschaften.conf"], ["apache", "docs/apache-partnerschaften.conf"]]) {
  test(`the README's ${language} block is ${file}`, () => {
    const found = blocks(language);
    assert.equal(found.length, 1, `one ${language} block in the README`);
    assert.equal(found[0], readFileSync(join(ROOT, file), "utf8"));
  });
}
