/** sdp-check end to end (built, run as a child process): exit codes, one-line errors, flags, settings, the text report. */
import { Workbook } from "exceljs";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addDays } from "../../src/core/dates";
import { DEFAULT_LEGEND } from "../../src/core/rating";
import { STORAGE_SHEET, storageRows } from "../../src/core/storage-layout";
import { EXPECTED, FIXTURE, buildCli, runCli, runJson, type JsonReport } from "./helpers";

const expected = JSON.parse(readFileSync(EXPECTED, "utf8")) as JsonReport;
let dir: string;

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

function oleFile(stream: string): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  bytes.set(
    [...stream].flatMap((ch) => [ch.charCodeAt(0), 0]),
    1024,
  );
  return bytes;
}

/** The fixture with the add-in's storage tab holding these settings. */
async function fixtureWithSettings(name: string, settings: unknown): Promise<string> {
  const wb = new Workbook();
  await wb.xlsx.readFile(FIXTURE);
  const store = wb.addWorksheet(STORAGE_SHEET, { state: "veryHidden" });
  storageRows({ settings }).forEach((row, i) =>
    row.forEach((cell, j) => (store.getCell(i + 1, j + 1).value = cell)),
  );
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "sdp-check-"));
  buildCli("cli-behaviour");
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectOneLineFailure(args: string[], pattern: RegExp): void {
  const run = runCli(args);
  expect({ args, status: run.status }).toEqual({ args, status: 2 });
  expect(run.stdout).toBe("");
  expect(run.stderr.endsWith("\n")).toBe(true);
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).toMatch(pattern);
}

describe("files sdp-check cannot read: exit 2, one line on stderr", () => {
  it("a missing file", () => expectOneLineFailure([join(dir, "nope.xlsx")], /No such file: .*nope\.xlsx/));
  it("a folder with no workbook in it (a folder is a batch: see batch.test.ts)", () => {
    const empty = mkdtempSync(join(dir, "empty-"));
    expectOneLineFailure([empty], /No \.xlsx or \.xlsm workbooks in the folder .*empty-/);
  });
  it("an empty file", () => expectOneLineFailure([file("empty.xlsx", new Uint8Array(0))], /empty/));
  it("a password-protected workbook", () =>
    expectOneLineFailure([file("locked.xlsx", oleFile("EncryptedPackage"))], /password-protected/));
  it("an old .xls workbook", () => expectOneLineFailure([file("old.xls", oleFile("Workbook"))], /\.xls\b/));
  it("a CSV renamed .xlsx", () =>
    expectOneLineFailure([file("plan.xlsx", "Why?,Who?\na,b\n")], /not an \.xlsx workbook/));
  it("a truncated workbook", () => {
    const whole = readFileSync(FIXTURE);
    expectOneLineFailure(
      [file("cut.xlsx", whole.subarray(0, Math.floor(whole.length / 2)))],
      /damaged or incomplete/,
    );
  });
  const unreadable = typeof process.getuid === "function" && process.getuid() === 0 ? it.skip : it;
  unreadable("a file without read permission (skipped when run as root, who can read anything)", () => {
    const path = file("secret.xlsx", readFileSync(FIXTURE));
    chmodSync(path, 0o000);
    expectOneLineFailure([path], /permission denied/);
  });
});

describe("bad command lines: exit 2, one line on stderr", () => {
  const cases: [string, string[], RegExp][] = [
    ["an unknown flag", [FIXTURE, "--bogus"], /unknown option --bogus/],
    ["an impossible date", [FIXTURE, "--as-of", "2022-02-30"], /--as-of must be a real date/],
    ["a UK-style date", [FIXTURE, "--as-of", "15/07/2022"], /YYYY-MM-DD/],
    ["--as-of without a value", [FIXTURE, "--as-of"], /--as-of needs a value/],
    ["a negative window", [FIXTURE, "--due-soon-days", "-1"], /whole number of days/],
    ["a fractional window", [FIXTURE, "--due-soon-days", "1.5"], /whole number of days/],
    ["a window that is not a number", [FIXTURE, "--due-soon-days=soon"], /whole number of days/],
    ["no workbook", ["--json"], /no workbook given/],
    ["--json with another format", [FIXTURE, "--json", "--format", "html"], /ask for two reports/],
    ["an unknown format", [FIXTURE, "--format", "pdf"], /--format must be text, markdown, html or json/],
    ["an unknown severity", [FIXTURE, "--fail-on", "info"], /--fail-on must be error or warning/],
    ["no jobs", [FIXTURE, "--jobs", "0"], /--jobs must be a whole number from 1 to 16/],
    ["a repeated flag", [FIXTURE, "--json", "--json"], /more than once/],
  ];
  it.each(cases)("%s", (_name, args, pattern) => expectOneLineFailure(args, pattern));

  it("--help prints the usage and exits 0", () => {
    const run = runCli(["--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^Usage: sdp-check <workbook\.xlsx> \[--as-of YYYY-MM-DD\] \[--due-soon-days N\] \[--json\]/,
    );
    expect(runCli(["-h"]).stdout).toBe(run.stdout);
  });
});

describe("what a check loads", () => {
  it("yauzl and saxes, never fflate (the browser's unzip), exceljs, nor UTCDate's Intl formatters", () => {
    const loaded = join(dir, "loaded.json");
    const preload = file(
      "preload-loaded.js",
      `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(loaded)}, JSON.stringify(Object.keys(require.cache))));`,
    );
    for (const args of [[FIXTURE], [FIXTURE, "--json"]]) {
      const run = runCli(args, { env: { NODE_OPTIONS: `--require ${preload}` } });
      expect(run.status).toBe(0);
      const modules = (JSON.parse(readFileSync(loaded, "utf8")) as string[]).map((m) =>
        m.replace(/\\/g, "/"),
      );
      const packages = new Set(modules.map((m) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(m)?.[1] ?? ""));
      expect(packages).toContain("yauzl");
      expect(packages).toContain("saxes");
      expect(packages).not.toContain("fflate");
      expect(packages).not.toContain("exceljs");
      expect(modules.filter((m) => m.includes("/@date-fns/utc/") && !m.endsWith("/date/mini.cjs"))).toEqual(
        [],
      );
    }
  });
});

describe("the due-soon window", () => {
  /** From the hand-checked results: open dated actions due within N days of the as-of date. */
  function dueSoonWithin(days: number): number {
    const last = addDays(expected.asOf, days);
    return expected.sheets
      .flatMap((s) => s.actions)
      .filter(
        (a) =>
          (a.status === "due-soon" || a.status === "on-track") &&
          a.deadline.due !== null &&
          a.deadline.due <= last,
      ).length;
  }

  it.each([0, 7, 90, 365])("--due-soon-days %i moves actions between due-soon and on-track", (days) => {
    const { report } = runJson([FIXTURE, "--as-of", expected.asOf, "--due-soon-days", String(days)]);
    const open = expected.summary.status["due-soon"] + expected.summary.status["on-track"];
    expect(report.dueSoonDays).toBe(days);
    expect(report.summary.status["due-soon"]).toBe(dueSoonWithin(days));
    expect(report.summary.status["on-track"]).toBe(open - dueSoonWithin(days));
    expect(report.summary.status.overdue).toBe(expected.summary.status.overdue);
  });

  it("actually changes something on this workbook", () => {
    expect(dueSoonWithin(0)).toBeLessThan(expected.summary.status["due-soon"]);
    expect(dueSoonWithin(365)).toBeGreaterThan(expected.summary.status["due-soon"]);
  });
});

describe("settings stored in the workbook by the add-in", () => {
  it("are used (as-of date and window), and flags win over them", async () => {
    const path = await fixtureWithSettings("stored.xlsx", {
      version: 1,
      asOf: "2022-07-15",
      dueSoonDays: 365,
    });
    const stored = runJson([path]).report;
    expect(stored.asOf).toBe("2022-07-15");
    expect(stored.dueSoonDays).toBe(365);
    expect(stored.summary.status["on-track"]).toBe(0);
    const flagged = runJson([path, "--as-of", "2022-08-01", "--due-soon-days", "30"]).report;
    expect(flagged.asOf).toBe("2022-08-01");
    expect(flagged.dueSoonDays).toBe(30);
    expect(flagged.sheets.map((s) => s.name)).not.toContain(STORAGE_SHEET);
    expect(flagged.skippedSheets).not.toContain(STORAGE_SHEET);
  }, 30_000);

  it("include the legend: when blue does not mean complete, blue-rated actions are not complete", async () => {
    const path = await fixtureWithSettings("legend.xlsx", {
      version: 1,
      legend: { ...DEFAULT_LEGEND, blueMeansComplete: false },
    });
    const { report } = runJson([path, "--as-of", expected.asOf]);
    expect(report.summary.rag.blue).toBe(expected.summary.rag.blue);
    expect(report.summary.status.complete).toBeLessThan(expected.summary.status.complete);
  }, 30_000);

  it("that cannot be used are reported and the defaults apply; the check still exits 0", async () => {
    const path = await fixtureWithSettings("bad-settings.xlsx", { version: 99 });
    const run = runCli([path, "--as-of", expected.asOf]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/settings stored in the workbook were not used/);
    const { report } = runJson([path, "--as-of", expected.asOf]);
    expect(report.summary.status).toEqual(expected.summary.status);
  }, 30_000);
});

describe("the add-in's own tabs", () => {
  it("are neither checked nor listed as skipped (the Progress Summary tab, the storage tab)", async () => {
    const wb = new Workbook();
    await wb.xlsx.readFile(FIXTURE);
    const summary = wb.addWorksheet("Progress Summary");
    summary.addRow(["Tab", "Row", "Action", "Owner", "Due", "Days overdue"]);
    summary.addRow([
      "Early Help",
      16,
      "Recruits and inducts new Early Help Lead",
      "Head of Service",
      "30/06/2022",
      15,
    ]);
    const store = wb.addWorksheet(STORAGE_SHEET, { state: "veryHidden" });
    storageRows({ snapshot: { version: 1 } }).forEach((row, i) =>
      row.forEach((cell, j) => (store.getCell(i + 1, j + 1).value = cell)),
    );
    const path = join(dir, "own-tabs.xlsx");
    await wb.xlsx.writeFile(path);
    const { report } = runJson([path, "--as-of", expected.asOf]);
    expect(report.sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
    expect(report.skippedSheets).toEqual(expected.skippedSheets);
    expect(report.summary.actions).toBe(expected.summary.actions);
  }, 30_000);
});

describe("the readable report", () => {
  let text: string;
  let report: JsonReport;
  beforeAll(() => {
    const run = runCli([FIXTURE, "--as-of", expected.asOf]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    text = run.stdout;
    report = runJson([FIXTURE, "--as-of", expected.asOf]).report;
  });

  it("states the as-of date and the plan year", () => {
    expect(text).toMatch(/As of 15 July 2022/);
    expect(text).toMatch(/Plan year 2022-23 \(1 April 2022 to 31 March 2023\)/);
    expect(text).toMatch(/Notes/);
  });

  it("has each tab's counts, sentence, overdue actions and findings", () => {
    for (const sheet of report.sheets) {
      const start = text.indexOf(`== ${sheet.name} ==`);
      expect({ sheet: sheet.name, found: start >= 0 }).toEqual({ sheet: sheet.name, found: true });
      const next = text.indexOf("\n== ", start + 1);
      const block = text.slice(start, next);
      expect(block).toContain(`${sheet.summary.actions} actions`);
      expect(block).toContain(`${sheet.summary.percentComplete}% complete`);
      expect(block).toContain(sheet.summary.sentence ?? "<no sentence>");
      for (const o of sheet.summary.overdue ?? []) {
        expect(block).toContain(`${o.cell}  ${o.daysOverdue} day${o.daysOverdue === 1 ? "" : "s"} overdue`);
        if (o.owner.trim()) expect(block).toContain(o.owner.trim().slice(0, 20));
      }
      for (const f of sheet.findings) expect(block).toContain(`${f.cell}  ${f.message}`);
    }
  });

  it("groups findings by severity, errors first", () => {
    const block = text.slice(
      text.indexOf("== Early Help =="),
      text.indexOf("\n== ", text.indexOf("== Early Help ==") + 1),
    );
    expect(block.indexOf("Errors (")).toBeLessThan(block.indexOf("Warnings ("));
    expect(block.indexOf("Warnings (")).toBeLessThan(block.indexOf("For information ("));
  });

  it("ends with the workbook's counts and sentence, in plain text", () => {
    const tail = text.slice(text.lastIndexOf("== Whole workbook =="));
    expect(tail).toContain(`${expected.summary.actions} actions`);
    expect(tail).toContain(`${expected.summary.percentComplete}% complete`);
    expect(tail).toContain(report.summary.sentence ?? "<no sentence>");
    expect(text).not.toContain("\u001b[");
  });
});
