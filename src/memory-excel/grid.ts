/**
 * Between the engine's WorkbookGrid and the in-memory Excel: build a workbook from a grid,
 * export it back (with the rules, validation, hyperlinks and charts the add-in wrote, for the
 * preview and for tests), and a comparable snapshot of the whole state.
 */
import type { CellBox, CellValue, SheetGrid, WorkbookGrid } from "../core/grid";
import { boxAddress } from "../excel/a1";
import { MemoryWorkbook, type MemSheet } from "./state";
import { displayText } from "./text-format";

export interface MemorySheetExtras {
  protected: boolean;
  conditionalFormats: {
    range: string;
    formula: string;
    fill: string | null;
    font: string | null;
    stopIfTrue: boolean;
    priority: number;
  }[];
  validations: {
    range: string;
    source: string;
    inCellDropDown: boolean;
    alertStyle: string;
    errorTitle: string;
    errorMessage: string;
    promptTitle: string;
    promptMessage: string;
  }[];
  hyperlinks: { cell: string; target: string }[];
  charts: { name: string; type: string; source: string; title: string; position: string | null }[];
  columnWidths: Record<string, number>;
  bold: string[];
}

export type MemorySheetGrid = SheetGrid & MemorySheetExtras;

export interface MemoryGrid extends WorkbookGrid {
  sheets: MemorySheetGrid[];
  readOnly: boolean;
}

export function memoryWorkbookFromGrid(grid: WorkbookGrid): MemoryWorkbook {
  const workbook = new MemoryWorkbook();
  for (const source of grid.sheets) {
    const sheet = workbook.addSheet(source.name, source.visibility);
    source.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const rowAt = source.origin.row + r;
        const colAt = source.origin.col + c;
        const format = source.numberFormats?.[r]?.[c] ?? null;
        const fill = source.fills?.[r]?.[c] ?? null;
        if ((value === null || value === "") && format === null && fill === null) return;
        const cell = workbook.cellForWrite(sheet, rowAt, colAt);
        cell.value = value === "" ? null : value;
        if (format !== null) cell.numberFormat = format;
        if (fill !== null) cell.fill = fill.toUpperCase();
      }),
    );
    source.fills?.forEach((row, r) =>
      row.forEach((fill, c) => {
        if (fill !== null && fill !== undefined)
          workbook.cellForWrite(sheet, source.origin.row + r, source.origin.col + c).fill =
            fill.toUpperCase();
      }),
    );
    sheet.merges = (source.merges ?? []).map((m) => ({ ...m }));
  }
  return workbook;
}

function sheetToGrid(workbook: MemoryWorkbook, sheet: MemSheet): MemorySheetGrid {
  const box: CellBox | null = workbook.usedBox(sheet, false);
  const values: CellValue[][] = [];
  const texts: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  const fills: (string | null)[][] = [];
  const hyperlinks: MemorySheetExtras["hyperlinks"] = [];
  const bold: string[] = [];
  if (box) {
    for (let r = box.top; r <= box.bottom; r++) {
      const v: CellValue[] = [];
      const t: (string | null)[] = [];
      const n: (string | null)[] = [];
      const f: (string | null)[] = [];
      for (let c = box.left; c <= box.right; c++) {
        const cell = workbook.cell(sheet, r, c);
        v.push(cell?.value ?? null);
        t.push(cell && cell.value !== null ? displayText(cell.value, cell.numberFormat) : null);
        n.push(cell?.numberFormat ?? "General");
        f.push(cell?.fill ?? null);
        const address = boxAddress({ top: r, left: c, bottom: r, right: c });
        if (cell?.hyperlink)
          hyperlinks.push({
            cell: address,
            target: cell.hyperlink.documentReference ?? cell.hyperlink.address ?? "",
          });
        if (cell?.bold) bold.push(address);
      }
      values.push(v);
      texts.push(t);
      numberFormats.push(n);
      fills.push(f);
    }
  }
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    origin: { row: box?.top ?? 1, col: box?.left ?? 1 },
    values,
    texts,
    numberFormats,
    fills,
    merges: sheet.merges.map((m) => ({ ...m })),
    protected: sheet.protected,
    conditionalFormats: sheet.conditionalFormats.map((cf, priority) => ({
      range: cf.boxes.map(boxAddress).join(","),
      formula: cf.formula,
      fill: cf.fill,
      font: cf.fontColor,
      stopIfTrue: cf.stopIfTrue,
      priority,
    })),
    validations: [...sheet.validations]
      .sort((a, b) => a.box.left - b.box.left || a.box.top - b.box.top)
      .map((v) => ({
        range: boxAddress(v.box),
        source: v.rule.list.source,
        inCellDropDown: v.rule.list.inCellDropDown,
        alertStyle: v.errorAlert.style,
        errorTitle: v.errorAlert.title,
        errorMessage: v.errorAlert.message,
        promptTitle: v.prompt.title,
        promptMessage: v.prompt.message,
      })),
    hyperlinks,
    charts: sheet.charts.map((c) => ({
      name: c.name,
      type: c.type,
      source: c.source,
      title: c.title,
      position: c.position,
    })),
    columnWidths: Object.fromEntries(
      [...sheet.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [String(c), w]),
    ),
    bold,
  };
}

/** The whole workbook as a grid plus what the add-in wrote (rules, validation, links, charts). */
export function toGrid(workbook: MemoryWorkbook): MemoryGrid {
  return { sheets: workbook.sheets.map((s) => sheetToGrid(workbook, s)), readOnly: workbook.readOnly };
}

/** Every cell value of every sheet, as "Sheet!A1" -> value (for "no user text changed" checks). */
export function cellValues(
  workbook: MemoryWorkbook,
  except: readonly string[] = [],
): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const sheet of workbook.sheets) {
    if (except.includes(sheet.name)) continue;
    const box = workbook.usedBox(sheet, true);
    if (!box) continue;
    for (const [r, c, cell] of workbook.cellsIn(sheet, box)) {
      if (cell.value !== null)
        out[`${sheet.name}!${boxAddress({ top: r, left: c, bottom: r, right: c })}`] = cell.value;
    }
  }
  return out;
}
