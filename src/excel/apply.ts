/**
 * apply(): ONE sync. Protection and the read-only flag come from the last read(); when any write
 * targets a protected tab (or the workbook is read-only) a readable Error is thrown BEFORE anything
 * is queued, because Office.js has no transactions (writes queued before a failing one stick).
 */
import { STORAGE_SHEET } from "../core/storage-layout";
import type { PlanWrite, SummarySheetWrite } from "../core/writes";
import type { ApplyOptions, ApplyResult } from "../host/WorkbookHost";
import { queueSheetFormatting, type SheetFormatting } from "./apply-rules";
import { queueStorageItem, storageSheet } from "./apply-storage";
import { queueSummarySheet } from "./apply-summary";
import { blockedMessage } from "./blocked";
import { readableError } from "./errors";
import { emptyOwnedSheet, type OwnedRecord } from "./ownership";
import type { ReadState } from "./read";
import type { ExcelRun } from "./run";

export function commandOf(writes: PlanWrite[]): string {
  return writes.some((w) => w.kind === "summary-sheet") ? "Summarise progress" : writes.every((w) => w.kind === "set-text") ? "the change" : "Check plan";
}

/** Tabs the writes would change, to check against protection. */
export function sheetsWritten(writes: PlanWrite[], state: ReadState, storing: boolean): string[] {
  const names = new Set(writes.map((w) => w.sheet));
  if (storing && state.storageExists) names.add(STORAGE_SHEET);
  return [...names];
}

/** Throws the readable "nothing was changed" Error when Excel would refuse these writes. */
export function assertWritable(state: ReadState, sheets: string[], command: string): void {
  const blocked = sheets.filter((s) => state.read.protectedSheets.includes(s));
  const message = blockedMessage(blocked, state.read.readOnly, command);
  if (message) throw new Error(message);
}

function groupFormatting(writes: PlanWrite[]): Map<string, SheetFormatting> {
  const bySheet = new Map<string, SheetFormatting>();
  const of = (sheet: string): SheetFormatting => {
    const found = bySheet.get(sheet) ?? { dropdowns: [], colours: [], highlights: [] };
    bySheet.set(sheet, found);
    return found;
  };
  for (const w of writes) {
    if (w.kind === "rating-dropdown") of(w.sheet).dropdowns.push(w);
    else if (w.kind === "rating-colours") of(w.sheet).colours.push(w);
    else if (w.kind === "status-highlight") of(w.sheet).highlights.push(w);
  }
  return bySheet;
}

export interface Applied {
  result: ApplyResult;
  owned: OwnedRecord;
  snapshotStored: boolean;
  summarySheets: string[];
}

export async function applyWrites(run: ExcelRun, state: ReadState, writes: PlanWrite[], options: ApplyOptions = {}): Promise<Applied> {
  const formatting = groupFormatting(writes);
  const storing = formatting.size > 0 || options.snapshot !== undefined;
  const command = commandOf(writes);
  assertWritable(state, sheetsWritten(writes, state, storing), command);
  const summaries = writes.filter((w): w is SummarySheetWrite => w.kind === "summary-sheet");
  const owned: OwnedRecord = { version: 1, sheets: { ...state.owned.sheets } };

  return run(async (context) => {
    context.workbook.application.suspendApiCalculationUntilNextSync();
    const sheets = context.workbook.worksheets;
    for (const [name, sheetWrites] of formatting) {
      owned.sheets[name] = queueSheetFormatting(sheets.getItem(name), sheetWrites, owned.sheets[name] ?? emptyOwnedSheet());
    }
    let changedCells = 0;
    for (const w of writes) {
      if (w.kind !== "set-text") continue;
      sheets.getItem(w.sheet).getRange(w.cell).values = [[w.text]];
      changedCells += 1;
    }
    for (const w of summaries) {
      const info = state.sheets.find((s) => s.name === w.sheet);
      queueSummarySheet(context, w, { exists: !!info, charts: info?.charts ?? [] });
    }
    if (storing) {
      const data = storageSheet(context, state.storageExists);
      if (formatting.size > 0) queueStorageItem(data, "owned", owned);
      if (options.snapshot !== undefined) queueStorageItem(data, "snapshot", options.snapshot);
    }
    try {
      await context.sync();
    } catch (error) {
      throw readableError(error, command === "Check plan" ? "Formatting the plan" : command);
    }
    return { result: { changedCells, skipped: [] }, owned, snapshotStored: options.snapshot !== undefined, summarySheets: summaries.map((s) => s.sheet) };
  });
}
