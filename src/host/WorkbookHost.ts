/**
 * The one interface the task pane and ribbon commands use to reach a workbook.
 * Implemented over Office.js in src/excel/ (which runs against real Excel, or against the
 * in-memory Excel of the browser preview and the tests). The UI never calls Excel.* itself.
 *
 * Round trips: read() is one context.sync and apply() one more; where Excel caps a request at
 * 5 MB (Excel on the web), a huge workbook costs one more sync per payload chunk. Nothing is
 * half-written: apply() checks protection before writing anything.
 */
import type { CellValue, WorkbookGrid } from "../core/grid";
import type { PlanWrite } from "../core/writes";

/** Formatting already on a column of a plan tab, found by read(), so the add-in can ask before replacing it. */
export interface ExistingRules {
  sheet: string;
  /** 1-based column. */
  column: number;
  /** The column has data validation the add-in did not add. */
  userValidation: boolean;
  /** Number of conditional formats on the column the add-in did not add. */
  userConditionalFormats: number;
}

export interface WorkbookRead {
  grid: WorkbookGrid;
  /** The add-in's stored settings (raw JSON, validated by the caller), or null. */
  settings: unknown;
  /**
   * The last stored snapshot (raw JSON, validated by the caller), or null: none stored, or the
   * read was asked to skip it (`snapshotSkipped`).
   */
  snapshot: unknown;
  /** True when the add-in's data tab was there but this read did not load its snapshot (ReadOptions "skip"). */
  snapshotSkipped?: boolean;
  /** Tabs whose protection forbids the add-in's writes. */
  protectedSheets: string[];
  /** The whole workbook is read-only (opened read-only, or in a view-only session). */
  readOnly: boolean;
  existingRules: ExistingRules[];
  /** Sheets whose used range was too large to read whole; what was read and what was not. */
  notes: string[];
}

/**
 * What a read loads besides the plan. The stored snapshot (the previous reviews) can be tens of MB
 * at 100,000 actions, read in several syncs: only Summarise progress (movement since the last
 * review, the list of earlier reviews) needs it, so every other command skips it.
 */
export interface ReadOptions {
  /** "load" (the default): the stored snapshot too; "skip": not a cell of it is loaded. */
  snapshot?: "load" | "skip";
}

export interface ApplyOptions {
  /** Replace formatting/validation the user had on the rating columns (only after asking). */
  replaceUserRules?: boolean;
  /** Store this snapshot in the workbook (Summarise progress). */
  snapshot?: unknown;
}

export interface ApplyResult {
  /** Cells whose text changed (only set-text writes change text). */
  changedCells: number;
}

export interface CellEdit {
  sheet: string;
  /** 1-based rows touched by the edit. */
  rows: number[];
}

export interface RowsRead {
  sheet: string;
  /** 1-based first row of `values`; values[i] is row firstRow + i, from column A. */
  firstRow: number;
  values: CellValue[][];
  texts: (string | null)[][];
  numberFormats: (string | null)[][];
  fills: (string | null)[][];
}

export interface WorkbookHost {
  /** Reads every tab the plan needs in one round trip (the stored snapshot only when asked). */
  read(options?: ReadOptions): Promise<WorkbookRead>;
  /** Reads a few rows of one tab (live re-check after an edit), in one round trip. */
  readRows(sheet: string, firstRow: number, lastRow: number, lastColumn: number): Promise<RowsRead>;
  /** Applies the engine's writes in one round trip (more only for payload chunks); throws a readable Error and writes nothing when it cannot. */
  apply(writes: PlanWrite[], options?: ApplyOptions): Promise<ApplyResult>;
  /** Removes every rule, highlight and dropdown the add-in added (user text and the summary tab stay). */
  removeAddedFormatting(): Promise<void>;
  /** Selects a cell, e.g. "'Early Help'!G16", and brings its tab to the front. */
  select(address: string): Promise<void>;
  /** Stores the add-in's settings in the document and reads them back; throws when they did not stick. */
  saveSettings(settings: unknown): Promise<void>;
  /** Calls back (after the user's own edits, not the add-in's) with the rows that changed. Returns an unsubscribe. */
  onEdited(handler: (edit: CellEdit) => void): Promise<() => Promise<void>>;
}
