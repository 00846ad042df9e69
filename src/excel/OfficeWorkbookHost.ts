/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- context.sync() runs inside syncOrExplain / syncRead, which the rule cannot see through */
/**
 * WorkbookHost over Office.js. Each method opens its own Excel.run. read() is one sync (plus
 * one per chunk for sheets beyond the request cap, read.ts); apply() one sync (plus one per part
 * when its request would pass the cap, apply.ts), relying on what the last read() found.
 */
import { joinJson, STORAGE_ROWS, STORAGE_SHEET } from "../core/storage-layout";
import { SUMMARY_SHEET } from "../core/summary-sheet";
import type { PlanWrite } from "../core/writes";
import type {
  ApplyOptions,
  ApplyResult,
  CellEdit,
  RowsRead,
  WorkbookHost,
  WorkbookRead,
} from "../host/WorkbookHost";
import { splitSheet } from "./a1";
import { applyWrites, assertWritable, SAFE_REQUEST_BYTES } from "./apply";
import { queueRemoveSheetFormatting } from "./apply-rules";
import { CHART_NAME } from "./apply-summary";
import { queueStorageItem, storageCells, storageSheet } from "./apply-storage";
import { toFills, toFormats, toTexts, toValues } from "./convert";
import { OwnWrites, registerEdits } from "./events";
import { emptyOwned } from "./ownership";
import { readWorkbook, type ReadHints, type ReadState } from "./read";
import type { ReadOptions } from "../host/WorkbookHost";
import type { ReadMode } from "./read-queue";
import { officeRun, syncOrExplain, type ExcelRun } from "./run";
import { structureMessage } from "../host/blocked-message";

export interface OfficeHostOptions {
  /** Excel.run, or the memory Excel's run (tests, preview). */
  run?: ExcelRun;
  /** Tabs the add-in writes itself: never watched for edits. */
  ownSheets?: string[];
  /**
   * The most bytes Excel accepts in one request or response, or null where there is no such cap.
   * Default: from Office.context.platform: null on Excel desktop (PC, Mac), else (Excel on the web,
   * or unknown: the preview, tests) Excel on the web's 5 MB.
   */
  payloadLimit?: () => number | null;
}

/** Excel on the web's cap on one request and one response (RequestPayloadSizeLimitExceeded past it). */
const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** The request cap of the Office host this runs in (see OfficeHostOptions.payloadLimit). */
function officePayloadLimit(): number | null {
  const office = (
    globalThis as { Office?: { context?: { platform?: unknown; diagnostics?: { platform?: unknown } } } }
  ).Office;
  const platform = office?.context?.platform ?? office?.context?.diagnostics?.platform;
  return platform === "PC" || platform === "Mac" ? null : WEB_PAYLOAD_LIMIT;
}

export class OfficeWorkbookHost implements WorkbookHost {
  private readonly run: ExcelRun;
  private readonly ownSheets: string[];
  private last: ReadState | null = null;
  private hints: Omit<ReadHints, "snapshot"> = { names: null, storageExists: null, mode: "full" };
  /** Cells the add-in wrote, for telling its own change events apart where there is no triggerSource. */
  private readonly own = new OwnWrites();
  private readonly payloadLimit: () => number | null;
  private applied: { syncs: number; parts: number } | null = null;

  constructor(options: OfficeHostOptions = {}) {
    this.run = options.run ?? officeRun;
    this.ownSheets = [STORAGE_SHEET, ...(options.ownSheets ?? [SUMMARY_SHEET])];
    this.payloadLimit = options.payloadLimit ?? officePayloadLimit;
  }

  /** What the last read() found (for tests and diagnostics). */
  get lastRead(): ReadState | null {
    return this.last;
  }

  /** Syncs and parts of the last apply() (parts > 1 when its request was too large for one sync). */
  get lastApply(): { syncs: number; parts: number } | null {
    return this.applied;
  }

  async read(options: ReadOptions = {}): Promise<WorkbookRead> {
    const snapshot = options.snapshot ?? "load";
    // Capped (Excel on the web): start with the bounded head read; uncapped: read everything at once.
    const capped = this.payloadLimit() !== null;
    const mode: ReadMode = this.hints.mode === "meta" ? "meta" : capped ? "head" : "full";
    // Hints from what the host last knew (its own writes included: a data or summary tab it added).
    const last = this.last;
    const hints: ReadHints = last
      ? { names: last.visibleNames, storageExists: last.storageExists, mode, snapshot }
      : { ...this.hints, mode, snapshot };
    const state = await readWorkbook(this.run, hints);
    this.last = state;
    this.hints = { names: state.visibleNames, storageExists: state.storageExists, mode: state.mode };
    return state.read;
  }

  private async state(): Promise<ReadState> {
    if (!this.last) await this.read();
    return this.last as ReadState;
  }

  async readRows(sheet: string, firstRow: number, lastRow: number, lastColumn: number): Promise<RowsRead> {
    const rows = Math.max(1, lastRow - firstRow + 1);
    return this.run(async (context) => {
      const range = context.workbook.worksheets
        .getItem(sheet)
        .getRangeByIndexes(firstRow - 1, 0, rows, Math.max(1, lastColumn));
      range.load("values,text,numberFormat");
      const fills = range.getCellProperties({ format: { fill: { color: true } } });
      await syncOrExplain(context, `Reading rows ${firstRow}-${lastRow} of '${sheet}'`);
      return {
        sheet,
        firstRow,
        values: toValues(range.values),
        texts: toTexts(range.text),
        numberFormats: toFormats(range.numberFormat),
        // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult (getCellProperties) needs no load, only the sync above
        fills: toFills(fills.value),
      };
    });
  }

  async apply(writes: PlanWrite[], options: ApplyOptions = {}): Promise<ApplyResult> {
    const state = await this.state();
    const limit = this.payloadLimit();
    // Parts of at most ~4 MB (80% of the cap) where requests are capped; one sync where they are not.
    const partBytes =
      limit === null ? Number.POSITIVE_INFINITY : Math.min(SAFE_REQUEST_BYTES, Math.floor(limit * 0.8));
    this.applied = null;
    const texts = writes.filter((w) => w.kind === "set-text");
    for (const w of texts) this.own.expect(w.sheet, w.cell, w.text);
    let applied: Awaited<ReturnType<typeof applyWrites>>;
    try {
      applied = await applyWrites(this.run, state, writes, options, partBytes);
    } catch (error) {
      // Which parts ran is not known; a stale entry only hides a later edit that writes the same text.
      for (const w of texts) this.own.forget(w.sheet, w.cell, w.text);
      throw error;
    }
    this.applied = { syncs: applied.syncs, parts: applied.parts };
    // The ReadState handed out stays as it was: the host keeps a new one.
    const sheets = state.sheets.map((s) =>
      applied.summarySheets.includes(s.name) ? { ...s, charts: [CHART_NAME] } : s,
    );
    for (const name of applied.summarySheets)
      if (!sheets.some((s) => s.name === name))
        sheets.push({ name, visibility: "visible", protected: false, box: null, charts: [CHART_NAME] });
    this.last = {
      ...state,
      owned: applied.owned,
      sheets,
      visibleNames: [
        ...state.visibleNames,
        ...applied.summarySheets.filter((n) => !state.visibleNames.includes(n)),
      ],
      storageExists:
        state.storageExists || applied.snapshotStored || Object.keys(applied.owned.sheets).length > 0,
      read: applied.snapshotStored ? withSnapshot(state.read, options.snapshot) : state.read,
    };
    return applied.result;
  }

  async removeAddedFormatting(): Promise<void> {
    const state = await this.state();
    const owned = state.owned;
    const sheets = Object.keys(owned.sheets).filter((s) => state.sheets.some((i) => i.name === s));
    assertWritable(state, state.storageExists ? [...sheets, STORAGE_SHEET] : sheets, "Remove formatting");
    await this.run(async (context) => {
      for (const name of sheets)
        queueRemoveSheetFormatting(context.workbook.worksheets.getItem(name), owned.sheets[name]);
      if (state.storageExists) queueStorageItem(storageSheet(context, true), "owned", emptyOwned());
      await syncOrExplain(context, "Removing the add-in's formatting");
    });
    this.last = { ...state, owned: emptyOwned() };
  }

  async select(address: string): Promise<void> {
    const { sheet, local } = splitSheet(address);
    if (!sheet) throw new Error(`"${address}" does not name a tab.`);
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(local).select();
      await syncOrExplain(context, `Going to ${address}`);
    });
  }

  async saveSettings(settings: unknown): Promise<void> {
    const expected = JSON.stringify(settings ?? null);
    await this.run(async (context) => {
      const workbook = context.workbook;
      workbook.load("readOnly");
      workbook.protection.load("protected");
      const sheets = workbook.worksheets.load("items/name");
      await syncOrExplain(context, "Saving the settings");
      const exists = sheets.items.some((s) => s.name === STORAGE_SHEET);
      let dataProtected = false;
      if (exists) {
        const data = workbook.worksheets.getItem(STORAGE_SHEET);
        data.protection.load("protected");
        await syncOrExplain(context, "Saving the settings");
        dataProtected = data.protection.protected;
      }
      if (!exists && workbook.protection.protected)
        throw new Error(structureMessage([STORAGE_SHEET], "Save settings"));
      if (workbook.readOnly || dataProtected) {
        throw new Error(
          workbook.readOnly
            ? "Settings cannot be saved: this workbook is open read-only. Choose Edit Workbook and save them again."
            : `Settings cannot be saved: the add-in's data tab '${STORAGE_SHEET}' is protected. Unprotect the workbook's sheets and save them again.`,
        );
      }
      const sheet = storageSheet(context, exists);
      const width = queueStorageItem(sheet, "settings", settings);
      await syncOrExplain(context, "Saving the settings");
      const row = STORAGE_ROWS.settings;
      const back = context.workbook.worksheets
        .getItem(STORAGE_SHEET)
        .getRangeByIndexes(row - 1, 0, 1, width + 1);
      back.load("values");
      await syncOrExplain(context, "Checking the saved settings");
      const stored = joinJson((back.values[0] ?? []).slice(1));
      if (
        JSON.stringify(stored) !== expected ||
        back.values[0]?.[0] !== storageCells("settings", settings)[0]
      ) {
        throw new Error(
          "Your settings were not kept by Excel (they read back differently). Save the workbook, reopen it and try again.",
        );
      }
    });
    if (this.last) this.last = { ...this.last, read: { ...this.last.read, settings }, storageExists: true };
  }

  async onEdited(handler: (edit: CellEdit) => void): Promise<() => Promise<void>> {
    return registerEdits(
      this.run,
      {
        own: this.own,
        lastRow: (sheet) => this.last?.sheets.find((s) => s.name === sheet)?.box?.bottom ?? null,
        isPlanTab: (sheet, visibility) => visibility === "Visible" && !this.ownSheets.includes(sheet),
      },
      handler,
    );
  }
}

/** The read as it is once `snapshot` is stored: that snapshot, known (no longer skipped). */
function withSnapshot(read: WorkbookRead, snapshot: unknown): WorkbookRead {
  const { snapshotSkipped: _skipped, ...rest } = read;
  return { ...rest, snapshot };
}
