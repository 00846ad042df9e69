/**
 * The in-memory workbook's state: plain data, no Office.js semantics (those live in the
 * proxies of context.ts / range.ts / worksheet.ts …). Tests and the preview read and poke it.
 */
import type { CellBox, CellValue, SheetVisibility } from "../core/grid";
import { MAX_COLS, MAX_ROWS } from "../excel/a1";
import { MemoryEvents } from "./events";
import { UndoList } from "./undo";

export interface Hyperlink {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

export interface MemCell {
  value: CellValue;
  numberFormat: string;
  fill: string | null;
  bold: boolean;
  fontColor: string | null;
  hyperlink: Hyperlink | null;
}

export interface MemConditionalFormat {
  id: number;
  boxes: CellBox[];
  type: "Custom";
  formula: string;
  fill: string | null;
  fontColor: string | null;
  stopIfTrue: boolean;
}

export interface ListRule {
  list: { inCellDropDown: boolean; source: string };
}

export interface MemValidation {
  box: CellBox;
  rule: ListRule;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  prompt: { showPrompt: boolean; title: string; message: string };
  ignoreBlanks: boolean;
}

export interface MemChart {
  id: number;
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  position: string | null;
}

export interface MemSheet {
  id: string;
  name: string;
  visibility: SheetVisibility;
  protected: boolean;
  cells: Map<number, MemCell>;
  merges: CellBox[];
  /** In priority order: index 0 is priority 0 (evaluated first). */
  conditionalFormats: MemConditionalFormat[];
  validations: MemValidation[];
  charts: MemChart[];
  columnWidths: Map<number, number>;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  error: string | null;
}

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
const VALUES_CELL_LIMIT = 5_000_000;
/** Worksheet.getRanges fails with InvalidArgument past about this many characters of address (OfficeDev/office-js#5198). */
export const RANGES_ADDRESS_LIMIT = 8_192;
/** Range.getMergedAreasOrNullObject fails when the range holds more merged areas than this (Learn: Excel.Range, getMergedAreasOrNullObject). */
export const MERGED_AREAS_LIMIT = 512;

/** Which Excel the fake plays: where Microsoft documents a difference by platform, the fake follows this. */
export type MemoryPlatform = "web" | "desktop";

export function cellKey(row: number, col: number): number {
  return (row - 1) * MAX_COLS + (col - 1);
}

export function keyRow(key: number): number {
  return Math.floor(key / MAX_COLS) + 1;
}

export function keyCol(key: number): number {
  return (key % MAX_COLS) + 1;
}

export function emptyCell(): MemCell {
  return { value: null, numberFormat: "General", fill: null, bold: false, fontColor: null, hyperlink: null };
}

export function isBlankCell(cell: MemCell, valuesOnly: boolean): boolean {
  const noValue = cell.value === null || cell.value === "";
  if (valuesOnly) return noValue;
  return (
    noValue &&
    cell.numberFormat === "General" &&
    cell.fill === null &&
    !cell.bold &&
    cell.fontColor === null &&
    cell.hyperlink === null
  );
}

export class MemoryWorkbook {
  readonly sheets: MemSheet[] = [];
  readOnly = false;
  /**
   * Workbook structure protection (workbook.protection.protected, ExcelApi 1.7; Learn:
   * Excel.WorkbookProtection): adding, deleting, hiding, unhiding and renaming sheets fail.
   */
  structureProtected = false;
  /** "web" or "desktop": decides seriesBy "Auto" and what a huge range read does (see hugeRanges). */
  platform: MemoryPlatform = "web";
  /**
   * Past valuesCellLimit cells, Excel returns values/text/numberFormat as null (usual), or, on
   * desktop, may throw (Learn: "Excel JavaScript API performance optimization": "range too large"
   * reads can fail). "throw" plays the second.
   */
  hugeRanges: "null" | "throw" = "null";
  /**
   * The ExcelApi version the fake plays for events: below 1.14 a WorksheetChangedEventArgs has no
   * triggerSource (Learn: Excel.WorksheetChangedEventArgs.triggerSource, "API set: ExcelApi 1.14").
   */
  eventsApi: "1.13" | "1.14" = "1.14";
  /** The date TODAY() means in the fake's formula evaluation (UTC midnight); null = the clock's. */
  today: Date | null = null;
  activeSheetId: string | null = null;
  selection: { sheetId: string; box: CellBox } | null = null;
  eventsEnabled = true;
  calculationSuspended = false;
  /** Number of context.sync() round trips made so far. */
  syncCount = 0;
  /** One record per sync: estimated JSON sizes of what was sent and returned. */
  readonly syncLog: SyncRecord[] = [];
  /** Requests and responses larger than this fail with RequestPayloadSizeLimitExceeded (Excel on the web: 5 MB). */
  payloadLimit = PAYLOAD_LIMIT;
  /** Past about this many cells Excel returns range.values / text / numberFormat and getCellProperties as null instead of failing. */
  valuesCellLimit = VALUES_CELL_LIMIT;
  private nextSheet = 1;
  private nextObject = 1;
  /** worksheet.onChanged handlers and the changes waiting to be raised. */
  readonly events: MemoryEvents = new MemoryEvents(this);
  /** Excel's undo list (undo.ts): off unless a test sets undo.enabled. */
  readonly undo: UndoList = new UndoList(this);

  newId(): number {
    return this.nextObject++;
  }

  addSheet(name: string, visibility: SheetVisibility = "visible"): MemSheet {
    const sheet: MemSheet = {
      id: `{00000000-0001-0000-${String(this.nextSheet++).padStart(4, "0")}-000000000000}`,
      name,
      visibility,
      protected: false,
      cells: new Map(),
      merges: [],
      conditionalFormats: [],
      validations: [],
      charts: [],
      columnWidths: new Map(),
    };
    this.sheets.push(sheet);
    if (this.activeSheetId === null && visibility === "visible") this.activeSheetId = sheet.id;
    return sheet;
  }

  findSheet(name: string): MemSheet | null {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower) ?? null;
  }

  /** The sheet of that name; throws a plain Error for test set-up mistakes. */
  sheet(name: string): MemSheet {
    const sheet = this.findSheet(name);
    if (!sheet) throw new Error(`No sheet named ${name}`);
    return sheet;
  }

  setProtected(name: string, on: boolean): void {
    this.sheet(name).protected = on;
  }

  cell(sheet: MemSheet, row: number, col: number): MemCell | undefined {
    return sheet.cells.get(cellKey(row, col));
  }

  /** The cell, created when missing (for writes). */
  cellForWrite(sheet: MemSheet, row: number, col: number): MemCell {
    const key = cellKey(row, col);
    let cell = sheet.cells.get(key);
    if (!cell) {
      cell = emptyCell();
      sheet.cells.set(key, cell);
    }
    return cell;
  }

  /** Cells of a box that exist (sparse iteration when the box is large). */
  *cellsIn(sheet: MemSheet, box: CellBox): Generator<[number, number, MemCell]> {
    const size = (box.bottom - box.top + 1) * (box.right - box.left + 1);
    if (size <= sheet.cells.size) {
      for (let r = box.top; r <= box.bottom; r++)
        for (let c = box.left; c <= box.right; c++) {
          const cell = sheet.cells.get(cellKey(r, c));
          if (cell) yield [r, c, cell];
        }
      return;
    }
    for (const [key, cell] of sheet.cells) {
      const r = keyRow(key);
      const c = keyCol(key);
      if (r >= box.top && r <= box.bottom && c >= box.left && c <= box.right) yield [r, c, cell];
    }
  }

  /** The used range's box, or null when the sheet holds nothing. */
  usedBox(sheet: MemSheet, valuesOnly: boolean): CellBox | null {
    let top = MAX_ROWS + 1;
    let left = MAX_COLS + 1;
    let bottom = 0;
    let right = 0;
    for (const [key, cell] of sheet.cells) {
      if (isBlankCell(cell, valuesOnly)) continue;
      const r = keyRow(key);
      const c = keyCol(key);
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
    return bottom === 0 ? null : { top, left, bottom, right };
  }
}
