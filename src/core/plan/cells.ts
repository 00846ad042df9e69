/**
 * Reading one tab's cells by absolute 1-based address, with merges applied: the value of a
 * merge belongs to its top-left cell; the other cells of the merge read as empty (no value,
 * no text, no fill). Merges are indexed once per tab, so each cell read is O(1).
 */
import type { CellBox, CellValue, SheetGrid } from "../grid";

export interface SheetCells {
  readonly sheet: SheetGrid;
  /** First and last 1-based row of the used range. */
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
  value(row: number, col: number): CellValue;
  /** What the user sees in the cell, trimmed of nothing ("" for an empty cell). */
  text(row: number, col: number): string;
  numberFormat(row: number, col: number): string | null;
  fill(row: number, col: number): string | null;
  /** The merge whose top-left is this cell, if any. */
  mergeAt(row: number, col: number): CellBox | null;
  /**
   * Calls `visit` with each column of the row that stores a value (not null, not covered by a
   * merge), left to right, stopping when `visit` returns false. Visits the stored cells only, so a
   * row costs what it holds, not the used range's width (a value at XFD1048576 stays cheap).
   */
  eachValue(row: number, visit: (col: number, value: CellValue) => boolean | void): void;
  /** A formula cell saved with no calculated value (grid.uncalculated). */
  isUncalculated(row: number, col: number): boolean;
  /** The rows that store at least one value, in order (worked out once): loops over rows visit these only. */
  storedRows(): readonly number[];
}

export function sheetCells(sheet: SheetGrid): SheetCells {
  const originRow = sheet.origin.row;
  const originCol = sheet.origin.col;
  const values = Array.isArray(sheet.values) ? sheet.values : [];
  let width = 0;
  forEachPresent(values, (r) => {
    if (Array.isArray(r) && r.length > width) width = r.length;
  });
  // (rows that are not arrays read as empty)
  // merges covering each row, by row index (row - originRow): an array lookup per cell read
  const covered: (CellBox[] | undefined)[] = [];
  let anyCovered = false;
  const topLefts = new Map<string, CellBox>();
  const lastRow = originRow + values.length - 1;
  for (const m of sheet.merges ?? []) {
    if (!validBox(m)) continue;
    topLefts.set(`${m.top},${m.left}`, m);
    const from = Math.max(m.top, originRow);
    const to = Math.min(m.bottom, lastRow);
    for (let r = from; r <= to; r++) {
      const list = covered[r - originRow];
      if (list) list.push(m);
      else covered[r - originRow] = [m];
      anyCovered = true;
    }
  }
  /** Inside a merge but not its top-left: reads as empty. */
  const isCovered = (row: number, col: number): boolean => {
    if (!anyCovered) return false;
    const boxes = row >= originRow && row <= lastRow ? covered[row - originRow] : undefined;
    if (!boxes) return false;
    for (const m of boxes) {
      if (col >= m.left && col <= m.right) return !(row === m.top && col === m.left);
    }
    return false;
  };
  const at = <T>(grid: T[][] | undefined, row: number, col: number): T | undefined => {
    if (grid === undefined) return undefined;
    const r = grid[row - originRow];
    return r === undefined || r === null ? undefined : r[col - originCol];
  };
  const value = (row: number, col: number): CellValue => {
    if (anyCovered && isCovered(row, col)) return null;
    const r = values[row - originRow];
    const v = r === undefined || r === null ? undefined : r[col - originCol];
    return v === undefined ? null : v;
  };
  const text = (row: number, col: number): string => {
    const v = value(row, col);
    if (v === null) return "";
    if (typeof v === "string") return v;
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    if (typeof v !== "number") return "";
    const shown = at(sheet.texts, row, col);
    if (typeof shown === "string" && shown !== "" && !/^#+$/.test(shown)) return shown;
    return Number.isFinite(v) ? String(v) : "";
  };
  const eachValue = (row: number, visit: (col: number, value: CellValue) => boolean | void): void => {
    const r = values[row - originRow];
    if (!Array.isArray(r)) return;
    const n = r.length;
    if (n > SPARSE_CHECK && looksSparse(r)) {
      forEachPresent(r, (v, i) => {
        if (v === null || v === undefined) return true;
        const col = originCol + i;
        if (anyCovered && isCovered(row, col)) return true;
        return visit(col, v) !== false;
      });
      return;
    }
    // a dense row (every reader's): a plain loop, no closure per row (every stored row is visited
    // two to four times a check: header detection, headings, titles, the no-table test)
    for (let i = 0; i < n; i++) {
      const v: CellValue | undefined = r[i];
      if (v === null || v === undefined) continue;
      const col = originCol + i;
      if (anyCovered && isCovered(row, col)) continue;
      if (visit(col, v) === false) return;
    }
  };
  let stored: number[] | null = null;
  const storedRows = (): readonly number[] => {
    if (stored) return stored;
    const rows: number[] = [];
    const hasValue = (r: unknown): boolean => {
      if (!Array.isArray(r) || r.length === 0) return false;
      let found = false;
      if (r.length > SPARSE_CHECK && looksSparse(r)) {
        forEachPresent(r, (v) => !(found = v !== null && v !== undefined));
        return found;
      }
      for (let j = 0; j < r.length; j++) if (r[j] !== null && r[j] !== undefined) return true;
      return false;
    };
    if (values.length > SPARSE_CHECK && looksSparse(values)) {
      forEachPresent(values, (r, i) => {
        if (hasValue(r)) rows.push(originRow + i);
      });
    } else {
      for (let i = 0; i < values.length; i++) if (hasValue(values[i])) rows.push(originRow + i);
    }
    stored = rows;
    return rows;
  };
  const uncalculated = new Map<number, Set<number>>();
  for (const u of Array.isArray(sheet.uncalculated) ? sheet.uncalculated : []) {
    if (!u || !Number.isInteger(u.row) || !Number.isInteger(u.col)) continue;
    const cols = uncalculated.get(u.row);
    if (cols) cols.add(u.col);
    else uncalculated.set(u.row, new Set([u.col]));
  }
  return {
    sheet,
    firstRow: originRow,
    lastRow,
    firstCol: originCol,
    lastCol: originCol + width - 1,
    value,
    text,
    numberFormat: (row, col) => (isCovered(row, col) ? null : (at(sheet.numberFormats, row, col) ?? null)),
    fill: (row, col) => (isCovered(row, col) ? null : (at(sheet.fills, row, col) ?? null)),
    mergeAt: (row, col) => topLefts.get(`${row},${col}`) ?? null,
    eachValue,
    storedRows,
    isUncalculated: (row, col) => uncalculated.size > 0 && uncalculated.get(row)?.has(col) === true,
  };
}

function validBox(m: CellBox): boolean {
  return (
    Number.isInteger(m.top) &&
    Number.isInteger(m.left) &&
    Number.isInteger(m.bottom) &&
    Number.isInteger(m.right) &&
    m.top >= 1 &&
    m.left >= 1 &&
    m.bottom >= m.top &&
    m.right >= m.left
  );
}

/** Arrays longer than this are checked for holes before they are looped over. */
const SPARSE_CHECK = 4096;

/**
 * Calls `visit` with each present element of an array and its index, in order, stopping when it
 * returns false. A sparse array (an adapter may store one far cell as `values[1048575]`) is
 * walked by its stored indices, so its cost is what it stores, not its length; a dense array by index.
 */
function forEachPresent<T>(arr: readonly T[], visit: (item: T, index: number) => boolean | void): void {
  const n = arr.length;
  if (n > SPARSE_CHECK && looksSparse(arr)) {
    // for-in is the point here: it visits the stored indices only (holes skipped); other keys are filtered out below
    // eslint-disable-next-line @typescript-eslint/no-for-in-array -- a sparse row's cost must be what it stores
    for (const key in arr) {
      const i = Number(key);
      if (!Number.isInteger(i) || i < 0 || i >= n) continue;
      if (visit(arr[i], i) === false) return;
    }
    return;
  }
  for (let i = 0; i < n; i++) if (visit(arr[i], i) === false) return;
}

/** A hole at any of 64 evenly spaced indices (a dense array from a reader has none). */
function looksSparse(arr: readonly unknown[]): boolean {
  const n = arr.length;
  for (let s = 1; s <= 64; s++) if (!(Math.floor(((n - 1) * s) / 65) in arr)) return true;
  return false;
}
