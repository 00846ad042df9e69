import type { CellValue } from "../core/grid";

/** The cell arrays of one used range, converted for the engine. */
export interface SheetCells {
  values: CellValue[][];
  texts: (string | null)[][];
  numberFormats: (string | null)[][];
  fills: (string | null)[][];
}
