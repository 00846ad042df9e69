/** Small pure helpers the pane uses around the engine's writes and the host's edit events. */
import type { SetTextWrite } from "../core";
import type { CellEdit } from "../host/WorkbookHost";

/** "G16" -> 16 (the row of an A1 address without its sheet). */
function rowOfCell(cell: string): number | null {
  const m = /^\$?[A-Za-z]{1,3}\$?(\d+)$/.exec(cell.trim());
  return m ? Number(m[1]) : null;
}

/** The rows each write touches, one CellEdit per tab (to re-check just those rows). */
export function editsOfWrites(writes: SetTextWrite[]): CellEdit[] {
  const bySheet = new Map<string, Set<number>>();
  for (const w of writes) {
    const row = rowOfCell(w.cell);
    if (row === null) continue;
    const rows = bySheet.get(w.sheet) ?? new Set<number>();
    rows.add(row);
    bySheet.set(w.sheet, rows);
  }
  return [...bySheet].map(([sheet, rows]) => ({ sheet, rows: [...rows].sort((a, b) => a - b) }));
}

/** Folds edits that arrived while waiting into one per tab. */
export function mergeEdits(edits: CellEdit[]): CellEdit[] {
  const bySheet = new Map<string, Set<number>>();
  for (const e of edits) {
    const rows = bySheet.get(e.sheet) ?? new Set<number>();
    for (const r of e.rows) rows.add(r);
    bySheet.set(e.sheet, rows);
  }
  return [...bySheet].map(([sheet, rows]) => ({ sheet, rows: [...rows].sort((a, b) => a - b) }));
}
