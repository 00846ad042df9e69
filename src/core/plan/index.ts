/**
 * readPlan: what a header / table / section / action is, for a whole workbook. Decides which
 * tabs are plan tabs (and which are skipped), and reads the plan year and review date from
 * the title rows.
 */
import { findPlanYear, findReviewDate } from "../deadline";
import type { WorkbookGrid } from "../grid";
import type { CheckOptions, IsoDate, PlanYear, Role } from "../model";
import { sheetCells, type SheetCells } from "./cells";
import { hasRowsOfText, readLayout, type SheetLayout } from "./layout";
import { roleLookupFor } from "./roles";

export interface PlanSheet {
  cells: SheetCells;
  layout: SheetLayout;
}

export interface PlanRead {
  planYear: PlanYear | null;
  reviewDate: IsoDate | null;
  skippedSheets: string[];
  /** Visible skipped tabs with rows of text but no recognised header (SEMANTICS.md "Plans from other councils"). */
  unnamedSheets: string[];
  sheets: PlanSheet[];
}

/** Reads one tab's structure, or null when it has no header row. */
export function readSheet(workbook: WorkbookGrid, name: string, options: CheckOptions): PlanSheet | null {
  const sheet = workbook.sheets.find((s) => s.name === name);
  if (!sheet) return null;
  const cells = sheetCells(sheet);
  const layout = readLayout(cells, roleLookupFor(sheet.name, options.columnOverrides));
  return layout ? { cells, layout } : null;
}

export function readPlan(workbook: WorkbookGrid, options: CheckOptions): PlanRead {
  const own = new Set(options.ownSheets ?? []);
  const skippedSheets: string[] = [];
  const unnamedSheets: string[] = [];
  const sheets: PlanSheet[] = [];
  const seen = new Map<string, Role | null>(); // header lookups, shared by the tabs of this read
  for (const sheet of Array.isArray(workbook.sheets) ? workbook.sheets : []) {
    if (own.has(sheet.name)) continue;
    if (sheet.visibility !== "visible") {
      skippedSheets.push(sheet.name);
      continue;
    }
    const cells = sheetCells(sheet);
    // No catch: readLayout returns null for a tab that is not a plan tab; an exception is a bug that
    // must fail a test (tests/robustness feed hostile tabs), not a tab silently listed as skipped.
    const layout = readLayout(cells, roleLookupFor(sheet.name, options.columnOverrides, seen));
    if (layout) sheets.push({ cells, layout });
    else {
      skippedSheets.push(sheet.name);
      if (hasRowsOfText(cells)) unnamedSheets.push(sheet.name);
    }
  }
  const planYear = firstOf(sheets, (t) => findPlanYear(t));
  const reviewDate = firstOf(sheets, (t) => findReviewDate(t, { planYear, asOf: options.asOf }));
  return { planYear, reviewDate, skippedSheets, unnamedSheets, sheets };
}

/** What the pane says about a tab in PlanResult.unnamedSheets. */
export function noPlanTableMessage(sheet: string): string {
  return `No plan table found on ${sheet}: name its columns.`;
}

/** The first non-null reading of the title texts, tab by tab in workbook order. */
function firstOf<T>(sheets: PlanSheet[], read: (text: string) => T | null): T | null {
  for (const s of sheets) {
    for (const text of s.layout.titles) {
      const found = read(text);
      if (found !== null) return found;
    }
  }
  return null;
}
