/**
 * Plan data never leaves the machine: the production bundle (dist/, built here when missing)
 * makes no call to any origin but its own and appsforoffice.microsoft.com, and every page it
 * serves carries a strict Content-Security-Policy.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = join(__dirname, "..", "..");
const DIST = join(ROOT, "dist");
const OFFICE = "appsforoffice.microsoft.com";

/**
 * URL literals allowed in the bundle, and why: none of them is ever requested. Each is an XML
 * namespace, a spec, or a link inside an error message or licence banner of a library.
 */
const HARMLESS_URLS: { pattern: RegExp; reason: string }[] = [
  {
    pattern: /^http:\/\/www\.w3\.org\//,
    reason:
      "XML / SVG / XHTML namespaces (exceljs writes them into .xlsx parts; React uses the SVG and MathML namespaces)",
  },
  {
    pattern: /^http:\/\/schemas\.openxmlformats\.org\//,
    reason: "Office Open XML namespaces and relationship types (exceljs)",
  },
  { pattern: /^http:\/\/schemas\.microsoft\.com\//, reason: "Office XML namespaces (exceljs: x14ac, mc, …)" },
  { pattern: /^http:\/\/purl\.org\/dc\//, reason: "Dublin Core namespaces of docProps/core.xml (exceljs)" },
  {
    pattern: /^https:\/\/react\.dev\/errors\//,
    reason: "React's production error decoder link, only inside error messages",
  },
  {
    pattern: /^https:\/\/reactjs\.org\/docs\/error-decoder/,
    reason: "older React error decoder link, only inside error messages",
  },
  {
    pattern: /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+(\/|#|$)/,
    reason:
      "library error messages and licence fields pointing at their repositories (date-fns, exceljs, core-js, uuid …)",
  },
  {
    pattern: /^https:\/\/stuk\.github\.io\/jszip\/documentation\//,
    reason: "JSZip error message pointing at its documentation",
  },
  { pattern: /^https:\/\/appsforoffice\.microsoft\.com\//, reason: "Office.js itself, loaded by Excel" },
];

function filesUnder(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, ext));
    else if (ext.test(name)) out.push(path);
  }
  return out;
}

let js: { file: string; text: string }[] = [];
let html: { file: string; text: string }[] = [];

beforeAll(() => {
  const built =
    existsSync(DIST) &&
    readdirSync(DIST).some((n) => n.endsWith(".html")) &&
    readdirSync(DIST).some((n) => n.endsWith(".js"));
  if (!built)
    execFileSync(
      process.execPath,
      [join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production"],
      { cwd: ROOT, stdio: "pipe" },
    );
  js = filesUnder(DIST, /\.(m?js)$/).map((file) => ({
    file: relative(ROOT, file),
    text: readFileSync(file, "utf8"),
  }));
  html = filesUnder(DIST, /\.html?$/).map((file) => ({
    file: relative(ROOT, file),
    text: readFileSync(file, "utf8"),
  }));
}, 600_000);

function around(text: string, index: number, width = 80): string {
  return text.slice(Math.max(0, index - width), index + width).replace(/\s+/g, " ");
}

test("the bundle was found: pages and scripts", () => {
  expect(html.map((h) => h.file)).toEqual(
    expect.arrayContaining([join("dist", "taskpane.html"), join("dist", "preview.html")]),
  );
  expect(js.length).toBeGreaterThan(0);
});

test("no script calls XMLHttpRequest, sendBeacon, WebSocket, EventSource or importScripts(…)", () => {
  const found: string[] = [];
  for (const { file, text } of js) {
    for (const pattern of [
      /XMLHttpRequest/g,
      /sendBeacon/g,
      /\bWebSocket\b/g,
      /\bEventSource\b/g,
      /importScripts\s*\(/g,
    ]) {
      for (const m of text.matchAll(pattern)) found.push(`${file}: ${around(text, m.index ?? 0)}`);
    }
  }
  expect(found).toEqual([]);
});

test("fetch( and import( only ever load the add-in's own files (relative paths)", () => {
  const found: string[] = [];
  for (const { file, text } of js) {
    for (const m of text.matchAll(/\bfetch\s*\(\s*([^)]{0,120})/g)) {
      const arg = m[1] ?? "";
      const literal = /^["'`]([^"'`]*)["'`]/.exec(arg);
      // A literal relative path (no scheme, no //) is the add-in's own origin; a variable is checked below.
      if (literal && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(literal[1] ?? "")) continue;
      // The preview's sample plan: fetch(SAMPLE) where SAMPLE = "assets/sample-plan.xlsx", minified to a literal or a name.
      if (
        !literal &&
        /sample-plan\.xlsx/.test(around(text, m.index ?? 0, 400)) &&
        !/https?:\/\//.test(around(text, m.index ?? 0, 400))
      )
        continue;
      found.push(`${file}: ${around(text, m.index ?? 0)}`);
    }
    for (const m of text.matchAll(/\bimport\s*\(\s*["'`]((?:https?:)?\/\/[^"'`]*)/g))
      found.push(`${file}: import(${m[1]})`);
  }
  expect(found).toEqual([]);
});

test("every http(s) URL in the scripts is Office.js or a harmless namespace / spec / licence link", () => {
  const unknown = new Set<string>();
  for (const { file, text } of js) {
    for (const m of text.matchAll(/https?:\/\/[^\s"'`<>\\)]+/g)) {
      const url = m[0];
      if (!HARMLESS_URLS.some((h) => h.pattern.test(url))) unknown.add(`${file}: ${url}`);
    }
  }
  expect([...unknown]).toEqual([]);
  // Every allow-list entry states its reason.
  for (const h of HARMLESS_URLS) expect(h.reason.length).toBeGreaterThan(10);
});

test("pages load scripts, styles and frames only from the add-in itself or Office.js", () => {
  const found: string[] = [];
  for (const { file, text } of html) {
    for (const m of text.matchAll(
      /<(script|link|iframe|img|frame|embed|object)\b[^>]*\b(?:src|href|data)\s*=\s*["']?([^"'\s>]+)/gi,
    )) {
      const url = m[2] ?? "";
      const external = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(url);
      if (
        external &&
        !(url.startsWith(`https://${OFFICE}/`) && m[1]?.toLowerCase() === "script") &&
        !url.startsWith("data:")
      )
        found.push(`${file}: <${m[1]} ${url}>`);
    }
  }
  expect(found).toEqual([]);
});

/** The CSP directives of a page's meta tag, or null. */
function cspOf(page: string): Map<string, string[]> | null {
  const meta = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content=(?:"([^"]*)"|'([^']*)')/i.exec(
    page,
  );
  if (!meta) return null;
  const policy = meta[1] ?? meta[2] ?? "";
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map((parts) => [parts[0].toLowerCase(), parts.slice(1)]),
  );
}

test("every page has a strict Content-Security-Policy meta", () => {
  expect(html.length).toBeGreaterThan(0);
  for (const { file, text } of html) {
    const csp = cspOf(text);
    expect({ file, hasCsp: csp !== null }).toEqual({ file, hasCsp: true });
    if (!csp) continue;
    expect({ file, "default-src": csp.get("default-src") }).toEqual({ file, "default-src": ["'self'"] });
    for (const [name, values] of csp)
      expect({
        file,
        name,
        unsafeEval: values.includes("'unsafe-eval'") || values.includes("'wasm-unsafe-eval'"),
      }).toEqual({ file, name, unsafeEval: false });
    const scripts = csp.get("script-src") ?? csp.get("default-src") ?? [];
    expect({ file, scripts: scripts.filter((s) => s !== "'self'" && s !== `https://${OFFICE}`) }).toEqual({
      file,
      scripts: [],
    });
    expect({ file, scripts: scripts.includes("'unsafe-inline'") }).toEqual({ file, scripts: false });
    expect({ file, "connect-src": csp.get("connect-src") ?? csp.get("default-src") }).toEqual({
      file,
      "connect-src": ["'self'"],
    });
    // Nothing else may name another origin either (images, fonts, frames …).
    for (const [name, values] of csp) {
      const origins = values.filter((v) => /^(https?:|wss?:|\*|\/\/)/i.test(v) && v !== `https://${OFFICE}`);
      expect({ file, name, origins }).toEqual({ file, name, origins: [] });
    }
  }
});

test("no inline script on any page (the CSP would block it; and nothing to smuggle data out)", () => {
  for (const { file, text } of html) {
    const inline = [...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(
      (m) => !/\bsrc\s*=/.test(m[1] ?? "") && (m[2] ?? "").trim() !== "",
    );
    expect({ file, inline: inline.map((m) => (m[2] ?? "").slice(0, 60)) }).toEqual({ file, inline: [] });
  }
});
