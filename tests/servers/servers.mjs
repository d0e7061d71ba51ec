// Debian's nginx, Apache (with mod_php) and MariaDB, each started by the
// test itself on a loopback port, as the current user, with the
// repository's configuration files, in a temporary folder of its own; and
// stopped again. Nothing here relies on a running service (CI has none).
import { spawn, execFile } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, connect } from "node:net";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST = join(ROOT, "dist");
const run = promisify(execFile);
// Run as root (CI), the servers' workers drop to www-data, as Debian's own
// services do; as anyone else they run as that user.
const ROOT_USER = process.getuid() === 0;

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A temporary folder the servers' workers (www-data) can read. */
export function scratch(name) {
  const dir = mkdtempSync(join(tmpdir(), `dp-${name}-`));
  chmodSync(dir, 0o755);
  return dir;
}

/**
 * A copy of dist/ in a folder the servers' workers can read: the checkout
 * itself may lie where www-data cannot enter (a home folder). One per run.
 */
let published;
export function publishedDist() {
  if (!published) {
    published = join(scratch("dist"), "dist");
    cpSync(DIST, published, { recursive: true });
    process.on("exit", () => rmSync(dirname(published), { recursive: true, force: true }));
  }
  return published;
}

/** Waits until `check()` is true, at most `ms`; `what` names it in the error. */
async function until(check, what, ms = 20000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what}: not ready after ${ms} ms`);
}

const listening = (port) =>
  new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });

/**
 * Starts `command` in the foreground of a child process; resolves once
 * `ready()` holds. Returns { stop, log } where log() reads `logFile`.
 */
async function daemon(name, command, args, ready, logFile) {
  // A process group of its own: Apache signals its whole group on shutdown.
  const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"], detached: true });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  let exited = null;
  child.on("exit", (code) => (exited = code));
  try {
    await until(async () => {
      if (exited !== null) throw new Error(`${name} exited (${exited}): ${stderr}${logFile && existsSync(logFile) ? readFileSync(logFile, "utf8") : ""}`);
      return ready();
    }, name);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    log: () => (logFile && existsSync(logFile) ? readFileSync(logFile, "utf8") : "") + stderr,
    stop: () =>
      new Promise((resolve) => {
        if (exited !== null) return resolve();
        child.on("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/**
 * nginx serving `dist/` as /partnerschaften/ with docs/nginx-partnerschaften.conf
 * included as it stands, inside a server { } of the test's own nginx.conf.
 */
export async function startNginx() {
  const dir = scratch("nginx");
  const port = await freePort();
  mkdirSync(join(dir, "www"));
  symlinkSync(publishedDist(), join(dir, "www", "partnerschaften"));
  const conf = join(dir, "nginx.conf");
  writeFileSync(
    conf,
    `${ROOT_USER ? "user www-data;" : ""}
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
include /etc/nginx/modules-enabled/*.conf;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log ${dir}/access.log;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    server {
        listen 127.0.0.1:${port};
        root ${dir}/www;
        include ${ROOT}/docs/nginx-partnerschaften.conf;
    }
}
`,
  );
  const server = await daemon("nginx", "/usr/sbin/nginx", ["-e", `${dir}/error.log`, "-c", conf], () => listening(port), `${dir}/error.log`);
  return {
    url: `http://127.0.0.1:${port}`,
    accessLog: () => readLines(join(dir, "access.log")),
    log: server.log,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const readLines = (file) => (existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : []);

/**
 * Apache 2.4 (prefork, so mod_php can run) on one loopback port per entry
 * of `sites`: { name: (url) => "lines of its <VirtualHost>" }. Every site gets
 * docs/apache-partnerschaften.conf as it stands, and /partnerschaften/
 * serves (a copy of) dist/. Returns { urls: { name: url }, accessLog, log, stop }.
 */
export async function startApache(sites, { php = false } = {}) {
  const dir = scratch("apache");
  const ports = {};
  for (const name of Object.keys(sites)) ports[name] = await freePort();
  const modules = ["mpm_prefork", "authz_core", "mime", "headers", "deflate", "filter", "brotli", "alias", "dir", "env", "setenvif", "rewrite"];
  const load = modules.map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`);
  if (php) load.push("LoadModule php_module /usr/lib/apache2/modules/libphp8.2.so");
  const conf = join(dir, "apache2.conf");
  writeFileSync(
    conf,
    `${load.join("\n")}
ServerName 127.0.0.1
ServerRoot ${dir}
DefaultRuntimeDir ${dir}
PidFile ${dir}/apache2.pid
Mutex file:${dir} default
ErrorLog ${dir}/error.log
LogFormat "%m %U%q %>s %{Content-Encoding}o" plain
CustomLog ${dir}/access.log plain
${ROOT_USER ? "User www-data\nGroup www-data" : ""}
StartServers 2
MinSpareServers 2
MaxSpareServers 4
MaxRequestWorkers 8
TypesConfig /etc/mime.types
DirectoryIndex index.php index.html
<Directory />
    Options FollowSymLinks
    AllowOverride None
    Require all denied
</Directory>
<Directory "${publishedDist()}">
    Require all granted
</Directory>
<FilesMatch ".+\\.php$">
    SetHandler application/x-httpd-php
</FilesMatch>
Include ${ROOT}/docs/apache-partnerschaften.conf
${Object.entries(sites)
  .map(
    ([name, lines]) => `Listen 127.0.0.1:${ports[name]}
<VirtualHost 127.0.0.1:${ports[name]}>
    Alias /partnerschaften/ "${publishedDist()}/"
${lines(`http://127.0.0.1:${ports[name]}`)}
</VirtualHost>`,
  )
  .join("\n")}
`,
  );
  const first = Object.values(ports)[0];
  const ready = async () => {
    for (const port of Object.values(ports)) if (!(await listening(port))) return false;
    return true;
  };
  const server = await daemon("apache2", "/usr/sbin/apache2", ["-f", conf, "-DFOREGROUND"], ready, `${dir}/error.log`);
  const urls = Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, `http://127.0.0.1:${port}`]));
  return {
    urls,
    url: `http://127.0.0.1:${first}`,
    dir,
    accessLog: () => readLines(join(dir, "access.log")),
    log: server.log,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * MariaDB on a socket only (no TCP port), with a fresh data folder and an
 * empty database `name`. Returns { socket, stop }.
 */
export async function startMariaDB(name) {
  const dir = scratch("mariadb");
  const user = ROOT_USER ? "root" : process.env.USER ?? "nobody";
  await run("mariadb-install-db", [
    "--no-defaults",
    `--datadir=${dir}/data`,
    `--user=${user}`,
    "--auth-root-authentication-method=normal",
    "--skip-test-db",
  ]);
  const socket = join(dir, "mysqld.sock");
  const server = await daemon(
    "mariadbd",
    "/usr/sbin/mariadbd",
    [
      "--no-defaults",
      `--datadir=${dir}/data`,
      `--socket=${socket}`,
      `--pid-file=${dir}/mysqld.pid`,
      `--log-error=${dir}/error.log`,
      `--user=${user}`,
      "--skip-networking",
      "--skip-log-bin",
      "--innodb-flush-log-at-trx-commit=0",
      "--innodb-buffer-pool-size=64M",
    ],
    () => existsSync(socket),
    `${dir}/error.log`,
  );
  // Apache's workers (www-data) connect through the socket.
  chmodSync(socket, 0o777);
  await run("mariadb", ["--no-defaults", `--socket=${socket}`, "-uroot", "-e", `CREATE DATABASE ${name} CHARACTER SET utf8mb4`]);
  return {
    socket,
    log: server.log,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * One GET over plain HTTP with exactly the given request headers (fetch()
 * would add its own Accept-Encoding and decode): { status, headers, bytes }.
 */
export function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, bytes: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}
