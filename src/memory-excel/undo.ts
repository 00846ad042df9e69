/**
 * Excel's undo list, as the in-memory Excel plays it (off unless a test turns it on).
 *
 * - Office.js writes are undoable, each batch (one context.sync()) one step, unless
 *   `Excel.run({ mergeUndoGroup: true })` (ExcelApi 1.20) merges a run's batches into one
 *   (Learn: "Undo capabilities in Excel add-ins", and the ExcelApi 1.20 requirement set page:
 *   RunOptions.mergeUndoGroup). The adapter requires ExcelApi 1.13, so the fake plays one step
 *   per sync: Ctrl+Z undoes the LAST sync of a multi-part write and nothing before it.
 * - An API that does not support undo clears the user's undo list from that call on (same page,
 *   "Unsupported APIs"): the page lists Worksheet.visibility as unsupported on Windows and Mac,
 *   so worksheet.ts clears the list when the fake plays "desktop".
 * - What the user does (typing, inserting rows) is an undo step of its own (userStep).
 * - Excel keeps at most 100 undo steps ("Undo, redo, or repeat an action", support.microsoft.com:
 *   "you can undo up to 100 actions").
 * Whether an undo raises worksheet.onChanged is not documented, so the fake raises nothing and the
 * adapter depends on no event from an undo (the pane re-reads when it regains focus).
 */
import type { MemSheet, MemoryWorkbook } from "./state";

const UNDO_STEPS = 100;

interface Image {
  sheets: MemSheet[];
  activeSheetId: string | null;
}

function cloneSheet(s: MemSheet): MemSheet {
  return {
    ...s,
    cells: new Map(
      [...s.cells].map(([k, c]) => [k, { ...c, hyperlink: c.hyperlink ? { ...c.hyperlink } : null }]),
    ),
    merges: s.merges.map((b) => ({ ...b })),
    conditionalFormats: s.conditionalFormats.map((cf) => ({ ...cf, boxes: cf.boxes.map((b) => ({ ...b })) })),
    validations: structuredClone(s.validations),
    charts: s.charts.map((c) => ({ ...c })),
    columnWidths: new Map(s.columnWidths),
  };
}

/** The undo list of one workbook. */
export class UndoList {
  /** Off by default: cloning every sheet at each sync costs time the large-plan tests need. */
  enabled = false;
  private readonly steps: Image[] = [];
  private clearedThisSync = false;
  private inStep = false;
  private pending: Image | null = null;

  constructor(private readonly workbook: MemoryWorkbook) {}

  get length(): number {
    return this.steps.length;
  }

  /** Called by sync() before it runs a batch; returns what to call once the batch has run. */
  beginSync(): () => void {
    this.pending = null;
    this.inStep = this.enabled;
    this.clearedThisSync = false;
    return () => {
      // A batch that wrote nothing (reads only) is no undo step; one that called an API without
      // undo support cleared the list and is not undoable either.
      if (this.pending && !this.clearedThisSync) {
        this.steps.push(this.pending);
        if (this.steps.length > UNDO_STEPS) this.steps.shift();
      }
      this.pending = null;
      this.inStep = false;
    };
  }

  /** Called before every write (context.guardWrite): the first write of a step keeps the image to go back to. */
  beforeWrite(): void {
    if (!this.inStep || this.pending) return;
    this.pending = {
      sheets: this.workbook.sheets.map(cloneSheet),
      activeSheetId: this.workbook.activeSheetId,
    };
  }

  /** Runs a user's action (user.ts) as one undo step. */
  userStep(action: () => void): void {
    const end = this.beginSync();
    this.beforeWrite();
    action();
    end();
  }

  /** An API without undo support ran: nothing before it can be undone. */
  clear(): void {
    this.steps.length = 0;
    this.clearedThisSync = true;
  }

  /**
   * Ctrl+Z: the workbook as it was before the last undoable batch. Sheets are restored in place
   * (proxies hold the sheet objects), sheets added since are removed, deleted ones come back.
   * Returns false when there is nothing to undo.
   */
  undo(): boolean {
    const image = this.steps.pop();
    if (!image) return false;
    const live = new Map(this.workbook.sheets.map((s) => [s.id, s]));
    const restored = image.sheets.map((saved) => {
      const sheet = live.get(saved.id);
      if (!sheet) return saved;
      Object.assign(sheet, saved);
      return sheet;
    });
    this.workbook.sheets.splice(0, this.workbook.sheets.length, ...restored);
    this.workbook.activeSheetId = image.activeSheetId;
    return true;
  }
}
