/**
 * Reads an .xlsx file (bytes) into the engine's WorkbookGrid, plus the add-in's settings and
 * snapshot stored in the workbook. No Node APIs: runs under Node (sdp-check) and in the browser.
 */
import { Workbook } from "exceljs";
import type { SheetGrid, WorkbookGrid } from "../../../src/core/grid";
import { isStorageSheet, readStorage } from "../../../src/core/storage-layout";
import { themeFromXml } from "../../../src/xlsx/colours";
import { XlsxReadError, sniffXlsx } from "../../../src/xlsx/errors";
import { readSheet } from "./sheet";

export interface XlsxWorkbook {
  grid: WorkbookGrid;
  /** The add-in's stored settings (raw JSON, validated by the caller), or null. */
  settings: unknown;
  /** The last stored snapshot (raw JSON, validated by the caller), or null. */
  snapshot: unknown;
  /** The ranges the add-in formatted (raw JSON), or null. */
  owned: unknown;
}

function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

async function loadWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new Workbook();
  try {
    // exceljs declares Buffer as an ArrayBuffer; JSZip underneath accepts any Uint8Array.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (cause) {
    throw Object.assign(new XlsxReadError("damaged"), { cause });
  }
  return workbook;
}

export async function readXlsxWithExceljs(data: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
  const bytes = toBytes(data);
  const problem = sniffXlsx(bytes);
  if (problem) throw new XlsxReadError(problem);
  const workbook = await loadWorkbook(bytes);
  if (workbook.worksheets.length === 0) throw new XlsxReadError("not-xlsx");

  const themes: unknown = (workbook as unknown as { _themes?: unknown })._themes;
  const themeXml =
    typeof themes === "object" && themes !== null ? (themes as Record<string, unknown>).theme1 : undefined;
  const theme = themeFromXml(typeof themeXml === "string" ? themeXml : undefined);

  const sheets: SheetGrid[] = [];
  let stored: Omit<XlsxWorkbook, "grid"> = { settings: null, snapshot: null, owned: null };
  for (const worksheet of workbook.worksheets) {
    const sheet = readSheet(worksheet, theme);
    if (isStorageSheet(sheet.name)) stored = readStorage(sheet);
    else sheets.push(sheet);
  }
  return { grid: { sheets }, ...stored };
}
