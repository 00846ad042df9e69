#!/usr/bin/env node
/**
 * Prints the raw and gzipped sizes of the scripts and styles dist/taskpane.html loads before
 * the first render (its own <script>/<link> tags, not the lazy chunks), and exits 1 when the
 * gzipped total is above the budget. Run after `npm run build`: `npm run size`.
 */
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const BUDGET_KB = 150;
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const dist = join(root, "dist");
const page = join(dist, "taskpane.html");

if (!existsSync(page)) {
  console.error("dist/taskpane.html not found: run `npm run build` first.");
  process.exit(2);
}

const html = readFileSync(page, "utf8");
const local = (url) => !/^(https?:)?\/\//.test(url);
// The built page is minified: attribute values may be quoted or not.
const attr = (tag, name) =>
  new RegExp(`\\s${name}=(?:"([^"]+)"|'([^']+)'|([^\\s>]+))`).exec(tag)?.slice(1).find(Boolean);
const tags = (name) => [...html.matchAll(new RegExp(`<${name}\\b[^>]*>`, "g"))].map((m) => m[0]);
const scripts = tags("script")
  .map((t) => attr(t, "src"))
  .filter((u) => u && local(u));
const styles = tags("link")
  .filter((t) => /\brel=["']?stylesheet/.test(t))
  .map((t) => attr(t, "href"))
  .filter((u) => u && local(u));

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let rawTotal = 0;
let gzipTotal = 0;
const rows = [];
for (const file of [...scripts, ...styles]) {
  const body = readFileSync(join(dist, file.replace(/^\.?\//, "")));
  const gz = gzipSync(body, { level: 9 }).length;
  rawTotal += body.length;
  gzipTotal += gz;
  rows.push([file, kb(body.length), kb(gz)]);
}

console.log("Loaded by taskpane.html before the first render:");
for (const [file, raw, gz] of rows)
  console.log(`  ${file.padEnd(40)} ${raw.padStart(10)} raw ${gz.padStart(10)} gzip`);
console.log(
  `  ${"total".padEnd(40)} ${kb(rawTotal).padStart(10)} raw ${kb(gzipTotal).padStart(10)} gzip (budget ${BUDGET_KB} KB gzip)`,
);

const lazy = readdirSync(dist).filter((f) => f.endsWith(".js") && !scripts.some((s) => s.endsWith(f)));
if (lazy.length) console.log(`Loaded later or by other pages: ${lazy.join(", ")}`);

if (gzipTotal > BUDGET_KB * 1024) {
  console.error(
    `Over budget: ${kb(gzipTotal)} gzip > ${BUDGET_KB} KB. Lazy-load what the first view does not need.`,
  );
  process.exit(1);
}
