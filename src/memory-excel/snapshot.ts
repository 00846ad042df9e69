/** The whole workbook state as plain data without internal ids, to compare two states exactly. */
import { toGrid } from "./grid";
import type { MemoryWorkbook } from "./state";

export function snapshotState(workbook: MemoryWorkbook): string {
  return JSON.stringify({
    grid: toGrid(workbook),
    order: workbook.sheets.map((s) => s.name),
  });
}
