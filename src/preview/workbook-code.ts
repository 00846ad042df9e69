/**
 * The preview's lazy "preview-workbook" chunk (loaded by lazy-workbook.ts while the page first
 * draws): the in-memory workbook and Excel (memory-excel), building one from a grid or an .xlsx
 * (load.ts; exceljs itself is yet another chunk, loaded only for an .xlsx), the grid view, and
 * the export back to a grid for Download workbook.
 */
export { GridView } from "./GridView";
export { workbookFromSampleGrid, workbookFromXlsx } from "./load";
export { toGrid } from "../memory-excel/grid";
