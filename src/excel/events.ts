/**
 * onEdited: registers worksheet.onChanged on every plan tab (handlers are not persisted, so on
 * every call) and reports the rows of the user's edits.
 *
 * The add-in's own writes raise events too, AFTER the sync, as separate messages (so a "while
 * writing" flag both misses them and drops a user's edit made during a multi-part write):
 *   - ExcelApi 1.14+: triggerSource "ThisLocalAddin" says so (Learn: WorksheetChangedEventArgs);
 *   - 1.13 and older (no triggerSource): the host keeps a ledger of the cells it wrote and the
 *     values it wrote there (OwnWrites); an event for one of those cells whose new value is the
 *     one written is ours, and is crossed off. Anything else (another cell, another value, a
 *     multi-cell paste) is the user's and is reported.
 * Structural changes (changeType RowInserted, RowDeleted, ColumnInserted, ColumnDeleted,
 * CellInserted, CellDeleted: Learn, Excel.DataChangeType) move every row below them, so they
 * report every row from the change down to the tab's last row: the tab is re-checked there.
 */
import { MAX_ROWS, parseBox } from "./a1";
import type { CellEdit } from "../host/WorkbookHost";
import { readableError } from "./errors";
import type { ExcelRun } from "./run";

/** A change wider than this many rows is reported as its first rows (a whole-column paste). */
const MAX_EDIT_ROWS = 5000;

/** The add-in's own value writes not yet matched by their event (for hosts without triggerSource). */
export class OwnWrites {
  private readonly pending = new Map<string, unknown[]>();

  private static key(sheet: string, cell: string): string {
    return `${sheet}!${cell.replace(/\$/g, "").toUpperCase()}`;
  }

  /** Before the write's sync: the cell and the value it will hold. */
  expect(sheet: string, cell: string, value: unknown): void {
    const key = OwnWrites.key(sheet, cell);
    this.pending.set(key, [...(this.pending.get(key) ?? []), value]);
  }

  /** A write that failed: its events will not come. */
  forget(sheet: string, cell: string, value: unknown): void {
    const key = OwnWrites.key(sheet, cell);
    const list = this.pending.get(key) ?? [];
    const at = list.indexOf(value);
    if (at >= 0) list.splice(at, 1);
    if (list.length === 0) this.pending.delete(key);
  }

  /** True (and crossed off) when this single-cell change is one the add-in made. */
  claim(sheet: string, address: string, valueAfter: unknown): boolean {
    const key = OwnWrites.key(sheet, address.slice(address.lastIndexOf("!") + 1));
    const list = this.pending.get(key);
    if (!list) return false;
    const at = list.findIndex((v) => v === valueAfter || String(v) === String(valueAfter));
    if (at < 0) return false;
    list.splice(at, 1);
    if (list.length === 0) this.pending.delete(key);
    return true;
  }

  get size(): number {
    return this.pending.size;
  }
}

const STRUCTURAL = new Set([
  "RowInserted",
  "RowDeleted",
  "ColumnInserted",
  "ColumnDeleted",
  "CellInserted",
  "CellDeleted",
]);

export interface EditFilter {
  /** Cells the add-in wrote whose events may still come (hosts without triggerSource). */
  own: OwnWrites;
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

/** Rows from a structural change down to the tab's last row (as it was, plus what an insert added). */
function structuralRows(address: string, lastRow: number | null): number[] {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const box = parseBox(local);
  if (!box) return [];
  const bottom = Math.max(
    box.bottom === MAX_ROWS ? box.top : box.bottom,
    (lastRow ?? box.top) + (box.bottom === MAX_ROWS ? 0 : box.bottom - box.top + 1),
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
          // eslint-disable-next-line @typescript-eslint/require-await -- Office.js types the handler as returning a Promise
          sheet.onChanged.add(async (event: Excel.WorksheetChangedEventArgs) => {
            const name = names.get(event.worksheetId);
            if (!name) return;
            if (event.triggerSource !== undefined) {
              if (event.triggerSource === "ThisLocalAddin") return;
            } else if (event.details && filter.own.claim(name, event.address, event.details.valueAfter)) {
              return;
            }
            const rows = STRUCTURAL.has(event.changeType)
              ? structuralRows(event.address, filter.lastRow(name))
              : rowsOf(event.address, filter.lastRow(name));
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
