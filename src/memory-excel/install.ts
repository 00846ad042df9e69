/**
 * Makes the in-memory workbook reachable as `Excel`: Excel.run plus the enums the adapter
 * uses. The same adapter code then runs in jest and in the browser preview.
 */
import { MemoryRequestContext } from "./context";
import type { ExcelRun } from "../excel/run";
import type { MemoryWorkbook } from "./state";

export interface MemoryExcel {
  /** A property, not a method: callers pass it on as a function (`memoryRun`, `ExcelRun`). */
  run: <T>(batch: (context: MemoryRequestContext) => Promise<T>) => Promise<T>;
  ConditionalFormatType: { custom: "Custom" };
  DataValidationAlertStyle: { stop: "Stop"; warning: "Warning"; information: "Information" };
  ChartType: { barClustered: "BarClustered" };
  ChartSeriesBy: { auto: "Auto"; columns: "Columns"; rows: "Rows" };
  EventTriggerSource: { unknown: "Unknown"; thisLocalAddin: "ThisLocalAddin" };
  SheetVisibility: { visible: "Visible"; hidden: "Hidden"; veryHidden: "VeryHidden" };
  ClearApplyTo: { all: "All"; formats: "Formats"; contents: "Contents"; hyperlinks: "Hyperlinks" };
}

export function createMemoryExcel(workbook: MemoryWorkbook): MemoryExcel {
  return {
    /** Like Excel.run: a fresh context; anything still queued when the batch ends is synced. */
    run: async <T>(batch: (context: MemoryRequestContext) => Promise<T>): Promise<T> => {
      const context = new MemoryRequestContext(workbook);
      const result = await batch(context);
      if (context.pendingOperations > 0) await context.sync();
      return result;
    },
    ConditionalFormatType: { custom: "Custom" },
    DataValidationAlertStyle: { stop: "Stop", warning: "Warning", information: "Information" },
    ChartType: { barClustered: "BarClustered" },
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
    EventTriggerSource: { unknown: "Unknown", thisLocalAddin: "ThisLocalAddin" },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents", hyperlinks: "Hyperlinks" },
  };
}

/** Sets `target.Excel` to the memory Excel of this workbook (globalThis in the preview and tests). */
export function installMemoryExcel(target: { Excel?: unknown }, workbook: MemoryWorkbook): MemoryExcel {
  const excel = createMemoryExcel(workbook);
  target.Excel = excel;
  return excel;
}

/** The memory Excel's run typed as the adapter's ExcelRun (the proxies implement the surface the adapter uses). */
export function memoryRun(workbook: MemoryWorkbook): ExcelRun {
  return createMemoryExcel(workbook).run as unknown as ExcelRun;
}
