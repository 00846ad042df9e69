/**
 * Figure 5, the task pane bundle and its start-up in headless Chromium.
 *
 * Size: the scripts and stylesheets dist/taskpane.html loads before first render (parsed from
 * the built HTML), raw and gzipped (-9). Budget: initial JS <= 150 KB gzipped.
 * Start-up: dist/ served from 127.0.0.1 (node:http, random port); office.js answered from
 * node_modules/@microsoft/office-js/dist with page.route; every other outside request aborted.
 * Times from navigation start (performance.now() in the page): first render (first element in
 * #root), first contentful paint, and interactive = the pane's "Check plan" button visible and
 * enabled. Budget: interactive within 1 s (median of cold loads, fresh browser context each).
 *
 * Outside Excel the pane only says "Open this pane in Excel" (Office.onReady reports no host),
 * so the taskpane run tells the pane that the host is Excel (a few lines appended to the local
 * office.js wrap Office.onReady; nothing else is faked). dist/preview.html, when it exists (the browser preview over the in-memory
 * Excel), is measured as it is.
 *
 * dist/ is used when it is newer than the pane's sources; otherwise the same webpack config is
 * built privately into tests/artifacts/bench/dist (npm run build would clean the shared dist/
 * under other engineers' feet).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { ARTIFACTS } from "./generate-plan";
import { REPO, median, round, writeFigure, type Budget } from "./record";

const BUDGET_JS_GZIP_KB = 150;
const BUDGET_INTERACTIVE_MS = 1000;
const LOADS = 7;
const OFFICE_DIST = path.join(REPO, "node_modules/@microsoft/office-js/dist");
const OFFICE_CDN = /^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/(.*)$/;
const SOURCES = [
  "src/taskpane",
  "src/commands",
  "src/core",
  "src/host",
  "src/app",
  "src/excel",
  "src/memory-excel",
  "src/preview",
  "webpack.config.js",
  "package.json",
  "tsconfig.web.json",
];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

function distDir(notes: string[]): string | null {
  const shared = path.join(REPO, "dist");
  const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(REPO, s))));
  const html = path.join(shared, "taskpane.html");
  if (fs.existsSync(html) && fs.statSync(html).mtimeMs >= sources) {
    notes.push("bundle: dist/ (newer than the pane's sources)");
    return shared;
  }
  const out = path.join(ARTIFACTS, "dist");
  const privateHtml = path.join(out, "taskpane.html");
  if (fs.existsSync(privateHtml) && fs.statSync(privateHtml).mtimeMs >= sources) {
    notes.push("bundle: tests/artifacts/bench/dist (private production build, newer than the sources)");
    return out;
  }
  const r = spawnSync(
    process.execPath,
    [path.join(REPO, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out],
    {
      cwd: REPO,
      encoding: "utf8",
      maxBuffer: 64 * 2 ** 20,
    },
  );
  if (r.status !== 0 || !fs.existsSync(privateHtml)) {
    const errors = (r.stdout + r.stderr)
      .split("\n")
      .filter((l) => /ERROR|error/.test(l))
      .slice(0, 4);
    notes.push(
      `bundle: dist/ missing or stale and the production build failed (exit ${r.status}): ${errors.join(" | ")}`,
    );
    return null;
  }
  notes.push(
    "bundle: dist/ missing or stale, so built privately (webpack --mode production --output-path tests/artifacts/bench/dist, the config of npm run build)",
  );
  return out;
}

interface Asset {
  url: string;
  kind: "js" | "css";
  external: boolean;
  raw: number | null;
  gzip: number | null;
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return m ? (m[2] ?? m[3] ?? m[4] ?? "") : null;
}

/** The scripts and stylesheets an HTML page loads before first render (not modules loaded later). */
function initialAssets(dir: string, htmlFile: string): Asset[] {
  const html = fs.readFileSync(path.join(dir, htmlFile), "utf8");
  const out: Asset[] = [];
  const add = (url: string, kind: "js" | "css") => {
    const external = /^(https?:)?\/\//.test(url);
    let raw: number | null = null;
    let gzip: number | null = null;
    if (!external) {
      const file = path.join(dir, decodeURIComponent(url.replace(/^\.?\//, "").split(/[?#]/)[0]));
      if (fs.existsSync(file)) {
        const bytes = fs.readFileSync(file);
        raw = bytes.length;
        gzip = zlib.gzipSync(bytes, { level: 9 }).length;
      }
    }
    out.push({ url, kind, external, raw, gzip });
  };
  for (const m of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(m[0], "src");
    const type = attr(m[0], "type");
    if (src && type !== "module-preload") add(src, "js");
  }
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(m[0], "rel") ?? "").toLowerCase();
    const href = attr(m[0], "href");
    if (href && rel.split(/\s+/).includes("stylesheet")) add(href, "css");
  }
  return out;
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".xml": "application/xml",
  ".map": "application/json",
};

function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent((req.url ?? "/").split(/[?#]/)[0]).replace(/^\/+/, "");
    const file = path.resolve(dir, rel || "index.html");
    if (!file.startsWith(path.resolve(dir)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Runs in the page before any of its scripts: records first render and when "Check plan" is visible and enabled. */
const PROBE = `(() => {
  const bench = (window.__bench = { firstRender: null, interactive: null, fcp: null, buttonSeen: null, onReady: null, domContentLoaded: null, officeJs: null, paneJs: null });
  document.addEventListener("DOMContentLoaded", () => {
    bench.domContentLoaded = performance.now();
    for (const e of performance.getEntriesByType("resource")) {
      if (/office\\.js$/.test(e.name)) bench.officeJs = e.responseEnd;
      if (/taskpane[^/]*\\.js$|preview[^/]*\\.js$/.test(e.name)) bench.paneJs = e.responseEnd;
    }
  });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === "first-contentful-paint" && bench.fcp === null) bench.fcp = e.startTime;
    }).observe({ type: "paint", buffered: true });
  } catch {}
  const ready = (b) => {
    if (b.disabled || b.getAttribute("aria-disabled") === "true") return false;
    const r = b.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    const s = getComputedStyle(b);
    return s.visibility !== "hidden" && s.display !== "none";
  };
  const look = () => {
    const root = document.getElementById("root");
    if (bench.firstRender === null && root && root.firstElementChild) bench.firstRender = performance.now();
    if (bench.interactive !== null) return;
    for (const b of document.querySelectorAll("button")) {
      const name = (b.getAttribute("aria-label") || b.textContent || "").trim();
      if (name === "Check plan") {
        if (bench.buttonSeen === null) bench.buttonSeen = performance.now();
        if (ready(b)) { bench.interactive = performance.now(); return; }
      }
    }
  };
  const start = () => {
    new MutationObserver(look).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ["disabled", "aria-disabled", "class", "style", "hidden"] });
    const tick = () => { look(); if (bench.interactive === null) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  };
  if (document.documentElement) start(); else document.addEventListener("readystatechange", start, { once: true });
})();`;

/**
 * Appended to the local office.js: records when Office.onReady resolves (both runs) and, for the
 * taskpane run, reports the host as Excel. Nothing else is faked.
 */
function officePatch(emulateExcel: boolean): string {
  return `
;(function () {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return;
  var real = Office.onReady;
  var emulate = ${emulateExcel ? "true" : "false"};
  Office.onReady = function (callback) {
    return real.call(Office).then(function (info) {
      if (window.__bench && window.__bench.onReady === null) window.__bench.onReady = performance.now();
      var out = emulate ? { host: (Office.HostType && Office.HostType.Excel) || "Excel", platform: (info && info.platform) || "OfficeOnline" } : info;
      if (callback) callback(out);
      return out;
    });
  };
})();
`;
}

interface LoadTimes {
  firstRender: number | null;
  fcp: number | null;
  interactive: number | null;
  buttonSeen: number | null;
  onReady: number | null;
  domContentLoaded: number | null;
  officeJs: number | null;
  paneJs: number | null;
  js: string[];
  blocked: string[];
  consoleErrors: string[];
}

test("task pane bundle: initial JS size and time to interactive in headless Chromium", async () => {
  const notes: string[] = [];
  const budgets: Budget[] = [];
  const rows: Record<string, number | string | null>[] = [];
  const dir = distDir(notes);
  if (!dir) {
    budgets.push({
      name: "task pane initial JS (gzip)",
      value: null,
      limit: BUDGET_JS_GZIP_KB,
      unit: "KB",
      note: "no production build",
    });
    budgets.push({
      name: "task pane interactive (Check plan enabled)",
      value: null,
      limit: BUDGET_INTERACTIVE_MS,
      unit: "ms",
      note: "no production build",
    });
    writeFigure({ id: "bundle", title: "Task pane bundle and start-up", rows, budgets, notes });
    return;
  }

  // ---- sizes
  const pages = ["taskpane.html", "preview.html"].filter((p) => fs.existsSync(path.join(dir, p)));
  const initialJsGzip: Record<string, number> = {};
  for (const page of pages) {
    const assets = initialAssets(dir, page);
    for (const a of assets) {
      rows.push({
        page,
        asset: a.url,
        "raw KB": a.raw === null ? null : round(a.raw / 1024, 1),
        "gzip KB": a.gzip === null ? null : round(a.gzip / 1024, 1),
        note: a.external
          ? "external (Office CDN; not our bundle)"
          : a.raw === null
            ? "missing file"
            : `${a.kind.toUpperCase()} loaded before first render`,
      });
    }
    const js = assets.filter((a) => a.kind === "js" && !a.external);
    const css = assets.filter((a) => a.kind === "css" && !a.external);
    const sum = (xs: Asset[], k: "raw" | "gzip") => xs.reduce((s, a) => s + (a[k] ?? 0), 0);
    initialJsGzip[page] = sum(js, "gzip") / 1024;
    rows.push({
      page,
      asset: "TOTAL initial JS",
      "raw KB": round(sum(js, "raw") / 1024, 1),
      "gzip KB": round(sum(js, "gzip") / 1024, 1),
      note: `${js.length} file(s)`,
    });
    if (css.length)
      rows.push({
        page,
        asset: "TOTAL initial CSS",
        "raw KB": round(sum(css, "raw") / 1024, 1),
        "gzip KB": round(sum(css, "gzip") / 1024, 1),
        note: `${css.length} file(s)`,
      });
  }
  // every other JS file in the build: loaded later (lazy views), or by other pages
  const initialFiles = new Set(
    pages.flatMap((p) => initialAssets(dir, p).map((a) => a.url.replace(/^\.?\//, ""))),
  );
  const later = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".js") && !initialFiles.has(f))
    .map((f) => {
      const bytes = fs.readFileSync(path.join(dir, f));
      return `${f} ${round(bytes.length / 1024, 1)} KB (${round(zlib.gzipSync(bytes, { level: 9 }).length / 1024, 1)} KB gz)`;
    });
  if (later.length) notes.push(`other JS in the build (lazy chunks, commands page): ${later.join("; ")}`);
  budgets.push({
    name: "task pane initial JS (gzip)",
    value: initialJsGzip["taskpane.html"] === undefined ? null : round(initialJsGzip["taskpane.html"], 1),
    limit: BUDGET_JS_GZIP_KB,
    unit: "KB",
    note: "scripts dist/taskpane.html loads before first render, gzip -9, office.js excluded",
  });

  // ---- start-up in headless Chromium
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  const server = await serve(dir);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const load = async (page: string, emulateExcel: boolean): Promise<LoadTimes> => {
    const context = await browser.newContext({ viewport: { width: 350, height: 800 } }); // a task pane's width
    const blocked: string[] = [];
    const js: string[] = [];
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (url.startsWith(origin)) return route.continue();
      const cdn = OFFICE_CDN.exec(url);
      if (cdn) {
        const file = path.join(OFFICE_DIST, cdn[1].split(/[?#]/)[0]);
        if (file.startsWith(OFFICE_DIST) && fs.existsSync(file) && fs.statSync(file).isFile()) {
          let body = fs.readFileSync(file);
          if (cdn[1] === "office.js") body = Buffer.concat([body, Buffer.from(officePatch(emulateExcel))]);
          return route.fulfill({
            status: 200,
            contentType: CONTENT_TYPES[path.extname(file)] ?? "text/plain",
            body,
          });
        }
      }
      if (url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    await context.addInitScript({ content: PROBE });
    const p = await context.newPage();
    const consoleErrors: string[] = [];
    p.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text().slice(0, 200));
    });
    p.on("pageerror", (e) => consoleErrors.push(`pageerror: ${e.message.slice(0, 200)}`));
    p.on("request", (r) => {
      if (r.resourceType() === "script") js.push(r.url().replace(origin, ""));
    });
    await p.goto(`${origin}/${page}`, { waitUntil: "load" });
    try {
      await p.waitForFunction(
        () => (window as unknown as { __bench: { interactive: number | null } }).__bench.interactive !== null,
        undefined,
        { timeout: 10000 },
      );
    } catch {
      /* recorded as null */
    }
    const t = (await p.evaluate(() => (window as unknown as { __bench: unknown }).__bench)) as Omit<
      LoadTimes,
      "js" | "blocked" | "consoleErrors"
    >;
    await context.close();
    return { ...t, js, blocked, consoleErrors };
  };

  const runs: { page: string; label: string; emulate: boolean }[] = [
    { page: "taskpane.html", label: "taskpane.html (onReady says Excel)", emulate: true },
  ];
  runs.push({
    page: "taskpane.html",
    label: "taskpane.html (plain browser: 'Open in Excel' message)",
    emulate: false,
  });
  if (pages.includes("preview.html"))
    runs.push({ page: "preview.html", label: "preview.html (in-memory Excel)", emulate: false });
  const interactiveOf: Record<string, number | null> = {};
  try {
    for (const run of runs) {
      await load(run.page, run.emulate); // warm-up (browser process, disk cache of the server files)
      const loads: LoadTimes[] = [];
      for (let k = 0; k < LOADS; k++) loads.push(await load(run.page, run.emulate));
      const med = (
        k:
          | "firstRender"
          | "fcp"
          | "interactive"
          | "buttonSeen"
          | "onReady"
          | "domContentLoaded"
          | "officeJs"
          | "paneJs",
      ) => {
        const xs = loads.map((l) => l[k]).filter((x): x is number => typeof x === "number");
        return xs.length === loads.length ? median(xs) : null;
      };
      interactiveOf[run.label] = med("interactive");
      rows.push({
        "start-up (headless Chromium)": run.label,
        "office.js in ms": round(med("officeJs"), 0),
        "pane JS in ms": round(med("paneJs"), 0),
        "DOMContentLoaded ms": round(med("domContentLoaded"), 0),
        "Office.onReady ms": round(med("onReady"), 0),
        "first render ms": round(med("firstRender"), 0),
        "FCP ms": round(med("fcp"), 0),
        "Check plan visible ms": round(med("buttonSeen"), 0),
        "interactive ms": round(med("interactive"), 0),
        loads: LOADS,
      });
      const last = loads[loads.length - 1];
      notes.push(
        `${run.label}: scripts requested ${last.js.join(", ")}${last.blocked.length ? `; blocked outside requests: ${[...new Set(last.blocked)].join(", ")}` : "; no outside request"}`,
      );
      const errors = [...new Set(loads.flatMap((l) => l.consoleErrors))];
      if (errors.length) notes.push(`${run.label}: console errors: ${errors.slice(0, 4).join(" | ")}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  const paneInteractive = interactiveOf["taskpane.html (onReady says Excel)"];
  budgets.push({
    name: "task pane interactive (Check plan enabled)",
    value: round(paneInteractive ?? null, 0),
    limit: BUDGET_INTERACTIVE_MS,
    unit: "ms",
    note:
      paneInteractive === null
        ? "the Check plan button never became visible and enabled within 10 s"
        : `median of ${LOADS} cold loads of taskpane.html, navigation start -> Check plan visible and enabled`,
  });
  if (pages.includes("preview.html")) {
    const v = interactiveOf["preview.html (in-memory Excel)"];
    budgets.push({
      name: "preview interactive (Check plan enabled)",
      value: round(v ?? null, 0),
      limit: BUDGET_INTERACTIVE_MS,
      unit: "ms",
      note: `median of ${LOADS} cold loads of preview.html`,
    });
  } else {
    notes.push("dist/preview.html does not exist in this build: the browser preview was not measured");
  }
  writeFigure({ id: "bundle", title: "Task pane bundle and start-up", rows, budgets, notes });
});
