/**
 * onEdited: registers worksheet.onChanged on every plan tab (handlers are not persisted, so on
 * every call) and reports the rows of the user's edits. Events raised by the add-in's own writes
 * are ignored: by triggerSource "ThisLocalAddin" (ExcelApi 1.14) and, for older hosts, while
 * the host is writing.
 */
import { MAX_ROWS, parseBox } from "./a1";
import type { CellEdit } from "../host/WorkbookHost";
import { readableError } from "./errors";
import type { ExcelRun } from "./run";

/** A change wider than this many rows is reported as its first rows (a whole-column paste). */
const MAX_EDIT_ROWS = 5000;

export interface EditFilter {
  isWriting(): boolean;
  /** Last row of the tab's used range at the last read (to bound whole-column edits). */
  lastRow(sheet: string): number | null;
  isPlanTab(sheet: string, visibility: string): boolean;
}

function rowsOf(address: string, lastRow: number | null): number[] {
  const box = parseBox(address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address);
  if (!box) return [];
  const bottom = Math.min(
    box.bottom,
    box.bottom === MAX_ROWS && lastRow ? lastRow : box.bottom,
    box.top + MAX_EDIT_ROWS - 1,
  );
  const rows: number[] = [];
  for (let r = box.top; r <= bottom; r++) rows.push(r);
  return rows;
}

export async function registerEdits(
  run: ExcelRun,
  filter: EditFilter,
  handler: (edit: CellEdit) => void,
): Promise<() => Promise<void>> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/visibility,items/id");
    try {
      await context.sync();
      const names = new Map<string, string>();
      const registered: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[] = [];
      for (const sheet of sheets.items) {
        if (!filter.isPlanTab(sheet.name, sheet.visibility)) continue;
        names.set(sheet.id, sheet.name);
        registered.push(
          // eslint-disable-next-line @typescript-eslint/require-await -- EventHandlers.add takes a Promise-returning handler
          sheet.onChanged.add(async (event: Excel.WorksheetChangedEventArgs) => {
            if (event.triggerSource === "ThisLocalAddin" || filter.isWriting()) return;
            const name = names.get(event.worksheetId);
            if (!name) return;
            const rows = rowsOf(event.address, filter.lastRow(name));
            if (rows.length > 0) handler({ sheet: name, rows });
          }),
        );
      }
      await context.sync();
      return async () => {
        for (const r of registered) r.remove();
        try {
          await context.sync();
        } catch (error) {
          throw readableError(error, "Stopping the live re-check");
        }
      };
    } catch (error) {
      throw error instanceof Error && !("code" in error)
        ? error
        : readableError(error, "Starting the live re-check");
    }
  });
}
