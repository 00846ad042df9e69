/**
 * The conformance scenarios (src/excel/conformance.ts, the same list "Test this Excel" runs in real
 * Excel) against the in-memory Excel: every one passes, in 1.13 and 1.14 modes, and the workbook
 * is left exactly as it was.
 */
import { conformanceReport, runConformance, SCENARIOS } from "../../src/excel/conformance";
import { memoryRun, memoryWorkbookFromGrid, snapshotState } from "../../src/memory-excel";
import { fixtureGrid } from "../helpers/fixture-grid";

describe("conformance scenarios on the in-memory Excel", () => {
  for (const api of ["1.13", "1.14"] as const) {
    test(`every scenario passes (events as ExcelApi ${api}) and the workbook is left identical`, async () => {
      const workbook = memoryWorkbookFromGrid(fixtureGrid());
      workbook.eventsApi = api;
      const before = snapshotState(workbook);
      const results = await runConformance(memoryRun(workbook), {
        supports: (v) => api === "1.14" || v !== "1.14",
      });
      expect(results.filter((r) => !r.passed)).toEqual([]);
      expect(results.map((r) => r.id)).toEqual(SCENARIOS.map((s) => s.id));
      expect(snapshotState(workbook)).toBe(before);
      const report = conformanceReport({ host: "Memory", platform: "jest", sets: ["1.13"] }, results);
      expect(report).toContain(`${SCENARIOS.length} of ${SCENARIOS.length} passed`);
    });
  }

  test("a scenario the fake would fail is reported as failed, with Excel's words", async () => {
    const workbook = memoryWorkbookFromGrid(fixtureGrid());
    workbook.eventsApi = "1.13";
    // Claim 1.14 while the fake plays 1.13: the events scenario must notice triggerSource is missing.
    const results = await runConformance(memoryRun(workbook), { supports: () => true });
    expect(results.find((r) => r.id === "events-after-sync")).toMatchObject({
      passed: false,
      detail: "triggerSource is missing on ExcelApi 1.14",
    });
  });

  test("a structure-protected workbook: nothing is run, nothing changes", async () => {
    const workbook = memoryWorkbookFromGrid(fixtureGrid());
    workbook.structureProtected = true;
    const before = snapshotState(workbook);
    const results = await runConformance(memoryRun(workbook), { supports: () => true });
    expect(results.every((r) => !r.passed && r.detail.includes("structure is protected"))).toBe(true);
    expect(snapshotState(workbook)).toBe(before);
  });
});
