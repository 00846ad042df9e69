/** Header rows: a row in which at least three cells name a known column role (SEMANTICS.md "Tabs, tables, sections, actions"). */
import type { ColumnMap, Role } from "../model";
import type { SheetCells } from "./cells";
import type { RoleLookup } from "./roles";

/** Different roles a row's cells must name for it to be a header row (three "No" cells are one role). */
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
 * The header row at `row`, or null when its cells name fewer than three different roles.
 * When a role is named twice, the leftmost cell wins. When no cell names the action role,
 * the action is read from the leftmost header cell that names no role (e.g. "Activity").
 * Only the row's stored cells are visited.
 */
export function detectHeader(cells: SheetCells, row: number, lookup: RoleLookup): HeaderRow | null {
  // Most rows are not headers: the maps are made only once a cell names a role.
  let columns: ColumnMap | null = null;
  let headers: Partial<Record<Role, string>> | null = null;
  let distinct = 0;
  let leftmost = 0;
  let hasUnnamed = false;
  let firstUnnamedCol = 0;
  let firstUnnamedText = "";
  cells.eachValue(row, (col, v) => {
    if (typeof v !== "string") {
      if (leftmost === 0) leftmost = col;
      return;
    }
    const text = v.trim();
    if (!text) return;
    if (leftmost === 0) leftmost = col;
    const role = lookup(text);
    if (!role) {
      if (!hasUnnamed) {
        hasUnnamed = true;
        firstUnnamedCol = col;
        firstUnnamedText = text;
      }
      return;
    }
    if (columns === null || headers === null) {
      columns = {};
      headers = {};
    }
    if (columns[role] === undefined) {
      distinct++;
      columns[role] = col;
      headers[role] = text;
    }
  });
  const found = columns as ColumnMap | null;
  const named = headers as Partial<Record<Role, string>> | null;
  if (distinct < MIN_HEADER_ROLES || found === null || named === null) return null;
  if (found.action === undefined && hasUnnamed) {
    found.action = firstUnnamedCol;
    named.action = firstUnnamedText;
  }
  return { row, columns: found, headers: named, leftmost };
}
