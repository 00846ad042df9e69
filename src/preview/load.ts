/**
 * A workbook for the preview, in the browser only: the grid and the add-in's stored data (as
 * readXlsx gives them) -> a fresh in-memory workbook and its in-memory Excel. The stored data
 * goes back into a very hidden "SDP Assistant Data" tab laid out by core/storage-layout, exactly
 * where the add-in keeps it in Excel, so the pane's production code reads it the same way.
 *
 * Two sources: an .xlsx file (Open workbook…; the reader, saxes and fflate load on demand), and the sample plan
 * prebuilt as JSON (assets/sample-plan.grid.json, readXlsx's output for assets/sample-plan.xlsx,
 * written by src/tools/make-sample.mjs), so the preview's start needs no reader at all.
 *
 * Part of the preview's lazy "preview-workbook" chunk (workbook-code.ts).
 */
import { isIsoDate } from "../core/dates";
import type { WorkbookGrid } from "../core/grid";
import { STORAGE_SHEET, storageRows } from "../core/storage-layout";
import { memoryWorkbookFromGrid } from "../memory-excel/grid";
import { createMemoryExcel } from "../memory-excel/install";
import type { OpenedWorkbook } from "./store";

/** What readXlsx gives: the grid, and the add-in's stored data (raw JSON, validated by the pane when it reads it). */
export interface ReadWorkbook {
  grid: WorkbookGrid;
  settings: unknown;
  snapshot: unknown;
  owned: unknown;
}

/** assets/sample-plan.grid.json */
export interface SampleGridFile {
  format: typeof SAMPLE_GRID_FORMAT;
  version: 1;
  /** The .xlsx it was read from (assets/). */
  source: string;
  read: ReadWorkbook;
}

export const SAMPLE_GRID_FORMAT = "sdp-assistant-sample-grid";

export function workbookFromRead(read: ReadWorkbook): OpenedWorkbook {
  const workbook = memoryWorkbookFromGrid(read.grid);
  const stored = {
    settings: read.settings ?? undefined,
    snapshot: read.snapshot ?? undefined,
    owned: read.owned ?? undefined,
  };
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
  const asOf = typeof settings?.asOf === "string" && isIsoDate(settings.asOf) ? settings.asOf : null;
  // The grid shows the add-in's highlights live, by TODAY(). A plan whose stored settings judge it
  // as of a fixed day (the sample: its review date) is shown as Excel would show it on that day, so
  // the grid agrees with the pane; in Excel itself TODAY() is always the real day.
  if (asOf) workbook.today = new Date(`${asOf}T00:00:00Z`);
  return {
    workbook,
    excel: createMemoryExcel(workbook),
    asOf: typeof settings?.asOf === "string" ? settings.asOf : null,
  };
}

export async function workbookFromXlsx(bytes: ArrayBuffer | Uint8Array): Promise<OpenedWorkbook> {
  // The reader over fflate (its default unzip): no exceljs is loaded to open a workbook.
  const { readXlsx } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/read-xlsx.js");
  return workbookFromRead(await readXlsx(bytes));
}

/** The parsed assets/sample-plan.grid.json -> the sample workbook (throws a readable error for anything else). */
export function workbookFromSampleGrid(data: unknown): OpenedWorkbook {
  const file = data as Partial<SampleGridFile> | null;
  if (
    !file ||
    file.format !== SAMPLE_GRID_FORMAT ||
    file.version !== 1 ||
    !Array.isArray(file.read?.grid?.sheets)
  ) {
    throw new Error(
      "The sample plan's grid file is not one this preview can read (rebuild it with `npm run sample`).",
    );
  }
  return workbookFromRead(file.read);
}
