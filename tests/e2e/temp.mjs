// Temporary folders of a test or benchmark process (generated pages,
// copies of dist/), removed when the process exits: each test file runs in
// a process of its own, and a run of the suite made a dozen folders.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const made = [];
process.on("exit", () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder `dp-<name>-XXXXXX` in the system's temporary folder. */
export function tempDir(name) {
  const dir = mkdtempSync(join(tmpdir(), `dp-${name}-`));
  made.push(dir);
  return dir;
}
