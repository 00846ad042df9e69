import { Workbook } from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SheetGrid, WorkbookGrid } from "../../src/core/grid";

export const FIXTURE = join(__dirname, "..", "fixtures", "sdp-2022-23.xlsx");

export function fixtureBytes(): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURE));
}

/** Builds a workbook with exceljs and returns its .xlsx bytes. */
export async function xlsxBytes(build: (wb: Workbook) => void): Promise<Uint8Array> {
  const wb = new Workbook();
  build(wb);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

export function sheetOf(grid: WorkbookGrid, name: string): SheetGrid {
  const sheet = grid.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}; have ${grid.sheets.map((s) => s.name).join(", ")}`);
  return sheet;
}

/** Parses "D6" into 1-based row/col. */
function parseA1(a1: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`bad address ${a1}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

type Layer = "values" | "texts" | "numberFormats" | "fills";

/** What the grid holds at an absolute A1 address (null outside the grid or past a ragged row). */
export function at(sheet: SheetGrid, a1: string, layer: Layer = "values"): unknown {
  const { row, col } = parseA1(a1);
  const rows = sheet[layer];
  if (!rows) return undefined;
  const r = row - sheet.origin.row;
  const c = col - sheet.origin.col;
  if (r < 0 || c < 0) return null;
  return rows[r]?.[c] ?? null;
}
