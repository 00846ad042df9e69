/**
 * The preview's state: the workbook shown (one in-memory Excel installed as the global `Excel`,
 * so the pane's OfficeWorkbookHost -> Excel.run reaches it, exactly as in Excel), the bar's
 * message, and a change counter the page subscribes to. Every context.sync() of the add-in bumps
 * the counter, so the grid redraws after each round trip.
 *
 * A workbook can be shown before it has arrived (the sample plan, read while the page starts):
 * the pane is up at once and its Excel.run waits for the workbook, as Excel's does while a file
 * opens. Only types come from memory-excel here: its code is in the lazy "preview-workbook" chunk.
 */
import type { MemoryRequestContext } from "../memory-excel/context";
import type { MemoryExcel } from "../memory-excel/install";
import type { MemoryWorkbook } from "../memory-excel/state";
import type { Message } from "./messages";

export interface OpenedWorkbook {
  workbook: MemoryWorkbook;
  /** The in-memory Excel over `workbook` (memory-excel/install). */
  excel: MemoryExcel;
  /** The as-of date the workbook's stored settings fix (null: judged as of today). */
  asOf: string | null;
}

export interface Shown {
  /** File name shown on the page and used for the download. */
  name: string;
  /** 1 for the first workbook; each Open workbook… adds one (the pane restarts with it). */
  generation: number;
  /** null while the workbook is still arriving (the pane is already up; its Excel.run waits). */
  workbook: MemoryWorkbook | null;
}

type Listener = () => void;
type Target = { Excel?: unknown };
type Run = MemoryExcel["run"];

export class PreviewStore {
  private current: Shown | null = null;
  private generations = 0;
  private note: Message;
  private version = 0;
  private readonly listeners = new Set<Listener>();

  constructor(message: Message) {
    this.note = message;
  }

  /** The workbook shown (arrived or arriving), or null when none is open. */
  get shown(): Shown | null {
    return this.current;
  }

  /** The bar's message. */
  get message(): Message {
    return this.note;
  }

  /** Changes after every sync, every new workbook and every message (for useSyncExternalStore). */
  getVersion = (): number => this.version;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  changed(): void {
    this.version += 1;
    for (const listener of [...this.listeners]) listener();
  }

  /** Makes `sheetId` the active tab of the workbook shown, as clicking a tab in Excel does. */
  selectSheet(sheetId: string): void {
    const workbook = this.current?.workbook;
    if (!workbook) return;
    workbook.activeSheetId = sheetId;
    this.changed();
  }

  say(message: Message): void {
    this.note = message;
    this.changed();
  }

  /** Shows `opened` at once (a new pane), with `message`: the one Excel.run reaches (target.Excel) and the grid shows. */
  use(opened: OpenedWorkbook, name: string, message: Message, target: Target = globalThis): Shown {
    target.Excel = this.withRedraw(opened.excel);
    this.current = { name, generation: ++this.generations, workbook: opened.workbook };
    this.note = message;
    this.changed();
    return this.current;
  }

  /**
   * Shows `name` with its pane at once while `opening` still reads it: Excel.run waits for it.
   * When it arrives it is shown with `settled.opened`'s message, unless another workbook was
   * opened meanwhile; when it fails, no workbook is open and `settled.failed` says why.
   */
  arriving(
    name: string,
    opening: Promise<OpenedWorkbook>,
    message: Message,
    settled: { opened(opened: OpenedWorkbook): Message; failed(error: unknown): Message },
    target: Target = globalThis,
  ): Promise<void> {
    const shown: Shown = { name, generation: ++this.generations, workbook: null };
    const excel = opening.then((opened) => this.withRedraw(opened.excel));
    excel.catch(() => undefined); // reported below, and to any Excel.run that waited for it
    const waiting: Pick<MemoryExcel, "run"> = { run: async (batch) => (await excel).run(batch) };
    target.Excel = waiting;
    this.current = shown;
    this.note = message;
    this.changed();
    return Promise.all([opening, excel]).then(
      ([opened, ready]) => {
        if (this.current !== shown) return;
        target.Excel = ready;
        this.current = { ...shown, workbook: opened.workbook };
        this.note = settled.opened(opened);
        this.changed();
      },
      (error: unknown) => {
        if (this.current !== shown) return;
        if (target.Excel === waiting) delete target.Excel;
        this.current = null;
        this.note = settled.failed(error);
        this.changed();
      },
    );
  }

  /** `excel` whose every context.sync() redraws the page. */
  private withRedraw(excel: MemoryExcel): MemoryExcel {
    const run = excel.run.bind(excel);
    const redrawing: Run = <T>(batch: (context: MemoryRequestContext) => Promise<T>): Promise<T> =>
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
    return { ...excel, run: redrawing };
  }
}
