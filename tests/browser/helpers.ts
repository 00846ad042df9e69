/**
 * Shared by the browser tests: serve dist/ with src/tools/serve.mjs on 127.0.0.1 (random port),
 * launch Debian's chromium, open the preview with every request to another origin blocked and
 * recorded (and every console error, page error and CSP violation recorded), and screenshots.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { checkPlan, type CheckOptions, type PlanResult } from "../../src/core";
import { parseSettings } from "../../src/core/settings";
import { checkOptions } from "../../src/app/options";
import { readXlsx } from "../../src/xlsx";

const ROOT = join(__dirname, "..", "..");
export const SAMPLE = join(ROOT, "assets", "sample-plan.xlsx");
export const FIXTURE = join(ROOT, "tests", "fixtures", "sdp-2022-23.xlsx");
export const SCREENSHOTS = join(ROOT, "tests", "artifacts", "screenshots");

export interface Served {
  url: string;
  origin: string;
  close(): Promise<void>;
}

/** Starts `node src/tools/serve.mjs --port 0 --host 127.0.0.1` and waits for the URL it prints. */
export function serveDist(): Promise<Served> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      [join(ROOT, "src", "tools", "serve.mjs"), "--port", "0", "--host", "127.0.0.1"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    const timer = setTimeout(() => reject(new Error(`serve.mjs did not start: ${out}`)), 15_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        const url = m[1];
        resolve({
          url,
          origin: new URL(url).origin,
          close: () =>
            new Promise<void>((done) => {
              child.once("exit", () => done());
              child.kill("SIGTERM");
            }),
        });
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.mjs exited (${code}): ${out}`));
    });
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export interface PreviewPage {
  context: BrowserContext;
  page: Page;
  /** Requests to any origin but the server's (blocked). */
  foreign: string[];
  /** Paths requested from the server, in order ("/preview.html" is "/"). */
  requests: string[];
  /** Console errors, page errors and CSP violations. */
  problems: string[];
}

/** A fresh context and page on the preview, ready when the pane's Check plan button and the grid's tabs show. */
export async function openPreview(
  browser: Browser,
  served: Served,
  options: { forcedColors?: boolean } = {},
): Promise<PreviewPage> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
    locale: "en-GB",
    timezoneId: "Europe/London",
  });
  const foreign: string[] = [];
  const problems: string[] = [];
  const requests: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(served.origin + "/")) {
      requests.push(new URL(url).pathname);
      await route.continue();
    } else {
      foreign.push(url);
      await route.abort("blockedbyclient");
    }
  });
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  if (options.forcedColors) await page.emulateMedia({ forcedColors: "active" });
  await page.goto(served.url);
  await page.getByRole("button", { name: "Check plan" }).waitFor();
  await page.getByRole("tab", { name: "Early Help" }).waitFor();
  return { context, page, foreign, requests, problems };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** The grid's table cell at an address ("G8") on the tab it shows. */
export function gridCell(page: Page, address: string): Locator {
  return page.locator(`table.sheet-table td[data-address="${address}"]`);
}

/** What the engine finds on an .xlsx file, with its stored settings, judged on `today` when they set no date. */
export async function engineResult(
  file: string | Uint8Array,
  today: string,
): Promise<PlanResult & { settingsAsOf: string | null }> {
  const bytes = typeof file === "string" ? readFileSync(file) : file;
  const read = await readXlsx(bytes);
  const { settings } = parseSettings(read.settings);
  const options: CheckOptions = checkOptions(settings, today);
  return { ...checkPlan(read.grid, options), settingsAsOf: settings.asOf };
}

export interface ExpectedFixture {
  asOf: string;
  dueSoonDays: number;
  skippedSheets: string[];
  sheets: {
    name: string;
    actions: { row: number; status: string }[];
    findings?: { rule: string; cell: string }[];
  }[];
}

export function expectedFixture(): ExpectedFixture {
  return JSON.parse(
    readFileSync(join(ROOT, "tests", "fixtures", "sdp-2022-23.expected.json"), "utf8"),
  ) as ExpectedFixture;
}

/** Today on this machine as YYYY-MM-DD (the pane's own clock, taskpane/clock). */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/** Waits until `read()` gives a value `ok` accepts (the page updates asynchronously); returns it, or throws with the last value. */
export async function until<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`Timed out waiting; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}
