// Unit tests of scripts/short-names.mjs on a small hand-made wasm module
// and the glue that instantiates it: both still link and run after the
// renaming. (The end-to-end tests run the real bundle it produces.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { shortenNames } from "../../scripts/short-names.mjs";

const leb = (n) => {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
};
const name = (text) => [...leb(text.length), ...Buffer.from(text)];
const vec = (items) => [...leb(items.length), ...items.flat()];
const section = (id, content) => [id, ...leb(content.length), ...content];

const MODULE = "./x_bg.js";
const LOG = "__wbg_log_0123456789abcdef";
const MEMORY_IMPORT = "__wbindgen_mem";
const START = "__wbindgen_start";
const CLOSURE = "wasm_bindgen_0123456789abcdef___convert__closures_____invoke___true_";
const CUSTOM = section(0, [...name("keep"), 1, 2, 3]);

/** A module that imports `log` and a memory, and exports four functions that log 7, 8, 9 and 10. */
function module() {
  const types = section(1, vec([[0x60, 1, 0x7f, 0], [0x60, 0, 0]]));
  const imports = section(
    2,
    vec([
      [...name(MODULE), ...name(LOG), 0x00, 0x00],
      [...name(MODULE), ...name(MEMORY_IMPORT), 0x02, 0x00, 0x01],
    ]),
  );
  const functions = section(3, vec([[1], [1], [1]]));
  const exports = section(
    7,
    vec([
      [...name(START), 0x00, 1],
      [...name("mount"), 0x00, 2],
      [...name(CLOSURE), 0x00, 3],
      [...name("memory"), 0x02, 0],
    ]),
  );
  const body = (value) => {
    const code = [0x00, 0x41, value, 0x10, 0x00, 0x0b];
    return [...leb(code.length), ...code];
  };
  const code = section(10, vec([body(7), body(9), body(10)]));
  return Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...types, ...imports, ...functions, ...exports, ...code, ...CUSTOM]);
}

const GLUE = `
const got = [];
const imports = { ${JSON.stringify(MODULE)}: { ${LOG}: (v) => got.push(v), ${MEMORY_IMPORT}: new WebAssembly.Memory({ initial: 1 }) } };
const { instance } = await WebAssembly.instantiate(bytes, imports);
const wasm = instance.exports;
wasm.${START}();
wasm.mount();
wasm.${CLOSURE}();
got.push(wasm.memory.buffer.byteLength);
return got;`;

const run = (bytes, glue) => new (Object.getPrototypeOf(async () => {}).constructor)("bytes", glue)(bytes);

test("the renamed wasm and glue still link and run", async () => {
  const bytes = module();
  assert.deepEqual(await run(bytes, GLUE), [7, 9, 10, 65536], "the hand-made module itself is valid");
  const short = shortenNames(bytes, GLUE);
  assert.equal(short.renamed, 4);
  assert.deepEqual(await run(short.wasm, short.glue), [7, 9, 10, 65536]);
  for (const old of [MODULE, LOG, MEMORY_IMPORT, START, CLOSURE]) assert.ok(!short.glue.includes(old), `${old} is gone`);
  assert.ok(short.glue.includes("wasm.mount()") && short.glue.includes("wasm.memory"), "kept names stay");
  assert.ok(short.wasm.length < bytes.length - 80, `${short.wasm.length} < ${bytes.length}`);
  assert.deepEqual([...short.wasm.subarray(short.wasm.length - CUSTOM.length)], CUSTOM, "other sections are copied");
});

test("a glue without one of the wasm's imports stops the build", () => {
  assert.throws(() => shortenNames(module(), GLUE.replace(`${LOG}: (v) => got.push(v), `, "")), /does not provide the import __wbg_log/);
  assert.throws(() => shortenNames(module(), GLUE.replace(JSON.stringify(MODULE), '"other"')), /import module/);
  assert.throws(() => shortenNames(Uint8Array.from([1, 2, 3]), GLUE), /not a wasm module/);
});
