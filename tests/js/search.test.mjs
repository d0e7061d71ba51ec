// Unit tests of the Einbindungsassistent's search, on the real suggestions
// (the shipped dataset, the 16 Länder and the official register), as
// `partnerships-data suggestions` writes them.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { fold, search } from "../../www/einbinden-search.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
let entries;

before(() => {
  const out = execFileSync("cargo", ["run", "--quiet", "--features", "cli", "--bin", "partnerships-data", "--", "suggestions"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  entries = JSON.parse(out);
});

const names = (query, limit) => search(entries, query, limit).map((e) => e.n);
const keys = (query, limit) => search(entries, query, limit).map((e) => e.k);

test("the suggestions hold the dataset's bodies, the 16 Länder and the register's 401 Kreise", () => {
  assert.equal(entries.filter((e) => e.k.length === 2).length, 16);
  assert.equal(entries.filter((e) => e.k.length === 5).length, 401);
  assert.ok(entries.some((e) => e.k === "010545488" && e.d));
});

test("folding: umlauts, ae/oe/ue, ß, case and spaces", () => {
  assert.equal(fold("Mölln"), fold("Moelln"));
  assert.equal(fold("Mölln"), fold("MOLLN"));
  assert.equal(fold("Föhr"), "fohr");
  assert.equal(fold("Gießen"), "giessen");
  assert.equal(fold("  Bad   Segeberg "), "bad segeberg");
});

test("names by prefix, with or without umlauts and kind words", () => {
  assert.deepEqual(names("Sege", 1), ["Kreis Segeberg"]);
  assert.deepEqual(names("Mölln", 1), ["Stadt Mölln"]);
  assert.deepEqual(names("Moelln", 1), ["Stadt Mölln"]);
  assert.deepEqual(names("Föhr", 1), ["Amt Föhr-Amrum"]);
  assert.deepEqual(names("foehr", 1), ["Amt Föhr-Amrum"]);
  assert.deepEqual(names("Gifhorn", 1), ["Landkreis Gifhorn"]);
  assert.deepEqual(names("Landkreis Gifhorn", 1), ["Landkreis Gifhorn"]);
  assert.deepEqual(names("Kreis Gifhorn", 1), ["Landkreis Gifhorn"]);
  assert.deepEqual(names("kreis segeberg", 1), ["Kreis Segeberg"]);
});

test("keys: exact, with spaces, then by prefix", () => {
  assert.deepEqual(keys("01060", 1), ["01060"]);
  assert.deepEqual(keys("01 060", 1), ["01060"]);
  assert.deepEqual(keys(" 0 1 0 6 0 ", 1), ["01060"]);
  const byPrefix = keys("0106", 50);
  assert.ok(byPrefix.length > 1 && byPrefix.every((k) => k.startsWith("0106")), byPrefix.join());
  assert.equal(byPrefix[0], "01060", "the dataset's Kreis before its Gemeinden");
});

test("ranking: exact key, then name prefix, then a later word, then a substring", () => {
  // The dataset's body before the register's entry of the same name.
  assert.deepEqual(names("Lübeck", 2), ["Hansestadt Lübeck", "Lübeck, Hansestadt"]);
  // A name that starts with it before a later word that does.
  assert.equal(names("berg", 1)[0], "Landkreis Bergstraße");
  // A substring in the middle of a word ranks last.
  const berg = search(entries, "berg", 50);
  const firstInside = berg.findIndex((e) => !fold(e.n).split(/[\s\-,/()]+/).some((w) => w.startsWith("berg")));
  const lastWordStart = berg.map((e) => fold(e.n).split(/[\s\-,/()]+/).some((w) => w.startsWith("berg"))).lastIndexOf(true);
  assert.ok(firstInside === -1 || lastWordStart < firstInside, berg.map((e) => e.n).join(" | "));
  // Nothing for nonsense; nothing for an empty query.
  assert.deepEqual(search(entries, "xyzzy"), []);
  assert.deepEqual(search(entries, "   "), []);
});
