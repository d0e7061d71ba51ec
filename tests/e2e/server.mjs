// A small static HTTP server for the end-to-end tests: the built release
// bundle under /widget/, the test host pages under /host/. Real HTTP, real
// MIME types (application/wasm), compressed like a production server would.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { brotliCompressSync } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
};

/**
 * Starts a server. `mounts` maps a URL prefix ("/widget/") to a directory;
 * `headers` maps a prefix to extra response headers (e.g. a
 * Content-Security-Policy for the pages under it).
 * Returns { url, requests, down, close } where `requests` lists every path
 * served and `down` is a set of prefixes whose connections break.
 */
export async function serve(mounts, headers = {}) {
  const requests = [];
  const failedOnce = new Set();
  const down = new Set();
  // Compressed once per file, as a production server with precompressed
  // assets (or a cache) would: brotli at quality 11 costs ~1 s per request
  // on a 300 KB wasm, which would otherwise be measured as download time.
  const compressed = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    requests.push(path);
    // A server that never answers, for the timeout tests.
    if (path.startsWith("/never/")) return;
    // A connection that breaks (a network error), for paths under a
    // prefix in `down` (the tests add and remove them).
    if ([...down].some((prefix) => path.startsWith(prefix))) {
      req.socket.destroy();
      return;
    }
    // A server error of the status in the path: /status/500/...
    const status = /^\/status\/(\d{3})\//.exec(path);
    if (status) {
      res.writeHead(Number(status[1]), { "content-type": "text/plain" }).end("error");
      return;
    }
    // A server that fails once per file (503), then serves it, for the retry tests.
    if (path.startsWith("/flaky/") && !failedOnce.has(path)) {
      failedOnce.add(path);
      res.writeHead(503).end("try again");
      return;
    }
    const prefix = Object.keys(mounts).find((p) => path.startsWith(p));
    if (!prefix) {
      res.writeHead(404).end("not found");
      return;
    }
    const rel = normalize(path.slice(prefix.length));
    if (rel.startsWith("..")) {
      res.writeHead(403).end();
      return;
    }
    try {
      let body = await readFile(join(mounts[prefix], rel));
      const extra = headers[prefix] ?? {};
      const head = { "content-type": TYPES[extname(rel)] ?? "application/octet-stream", "cache-control": "no-cache", ...extra };
      if (/\bbr\b/.test(req.headers["accept-encoding"] ?? "")) {
        const key = join(mounts[prefix], rel);
        const cached = compressed.get(key);
        if (!cached || !cached.source.equals(body)) {
          compressed.set(key, { source: body, br: brotliCompressSync(body) });
        }
        body = compressed.get(key).br;
        head["content-encoding"] = "br";
      }
      res.writeHead(200, head).end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    down,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
