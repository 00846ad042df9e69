/**
 * Conformance scenarios: what this add-in relies on Excel doing, each as a small check that runs
 * on a temporary sheet. ONE list, run by the jest suite against the in-memory Excel
 * (tests/memory-excel/conformance.test.ts) and by "Test this Excel" in the pane's Settings
 * (src/taskpane/SelfTest.tsx) against the real one, so a pilot site learns in one click whether
 * its Excel agrees with the fake the add-in was proved on. Every scenario cites its source.
 *
 * runConformance creates the sheet, runs each scenario, and deletes the sheet: the workbook is
 * left as it was (adding and deleting a sheet may clear Excel's undo list on Windows and Mac).
 */
import type { ExcelRun } from "./run";

export interface ScenarioEnv {
  /** Office.context.requirements.isSetSupported("ExcelApi", version) */
  supports(version: string): boolean;
}

interface ScenarioContext {
  context: Excel.RequestContext;
  sheet: Excel.Worksheet;
  env: ScenarioEnv;
}

export interface Scenario {
  id: string;
  title: string;
  source: string;
  /** Throws (an Error saying what differed, or Excel's own error) when Excel does not behave so. */
  run(s: ScenarioContext): Promise<void>;
}

export interface ScenarioResult {
  id: string;
  title: string;
  passed: boolean;
  detail: string;
}

const SELF_TEST_SHEET = "SDP Assistant self-test";

function codeOf(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown } | null;
  return typeof e?.code === "string" ? e.code : String(e?.message ?? error);
}

async function expectFailure(context: Excel.RequestContext, what: string): Promise<string> {
  try {
    await context.sync();
  } catch (error) {
    return codeOf(error);
  }
  throw new Error(`${what}: Excel accepted it.`);
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

/** Queues a "=TRUE" custom rule with a pale red fill on `range` (sent with the next sync). */
function addTrueRule(range: Excel.Range): void {
  const cf = range.conditionalFormats.add("Custom");
  cf.custom.rule.formula = "=TRUE";
  cf.custom.format.fill.color = "#FFC7CE";
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const SCENARIOS: readonly Scenario[] = [
  {
    id: "no-transactions",
    title: "Writes queued before a failing call in the same sync stay",
    source: "Learn: Excel JavaScript API, error handling (no transactions)",
    async run({ context, sheet }) {
      sheet.getRange("A1").values = [["first"]];
      context.workbook.worksheets.getItem("SDP no such sheet").getRange("A1").values = [["never"]];
      const code = await expectFailure(context, "Writing to a sheet that does not exist");
      check(code === "ItemNotFound", `expected ItemNotFound, Excel said ${code}`);
      const a1 = sheet.getRange("A1");
      a1.load("values");
      await context.sync();
      check(a1.values[0][0] === "first", `A1 holds ${JSON.stringify(a1.values[0][0])}, not "first"`);
    },
  },
  {
    id: "getranges-address",
    title: "getRanges refuses an address longer than about 8,192 characters",
    source: "OfficeDev/office-js#5198",
    async run({ context, sheet }) {
      const cells = Array.from({ length: 2_000 }, (_, i) => `D${2 * i + 1}`);
      sheet.getRanges(cells.join(",")).conditionalFormats.clearAll();
      const code = await expectFailure(context, "A 14,000-character address");
      check(code === "InvalidArgument", `expected InvalidArgument, Excel said ${code}`);
      const short = sheet.getRanges(cells.slice(0, 1_000).join(","));
      short.load("areaCount");
      await context.sync();
      check(short.areaCount === 1_000, `a 6,900-character address gave ${short.areaCount} areas`);
    },
  },
  {
    id: "merged-areas",
    title: "getMergedAreasOrNullObject fails past 512 merged areas",
    source: "Learn: Excel.Range.getMergedAreasOrNullObject",
    async run({ context, sheet }) {
      sheet.getRange("B1:C513").merge(true);
      await context.sync();
      const many = sheet.getRange("B1:C513").getMergedAreasOrNullObject();
      many.load("areaCount");
      await expectFailure(context, "Reading 513 merged areas");
      const ok = sheet.getRange("B1:C512").getMergedAreasOrNullObject();
      ok.load("areaCount");
      await context.sync();
      check(ok.areaCount === 512, `512 merged areas read back as ${ok.areaCount}`);
    },
  },
  {
    id: "typed-text",
    title: 'Text written through values is parsed as typed ("50%", "1,000"); a text (@) cell keeps it',
    source: "Learn: Set and get range values, text, or formulas",
    async run({ context, sheet }) {
      const typed = sheet.getRange("F1:G1");
      typed.values = [["50%", "1,000"]];
      const kept = sheet.getRange("F2:G2");
      kept.numberFormat = [["@", "@"]];
      kept.values = [["50%", "1,000"]];
      typed.load("values");
      kept.load("values");
      await context.sync();
      check(
        typed.values[0][0] === 0.5 && typed.values[0][1] === 1000,
        `"50%" and "1,000" read back as ${JSON.stringify(typed.values[0])}`,
      );
      check(
        kept.values[0][0] === "50%" && kept.values[0][1] === "1,000",
        `as text they read back as ${JSON.stringify(kept.values[0])}`,
      );
    },
  },
  {
    id: "events-after-sync",
    title:
      "onChanged for the add-in's own write arrives after the sync; triggerSource only from ExcelApi 1.14",
    source: "Learn: Excel.WorksheetChangedEventArgs (triggerSource: ExcelApi 1.14)",
    async run({ context, sheet, env }) {
      const seen: Excel.WorksheetChangedEventArgs[] = [];
      // eslint-disable-next-line @typescript-eslint/require-await -- Office.js types the handler as returning a Promise
      const handler = sheet.onChanged.add(async (e) => void seen.push(e));
      await context.sync();
      sheet.getRange("H1").values = [["event"]];
      await context.sync();
      const rightAfter = seen.length;
      for (let i = 0; i < 30 && seen.length === 0; i++) await wait(100);
      handler.remove();
      await context.sync();
      check(rightAfter === 0, "the event was delivered inside the sync");
      check(seen.length > 0, "no onChanged event within 3 seconds");
      const has = seen[0].triggerSource !== undefined;
      check(
        has === env.supports("1.14"),
        has ? "triggerSource is there without ExcelApi 1.14" : "triggerSource is missing on ExcelApi 1.14",
      );
    },
  },
  {
    id: "row-insert",
    title: "Inserting a row moves cells and conditional formats down",
    source: "Learn: Excel.Range.insert; Excel.DataChangeType",
    async run({ context, sheet }) {
      sheet.getRange("J5").values = [["x"]];
      addTrueRule(sheet.getRange("J5"));
      await context.sync();
      sheet.getRange("3:3").insert("Down");
      const moved = sheet.getRange("J6");
      moved.load("values");
      const rules = sheet.getRange("J6").conditionalFormats.getCount();
      const left = sheet.getRange("J5").conditionalFormats.getCount();
      await context.sync();
      /* eslint-disable office-addins/load-object-before-read -- ClientResult values come with the sync, no load() */
      check(moved.values[0][0] === "x", `J6 holds ${JSON.stringify(moved.values[0][0])}, not "x"`);
      check(
        rules.value === 1 && left.value === 0,
        `the rule did not move with its cell (${rules.value}, ${left.value})`,
      );
      /* eslint-enable office-addins/load-object-before-read */
    },
  },
  {
    id: "cells-insert",
    title:
      "Inserting cells with shift down moves only the range's columns, and a rule across them is cut at its edge",
    source: "Learn: Excel.Range.insert, Excel.InsertShiftDirection; Excel.DataChangeType (cellInserted)",
    async run({ context, sheet }) {
      sheet.getRange("J5:L6").values = [
        ["j5", "k5", "l5"],
        ["j6", "k6", "l6"],
      ];
      addTrueRule(sheet.getRange("J5:L6"));
      await context.sync();
      sheet.getRange("K5").insert("Down");
      const cells = sheet.getRange("J5:L7");
      cells.load("values");
      // J and L keep the rule on rows 5-6; K's part moved down with its cells (K6:K7), the new K5 has none.
      const counts = ["J7", "K5", "K7", "L7"].map((a) => sheet.getRange(a).conditionalFormats.getCount());
      await context.sync();
      const column = (c: number) => cells.values.map((r) => r[c] as unknown);
      check(
        JSON.stringify(column(1)) === JSON.stringify(["", "k5", "k6"]),
        `column K reads ${JSON.stringify(column(1))}, not ["", "k5", "k6"]`,
      );
      check(
        JSON.stringify(column(0)) === JSON.stringify(["j5", "j6", ""]) &&
          JSON.stringify(column(2)) === JSON.stringify(["l5", "l6", ""]),
        `columns J and L moved: ${JSON.stringify([column(0), column(2)])}`,
      );
      const n = counts.map((c) => c.value);
      check(
        JSON.stringify(n) === JSON.stringify([0, 0, 1, 0]),
        `rules on J7, K5, K7, L7: ${JSON.stringify(n)}, not [0, 0, 1, 0]`,
      );
    },
  },
  {
    id: "structure-protection",
    title: "workbook.protection.protected can be read (ExcelApi 1.7)",
    source: "Learn: Excel.WorkbookProtection",
    async run({ context }) {
      context.workbook.protection.load("protected");
      await context.sync();
      check(typeof context.workbook.protection.protected === "boolean", "protected is not a boolean");
    },
  },
];

/** Runs every scenario on a temporary sheet, which it then deletes. */
export async function runConformance(
  run: ExcelRun,
  env: ScenarioEnv,
  scenarios: readonly Scenario[] = SCENARIOS,
): Promise<ScenarioResult[]> {
  const blocked = await run(async (context) => {
    context.workbook.protection.load("protected");
    context.workbook.load("readOnly");
    await context.sync();
    if (context.workbook.readOnly) return "The workbook is open read-only.";
    if (context.workbook.protection.protected) return "The workbook's structure is protected.";
    return null;
  });
  if (blocked)
    return scenarios.map((s) => ({ id: s.id, title: s.title, passed: false, detail: `Not run: ${blocked}` }));
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    const result = await run(async (context) => {
      const sheet = context.workbook.worksheets.add(SELF_TEST_SHEET);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one scenario at a time, each on a fresh sheet
      await context.sync();
      let outcome: ScenarioResult;
      try {
        await scenario.run({ context, sheet, env });
        outcome = { id: scenario.id, title: scenario.title, passed: true, detail: "" };
      } catch (error) {
        outcome = { id: scenario.id, title: scenario.title, passed: false, detail: codeOf(error) };
      }
      context.workbook.worksheets.getItem(SELF_TEST_SHEET).delete();
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- the sheet is deleted before the next scenario
      await context.sync();
      return outcome;
    });
    results.push(result);
  }
  return results;
}

/** The copyable report. */
export function conformanceReport(
  about: { host: string; platform: string; sets: string[] },
  results: readonly ScenarioResult[],
): string {
  const lines = [
    `SDP Assistant: Test this Excel`,
    `Host: ${about.host}; platform: ${about.platform}`,
    `ExcelApi supported: ${about.sets.join(", ") || "none reported"}`,
    `${results.filter((r) => r.passed).length} of ${results.length} passed`,
    ...results.map(
      (r) => `${r.passed ? "PASS" : "FAIL"} ${r.id}: ${r.title}${r.passed ? "" : ` (${r.detail})`}`,
    ),
  ];
  return lines.join("\n");
}
