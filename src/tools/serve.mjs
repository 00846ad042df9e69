#!/usr/bin/env node
/**
 * Serves the production build (dist/) over plain http on this machine only, with the browser
 * preview at / (dist/preview.html). Used by `npm run preview` (after `npm run build`) and by
 * the browser tests (with --port 0, a random free port).
 *
 *   node src/tools/serve.mjs [--port 3000] [--host localhost] [--dir dist]
 *
 * Prints "SDP Assistant preview: http://host:port/" once listening. Only GET and HEAD; files
 * outside the directory are never served.
 */
import { createServer } from "node:http";
import { createReadStream, existsSync, statSync } from "node:fs";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1] : fallback;
}

const port = Number(option("port", process.env.PORT ?? "3000"));
const host = option("host", "localhost");
const dir = resolve(root, option("dir", "dist"));

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

if (!existsSync(join(dir, "preview.html"))) {
  console.error(`${join(dir, "preview.html")} not found: run \`npm run build\` first.`);
  process.exit(2);
}

const server = createServer((req, res) => {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD" }).end();
    return;
  }
  let path;
  try {
    path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  if (path === "/") path = "/preview.html";
  const file = normalize(join(dir, path));
  if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
    return;
  }
  res.writeHead(200, {
    "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
    "Content-Length": statSync(file).size,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
  });
  if (req.method === "HEAD") res.end();
  else createReadStream(file).pipe(res);
});

server.listen(port, host, () => {
  const address = server.address();
  const shown = host === "127.0.0.1" || host === "localhost" ? host : address.address;
  console.log(`SDP Assistant preview: http://${shown}:${address.port}/`);
  console.log(
    "(the task pane on an in-memory copy of the sample plan; nothing leaves this machine. Ctrl+C to stop.)",
  );
});

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
