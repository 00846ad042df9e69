/**
 * An .xlsx file (bytes) -> a fresh in-memory workbook, in the browser only: readXlsx (exceljs,
 * loaded on demand) gives the grid and the add-in's stored data; the stored data goes back into
 * a very hidden "SDP Assistant Data" tab laid out by core/storage-layout, exactly where the
 * add-in keeps it in Excel, so the pane's production code reads it the same way.
 */
import { STORAGE_SHEET, storageRows } from "../core/storage-layout";
import { memoryWorkbookFromGrid } from "../memory-excel/grid";
import type { MemoryWorkbook } from "../memory-excel/state";

export interface OpenedWorkbook {
  workbook: MemoryWorkbook;
  /** The as-of date the workbook's stored settings fix (null: judged as of today). */
  asOf: string | null;
}

export async function workbookFromXlsx(bytes: ArrayBuffer | Uint8Array): Promise<OpenedWorkbook> {
  const { readXlsx } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/read-xlsx.js");
  const read = await readXlsx(bytes);
  const workbook = memoryWorkbookFromGrid(read.grid);
  const stored = { settings: read.settings ?? undefined, snapshot: read.snapshot ?? undefined, owned: read.owned ?? undefined };
  if (stored.settings !== undefined || stored.snapshot !== undefined || stored.owned !== undefined) {
    const sheet = workbook.addSheet(STORAGE_SHEET, "veryHidden");
    storageRows(stored).forEach((row, r) =>
      (row ?? []).forEach((value, c) => {
        if (value !== null && value !== "") workbook.cellForWrite(sheet, r + 1, c + 1).value = value;
      }),
    );
  }
  const first = workbook.sheets.find((s) => s.visibility === "visible");
  workbook.activeSheetId = first?.id ?? null;
  const settings = read.settings as { asOf?: unknown } | null;
  return { workbook, asOf: typeof settings?.asOf === "string" ? settings.asOf : null };
}

/** Why a file could not be opened, as one sentence for the page. */
export function openProblem(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim() || "The file could not be read as an .xlsx workbook.";
}
