/**
 * Writes a workbook (as the in-memory Excel exports it: memory-excel's toGrid) to .xlsx bytes
 * with exceljs, so a workbook changed in the browser preview opens in Excel with what the
 * add-in did: values, number formats, fills, bold, merges, the rating dropdown (data
 * validation), the rating colours and overdue highlights (conditional formats), the summary
 * tab's links and column widths, and the very hidden settings tab. No Node and no DOM APIs.
 *
 * Not written: charts (exceljs cannot write them; the summary tab's figures are in its cells)
 * and stopIfTrue (exceljs does not write it; the add-in's rating rules match disjoint texts, so
 * it changes nothing).
 */
import { Workbook, type DataValidation, type Worksheet } from "exceljs";
import type { CellBox, CellValue, SheetVisibility } from "../core/grid";

/** One sheet to write: the shape of memory-excel's MemorySheetGrid (structural, so src/xlsx does not depend on it). */
export interface WritableSheet {
  name: string;
  visibility: SheetVisibility;
  origin: { row: number; col: number };
  values: CellValue[][];
  numberFormats?: (string | null)[][];
  fills?: (string | null)[][];
  merges?: CellBox[];
  conditionalFormats?: {
    range: string;
    formula: string;
    fill: string | null;
    font: string | null;
    stopIfTrue: boolean;
    priority: number;
  }[];
  validations?: {
    range: string;
    source: string;
    inCellDropDown: boolean;
    alertStyle: string;
    errorTitle: string;
    errorMessage: string;
    promptTitle: string;
    promptMessage: string;
  }[];
  hyperlinks?: { cell: string; target: string }[];
  /** Column number -> width in points (as Office.js's format.columnWidth). */
  columnWidths?: Record<string, number>;
  /** Addresses of bold cells ("A1"). */
  bold?: string[];
}

export interface WritableWorkbook {
  sheets: WritableSheet[];
}

/** Excel's column width is in points; a character of the default font is about 5.7 pt wide (8.43 characters = 48 pt). */
const POINTS_PER_CHARACTER = 48 / 8.43;

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

/** "'Early Help'!A16" as a HYPERLINK target inside the same workbook. */
function linkFormula(target: string, text: string): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const location = target.startsWith("#") ? target : `#${target}`;
  return `HYPERLINK(${quote(location)},${quote(text)})`;
}

function writeSheet(ws: Worksheet, sheet: WritableSheet): void {
  const links = new Map((sheet.hyperlinks ?? []).map((l) => [l.cell, l.target]));
  const bold = new Set(sheet.bold ?? []);
  sheet.values.forEach((row, r) => {
    row.forEach((value, c) => {
      const rowAt = sheet.origin.row + r;
      const colAt = sheet.origin.col + c;
      const format = sheet.numberFormats?.[r]?.[c] ?? null;
      const fill = sheet.fills?.[r]?.[c] ?? null;
      const cell = ws.getCell(rowAt, colAt);
      const target = links.get(cell.address);
      if (target !== undefined && typeof value === "string") {
        // exceljs writes an internal link with an external relationship too, which Excel may follow as a file
        // name; a HYPERLINK formula (with its text as the cached result) goes to the cell in every Excel.
        cell.value = /^[a-z]+:/i.test(target)
          ? { text: value, hyperlink: target }
          : { formula: linkFormula(target, value), result: value };
        cell.font = {
          color: { argb: "FF0563C1" },
          underline: true,
          ...(bold.has(cell.address) ? { bold: true } : {}),
        };
      } else if (value !== null && value !== "") {
        cell.value = value;
      }
      if (format !== null && format !== "General") cell.numFmt = format;
      if (fill !== null) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(fill) } };
      if (bold.has(cell.address) && target === undefined) cell.font = { bold: true };
    });
  });
  for (const m of sheet.merges ?? []) {
    try {
      ws.mergeCells(m.top, m.left, m.bottom, m.right);
    } catch {
      // An overlapping merge cannot be written twice; the first one stands (Excel refuses overlaps too).
    }
  }
  for (const [col, points] of Object.entries(sheet.columnWidths ?? {})) {
    ws.getColumn(Number(col)).width = Math.round((points / POINTS_PER_CHARACTER) * 100) / 100;
  }
  const rules = [...(sheet.conditionalFormats ?? [])].sort((a, b) => a.priority - b.priority);
  rules.forEach((rule, i) => {
    ws.addConditionalFormatting({
      // An .xlsx sqref separates areas with spaces.
      ref: rule.range.split(",").join(" "),
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [rule.formula.replace(/^=/, "")],
          style: {
            ...(rule.fill
              ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(rule.fill) } } }
              : {}),
            ...(rule.font ? { font: { color: { argb: argb(rule.font) } } } : {}),
          },
        },
      ],
    });
  });
  for (const v of sheet.validations ?? []) {
    const validation: DataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${v.source.replace(/"/g, '""')}"`],
      showErrorMessage: true,
      errorStyle: v.alertStyle.toLowerCase(),
      errorTitle: v.errorTitle,
      error: v.errorMessage,
      showInputMessage: v.promptTitle !== "" || v.promptMessage !== "",
      promptTitle: v.promptTitle,
      prompt: v.promptMessage,
    };
    // One validation per area, written as its range: exceljs merges per-cell validations after sorting the cell
    // addresses as strings ("G10" before "G8"), which writes overlapping ranges that Excel refuses (exceljs #2820).
    const validations = (
      ws as unknown as { dataValidations: { add(address: string, v: DataValidation): void } }
    ).dataValidations;
    for (const area of v.range.split(",")) {
      const address = area.trim().replace(/\$/g, "").toUpperCase();
      if (address !== "") validations.add(address, { ...validation });
    }
  }
}

/** The workbook as .xlsx bytes. */
export async function writeXlsx(workbook: WritableWorkbook): Promise<Uint8Array> {
  const out = new Workbook();
  out.creator = "SDP Assistant";
  for (const sheet of workbook.sheets) {
    const ws = out.addWorksheet(sheet.name, { state: sheet.visibility });
    writeSheet(ws, sheet);
  }
  // Open on the first visible tab (Excel refuses a workbook whose active tab is hidden).
  const first = workbook.sheets.findIndex((s) => s.visibility === "visible");
  out.views = [
    {
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
      firstSheet: Math.max(0, first),
      activeTab: Math.max(0, first),
      visibility: "visible",
    },
  ];
  const buffer = await out.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
