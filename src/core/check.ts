/** checkPlan: the whole check of a workbook; recheckRows: the live re-check after an edit. */
import { addDays, isIsoDate, todayIso } from "./dates";
import { dueCellReadings, type EvaluateContext } from "./evaluate";
import type { WorkbookGrid } from "./grid";
import type { CheckOptions, PlanResult, SheetResult } from "./model";
import { readPlan, type PlanSheet } from "./plan";
import { DEFAULT_LEGEND } from "./rating";
import { rememberLayouts } from "./recheck-state";
import { checkSheet } from "./sheet-check";
import { combineSummaries } from "./summary";

export { recheckRows } from "./recheck";

export const DEFAULT_DUE_SOON_DAYS = 30;

/** The options in force: a bad as-of date falls back to today, a bad window to 30 days. */
export function contextOf(
  options: CheckOptions,
  planYear: EvaluateContext["planYear"],
  date1904 = false,
): EvaluateContext {
  const days = options.dueSoonDays;
  const asOf = typeof options.asOf === "string" && isIsoDate(options.asOf) ? options.asOf : todayIso();
  const dueSoonDays =
    typeof days === "number" && Number.isInteger(days) && days >= 0 && days <= 36_500
      ? days
      : DEFAULT_DUE_SOON_DAYS;
  return {
    asOf,
    dueSoonDays,
    dueSoonEnd: addDays(asOf, dueSoonDays),
    legend: options.legend ?? DEFAULT_LEGEND,
    planYear,
    date1904,
    deadlines: new Map(),
    dueCells: dueCellReadings(),
  };
}

/** Checks every visible plan tab of a workbook. Never throws on odd cells: they become findings or are ignored. */
export function checkPlan(workbook: WorkbookGrid, options: CheckOptions): PlanResult {
  const safeOptions: CheckOptions = { ...options, asOf: contextOf(options, null).asOf };
  const read = readPlan(workbook, safeOptions);
  const ctx = contextOf(safeOptions, read.planYear, workbook.date1904 === true);
  const sheets: SheetResult[] = [];
  const checked: PlanSheet[] = [];
  const skippedSheets = read.skippedSheets.slice();
  for (const sheet of read.sheets) {
    try {
      sheets.push(checkSheet(sheet, ctx));
      checked.push(sheet);
    } catch {
      skippedSheets.push(sheet.layout.name); // never reached on well-formed grids; a tab that breaks the check is listed, not thrown
    }
  }
  const result = assemble(
    ctx,
    read.reviewDate,
    orderSkipped(workbook, skippedSheets),
    sheets,
    orderSkipped(workbook, read.unnamedSheets),
  );
  rememberLayouts(result, checked, ctx, options);
  return result;
}

export function assemble(
  ctx: EvaluateContext,
  reviewDate: string | null,
  skippedSheets: string[],
  sheets: SheetResult[],
  unnamedSheets: string[],
): PlanResult {
  return {
    asOf: ctx.asOf,
    dueSoonDays: ctx.dueSoonDays,
    planYear: ctx.planYear,
    reviewDate,
    skippedSheets,
    unnamedSheets,
    sheets,
    summary: combineSummaries(
      sheets.map((s) => s.summary),
      null,
    ),
  };
}

function orderSkipped(workbook: WorkbookGrid, names: string[]): string[] {
  const set = new Set(names);
  return workbook.sheets.map((s) => s.name).filter((n) => set.has(n));
}
