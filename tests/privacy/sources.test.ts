/**
 * No telemetry, analytics or remote logging in the add-in's own code, and nothing that keeps
 * plan content outside the workbook (browser storage, cookies). Scans src/ and the production
 * dependencies in package.json.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = join(__dirname, "..", "..");

function sources(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.(tsx?|m?js|html)$/.test(name))
      out.push({ file: relative(ROOT, path), text: readFileSync(path, "utf8") });
  }
  return out;
}

/** Build and developer tools run on the developer's machine, never in the add-in. */
const shipped = sources(join(ROOT, "src")).filter((s) => !s.file.startsWith(join("src", "tools")));

const TELEMETRY_PACKAGES =
  /["'](@microsoft\/applicationinsights[\w/-]*|applicationinsights|office-addin-usage-data|@sentry\/[\w/-]+|posthog-js|mixpanel[\w-]*|@segment\/[\w/-]+|analytics|react-ga4?|@datadog\/[\w/-]+|logrocket|@bugsnag\/[\w/-]+|newrelic|@amplitude\/[\w/-]+)["']/;

test("src/ imports no telemetry or analytics package", () => {
  const found = shipped
    .filter((s) => /\b(import|require)\b/.test(s.text) && TELEMETRY_PACKAGES.test(s.text))
    .map((s) => s.file);
  expect(found).toEqual([]);
});

test("package.json's production dependencies hold no telemetry or analytics package", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
  };
  const names = Object.keys(pkg.dependencies ?? {});
  expect(names.filter((n) => TELEMETRY_PACKAGES.test(`"${n}"`))).toEqual([]);
});

test("src/ makes no network call except the preview loading its own sample plan", () => {
  const calls =
    /\bfetch\s*\(|XMLHttpRequest|sendBeacon|\bWebSocket\b|\bEventSource\b|importScripts\s*\(|\bnew\s+Image\s*\(|\bimport\s*\(\s*["'`]https?:/;
  const found: string[] = [];
  for (const s of shipped) {
    s.text.split("\n").forEach((line, i) => {
      if (!calls.test(line)) return;
      // The browser preview fetches assets/sample-plan.xlsx from its own origin (SAMPLE is a relative path).
      if (
        s.file === join("src", "preview", "index.tsx") &&
        /fetch\(SAMPLE\)/.test(line) &&
        /SAMPLE = "assets\/[\w.-]+"/.test(s.text)
      )
        return;
      found.push(`${s.file}:${i + 1}: ${line.trim()}`);
    });
  }
  expect(found).toEqual([]);
});

test("no plan content goes to browser storage, cookies or remote consoles", () => {
  const storage =
    /\b(localStorage|sessionStorage)\s*\.\s*setItem|\bindexedDB\b|document\.cookie\s*=|\bcaches\s*\.\s*open|navigator\.serviceWorker/;
  const found: string[] = [];
  for (const s of shipped) {
    s.text.split("\n").forEach((line, i) => {
      if (storage.test(line)) found.push(`${s.file}:${i + 1}: ${line.trim()}`);
    });
  }
  expect(found).toEqual([]);
  // The one use of storage: a ribbon command leaves the pane a message CODE (a fixed word), never plan content.
  const message = shipped.find((s) => s.file === join("src", "commands", "pane-message.ts"));
  if (message) {
    const writes = [...message.text.matchAll(/\.setItem\(([^)]*)\)/g)].map((m) => m[1]);
    expect(writes).toEqual(["KEY, code"]);
    expect(message.text).toMatch(/export function leavePaneMessage\(code: PaneMessageCode/);
  }
});

test("errors are shown to the user, not sent anywhere: no remote logging endpoints in src/", () => {
  const urls = shipped.flatMap((s) =>
    [...s.text.matchAll(/https?:\/\/[^\s"'`)<>]+/g)].map((m) => `${s.file}: ${m[0]}`),
  );
  const allowed = [
    /https:\/\/appsforoffice\.microsoft\.com\//,
    /https:\/\/localhost(:\d+)?\//,
    /http:\/\/www\.w3\.org\//,
    /http:\/\/schemas\.(openxmlformats\.org|microsoft\.com)\//,
    /https:\/\/learn\.microsoft\.com\//,
    /https:\/\/example\.(org|com)\//,
    /https:\/\/your\.host\//,
  ];
  expect(urls.filter((u) => !allowed.some((a) => a.test(u.slice(u.indexOf(": ") + 2))))).toEqual([]);
});
