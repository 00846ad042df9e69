/**
 * A1 addresses as Office.js reports and accepts them ("'Early Help'!A1:G17", "G:G", "3:3",
 * "D8:D10,D16"). Pure: shared by the adapter and the in-memory Excel.
 */
import type { CellBox } from "../core/grid";
import { columnLetters } from "../core/address";

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** 1 -> "A", 27 -> "AA" (the engine's own column lettering, so adapter and engine agree). */
export const colLetters = columnLetters;

/** "AA" -> 27; NaN for anything else. */
export function colNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return NaN;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Splits "Sheet!A1:B2" into its sheet (unquoted) and the address; the sheet is null when absent. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: address.trim() };
  let sheet = address.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1).trim() };
}

/** Splits a multi-area address on the commas that are not inside a quoted sheet name. */
export function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") quoted = !quoted;
    else if (ch === "," && !quoted) {
      parts.push(address.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(address.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const COLS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d+):\$?(\d+)$/;

/** Parses one area without a sheet ("G8", "G8:G17", "G:G", "3:5") into a box; null when it is not an address. */
export function parseBox(local: string): CellBox | null {
  const text = local.trim();
  const cols = COLS.exec(text);
  if (cols)
    return normalise({ top: 1, bottom: MAX_ROWS, left: colNumber(cols[1]), right: colNumber(cols[2]) });
  const rows = ROWS.exec(text);
  if (rows) return normalise({ top: Number(rows[1]), bottom: Number(rows[2]), left: 1, right: MAX_COLS });
  const [first, second, extra] = text.split(":");
  if (extra !== undefined || first === undefined) return null;
  const a = CELL.exec(first);
  const b = CELL.exec(second ?? first);
  if (!a || !b) return null;
  return normalise({
    top: Number(a[2]),
    left: colNumber(a[1]),
    bottom: Number(b[2]),
    right: colNumber(b[1]),
  });
}

function normalise(box: CellBox): CellBox | null {
  const out = {
    top: Math.min(box.top, box.bottom),
    bottom: Math.max(box.top, box.bottom),
    left: Math.min(box.left, box.right),
    right: Math.max(box.left, box.right),
  };
  const ok = [out.top, out.bottom, out.left, out.right].every((n) => Number.isInteger(n) && n >= 1);
  return ok && out.bottom <= MAX_ROWS && out.right <= MAX_COLS ? out : null;
}

/** Parses a possibly sheet-qualified, possibly multi-area address into boxes (sheet of the first area). */
export function parseAddress(address: string): { sheet: string | null; boxes: CellBox[] } | null {
  const boxes: CellBox[] = [];
  let sheet: string | null = null;
  for (const area of splitAreas(address)) {
    const part = splitSheet(area);
    if (sheet === null) sheet = part.sheet;
    const box = parseBox(part.local);
    if (!box) return null;
    boxes.push(box);
  }
  return boxes.length > 0 ? { sheet, boxes } : null;
}

/** "G8:G17" (a single cell as "G8"). */
export function boxAddress(box: CellBox): string {
  const tl = `${colLetters(box.left)}${box.top}`;
  if (box.top === box.bottom && box.left === box.right) return tl;
  return `${tl}:${colLetters(box.right)}${box.bottom}`;
}

/** A sheet name quoted as Excel quotes it in addresses it reports. */
function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function qualified(sheet: string, box: CellBox): string {
  return `${quoteSheetName(sheet)}!${boxAddress(box)}`;
}

export function intersects(a: CellBox, b: CellBox): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function intersection(a: CellBox, b: CellBox): CellBox | null {
  if (!intersects(a, b)) return null;
  return {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
}

export function area(box: CellBox): number {
  return (box.bottom - box.top + 1) * (box.right - box.left + 1);
}

export function sameBox(a: CellBox, b: CellBox): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

/** `box` minus `hole`: up to four boxes that together cover exactly the cells of box not in hole. */
export function subtract(box: CellBox, hole: CellBox): CellBox[] {
  const cut = intersection(box, hole);
  if (!cut) return [box];
  const out: CellBox[] = [];
  if (cut.top > box.top) out.push({ top: box.top, bottom: cut.top - 1, left: box.left, right: box.right });
  if (cut.bottom < box.bottom)
    out.push({ top: cut.bottom + 1, bottom: box.bottom, left: box.left, right: box.right });
  if (cut.left > box.left)
    out.push({ top: cut.top, bottom: cut.bottom, left: box.left, right: cut.left - 1 });
  if (cut.right < box.right)
    out.push({ top: cut.top, bottom: cut.bottom, left: cut.right + 1, right: box.right });
  return out;
}

/** Joins cells of one sheet ("D16", "D9", "D10") into runs per column: "D9:D10,D16". */
export function compressCells(cells: readonly string[]): string[] {
  const byCol = new Map<number, number[]>();
  for (const cell of cells) {
    const box = parseBox(cell);
    if (!box) throw new Error(`"${cell}" is not a cell address.`);
    for (let col = box.left; col <= box.right; col++) {
      const rows = byCol.get(col) ?? [];
      for (let row = box.top; row <= box.bottom; row++) rows.push(row);
      byCol.set(col, rows);
    }
  }
  const areas: string[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = [...new Set(byCol.get(col))].sort((a, b) => a - b);
    let start = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
      areas.push(boxAddress({ top: start, bottom: rows[i - 1], left: col, right: col }));
      start = rows[i];
    }
  }
  return areas;
}
