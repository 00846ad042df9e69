/**
 * Odd workbooks through the engine and the real paths: empty, only hidden tabs, no plan tab,
 * a million-row sparse used range, 200 tabs; and files sdp-check cannot read that the CLI
 * tests do not already try (random bytes, a zip that is not a workbook, a workbook with no tabs).
 * (Empty, truncated, encrypted, CSV, .xls and missing files are in tests/cli and tests/xlsx.)
 */
import { Workbook } from "exceljs";
import { unzipSync, zipSync } from "fflate";
import { checkPlanCommand, OWN_SHEETS, summariseCommand, SUMMARY_SHEET } from "../../src/app/commands";
import { checkPlan, type CellValue, type SheetGrid, type WorkbookGrid } from "../../src/core";
import { cellValues } from "../../src/memory-excel";
import { readXlsx } from "../../src/xlsx";
import { memoryHost } from "../excel/memory-host";
import { generatedPlan, HEADER } from "../excel/generated-plan";
import { cliOn } from "./helpers";

const TODAY = "2022-07-15";
const plain = (
  name: string,
  values: CellValue[][],
  visibility: SheetGrid["visibility"] = "visible",
): SheetGrid => ({ name, visibility, origin: { row: 1, col: 1 }, values });
const planRows: CellValue[][] = [
  HEADER,
  ["Aim", "EH Lead", "Runs the panel", "May-22", "KPI", "Better", "Green", "ok"],
];

async function xlsxOf(build: (wb: Workbook) => void): Promise<Uint8Array> {
  const wb = new Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("workbooks with no plan to check", () => {
  const cases: [string, WorkbookGrid, string[]][] = [
    ["no tabs at all", { sheets: [] }, []],
    ["one empty tab", { sheets: [plain("Sheet1", [])] }, ["Sheet1"]],
    [
      "only hidden and very hidden tabs",
      { sheets: [plain("Old", planRows, "hidden"), plain("Older", planRows, "veryHidden")] },
      ["Old", "Older"],
    ],
    [
      "no plan tab (notes, a list, a header with two roles only)",
      {
        sheets: [
          plain("Notes", [["Some notes"]]),
          plain("List", [
            ["Who?", "What?"],
            ["a", "b"],
          ]),
        ],
      },
      ["Notes", "List"],
    ],
  ];

  test.each(cases)(
    "engine: %s -> no actions, tabs listed as skipped, sentences still readable",
    (_name, grid, skipped) => {
      const r = checkPlan(grid, { asOf: TODAY });
      expect(r.sheets).toEqual([]);
      expect(r.skippedSheets).toEqual(skipped);
      expect(r.summary.actions).toBe(0);
      expect(r.summary.percentComplete).toBe(0);
      expect(r.summary.sentence).not.toMatch(/NaN|undefined|null/);
    },
  );

  // Excel always keeps at least one visible tab, so the first two cases exist only as files (engine, sdp-check).
  test("memory Excel with no visible tab (impossible in Excel itself): a readable error, not a crash", async () => {
    for (const grid of [cases[0][1], cases[2][1]]) {
      const { host } = memoryHost(grid);
      await expect(checkPlanCommand(host, { today: TODAY })).rejects.toThrow(
        /^Reading the workbook did not finish\..*Try again/,
      );
    }
  });

  test.each(cases.filter((c) => c[1].sheets.some((s) => s.visibility === "visible")))(
    "memory Excel: %s -> Check plan writes nothing; Summarise writes only its own tab",
    async (_name, grid, skipped) => {
      const { workbook, host } = memoryHost(grid);
      const before = cellValues(workbook, OWN_SHEETS);
      const checked = await checkPlanCommand(host, { today: TODAY });
      expect(checked.formatting).toBe("nothing-to-do");
      expect(checked.result.skippedSheets).toEqual(skipped);
      expect(cellValues(workbook, OWN_SHEETS)).toEqual(before);
      const summary = await summariseCommand(host, { today: TODAY });
      expect(summary.committeeText).not.toMatch(/NaN|undefined/);
      expect(workbook.findSheet(SUMMARY_SHEET)).not.toBeNull();
      expect(cellValues(workbook, [SUMMARY_SHEET, "SDP Assistant Data"])).toEqual(before);
    },
  );

  test("sdp-check: a workbook with only hidden tabs is read (exit 0) and says no plan table was found", async () => {
    const bytes = await xlsxOf((wb) => {
      wb.addWorksheet("Visible but empty");
      wb.addWorksheet("Old", { state: "hidden" }).addRow(HEADER);
    });
    const run = await cliOn(bytes);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/No plan tables were found/);
    expect(run.stdout).toMatch(/Tabs not checked \(hidden or no plan table\): Visible but empty, Old\./);
    const json = await cliOn(bytes, ["--json"]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      sheets: [],
      skippedSheets: ["Visible but empty", "Old"],
      summary: { actions: 0 },
    });
  });
});

describe("files sdp-check cannot read (the cases tests/cli does not already try): exit 2, one line", () => {
  function expectOneLine(run: { status: number; stdout: string; stderr: string }, pattern: RegExp): void {
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(pattern);
    expect(run.stderr).not.toMatch(/\bat .*\(|Error:/);
  }

  test("random bytes", async () => {
    const bytes = new Uint8Array(3000);
    let seed = 7;
    for (let i = 0; i < bytes.length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 255;
    expectOneLine(await cliOn(bytes), /^sdp-check: plan\.xlsx: The file is not an \.xlsx workbook\.$/m);
  });

  test("a PDF and a zero-length file", async () => {
    expectOneLine(
      await cliOn(new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj\n")),
      /not an \.xlsx workbook/,
    );
    expectOneLine(await cliOn(new Uint8Array(0)), /empty/);
  });

  test("a Word document (a zip, but not a workbook)", async () => {
    const wb = new Workbook();
    wb.addWorksheet("x");
    // Any well-formed zip without a workbook part: take an xlsx and keep only its [Content_Types].xml entry.
    const entries = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
    const types = entries["[Content_Types].xml"];
    expect(types).toBeDefined();
    expectOneLine(await cliOn(zipSync({ "[Content_Types].xml": types })), /not an \.xlsx workbook|damaged/);
  });

  test("a truncated file at every tenth of its length", async () => {
    const whole = await xlsxOf((wb) => {
      wb.addWorksheet("Plan").addRows(planRows);
    });
    for (let tenth = 1; tenth < 10; tenth++) {
      const run = await cliOn(whole.slice(0, Math.floor((whole.length * tenth) / 10)));
      expectOneLine(run, /damaged or incomplete|not an \.xlsx workbook/);
    }
  });
});

describe("size: a million-row sparse used range, 200 tabs", () => {
  test("engine: a tab whose used range reaches row 1,000,000 (one shared empty row) is checked quickly", () => {
    const empty: CellValue[] = [];
    const values: CellValue[][] = new Array(1_000_000).fill(empty);
    values[0] = HEADER;
    values[1] = planRows[1];
    values[999_999] = ["stray note far below"];
    const started = Date.now();
    const r = checkPlan({ sheets: [plain("Sparse", values)] }, { asOf: TODAY });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.sheets[0].actions.map((a) => a.row)).toEqual([2]);
    expect(r.sheets[0].tables[0].lastRow).toBe(1_000_000);
  });

  test("200 tabs: the engine, the memory Excel and an .xlsx file all find the 200 plans", async () => {
    const grid = generatedPlan(200, 3);
    const engine = checkPlan(grid, { asOf: TODAY });
    expect(engine.sheets).toHaveLength(200);
    expect(engine.summary.actions).toBe(600);
    const { workbook, host } = memoryHost(grid);
    const before = cellValues(workbook, OWN_SHEETS);
    const checked = await checkPlanCommand(host, { today: TODAY });
    // Due texts of date cells are what each host displays; everything else is the same.
    const strip = (x: typeof engine.summary) => ({
      ...x,
      overdue: x.overdue.map(({ dueText: _shown, ...o }) => o),
    });
    expect(strip(checked.result.summary)).toEqual(strip(engine.summary));
    expect(cellValues(workbook, OWN_SHEETS)).toEqual(before);
    const bytes = await xlsxOf((wb) => {
      for (const s of grid.sheets) wb.addWorksheet(s.name).addRows(s.values);
    });
    const fromXlsx = checkPlan((await readXlsx(bytes)).grid, { asOf: TODAY });
    expect(fromXlsx.summary.actions).toBe(600);
    expect(fromXlsx.summary.status).toEqual(engine.summary.status);
  }, 120_000);
});
