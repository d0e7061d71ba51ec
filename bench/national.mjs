// Benchmark (not a test) of the dataset tool at national scale: generates
// the synthetic Germany-sized dataset, then times validate and publish and
// reports the full dataset size, the slice sizes (raw and brotli) and the
// peak memory of each step (with GNU time, where installed).
//
//   node bench/national.mjs [seed=7] [work-dir]
// Needs `cargo build --profile cli --features cli --bin partnerships-data`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const seed = process.argv[2] ?? "7";
const bin = "target/cli/partnerships-data";
const dir = mkdtempSync(join(process.argv[3] ?? tmpdir(), "dp-national-"));
const data = join(dir, "national.json");
const out = join(dir, "public");
const gnuTime = existsSync("/usr/bin/time");

// Wall time (ms) and peak resident memory (KiB, when GNU time is there) of one run.
const timed = (args) => {
  const start = process.hrtime.bigint();
  const run = gnuTime
    ? spawnSync("/usr/bin/time", ["-f", "peak-rss-kib %M", bin, ...args], { encoding: "utf8" })
    : spawnSync(bin, args, { encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`${bin} ${args.join(" ")} failed (${run.status}): ${run.stderr}`);
  const peak = Number(/peak-rss-kib (\d+)/.exec(run.stderr)?.[1] ?? NaN);
  return { ms, peak };
};
const br = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const mib = (n) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

const generated = spawnSync(bin, ["generate", "--seed", seed, "--out", data], { encoding: "utf8" });
console.log(generated.stdout.trim());
const input = statSync(data).size;
const validate = timed(["validate", data]);
const publish = timed(["publish", data, "--out", out]);
const slices = readdirSync(join(out, "slices"))
  .filter((f) => f !== "index.json")
  .map((f) => ({ f, raw: statSync(join(out, "slices", f)).size }))
  .sort((a, b) => a.raw - b.raw);
const median = slices[Math.floor(slices.length / 2)];
const largest = slices[slices.length - 1];
const total = slices.reduce((sum, s) => sum + s.raw, 0);
const full = readFileSync(join(out, "partnerships.json"));
const memory = (m) => (Number.isNaN(m.peak) ? "peak memory n/a" : `peak ${mib(m.peak * 1024)} = ${((m.peak * 1024) / input).toFixed(1)}× the input`);
console.log(`validate: ${validate.ms.toFixed(0)} ms, ${memory(validate)}`);
console.log(`publish: ${publish.ms.toFixed(0)} ms, ${memory(publish)}  (target: validate + publish under 2 s)`);
console.log(`full dataset: ${kib(full.length)} raw, ${kib(br(full))} brotli`);
console.log(`${slices.length} slices, ${mib(total)} in all; median ${median.f}: ${kib(median.raw)} raw, ${kib(br(readFileSync(join(out, "slices", median.f))))} brotli (target < 8 KiB)`);
console.log(`largest ${largest.f}: ${kib(largest.raw)} raw, ${kib(br(readFileSync(join(out, "slices", largest.f))))} brotli`);
console.log(`files in ${dir}`);
