/** What a person does in Excel, for tests and the preview: type into cells (raises onChanged without triggerSource ThisLocalAddin). */
import type { CellValue } from "../core/grid";
import { parseBox } from "../excel/a1";
import type { MemoryWorkbook } from "./state";
import type { ShiftDirection } from "./events";
import { shiftCells, shiftSheet } from "./structure";

export function userEdit(
  workbook: MemoryWorkbook,
  sheetName: string,
  address: string,
  values: CellValue[][],
): void {
  const sheet = workbook.sheet(sheetName);
  const box = parseBox(address);
  if (!box) throw new Error(`${address} is not an address`);
  let before: CellValue = null;
  let after: CellValue = null;
  workbook.undo.userStep(() =>
    values.forEach((row, r) =>
      row.forEach((value, c) => {
        const cell = workbook.cellForWrite(sheet, box.top + r, box.left + c);
        before = cell.value;
        cell.value = value === "" ? null : value;
        after = cell.value;
      }),
    ),
  );
  workbook.events.record(sheet.id, box, "Unknown", before, after);
  workbook.events.dispatch();
}

/** The user inserts (or deletes) whole rows, e.g. right-click a row header > Insert: everything below moves. */
export function userInsertRows(workbook: MemoryWorkbook, sheetName: string, at: number, count = 1): void {
  workbook.undo.userStep(() =>
    shiftSheet(workbook, workbook.sheet(sheetName), "rows", at, count, true, "Unknown"),
  );
  workbook.events.dispatch();
}

export function userDeleteRows(workbook: MemoryWorkbook, sheetName: string, at: number, count = 1): void {
  workbook.undo.userStep(() =>
    shiftSheet(workbook, workbook.sheet(sheetName), "rows", at, count, false, "Unknown"),
  );
  workbook.events.dispatch();
}

/**
 * The user inserts or deletes cells in part of a tab (Home > Insert > Insert Cells > Shift cells
 * down / right; Delete Cells > Shift cells up / left): only the cells of the range's band move.
 */
export function userShiftCells(
  workbook: MemoryWorkbook,
  sheetName: string,
  address: string,
  direction: ShiftDirection,
): void {
  const box = parseBox(address);
  if (!box) throw new Error(`${address} is not an address`);
  workbook.undo.userStep(() => shiftCells(workbook, workbook.sheet(sheetName), box, direction, "Unknown"));
  workbook.events.dispatch();
}

/** The user presses Ctrl+Z: the workbook goes back to before the last undoable batch (undo.ts). False when there is nothing to undo. */
export function userUndo(workbook: MemoryWorkbook): boolean {
  return workbook.undo.undo();
}
