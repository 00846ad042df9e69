/**
 * One tab's structure: its tables (header row to the next header row or the end), its
 * section headings, and the rows that are actions, with each action's section and reason
 * (a row with an empty reason continues the reason of the action above).
 */
import type { PlanTable } from "../model";
import type { SheetCells } from "./cells";
import { detectHeader, type HeaderRow } from "./headers";
import type { RoleLookup } from "./roles";

export interface Heading {
  row: number;
  name: string;
}

/** An action row before its cells are read into an Action. */
export interface ActionRow {
  row: number;
  /** Index into SheetLayout.tables. */
  table: number;
  section: string | null;
  /** The reason as read (its own, or the one it continues). */
  reason: string;
}

export interface SheetLayout {
  name: string;
  tables: PlanTable[];
  headerRows: HeaderRow[];
  headings: Heading[];
  actionRows: ActionRow[];
  /** Texts of the cells above the first header row (titles), in reading order. */
  titles: string[];
}

/** Reads a tab's structure; null when it has no header row (not a plan tab). */
export function readLayout(cells: SheetCells, lookup: RoleLookup): SheetLayout | null {
  const name = cells.sheet.name;
  const headerRows: HeaderRow[] = [];
  // rows that store nothing are neither headers, headings nor actions: only stored rows are visited
  const stored = cells.storedRows();
  for (const row of stored) {
    const header = detectHeader(cells, row, lookup);
    if (header) headerRows.push(header);
  }
  const first = headerRows[0];
  if (!first) return null;

  const tables: PlanTable[] = headerRows.map((h, i) => ({
    sheet: name,
    headerRow: h.row,
    lastRow: (headerRows[i + 1]?.row ?? cells.lastRow + 1) - 1,
    columns: h.columns,
    headers: h.headers,
  }));
  const headings: Heading[] = [];
  const actionRows: ActionRow[] = [];
  let section: string | null = null;

  // a heading directly above the first header row (no blank row between)
  const above = headingAt(cells, first.row - 1, first);
  if (above) {
    headings.push(above);
    section = above.name;
  }
  headerRows.forEach((header, t) => {
    const table = tables[t];
    if (!table) return;
    const next = headerRows[t + 1];
    let reason = "";
    for (let i = firstAfter(stored, header.row); i < stored.length && stored[i] <= table.lastRow; i++) {
      const row = stored[i];
      const heading = headingAt(cells, row, next && row === next.row - 1 ? next : header);
      if (heading) {
        headings.push(heading);
        section = heading.name;
        reason = "";
        continue;
      }
      const actionCol = header.columns.action;
      if (actionCol === undefined || !cells.text(row, actionCol).trim()) continue;
      const own = header.columns.reason === undefined ? "" : cells.text(row, header.columns.reason).trim();
      if (own) reason = own;
      actionRows.push({ row, table: t, section, reason });
    }
  });
  return { name, tables, headerRows, headings, actionRows, titles: titleTexts(cells, first.row) };
}

/**
 * A section heading: a row with exactly one non-empty cell that is merged across columns or
 * stands at or left of the table's leftmost header cell. (A lone cell further right, such as
 * an action with every other cell empty, is not a heading.)
 */
export function headingAt(cells: SheetCells, row: number, header: HeaderRow): Heading | null {
  if (row < cells.firstRow || row > cells.lastRow) return null;
  let only: { col: number; text: string } | null = null;
  let several = false;
  cells.eachValue(row, (col) => {
    const text = cells.text(row, col).trim();
    if (!text) return true;
    if (only) {
      several = true;
      return false;
    }
    only = { col, text };
    return true;
  });
  const lone = only as { col: number; text: string } | null;
  if (several || !lone) return null;
  const merge = cells.mergeAt(row, lone.col);
  const wide = merge !== null && merge.right > merge.left;
  return wide || lone.col <= header.leftmost ? { row, name: lone.text } : null;
}

/** The index of the first row in `rows` (ascending) after `row`. */
function firstAfter(rows: readonly number[], row: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid] <= row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function titleTexts(cells: SheetCells, headerRow: number): string[] {
  const out: string[] = [];
  for (const row of cells.storedRows()) {
    if (row >= headerRow) break;
    cells.eachValue(row, (col) => {
      const text = cells.text(row, col).trim();
      if (text) out.push(text);
    });
  }
  return out;
}

/** Rows with text in at least this many cells look like a table's rows. */
const TABLE_ROW_CELLS = 2;
/** How many such rows make a tab look like it holds a table. */
const TABLE_ROWS = 2;

/**
 * True when a tab with no header row still looks like it holds a table: at least two rows each
 * with text in two or more cells (a notes tab of single-cell paragraphs does not). Such a tab gets
 * "no plan table found on <tab>: name its columns" (SEMANTICS.md "Plans from other councils").
 */
export function hasRowsOfText(cells: SheetCells): boolean {
  let rows = 0;
  for (const row of cells.storedRows()) {
    let texts = 0;
    cells.eachValue(row, (_col, v) => {
      if (typeof v === "string" && v.trim() !== "") texts++;
      return texts < TABLE_ROW_CELLS;
    });
    if (texts >= TABLE_ROW_CELLS && ++rows >= TABLE_ROWS) return true;
  }
  return false;
}
