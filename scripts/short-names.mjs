// Shortens the names the wasm and its wasm-bindgen glue share: the import
// module ("./partnerships-widget_bg.js"), every import (`__wbg_Error_`
// plus a 16-digit hash) and every export but the ones named in `keep`
// (`wasm_bindgen_<hash>___convert__closures_…`, up to 250 characters).
// The hashes do not compress: the short names take 1.8 KiB brotli off the
// wasm and 1.4 KiB off the glue. Used by scripts/post-build.mjs; tested in
// tests/js/short-names.test.mjs.
//
// Only the import and export sections of the wasm change; every other
// section is copied byte for byte. In the glue, each name is replaced where
// it stands as a whole identifier; a name the glue does not contain stops
// the build (the glue's shape changed), rather than leaving a wasm whose
// imports no longer link.

const MAGIC = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const IMPORT_SECTION = 2;
const EXPORT_SECTION = 7;

/** Reads an unsigned LEB128 number at `at`: [value, next position]. */
function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    if (byte === undefined) throw new Error("the wasm ends inside a number");
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(byte & 0x80)) return [value, at];
  }
}

/** The unsigned LEB128 encoding of `value`. */
function leb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

/** Skips one LEB128 number of any width (memory64 limits are 64-bit). */
function skipLeb(bytes, at) {
  while (bytes[at++] & 0x80);
  return at;
}

function readName(bytes, at) {
  const [length, start] = readLeb(bytes, at);
  return [new TextDecoder().decode(bytes.subarray(start, start + length)), start + length];
}

function name(text) {
  const encoded = new TextEncoder().encode(text);
  return [...leb(encoded.length), ...encoded];
}

/** Skips table or memory limits: a flag byte, the minimum, the maximum if flagged. */
function skipLimits(bytes, at) {
  const flags = bytes[at++];
  at = skipLeb(bytes, at);
  return flags & 1 ? skipLeb(bytes, at) : at;
}

/** Skips an import's description (function, table, memory, global, tag). */
function skipImportDescription(bytes, at) {
  const kind = bytes[at++];
  switch (kind) {
    case 0: // function: its type
      return skipLeb(bytes, at);
    case 1: // table: element reference type, limits
      return skipLimits(bytes, at + 1);
    case 2: // memory: limits
      return skipLimits(bytes, at);
    case 3: // global: value type, mutability
      return at + 2;
    case 4: // tag: attribute, type
      return skipLeb(bytes, at + 1);
    default:
      throw new Error(`unknown import kind ${kind}`);
  }
}

/** Short names in order: a…z, A…Z, then two letters; no JavaScript keyword. */
function* shortNames() {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const keywords = new Set(["do", "if", "in"]);
  for (const a of letters) yield a;
  for (const a of letters) for (const b of letters) if (!keywords.has(a + b)) yield a + b;
}

/**
 * Renames the shared names in `wasm` (bytes) and `glue` (source text).
 * Returns the new wasm bytes, the new glue and the number of names renamed.
 * Throws if the glue does not contain one of the wasm's import names or
 * its import module name.
 */
export function shortenNames(wasm, glue, keep = ["mount", "memory"]) {
  const bytes = new Uint8Array(wasm);
  if (!MAGIC.every((b, i) => bytes[i] === b)) throw new Error("not a wasm module (version 1)");
  const next = shortNames();
  const renamed = new Map(); // old name -> new name
  const rename = (old) => {
    if (!renamed.has(old)) renamed.set(old, next.next().value);
    return renamed.get(old);
  };
  const modules = new Map(); // old module name -> new
  const imported = new Set();
  const out = [...MAGIC];
  let at = MAGIC.length;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = readLeb(bytes, at + 1);
    const end = start + size;
    if (id !== IMPORT_SECTION && id !== EXPORT_SECTION) {
      for (let i = at; i < end; i++) out.push(bytes[i]);
      at = end;
      continue;
    }
    const body = [];
    let [count, p] = readLeb(bytes, start);
    body.push(...leb(count));
    for (; count > 0; count--) {
      if (id === IMPORT_SECTION) {
        let module, field;
        [module, p] = readName(bytes, p);
        [field, p] = readName(bytes, p);
        if (!modules.has(module)) modules.set(module, modules.size === 0 ? "w" : `w${modules.size}`);
        imported.add(field);
        const described = p;
        p = skipImportDescription(bytes, p);
        body.push(...name(modules.get(module)), ...name(rename(field)), ...bytes.subarray(described, p));
      } else {
        let exported;
        [exported, p] = readName(bytes, p);
        const described = p;
        p = skipLeb(bytes, p + 1); // kind, index
        body.push(...name(keep.includes(exported) ? exported : rename(exported)), ...bytes.subarray(described, p));
      }
    }
    if (p !== end) throw new Error(`section ${id} does not end where its size says`);
    out.push(id, ...leb(body.length), ...body);
    at = end;
  }

  let text = glue;
  for (const [old, short] of modules) {
    const quoted = JSON.stringify(old);
    if (text.split(quoted).length !== 2) throw new Error(`the glue names the import module ${quoted} not exactly once`);
    text = text.replace(quoted, JSON.stringify(short));
  }
  // Longest first, so that no name is replaced inside a longer one.
  for (const old of [...renamed.keys()].sort((a, b) => b.length - a.length)) {
    const escaped = old.replace(/[$]/g, "\\$");
    const pattern = new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`, "g");
    const before = text;
    text = text.replace(pattern, renamed.get(old));
    if (text === before && imported.has(old)) throw new Error(`the glue does not provide the import ${old}`);
  }
  return { wasm: Uint8Array.from(out), glue: text, renamed: renamed.size };
}
