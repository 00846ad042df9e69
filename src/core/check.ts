/** checkPlan: the whole check of a workbook (recheck.ts holds the live re-check after an edit). */
import { assemble, checkedAsOf, contextOf } from "./check-context";
import type { WorkbookGrid } from "./grid";
import type { CheckOptions, PlanResult, SheetResult } from "./model";
import { readPlan } from "./plan";
import { rememberLayouts } from "./recheck-state";
import { checkSheet } from "./sheet-check";

/**
 * Checks every visible plan tab of a workbook. Odd cells become findings or are ignored; the tabs
 * that are not checked, and why, are readPlan's (skippedSheets). An exception here is a bug.
 */
export function checkPlan(workbook: WorkbookGrid, options: CheckOptions): PlanResult {
  checkedAsOf(options);
  const read = readPlan(workbook, options);
  const ctx = contextOf(options, read.planYear, workbook.date1904 === true);
  const sheets: SheetResult[] = read.sheets.map((sheet) => checkSheet(sheet, ctx));
  const result = assemble(
    ctx,
    read.reviewDate,
    orderSkipped(workbook, read.skippedSheets),
    sheets,
    orderSkipped(workbook, read.unnamedSheets),
  );
  rememberLayouts(result, read.sheets, ctx, options);
  return result;
}

function orderSkipped(workbook: WorkbookGrid, names: string[]): string[] {
  const set = new Set(names);
  return workbook.sheets.map((s) => s.name).filter((n) => set.has(n));
}
