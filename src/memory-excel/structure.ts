/**
 * Inserting and deleting whole rows or columns in the in-memory Excel: cells move, and so do the
 * sheet's merges, data validation and conditional formats, as in Excel (a rule or a validation
 * spanning the insertion point grows; one inside deleted rows goes; one partly inside shrinks).
 * The onChanged event says so with changeType RowInserted / RowDeleted / ColumnInserted /
 * ColumnDeleted and the address of the rows or columns (Learn: Excel.DataChangeType,
 * Excel.WorksheetChangedEventArgs.changeType; Excel.Range.insert / Range.delete).
 * A rule's formula is kept as written: its references are relative to the rule's top-left cell,
 * which moves with the rule, so it still points at the same row of the same action.
 *
 * Cells inserted or deleted in part of the sheet (Range.insert "Down"/"Right", Range.delete
 * "Up"/"Left" on a range that is not whole rows or columns; Excel.InsertShiftDirection,
 * Excel.DeleteShiftDirection) move only the cells in the range's band: for "Down", the cells of
 * the range's columns from its top row on. A rule or validation crossing the band's edge is cut
 * in two, the part inside moving with its cells; a merged area crossing it is refused, as Excel
 * refuses to change part of a merged cell ("We can't do that to a merged cell."). The event says
 * CellInserted / CellDeleted with the range's address, and from ExcelApi 1.14 the direction
 * (WorksheetChangedEventArgs.changeDirectionState, Excel.ChangeDirectionState).
 */
import type { CellBox } from "../core/grid";
import { MAX_COLS, MAX_ROWS } from "../excel/a1";
import { MemoryOfficeError } from "./errors";
import type { ChangeType, ShiftDirection, TriggerSource } from "./events";
import { cellKey, keyCol, keyRow, type MemCell, type MemoryWorkbook, type MemSheet } from "./state";

export type Axis = "rows" | "columns";

type Span = [number, number];

function spanOf(box: CellBox, axis: Axis): Span {
  return axis === "rows" ? [box.top, box.bottom] : [box.left, box.right];
}

function withSpan(box: CellBox, axis: Axis, [a, b]: Span): CellBox {
  return axis === "rows" ? { ...box, top: a, bottom: b } : { ...box, left: a, right: b };
}

/** The span after inserting `count` lines before `at`, or after deleting lines at..at+count-1 (null: gone). */
function moveSpan([a, b]: Span, at: number, count: number, insert: boolean): Span | null {
  if (insert) {
    if (a >= at) return [a + count, b + count];
    if (b >= at) return [a, b + count];
    return [a, b];
  }
  const end = at + count - 1;
  if (b < at) return [a, b];
  if (a > end) return [a - count, b - count];
  const kept = b - a + 1 - (Math.min(b, end) - Math.max(a, at) + 1);
  if (kept <= 0) return null;
  const top = a < at ? a : at;
  return [top, top + kept - 1];
}

function moveBox(box: CellBox, axis: Axis, at: number, count: number, insert: boolean): CellBox | null {
  const span = moveSpan(spanOf(box, axis), at, count, insert);
  return span ? withSpan(box, axis, span) : null;
}

/** Shifts everything on the sheet; returns the box of the inserted or deleted lines. */
export function shiftSheet(
  workbook: MemoryWorkbook,
  sheet: MemSheet,
  axis: Axis,
  at: number,
  count: number,
  insert: boolean,
  triggerSource: TriggerSource,
): CellBox {
  // whole rows move every column (whole columns every row): the band is the whole sheet across the axis
  moveBand(sheet, axis, at, count, insert, [1, axis === "rows" ? MAX_COLS : MAX_ROWS]);
  const box: CellBox =
    axis === "rows"
      ? { top: at, bottom: at + count - 1, left: 1, right: MAX_COLS }
      : { top: 1, bottom: MAX_ROWS, left: at, right: at + count - 1 };
  const changeType: ChangeType =
    axis === "rows" ? (insert ? "RowInserted" : "RowDeleted") : insert ? "ColumnInserted" : "ColumnDeleted";
  workbook.events.record(sheet.id, box, triggerSource, null, null, changeType);
  return box;
}

/** The box's part outside the band [lo, hi] across the axis (unchanged) and the part inside it. */
function cutByBand(box: CellBox, axis: Axis, [lo, hi]: Span): { outside: CellBox[]; inside: CellBox | null } {
  // Across the axis: columns when rows move (Down/Up), rows when columns move (Right/Left).
  const [a, b] = axis === "rows" ? [box.left, box.right] : [box.top, box.bottom];
  const across = (x: number, y: number): CellBox =>
    axis === "rows" ? { ...box, left: x, right: y } : { ...box, top: x, bottom: y };
  const outside: CellBox[] = [];
  if (a < lo) outside.push(across(a, Math.min(b, lo - 1)));
  if (b > hi) outside.push(across(Math.max(a, hi + 1), b));
  const inside = Math.max(a, lo) <= Math.min(b, hi) ? across(Math.max(a, lo), Math.min(b, hi)) : null;
  return { outside, inside };
}

/**
 * Inserts (Down, Right) or deletes (Up, Left) the cells of `box`, a range that is not whole rows
 * or columns: the cells of its band move (see the header). Returns the box.
 */
export function shiftCells(
  workbook: MemoryWorkbook,
  sheet: MemSheet,
  box: CellBox,
  direction: ShiftDirection,
  triggerSource: TriggerSource,
): CellBox {
  const insert = direction === "Down" || direction === "Right";
  const axis: Axis = direction === "Down" || direction === "Up" ? "rows" : "columns";
  const [at, end] = spanOf(box, axis);
  const count = end - at + 1;
  const band: Span = axis === "rows" ? [box.left, box.right] : [box.top, box.bottom];
  // A merged area that the move would cut (part of it moving, part not) is refused, before anything moves.
  for (const m of sheet.merges) {
    const { outside, inside } = cutByBand(m, axis, band);
    const reaches = spanOf(m, axis)[1] >= at;
    if (inside && outside.length > 0 && reaches)
      throw new MemoryOfficeError("InvalidOperation", "We can't do that to a merged cell.");
  }
  moveBand(sheet, axis, at, count, insert, band);
  workbook.events.record(
    sheet.id,
    box,
    triggerSource,
    null,
    null,
    insert ? "CellInserted" : "CellDeleted",
    direction,
  );
  return box;
}

/**
 * Moves the cells, merges, validations and conditional formats of the band [lo, hi] across the
 * axis by `count` lines at `at` (inserted, or deleted), as Excel does for an insert or a delete:
 * a rule or validation crossing the band's edge is cut, its part inside moving; a merge is either
 * wholly inside the band (moved) or wholly outside (kept: shiftCells refuses a cut one first).
 */
function moveBand(sheet: MemSheet, axis: Axis, at: number, count: number, insert: boolean, band: Span): void {
  const limit = axis === "rows" ? MAX_ROWS : MAX_COLS;
  const inBand = (r: number, c: number) => {
    const x = axis === "rows" ? c : r;
    return x >= band[0] && x <= band[1];
  };
  const cells = new Map<number, MemCell>();
  for (const [key, cell] of sheet.cells) {
    let r = keyRow(key);
    let c = keyCol(key);
    if (inBand(r, c)) {
      const line = axis === "rows" ? r : c;
      const span = moveSpan([line, line], at, count, insert);
      if (!span || span[0] > limit) continue; // deleted, or pushed off the sheet
      if (axis === "rows") r = span[0];
      else c = span[0];
    }
    cells.set(cellKey(r, c), cell);
  }
  sheet.cells = cells;
  const moveCut = (b: CellBox): CellBox[] => {
    const { outside, inside } = cutByBand(b, axis, band);
    const moved = inside ? moveBox(inside, axis, at, count, insert) : null;
    return [...outside, ...(moved ? [moved] : [])];
  };
  sheet.merges = sheet.merges.flatMap((m) => {
    if (cutByBand(m, axis, band).outside.length > 0) return [m]; // wholly outside the band
    const moved = moveBox(m, axis, at, count, insert);
    return moved && (moved.top !== moved.bottom || moved.left !== moved.right) ? [moved] : [];
  });
  sheet.validations = sheet.validations.flatMap((v) => moveCut(v.box).map((b) => ({ ...v, box: b })));
  sheet.conditionalFormats = sheet.conditionalFormats.flatMap((cf) => {
    const boxes = cf.boxes.flatMap(moveCut);
    return boxes.length > 0 ? [{ ...cf, boxes }] : [];
  });
}
