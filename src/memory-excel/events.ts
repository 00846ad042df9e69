/**
 * worksheet.onChanged for the in-memory Excel. Changes are recorded while a batch runs
 * (the add-in's own writes too, as Excel does, with triggerSource "ThisLocalAddin") and
 * raised after the batch: each event is its own message, delivered on a later task (setTimeout),
 * so a handler runs only after the code awaiting sync() has carried on, as in Excel, where events
 * come from the host as separate messages (OFFICE-JS-NOTES "Events"; Learn: "Work with events
 * using the Excel JavaScript API"). In the 1.13 mode (MemoryWorkbook.eventsApi) the args have no
 * triggerSource: it is ExcelApi 1.14 (Learn: Excel.WorksheetChangedEventArgs).
 */
import type { CellBox, CellValue } from "../core/grid";
import { boxAddress, colLetters, MAX_COLS, MAX_ROWS } from "../excel/a1";
import type { MemoryWorkbook } from "./state";

export type TriggerSource = "ThisLocalAddin" | "Unknown";

/** Excel.DataChangeType (Learn): how the change happened. */
export type ChangeType =
  | "RangeEdited"
  | "RowInserted"
  | "RowDeleted"
  | "ColumnInserted"
  | "ColumnDeleted"
  | "CellInserted"
  | "CellDeleted";

export interface MemoryChangedEventArgs {
  address: string;
  worksheetId: string;
  changeType: ChangeType;
  source: "Local";
  type: "WorksheetChanged";
  /** Absent in the 1.13 mode. */
  triggerSource?: TriggerSource;
  /** ExcelApi 1.14 (absent in the 1.13 mode): for CellInserted / CellDeleted, which way the cells moved. */
  changeDirectionState?: { insertShiftDirection?: "Down" | "Right"; deleteShiftDirection?: "Up" | "Left" };
  details?: {
    valueBefore: CellValue;
    valueAfter: CellValue;
    valueTypeBefore: string;
    valueTypeAfter: string;
  };
}

/** Which way cells moved (Excel.InsertShiftDirection, Excel.DeleteShiftDirection). */
export type ShiftDirection = "Down" | "Right" | "Up" | "Left";

/** A handler may return a promise (Office.js awaits none of them either). */
export type ChangedHandler = (args: MemoryChangedEventArgs) => unknown;

interface Change {
  sheetId: string;
  box: CellBox;
  triggerSource: TriggerSource;
  before: CellValue;
  after: CellValue;
  changeType: ChangeType;
  direction: ShiftDirection | null;
}

/** As Excel reports it: whole rows as "3:4", whole columns as "C:D". */
function eventAddress(box: CellBox): string {
  if (box.left === 1 && box.right === MAX_COLS) return `${box.top}:${box.bottom}`;
  if (box.top === 1 && box.bottom === MAX_ROWS) return `${colLetters(box.left)}:${colLetters(box.right)}`;
  return boxAddress(box);
}

function valueType(value: CellValue): string {
  if (value === null || value === "") return "Empty";
  if (typeof value === "number") return "Double";
  if (typeof value === "boolean") return "Boolean";
  return "String";
}

export class MemoryEvents {
  private readonly handlers = new Map<string, Set<ChangedHandler>>();
  private pending: Change[] = [];
  private running: Promise<unknown>[] = [];
  /** Errors thrown by handlers (Excel does not report them to the add-in; tests can). */
  readonly handlerErrors: unknown[] = [];

  constructor(private readonly workbook: MemoryWorkbook) {}

  add(sheetId: string, handler: ChangedHandler): void {
    const set = this.handlers.get(sheetId) ?? new Set<ChangedHandler>();
    set.add(handler);
    this.handlers.set(sheetId, set);
  }

  remove(sheetId: string, handler: ChangedHandler): void {
    this.handlers.get(sheetId)?.delete(handler);
  }

  handlerCount(sheetId: string): number {
    return this.handlers.get(sheetId)?.size ?? 0;
  }

  /** Records a value change (only while events are enabled). */
  record(
    sheetId: string,
    box: CellBox,
    triggerSource: TriggerSource,
    before: CellValue = null,
    after: CellValue = null,
    changeType: ChangeType = "RangeEdited",
    direction: ShiftDirection | null = null,
  ): void {
    if (this.workbook.eventsEnabled)
      this.pending.push({ sheetId, box, triggerSource, before, after, changeType, direction });
  }

  /** Raises the recorded changes after the current batch. */
  dispatch(): void {
    const changes = this.pending;
    this.pending = [];
    for (const change of changes) {
      const single = change.box.top === change.box.bottom && change.box.left === change.box.right;
      const args: MemoryChangedEventArgs = {
        address: eventAddress(change.box),
        worksheetId: change.sheetId,
        changeType: change.changeType,
        source: "Local",
        type: "WorksheetChanged",
        ...(this.workbook.eventsApi === "1.14" ? { triggerSource: change.triggerSource } : {}),
        ...(this.workbook.eventsApi === "1.14" && change.direction
          ? {
              changeDirectionState:
                change.direction === "Down" || change.direction === "Right"
                  ? { insertShiftDirection: change.direction }
                  : { deleteShiftDirection: change.direction },
            }
          : {}),
        ...(single && change.changeType === "RangeEdited"
          ? {
              details: {
                valueBefore: change.before,
                valueAfter: change.after,
                valueTypeBefore: valueType(change.before),
                valueTypeAfter: valueType(change.after),
              },
            }
          : {}),
      };
      for (const handler of [...(this.handlers.get(change.sheetId) ?? [])]) {
        this.running.push(
          new Promise<void>((resolve) => setTimeout(resolve, 0))
            .then(() => handler(args))
            .catch((error: unknown) => {
              this.handlerErrors.push(error);
            }),
        );
      }
    }
  }

  /** Waits until every raised event's handler has finished (tests). */
  async flush(): Promise<void> {
    while (this.running.length > 0) {
      const batch = this.running;
      this.running = [];
      await Promise.all(batch);
    }
  }
}
