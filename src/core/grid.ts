/**
 * The engine's input: a workbook as plain data, exactly as an adapter (Office.js, exceljs,
 * the in-memory preview host) read it. Nothing here knows about Excel objects.
 *
 * Coordinates are 1-based like Excel's (row 1 = the first row, col 1 = column A).
 * `values[0][0]` is the cell at `origin`; every 2-D array has the same shape as `values`.
 */

/** What a cell holds: text, a number (Excel dates are serial numbers), a boolean, or nothing.
 * Error cells (#N/A, #REF!, …) arrive as their error text, e.g. "#N/A". */
export type CellValue = string | number | boolean | null;

/** An inclusive block of cells, 1-based (a merged area). */
export interface CellBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface SheetGrid {
  name: string;
  visibility: SheetVisibility;
  /** 1-based address of values[0][0] (the top-left of the used range). */
  origin: { row: number; col: number };
  /** Rows of cells; rows may be ragged (a missing cell reads as null). */
  values: CellValue[][];
  /** What Excel displays for each cell (optional; same shape as values). */
  texts?: (string | null)[][];
  /** Each cell's number format, e.g. "mmm-yy", "dd/mm/yyyy", "General" (optional; same shape). */
  numberFormats?: (string | null)[][];
  /** Each cell's solid fill colour as "#RRGGBB" (upper case), null for no fill (optional; same shape). */
  fills?: (string | null)[][];
  /** Merged areas that overlap the used range, in absolute 1-based coordinates. */
  merges?: CellBox[];
  /** Formula cells saved with no calculated value (some programs never calculate), absolute 1-based.
   * Their value reads as null; the engine reports them as `formula-not-calculated`, not as missing. */
  uncalculated?: { row: number; col: number }[];
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
  /** The workbook uses the 1904 date system: date serials in `values` are as stored (days since
   * 1 January 1904) and the engine reads them so. Absent or false: the 1900 system. */
  date1904?: boolean;
}
