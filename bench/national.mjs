// Benchmark (not a test) of the dataset tool at national scale: generates
// the synthetic Germany-sized dataset, then times validate and publish and
// reports the full dataset size and the slice sizes (raw and brotli).
//
//   node bench/national.mjs [seed=7]
// Needs `cargo build --release --features cli --bin partnerships-data`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const seed = process.argv[2] ?? "7";
const bin = "target/release/partnerships-data";
const dir = mkdtempSync(join(tmpdir(), "dp-national-"));
const data = join(dir, "national.json");
const out = join(dir, "public");

const timed = (args) => {
  const start = process.hrtime.bigint();
  execFileSync(bin, args, { stdio: ["ignore", "pipe", "inherit"] });
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const br = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

console.log(execFileSync(bin, ["generate", "--seed", seed, "--out", data]).toString().trim());
const validateMs = timed(["validate", data]);
const publishMs = timed(["publish", data, "--out", out]);
const slices = readdirSync(join(out, "slices"))
  .filter((f) => f !== "index.json")
  .map((f) => ({ f, raw: statSync(join(out, "slices", f)).size }))
  .sort((a, b) => a.raw - b.raw);
const median = slices[Math.floor(slices.length / 2)];
const largest = slices[slices.length - 1];
const full = readFileSync(join(out, "partnerships.json"));
console.log(`validate: ${validateMs.toFixed(0)} ms; publish: ${publishMs.toFixed(0)} ms (target: both under 2 s)`);
console.log(`full dataset: ${kib(full.length)} raw, ${kib(br(full))} brotli`);
console.log(`${slices.length} slices; median ${median.f}: ${kib(median.raw)} raw, ${kib(br(readFileSync(join(out, "slices", median.f))))} brotli (target < 8 KiB)`);
console.log(`largest ${largest.f}: ${kib(largest.raw)} raw, ${kib(br(readFileSync(join(out, "slices", largest.f))))} brotli`);
