/** The text a cell holds in a read grid (its value as text; "" when empty). */
import type { WorkbookGrid } from "../core/index";

function position(cell: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(cell.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

export function currentText(grid: WorkbookGrid, sheet: string, cell: string): string | null {
  const s = grid.sheets.find((x) => x.name === sheet);
  const at = position(cell);
  if (!s || !at) return null;
  const value = s.values[at.row - s.origin.row]?.[at.col - s.origin.col] ?? null;
  if (value === null) return "";
  return typeof value === "string"
    ? value
    : (s.texts?.[at.row - s.origin.row]?.[at.col - s.origin.col] ?? String(value));
}
