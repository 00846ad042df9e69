/**
 * One exceljs worksheet -> a SheetGrid. Only rows that exist in the file are visited, and the
 * grid spans the cells that hold a value (formatting alone never widens it), so a sheet
 * formatted down to row 1,048,576 stays small. Rows with no value inside the grid share one
 * empty row, and each row stops at its last cell with a value or a fill (rows are ragged).
 */
import type { Cell, Row, Worksheet } from "exceljs";
import type { CellBox, CellValue, SheetGrid, SheetVisibility } from "../../../src/core/grid";
import { readValue, type ReadCell } from "./cell-value";
import { resolveColour } from "../../../src/xlsx/colours";

/** exceljs's ValueType.Merge: a cell covered by a merge (its value belongs to the top-left cell). */
const MERGE_TYPE = 1;

interface GridCell {
  col: number;
  value: CellValue;
  text: string | null;
  numberFormat: string | null;
  fill: string | null;
}

const EMPTY_ROW: never[] = Object.freeze([]) as unknown as never[];

function visibilityOf(state: unknown): SheetVisibility {
  return state === "hidden" || state === "veryHidden" ? state : "visible";
}

function fillOf(cell: Cell, theme: readonly string[]): string | null {
  const fill: unknown = cell.fill;
  if (typeof fill !== "object" || fill === null) return null;
  const { type, pattern, fgColor } = fill as { type?: unknown; pattern?: unknown; fgColor?: unknown };
  if (type !== "pattern" || pattern === "none" || pattern === undefined) return null;
  return typeof fgColor === "object" && fgColor !== null ? resolveColour(fgColor, theme) : null;
}

/** A cell's value and text (readValue, with the common plain text and number cells read inline). */
function valueOf(raw: unknown): ReadCell {
  if (typeof raw === "string") return raw === "" ? EMPTY_READ : { value: raw, text: raw };
  if (typeof raw === "number" && Number.isFinite(raw)) return { value: raw, text: null };
  return readValue(raw);
}

const EMPTY_READ: ReadCell = { value: null, text: null };

/** The cell as the grid holds it, or null when it has neither a value nor a fill (most empty cells: no object made). */
function readCell(cell: Cell, col: number, theme: readonly string[]): GridCell | null {
  const covered = (cell.type as number) === MERGE_TYPE;
  const { value, text } = covered ? EMPTY_READ : valueOf(cell.value);
  const fill = fillOf(cell, theme);
  if (value === null && fill === null) return null;
  const numFmt: unknown = value === null ? null : cell.numFmt;
  const numberFormat =
    value === null ? null : typeof numFmt === "string" && numFmt !== "" ? numFmt : "General";
  return { col, value, text, numberFormat, fill };
}

function mergesOf(sheet: Worksheet): CellBox[] {
  const raw: unknown = (sheet as unknown as { _merges?: unknown })._merges;
  if (typeof raw !== "object" || raw === null) return [];
  const boxes: CellBox[] = [];
  for (const range of Object.values(raw as Record<string, unknown>)) {
    if (typeof range !== "object" || range === null) continue;
    const { top, left, bottom, right } = range as Record<string, unknown>;
    if (
      typeof top === "number" &&
      typeof left === "number" &&
      typeof bottom === "number" &&
      typeof right === "number"
    ) {
      boxes.push({ top, left, bottom, right });
    }
  }
  return boxes.sort((a, b) => a.top - b.top || a.left - b.left);
}

function overlaps(box: CellBox, top: number, left: number, bottom: number, right: number): boolean {
  return box.top <= bottom && box.bottom >= top && box.left <= right && box.right >= left;
}

export function readSheet(sheet: Worksheet, theme: readonly string[]): SheetGrid {
  const rows = new Map<number, GridCell[]>();
  let top = Infinity,
    left = Infinity,
    bottom = 0,
    right = 0;
  sheet.eachRow((row: Row, rowNumber: number) => {
    const cells: GridCell[] = [];
    let firstValue = 0;
    let lastValue = 0;
    // includeEmpty visits the row's cells up to its last one, so fill-only cells (colour-only ratings) count.
    row.eachCell({ includeEmpty: true }, (cell: Cell, col: number) => {
      const read = readCell(cell, col, theme);
      if (read === null) return;
      cells.push(read);
      if (read.value !== null) {
        if (firstValue === 0) firstValue = col;
        lastValue = col;
      }
    });
    if (firstValue === 0) return;
    rows.set(rowNumber, cells);
    top = Math.min(top, rowNumber);
    bottom = Math.max(bottom, rowNumber);
    left = Math.min(left, firstValue);
    right = Math.max(right, lastValue);
  });

  const name = sheet.name;
  const visibility = visibilityOf(sheet.state);
  if (rows.size === 0) {
    return {
      name,
      visibility,
      origin: { row: 1, col: 1 },
      values: [],
      texts: [],
      numberFormats: [],
      fills: [],
      merges: [],
    };
  }

  const values: CellValue[][] = [];
  const texts: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  const fills: (string | null)[][] = [];
  for (let r = top; r <= bottom; r++) {
    const all = rows.get(r) ?? [];
    const cells =
      all.length > 0 && all[0].col >= left && all[all.length - 1].col <= right
        ? all
        : all.filter((c) => c.col >= left && c.col <= right);
    if (cells.length === 0) {
      values.push(EMPTY_ROW);
      texts.push(EMPTY_ROW);
      numberFormats.push(EMPTY_ROW);
      fills.push(EMPTY_ROW);
      continue;
    }
    const width = cells[cells.length - 1].col - left + 1;
    const v: CellValue[] = new Array<CellValue>(width).fill(null);
    const t: (string | null)[] = new Array<string | null>(width).fill(null);
    const f: (string | null)[] = new Array<string | null>(width).fill(null);
    const n: (string | null)[] = new Array<string | null>(width).fill(null);
    for (const c of cells) {
      const i = c.col - left;
      v[i] = c.value;
      t[i] = c.text;
      n[i] = c.numberFormat;
      f[i] = c.fill;
    }
    values.push(v);
    texts.push(t);
    numberFormats.push(n);
    fills.push(f);
  }
  const merges = mergesOf(sheet).filter((m) => overlaps(m, top, left, bottom, right));
  return { name, visibility, origin: { row: top, col: left }, values, texts, numberFormats, fills, merges };
}
