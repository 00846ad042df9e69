/**
 * Plans from other councils (SEMANTICS.md "Plans from other councils") through the Office.js adapter on the in-memory
 * Excel: each plan of tests/fixtures/councils is opened into the memory Excel, read back by
 * OfficeWorkbookHost and checked, against the same hand-worked results as sdp-check.
 *
 * Two things Excel does that the memory Excel does not, so they are left out here (and said so):
 * - Excel calculates formulas when it opens a workbook, so a formula saved without a value is never
 *   uncalculated in Excel: the youth justice owner =D4 reads "YJ Manager" there. The memory Excel
 *   holds no formulas (it is built from the grid), so row 7's owner is left out of this comparison.
 * - Office.js (ExcelApi, @types/office-js 1.0.612) exposes no property for the 1904 date system, so
 *   the adapter cannot pass it on; the LibreOffice 1904 plan is tested through sdp-check only
 *   (src/core/SEMANTICS.md, "The 1904 date system", says so).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkPlan, groupByOwner } from "../../src/core";
import { readXlsx } from "../../src/xlsx";
import { memoryHost } from "./memory-host";

const DIR = join(__dirname, "..", "fixtures", "councils");
const expected = JSON.parse(readFileSync(join(DIR, "expected.json"), "utf8")) as {
  asOf: string;
  plans: Record<
    string,
    {
      skippedSheets: string[];
      unnamedSheets: string[];
      actions: (Record<string, unknown> & { row: number })[];
      findings: string[];
      summary: Record<string, unknown>;
      owners?: { aliases: { alias: string; name: string }[]; groups: [string, number][] };
    }
  >;
};

async function checkedInExcel(file: string) {
  const { grid } = await readXlsx(readFileSync(join(DIR, file)));
  const { host } = memoryHost(grid);
  const read = await host.read();
  return checkPlan(read.grid, { asOf: expected.asOf });
}

describe.each(["youth-justice-tracker.xlsx", "corporate-parenting.xlsx"])("%s in Excel", (file) => {
  const want = expected.plans[file];
  const formulaRow = file === "youth-justice-tracker.xlsx" ? 7 : -1;

  test("the same tabs, actions and findings as sdp-check", async () => {
    const result = await checkedInExcel(file);
    expect(result.skippedSheets).toEqual(want.skippedSheets);
    expect(result.unnamedSheets).toEqual(want.unnamedSheets);
    const actions = result.sheets[0].actions.map((a) => ({
      row: a.row,
      owner: a.owner,
      deadline: { kind: a.deadline.kind, due: a.deadline.due, start: a.deadline.start },
      rag: a.rag,
      ragSource: a.ragSource,
      status: a.status,
      suggestedRag: a.suggestedRag,
    }));
    const byHand = want.actions.map((a) => {
      const { why: _why, ...facts } = a;
      return facts;
    });
    const skipOwner = <T extends { row: number; owner?: unknown }>(list: T[]) =>
      list.map((a) => (a.row === formulaRow ? { ...a, owner: "(calculated by Excel)" } : a));
    expect(skipOwner(actions)).toEqual(skipOwner(byHand));
    const findings = result.sheets[0].findings
      .filter((f) => f.row !== formulaRow || f.col !== 4)
      .map((f) => `${f.rule} ${f.cell}`);
    expect(findings).toEqual(want.findings.filter((f) => !f.endsWith(`!D${formulaRow}`)));
    expect(result.summary).toMatchObject(want.summary);
  });
});

test("who owes what in the corporate parenting plan, with the alias HOS = Head of Service", async () => {
  const want = expected.plans["corporate-parenting.xlsx"].owners!;
  const result = await checkedInExcel("corporate-parenting.xlsx");
  const groups = groupByOwner(result.sheets[0].actions, (a) => a.owner, want.aliases);
  expect(groups.map((g) => [g.name, g.items.length])).toEqual(want.groups);
});
