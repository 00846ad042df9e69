/**
 * Reads an .xlsx file (bytes) into the engine's WorkbookGrid, plus the add-in's settings and
 * snapshot stored in the workbook. No Node APIs: runs under Node (sdp-check) and in the browser.
 */
import { Workbook } from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import type { SheetGrid, WorkbookGrid } from "../core/grid";
import { isStorageSheet, readStorage } from "../core/storage-layout";
import { themeFromXml } from "./colours";
import { XlsxReadError, sniffXlsx } from "./errors";
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

export async function readXlsx(data: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
  const bytes = toBytes(data);
  const problem = sniffXlsx(bytes);
  if (problem) throw new XlsxReadError(problem);
  const workbook = await loadWorkbook(bytes);
  if (workbook.worksheets.length === 0) throw new XlsxReadError("not-xlsx");

  const themes: unknown = (workbook as unknown as { _themes?: unknown })._themes;
  const themeXml =
    typeof themes === "object" && themes !== null ? (themes as Record<string, unknown>).theme1 : undefined;
  const theme = themeFromXml(typeof themeXml === "string" ? themeXml : undefined);

  // The 1904 date system, however it is written: exceljs honours only date1904="1", but LibreOffice
  // writes "true" (both are xsd:boolean). When exceljs honoured it, the dates it built are moved back
  // so the grid holds serials as stored, with date1904 set (src/core/grid.ts).
  const date1904 = uses1904Dates(bytes);
  const exceljsRead1904 = (workbook.properties as { date1904?: unknown } | undefined)?.date1904 === true;
  const dateShift = date1904 && exceljsRead1904 ? -DAYS_1904 : 0;

  const sheets: SheetGrid[] = [];
  let stored: Omit<XlsxWorkbook, "grid"> = { settings: null, snapshot: null, owned: null };
  for (const worksheet of workbook.worksheets) {
    const sheet = readSheet(worksheet, theme, dateShift);
    if (isStorageSheet(sheet.name)) stored = readStorage(sheet);
    else sheets.push(sheet);
  }
  return { grid: date1904 ? { sheets, date1904 } : { sheets }, ...stored };
}

/** Days from 30 December 1899 (the 1900 system's day 0) to 1 January 1904 (the 1904 system's). */
const DAYS_1904 = 1462;

/** The workbookPr element of xl/workbook.xml says date1904="1" or "true" (any quotes, any case). */
export function uses1904Dates(bytes: Uint8Array): boolean {
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === "xl/workbook.xml" });
    const xml = files["xl/workbook.xml"];
    if (!xml) return false;
    const pr = /<(?:[A-Za-z_][\w.-]*:)?workbookPr\b[^>]*>/.exec(strFromU8(xml));
    return pr !== null && /\bdate1904\s*=\s*["'](?:1|true)["']/i.test(pr[0]);
  } catch {
    return false; // exceljs read the file; a part it could read but fflate cannot is left to the 1900 system
  }
}
