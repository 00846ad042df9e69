/** Header rows: a row in which at least three cells name a known column role (SEMANTICS.md "Tabs, tables, sections, actions"). */
import type { ColumnMap, Role } from "../model";
import type { SheetCells } from "./cells";
import type { RoleLookup } from "./roles";

/** Cells that must name a role for a row to be a header row. */
const MIN_HEADER_ROLES = 3;

export interface HeaderRow {
  row: number;
  columns: ColumnMap;
  /** Each role's header text as written. */
  headers: Partial<Record<Role, string>>;
  /** The leftmost non-empty header cell (section headings sit at or left of it). */
  leftmost: number;
}

/**
 * The header row at `row`, or null when fewer than three cells name a role.
 * When a role is named twice, the leftmost cell wins. When no cell names the action role,
 * the action is read from the leftmost header cell that names no role (e.g. "Activity").
 */
export function detectHeader(cells: SheetCells, row: number, lookup: RoleLookup): HeaderRow | null {
  // Most rows are not headers: the maps are made only once a cell names a role.
  let columns: ColumnMap | null = null;
  let headers: Partial<Record<Role, string>> | null = null;
  let named = 0;
  let leftmost = 0;
  let hasUnnamed = false;
  let firstUnnamedCol = 0;
  let firstUnnamedText = "";
  for (let col = cells.firstCol; col <= cells.lastCol; col++) {
    const v = cells.value(row, col);
    if (typeof v !== "string") {
      if (v !== null && leftmost === 0) leftmost = col;
      continue;
    }
    const text = v.trim();
    if (!text) continue;
    if (leftmost === 0) leftmost = col;
    const role = lookup(text);
    if (!role) {
      if (!hasUnnamed) {
        hasUnnamed = true;
        firstUnnamedCol = col;
        firstUnnamedText = text;
      }
      continue;
    }
    named++;
    if (columns === null || headers === null) {
      columns = {};
      headers = {};
    }
    if (columns[role] === undefined) {
      columns[role] = col;
      headers[role] = text;
    }
  }
  if (named < MIN_HEADER_ROLES || columns === null || headers === null) return null;
  if (columns.action === undefined && hasUnnamed) {
    columns.action = firstUnnamedCol;
    headers.action = firstUnnamedText;
  }
  return { row, columns, headers, leftmost };
}
