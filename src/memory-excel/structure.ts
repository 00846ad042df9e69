/**
 * Inserting and deleting whole rows or columns in the in-memory Excel: cells move, and so do the
 * sheet's merges, data validation and conditional formats, as in Excel (a rule or a validation
 * spanning the insertion point grows; one inside deleted rows goes; one partly inside shrinks).
 * The onChanged event says so with changeType RowInserted / RowDeleted / ColumnInserted /
 * ColumnDeleted and the address of the rows or columns (Learn: Excel.DataChangeType,
 * Excel.WorksheetChangedEventArgs.changeType; Excel.Range.insert / Range.delete).
 * A rule's formula is kept as written: its references are relative to the rule's top-left cell,
 * which moves with the rule, so it still points at the same row of the same action.
 */
import type { CellBox } from "../core/grid";
import { MAX_COLS, MAX_ROWS } from "../excel/a1";
import type { ChangeType, TriggerSource } from "./events";
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
  const limit = axis === "rows" ? MAX_ROWS : MAX_COLS;
  const cells = new Map<number, MemCell>();
  for (const [key, cell] of sheet.cells) {
    let r = keyRow(key);
    let c = keyCol(key);
    const line = axis === "rows" ? r : c;
    const span = moveSpan([line, line], at, count, insert);
    if (!span || span[0] > limit) continue; // deleted, or pushed off the sheet
    if (axis === "rows") r = span[0];
    else c = span[0];
    cells.set(cellKey(r, c), cell);
  }
  sheet.cells = cells;
  const keep = <T>(items: T[], boxOf: (t: T) => CellBox, set: (t: T, b: CellBox) => T): T[] =>
    items.flatMap((item) => {
      const moved = moveBox(boxOf(item), axis, at, count, insert);
      return moved ? [set(item, moved)] : [];
    });
  sheet.merges = keep(
    sheet.merges,
    (m) => m,
    (_, b) => b,
  ).filter((m) => m.top !== m.bottom || m.left !== m.right);
  sheet.validations = keep(
    sheet.validations,
    (v) => v.box,
    (v, box) => ({ ...v, box }),
  );
  sheet.conditionalFormats = sheet.conditionalFormats.flatMap((cf) => {
    const boxes = cf.boxes.flatMap((b) => {
      const moved = moveBox(b, axis, at, count, insert);
      return moved ? [moved] : [];
    });
    return boxes.length > 0 ? [{ ...cf, boxes }] : [];
  });
  const box: CellBox =
    axis === "rows"
      ? { top: at, bottom: at + count - 1, left: 1, right: MAX_COLS }
      : { top: 1, bottom: MAX_ROWS, left: at, right: at + count - 1 };
  const changeType: ChangeType =
    axis === "rows" ? (insert ? "RowInserted" : "RowDeleted") : insert ? "ColumnInserted" : "ColumnDeleted";
  workbook.events.record(sheet.id, box, triggerSource, null, null, changeType);
  return box;
}
