// Benchmark (not a test) of the dataset tool at national scale: generates
// the synthetic Germany-sized dataset, then times validate and publish and
// reports what a Land would host: the number of files and their total size,
// the full dataset, and the median and largest Kreis and Land slice (raw
// and brotli), with the peak memory of each step (with GNU time, where
// installed).
//
//   node bench/national.mjs [seed=7] [work-dir]
// The generated and published files (134 MiB) stay in `work-dir` when one
// is named; in the system's temporary folder they are removed at the end.
// Needs `cargo build --profile cli --features cli --bin partnerships-data`
// (or another build of the tool named by the environment variable
// PARTNERSHIPS_DATA, to compare two versions).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { tempDir } from "../tests/e2e/temp.mjs";

const seed = process.argv[2] ?? "7";
const bin = process.env.PARTNERSHIPS_DATA ?? "target/cli/partnerships-data";
const workDir = process.argv[3];
const dir = workDir ? mkdtempSync(join(workDir, "dp-national-")) : tempDir("national");
const data = join(dir, "national.json");
const out = join(dir, "public");
const gnuTime = existsSync("/usr/bin/time");

// Wall time (ms), and CPU time and peak resident memory (when GNU time is
// there) of one run.
// (validate lists a warning per synthetic Kreis the register does not know).
const output = { encoding: "utf8", maxBuffer: 1 << 28 };
const timed = (args) => {
  const start = process.hrtime.bigint();
  const run = gnuTime
    ? spawnSync("/usr/bin/time", ["-f", "peak-rss-kib %M cpu-s %U %S", bin, ...args], output)
    : spawnSync(bin, args, output);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`${bin} ${args.join(" ")} failed (${run.status}): ${run.stderr}`);
  const peak = Number(/peak-rss-kib (\d+)/.exec(run.stderr)?.[1] ?? NaN);
  // CPU time (user + system) says more than wall time on a busy machine.
  const cpu = /cpu-s ([\d.]+) ([\d.]+)/.exec(run.stderr);
  const cpuMs = cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN;
  return { ms, peak, cpuMs, stdout: run.stdout.trim() };
};
const br = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const mib = (n) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

// Every file below `folder`, with its size.
const files = (folder) =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? files(path) : [{ path, raw: statSync(path).size }];
  });

const generated = spawnSync(bin, ["generate", "--seed", seed, "--out", data], output);
if (generated.status !== 0) throw new Error(`${bin} generate failed: ${generated.stderr}`);
console.log(generated.stdout.trim());
const input = statSync(data).size;
const validate = timed(["validate", data]);
const publish = timed(["publish", data, "--out", out]);
const memory = (m) =>
  (Number.isNaN(m.cpuMs) ? "" : `CPU ${m.cpuMs.toFixed(0)} ms, `) +
  (Number.isNaN(m.peak) ? "peak memory n/a" : `peak ${mib(m.peak * 1024)} = ${((m.peak * 1024) / input).toFixed(1)}× the input`);
console.log(publish.stdout);
console.log(`validate: ${validate.ms.toFixed(0)} ms, ${memory(validate)}`);
console.log(`publish: ${publish.ms.toFixed(0)} ms, ${memory(publish)}`);
console.log(`validate + publish: ${(validate.ms + publish.ms).toFixed(0)} ms (target: under 2 s)`);

const written = files(out);
const total = written.reduce((sum, f) => sum + f.raw, 0);
console.log(`published: ${written.length} files, ${mib(total)} in all`);
const full = readFileSync(join(out, "partnerships.json"));
console.log(`full dataset: ${kib(full.length)} raw, ${kib(br(full))} brotli`);

// Slices by the digits of their name: 2 a Land, 5 a Kreis, more a host of
// the earlier per-host layout (reported too, to compare with it). The
// synthetic Germany's Kreise are not the register's: the register's Kreise
// (published so that every real key has its slice) are reported apart.
const named = new Set(JSON.parse(readFileSync(data, "utf8")).bodies.map((b) => b.key));
const slices = readdirSync(join(out, "slices"))
  .filter((f) => f !== "index.json")
  .map((f) => ({ f, raw: statSync(join(out, "slices", f)).size }))
  .sort((a, b) => a.raw - b.raw);
const describe = (name, of) => {
  if (of.length === 0) return;
  const median = of[Math.floor(of.length / 2)];
  const largest = of[of.length - 1];
  const both = (s) => `${s.f} ${kib(s.raw)} raw, ${kib(br(readFileSync(join(out, "slices", s.f))))} brotli`;
  console.log(`${of.length} ${name} slices, ${mib(of.reduce((sum, s) => sum + s.raw, 0))}: median ${both(median)}; largest ${both(largest)}`);
};
describe("Land", slices.filter((s) => s.f.length === "01.json".length));
const kreise = slices.filter((s) => s.f.length === "01060.json".length);
describe("Kreis (of the dataset)", kreise.filter((s) => named.has(s.f.slice(0, 5))));
describe("Kreis (of the register only)", kreise.filter((s) => !named.has(s.f.slice(0, 5))));
describe("host", slices.filter((s) => s.f.length > "01060.json".length));
if (workDir) console.log(`files in ${dir}`);
