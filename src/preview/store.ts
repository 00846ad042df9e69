/**
 * The preview's workbook: one in-memory Excel installed as the global `Excel` (so the pane's
 * OfficeWorkbookHost -> Excel.run reaches it, exactly as in Excel), and a change counter the
 * grid view subscribes to. Every context.sync() of the add-in bumps the counter, so the grid
 * redraws after each round trip.
 */
import { createMemoryExcel } from "../memory-excel/install";
import type { MemoryRequestContext } from "../memory-excel/context";
import type { MemoryWorkbook } from "../memory-excel/state";

export interface Loaded {
  workbook: MemoryWorkbook;
  /** File name shown on the page and used for the download. */
  name: string;
  /** 1 for the first workbook; each Open workbook… adds one (the pane restarts with it). */
  generation: number;
}

type Listener = () => void;

export class PreviewStore {
  private current: Loaded | null = null;
  private version = 0;
  private readonly listeners = new Set<Listener>();

  get loaded(): Loaded | null {
    return this.current;
  }

  /** Changes after every sync and every new workbook (for useSyncExternalStore). */
  getVersion = (): number => this.version;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  changed(): void {
    this.version += 1;
    for (const listener of [...this.listeners]) listener();
  }

  /** Makes `workbook` the one Excel.run reaches (globalThis.Excel) and the one the grid shows. */
  use(workbook: MemoryWorkbook, name: string, target: { Excel?: unknown } = globalThis as { Excel?: unknown }): Loaded {
    const excel = createMemoryExcel(workbook);
    const run = excel.run.bind(excel);
    excel.run = <T>(batch: (context: MemoryRequestContext) => Promise<T>): Promise<T> =>
      run(async (context) => {
        const sync = context.sync.bind(context);
        context.sync = async () => {
          try {
            await sync();
          } finally {
            this.changed();
          }
        };
        return batch(context);
      });
    target.Excel = excel;
    this.current = { workbook, name, generation: (this.current?.generation ?? 0) + 1 };
    this.changed();
    return this.current;
  }
}
