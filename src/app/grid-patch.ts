/** A WorkbookGrid with some rows of one tab replaced by freshly read rows (live re-check). Pure. */
import type { CellValue, SheetGrid, WorkbookGrid } from "../core/index";
import type { RowsRead } from "../host/WorkbookHost";

type Layer = "values" | "texts" | "numberFormats" | "fills";

function at<T>(rows: T[][] | undefined, r: number, c: number): T | null {
  return rows?.[r]?.[c] ?? null;
}

function patchSheet(sheet: SheetGrid, rows: RowsRead): SheetGrid {
  const oldTop = sheet.origin.row;
  const oldLeft = sheet.origin.col;
  const oldHeight = sheet.values.length;
  const oldWidth = Math.max(0, ...sheet.values.map((r) => r.length));
  const newHeight = rows.values.length;
  const newWidth = Math.max(0, ...rows.values.map((r) => r.length));
  const top = oldHeight > 0 ? Math.min(oldTop, rows.firstRow) : rows.firstRow;
  const bottom = Math.max(oldHeight > 0 ? oldTop + oldHeight - 1 : 0, rows.firstRow + newHeight - 1);
  const left = 1;
  const right = Math.max(oldHeight > 0 ? oldLeft + oldWidth - 1 : 0, newWidth);
  const layer = <T>(name: Layer, fresh: T[][]): (T | null)[][] => {
    const old = sheet[name] as T[][] | undefined;
    const out: (T | null)[][] = [];
    for (let r = top; r <= bottom; r++) {
      const row: (T | null)[] = [];
      const isNew = r >= rows.firstRow && r < rows.firstRow + newHeight;
      for (let c = left; c <= right; c++)
        row.push(isNew ? at(fresh, r - rows.firstRow, c - 1) : at(old, r - oldTop, c - oldLeft));
      out.push(row);
    }
    return out;
  };
  return {
    ...sheet,
    origin: { row: top, col: left },
    values: layer<CellValue>("values", rows.values),
    texts: layer("texts", rows.texts),
    numberFormats: layer("numberFormats", rows.numberFormats),
    fills: layer("fills", rows.fills),
  };
}

export function patchGrid(grid: WorkbookGrid, rows: RowsRead): WorkbookGrid {
  return { sheets: grid.sheets.map((s) => (s.name === rows.sheet ? patchSheet(s, rows) : s)) };
}
