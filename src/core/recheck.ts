/**
 * The live re-check after an edit. When the edited rows cannot change a tab's structure (none
 * is, or was, a header row or a section heading, and the used range and merges are unchanged),
 * only those rows are read again; otherwise that tab is read again; when the edit could change
 * the plan year (a title row) or the options changed, the whole workbook is checked again.
 * The result always equals checkPlan on the edited workbook.
 *
 * Which way it went is returned as a typed value (recheck), never guessed from an exception: an
 * exception in any path is a bug and reaches the caller.
 */
import { checkPlan } from "./check";
import { assemble, contextOf } from "./check-context";
import { evaluateAction, assignKeys, type EvaluateContext } from "./evaluate";
import type { WorkbookGrid } from "./grid";
import type { Action, CheckOptions, PlanResult, SheetResult } from "./model";
import { readSheet } from "./plan";
import { sheetCells, type SheetCells } from "./plan/cells";
import { detectHeader } from "./plan/headers";
import { headingAt, type ActionRow, type Heading, type SheetLayout } from "./plan/layout";
import { roleLookupFor } from "./plan/roles";
import { extentOf, optionsKeyOf, recall, remember, type ResultState } from "./recheck-state";
import { actionFindings, checkSheet, finishSheet, tableOf } from "./sheet-check";
import { lastIndexAtOrBefore } from "./sorted";

/**
 * Why an edit could not be re-checked in place and the whole workbook was checked again:
 * - "not-remembered": the previous result carries no layout (e.g. it was read back from JSON);
 * - "sheet-not-checked": the edited tab was not in the previous result, or is gone or hidden now;
 * - "options-changed": the legend, column overrides, own tabs, as-of date or window differ;
 * - "title-rows-edited": a row at or above the first header row (titles hold the plan year);
 * - "header-moved": the tab read again no longer has its first header row where it was.
 */
type FullCheckReason =
  "not-remembered" | "sheet-not-checked" | "options-changed" | "title-rows-edited" | "header-moved";

/**
 * The way a re-check went: "rows" (the fast path: only the edited rows read again), "sheet" (the
 * edited tab's structure may have changed: that tab read again) or a full check, with its reason.
 */
export type RecheckPath = { kind: "rows" } | { kind: "sheet" } | { kind: "full"; reason: FullCheckReason };

export interface Recheck {
  result: PlanResult;
  path: RecheckPath;
}

/** The plan after an edit of `rows` on `sheet`: equal to checkPlan(workbook, options). */
export function recheckRows(
  previous: PlanResult,
  workbook: WorkbookGrid,
  sheet: string,
  rows: number[],
  options: CheckOptions,
): PlanResult {
  return recheck(previous, workbook, sheet, rows, options).result;
}

/** recheckRows, saying which way it went. */
export function recheck(
  previous: PlanResult,
  workbook: WorkbookGrid,
  sheet: string,
  rows: number[],
  options: CheckOptions,
): Recheck {
  const full = (reason: FullCheckReason): Recheck => ({
    result: checkPlan(workbook, options),
    path: { kind: "full", reason },
  });
  const state = recall(previous);
  if (!state) return full("not-remembered");
  const index = previous.sheets.findIndex((s) => s.name === sheet);
  const grid = workbook.sheets.find((s) => s.name === sheet);
  const sheetState = state.sheets.get(sheet);
  if (!sheetState || index < 0 || !grid || grid.visibility !== "visible") return full("sheet-not-checked");
  const ctx = contextOf(options, previous.planYear, workbook.date1904 === true);
  if (optionsKeyOf(options) !== state.optionsKey || !sameContext(ctx, state.ctx))
    return full("options-changed");
  const prevSheet = previous.sheets[index];
  const cells = sheetCells(grid);
  const edited = [...new Set(rows.filter((r) => Number.isInteger(r)))].sort((a, b) => a - b);
  const firstHeader = sheetState.layout.headerRows[0]?.row ?? 0;
  if (edited.some((r) => r <= firstHeader)) return full("title-rows-edited");
  let next: { sheet: SheetResult; layout: SheetLayout };
  let path: RecheckPath;
  if (extentOf(cells) === sheetState.extent && !changesStructure(cells, sheetState.layout, edited, options)) {
    next = recheckActionRows(prevSheet, sheetState.layout, cells, edited, ctx);
    path = { kind: "rows" };
  } else {
    const read = readSheet(workbook, sheet, options);
    if (!read) return full("sheet-not-checked");
    if (read.layout.headerRows[0]?.row !== firstHeader) return full("header-moved");
    next = { sheet: checkSheet(read, ctx), layout: read.layout };
    path = { kind: "sheet" };
  }
  const sheets = previous.sheets.slice();
  sheets[index] = next.sheet;
  const result = assemble(
    ctx,
    previous.reviewDate,
    previous.skippedSheets,
    sheets,
    previous.unnamedSheets ?? [],
  );
  const states = new Map(state.sheets);
  states.set(sheet, { layout: next.layout, extent: extentOf(cells) });
  const nextState: ResultState = { ctx, optionsKey: state.optionsKey, sheets: states };
  remember(result, nextState);
  return { result, path };
}

function sameContext(a: EvaluateContext, b: EvaluateContext): boolean {
  return a.asOf === b.asOf && a.dueSoonDays === b.dueSoonDays && a.date1904 === b.date1904;
}

/** An edited row that is or was a header row or a section heading changes the tab's tables or sections. */
function changesStructure(
  cells: SheetCells,
  layout: SheetLayout,
  rows: number[],
  options: CheckOptions,
): boolean {
  const lookup = roleLookupFor(layout.name, options.columnOverrides);
  const headerRows = new Set(layout.headerRows.map((h) => h.row));
  const headingRows = new Set(layout.headings.map((h) => h.row));
  return rows.some((r) => {
    if (r < cells.firstRow || r > cells.lastRow || headerRows.has(r) || headingRows.has(r)) return true;
    if (detectHeader(cells, r, lookup)) return true;
    const t = lastIndexAtOrBefore(layout.headerRows, r, (h) => h.row);
    const header = layout.headerRows[t];
    const below = layout.headerRows[t + 1];
    const governing = below && below.row === r + 1 ? below : header;
    return governing !== undefined && headingAt(cells, r, governing) !== null;
  });
}

/** Re-reads only the edited rows of a tab whose structure is unchanged. */
function recheckActionRows(
  prev: SheetResult,
  layout: SheetLayout,
  cells: SheetCells,
  edited: number[],
  ctx: EvaluateContext,
): { sheet: SheetResult; layout: SheetLayout } {
  const editedSet = new Set(edited);
  let actions: Action[] = prev.actions.filter((a) => !editedSet.has(a.row));
  const fresh: Action[] = [];
  for (const r of edited) {
    const table = tableOf(layout.tables, r);
    const t = lastIndexAtOrBefore(layout.tables, r, (x) => x.headerRow);
    const actionCol = table?.columns.action;
    if (!table || actionCol === undefined || !cells.text(r, actionCol).trim()) continue;
    const row: ActionRow = { row: r, table: t, section: sectionAt(layout.headings, r), reason: "" };
    fresh.push(evaluateAction(cells, row, table, ctx));
  }
  actions = mergeByRow(actions, fresh);
  actions = refreshReasons(actions, edited, layout, cells);
  actions = assignKeys(actions);

  const newFindings = fresh.flatMap((a) => actionFindings(a, tableOf(layout.tables, a.row), ctx));
  const findings = mergeByRow(
    prev.findings.filter((f) => !editedSet.has(f.row)),
    newFindings,
  );
  const actionRows: ActionRow[] = actions.map((a) => ({
    row: a.row,
    table: Math.max(
      0,
      lastIndexAtOrBefore(layout.tables, a.row, (t) => t.headerRow),
    ),
    section: a.section,
    reason: a.reason,
  }));
  return {
    sheet: finishSheet(prev.name, prev.tables, actions, ctx, findings),
    layout: { ...layout, actionRows },
  };
}

/** The section in force at a row: the last heading above it on the tab. */
function sectionAt(headings: Heading[], row: number): string | null {
  const i = lastIndexAtOrBefore(headings, row - 1, (h) => h.row);
  return headings[i]?.name ?? null;
}

/**
 * Reasons after an edit: a row with an empty reason continues the reason of the action above
 * in the same table and section. Walks forward from each edited row until the reasons stop changing.
 */
function refreshReasons(
  actions: Action[],
  edited: number[],
  layout: SheetLayout,
  cells: SheetCells,
): Action[] {
  const out = actions.slice();
  for (const r of edited) {
    let i = lastIndexAtOrBefore(out, r - 1, (a) => a.row) + 1;
    for (; i < out.length; i++) {
      const a = out[i];
      const table = tableOf(layout.tables, a.row);
      const reasonCol = table?.columns.reason;
      const own = reasonCol === undefined ? "" : cells.text(a.row, reasonCol).trim();
      const before = out[i - 1];
      const sameRun =
        before !== undefined &&
        table !== undefined &&
        before.row > table.headerRow &&
        lastIndexAtOrBefore(layout.headings, a.row, (h) => h.row) ===
          lastIndexAtOrBefore(layout.headings, before.row, (h) => h.row);
      const reason = own || (sameRun ? before.reason : "");
      if (a.row > r && reason === a.reason) break;
      if (reason !== a.reason) out[i] = { ...a, reason };
    }
  }
  return out;
}

/** Merges two lists already in row order; on equal rows the first list's item comes first. */
function mergeByRow<T extends { row: number }>(a: T[], b: T[]): T[] {
  if (!b.length) return a;
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y && (!x || y.row < x.row)) {
      out.push(y);
      j++;
    } else if (x) {
      out.push(x);
      i++;
    }
  }
  return out;
}
