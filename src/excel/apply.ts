/**
 * apply(): ONE sync, or, when the request would pass Excel on the web's 5 MB cap (a Summarise of
 * a very large plan: its summary tab, formatting and snapshot), one sync per request-sized part.
 * Protection and the read-only flag come from the last read(); when any write targets a protected
 * tab (or the workbook is read-only) a readable Error is thrown BEFORE anything is queued, because
 * Office.js has no transactions (writes queued before a failing one stick).
 *
 * Parts, in this order (a part is sent only after the one before it succeeded):
 *   1. the ownership record widened to old AND new ranges (only when formatting is split), so a
 *      failure from here on leaves nothing the add-in added unrecorded: Check plan or "Remove
 *      formatting" clears it all;
 *   2. the formatting of each tab, cell text changes, then the summary tab (values in row blocks,
 *      then styles and links, then the chart);
 *   3. LAST, the add-in's data: the exact ownership record and the snapshot.
 * So a failure mid-way leaves the previous snapshot in place (the next Summarise compares with
 * the same last review, nothing is lost) beside a summary tab that may be part-refreshed (the next
 * Summarise clears and rewrites it). Only a snapshot too large for one request (several hundred
 * thousand actions) is itself written in parts; a failure between those leaves it unreadable,
 * read as "no earlier review".
 */
/*
 * Undo (Learn: "Undo capabilities in Excel add-ins"): changing a sheet's visibility (so creating the
 * very hidden data tab) clears the undo list on Windows and Mac. The data tab is created once, in the
 * first part that stores something, and never hidden or shown again. In a multi-part apply the widened
 * ownership record goes first and the exact one last, so Ctrl+Z of the last part leaves a record
 * that still covers everything the add-in formatted.
 */
import { STORAGE_SHEET } from "../core/storage-layout";
import type { PlanWrite, SummarySheetWrite } from "../core/writes";
import type { ApplyOptions, ApplyResult } from "../host/WorkbookHost";
import { nextOwnedSheet, queueSheetFormatting, type SheetFormatting } from "./apply-rules";
import { storagePieces, storageSheet, type StoragePiece } from "./apply-storage";
import { summaryPieces } from "./apply-summary";
import { blockedMessage, structureMessage } from "../host/blocked-message";
import { isPayloadTooLarge, readableError } from "./errors";
import { emptyOwnedSheet, type OwnedRecord, type OwnedSheet } from "./ownership";
import type { ReadState } from "./read";
import type { ExcelRun } from "./run";

/** Which command the writes come from: a typed value; its words are for messages only. */
type ApplyCommand = "check" | "summarise" | "text-change";

/** What the user runs again ("run Check plan again"), and what a failure says was under way. */
const COMMAND_LABEL: Record<ApplyCommand, { runAgain: string; doing: string }> = {
  check: { runAgain: "Check plan", doing: "Formatting the plan" },
  summarise: { runAgain: "Summarise progress", doing: "Summarise progress" },
  "text-change": { runAgain: "the change", doing: "the change" },
};

function commandOf(writes: PlanWrite[]): ApplyCommand {
  return writes.some((w) => w.kind === "summary-sheet")
    ? "summarise"
    : writes.every((w) => w.kind === "set-text")
      ? "text-change"
      : "check";
}

/** Tabs the writes would change, to check against protection. */
function sheetsWritten(writes: PlanWrite[], state: ReadState, storing: boolean): string[] {
  const names = new Set(writes.map((w) => w.sheet));
  if (storing && state.storageExists) names.add(STORAGE_SHEET);
  return [...names];
}

/**
 * Throws the readable "nothing was changed" Error when Excel would refuse these writes: a read-only
 * workbook, a protected tab, or (structure protection, ExcelApi 1.7) a tab that would have to be
 * added. Checked before anything is queued: Office.js has no transactions, so formatting queued
 * before a refused worksheets.add would stay half-done.
 */
export function assertWritable(
  state: ReadState,
  sheets: readonly string[],
  runAgain: string,
  newTabs: readonly string[] = [],
): void {
  const blocked = sheets.filter((s) => state.read.protectedSheets.includes(s));
  const message = blockedMessage(blocked, state.read.readOnly, runAgain);
  if (message) throw new Error(message);
  if (state.structureProtected && newTabs.length > 0) throw new Error(structureMessage(newTabs, runAgain));
}

/** Tabs these writes would have to add (the data tab, a summary tab not there yet). */
function tabsToAdd(state: ReadState, writes: PlanWrite[], storing: boolean): string[] {
  const tabs = writes
    .filter((w): w is SummarySheetWrite => w.kind === "summary-sheet")
    .map((w) => w.sheet)
    .filter((name) => !state.sheets.some((s) => s.name === name));
  if (storing && !state.storageExists) tabs.push(STORAGE_SHEET);
  return tabs;
}

function groupFormatting(writes: PlanWrite[]): Map<string, SheetFormatting> {
  const bySheet = new Map<string, SheetFormatting>();
  const of = (sheet: string): SheetFormatting => {
    const found = bySheet.get(sheet) ?? { dropdowns: [], colours: [], highlights: [] };
    bySheet.set(sheet, found);
    return found;
  };
  for (const w of writes) {
    if (w.kind === "rating-dropdown") of(w.sheet).dropdowns.push(w);
    else if (w.kind === "rating-colours") of(w.sheet).colours.push(w);
    else if (w.kind === "status-highlight") of(w.sheet).highlights.push(w);
  }
  return bySheet;
}

export interface Applied {
  result: ApplyResult;
  owned: OwnedRecord;
  snapshotStored: boolean;
  summarySheets: string[];
  /** Syncs made (failed ones included) and parts sent: 1 and 1 unless the request was too large for one sync. */
  syncs: number;
  parts: number;
}

/** Estimated largest request (JSON characters) one sync may carry: Excel on the web refuses more than 5 MB. */
export const SAFE_REQUEST_BYTES = 4_000_000;
/** Estimated request bytes of one queued operation besides the values it carries. */
const OP_BYTES = 200;

interface Unit {
  bytes: number;
  /** The unit writes to the add-in's data tab (creating it when it is not there yet). */
  storage?: boolean;
  queue(context: Excel.RequestContext, data: () => Excel.Worksheet): void;
  /** The unit as two, when a part of it alone is refused as too large (storage rows: by cells). */
  split?(): [Unit, Unit] | null;
}

function storageUnit(piece: StoragePiece): Unit {
  return {
    bytes: piece.bytes,
    storage: true,
    queue: (_, data) => piece.queue(data()),
    split() {
      const halves = piece.split();
      return halves ? [storageUnit(halves[0]), storageUnit(halves[1])] : null;
    },
  };
}

function mergeOwnedSheet(a: OwnedSheet, b: OwnedSheet): OwnedSheet {
  const rules = (x: OwnedSheet["colours"], y: OwnedSheet["colours"]) => {
    const by = new Map<string, number>();
    for (const r of [...x, ...y]) by.set(r.range, Math.max(r.rules, by.get(r.range) ?? 0));
    return [...by].map(([range, n]) => ({ range, rules: n }));
  };
  return {
    validation: [...new Set([...a.validation, ...b.validation])],
    colours: rules(a.colours, b.colours),
    highlights: rules(a.highlights, b.highlights),
  };
}

/** Consecutive units packed into parts of at most `limit` estimated bytes (a unit larger than that goes alone). */
function packParts(units: Unit[], limit: number): Unit[][] {
  const parts: Unit[][] = [];
  let current: Unit[] = [];
  let bytes = 0;
  for (const unit of units) {
    if (current.length > 0 && bytes + unit.bytes > limit) {
      parts.push(current);
      current = [];
      bytes = 0;
    }
    current.push(unit);
    bytes += unit.bytes;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

export async function applyWrites(
  run: ExcelRun,
  state: ReadState,
  writes: PlanWrite[],
  options: ApplyOptions = {},
  limit: number = SAFE_REQUEST_BYTES,
): Promise<Applied> {
  const formatting = groupFormatting(writes);
  const storing = formatting.size > 0 || options.snapshot !== undefined;
  const command = COMMAND_LABEL[commandOf(writes)];
  assertWritable(
    state,
    sheetsWritten(writes, state, storing),
    command.runAgain,
    tabsToAdd(state, writes, storing),
  );
  const summaries = writes.filter((w): w is SummarySheetWrite => w.kind === "summary-sheet");
  // What the add-in will own once applied, and that widened by what it owned before (see the header).
  const owned: OwnedRecord = { version: 1, sheets: { ...state.owned.sheets } };
  const widened: OwnedRecord = { version: 1, sheets: { ...state.owned.sheets } };
  for (const [name, sheetWrites] of formatting) {
    const prior = state.owned.sheets[name] ?? emptyOwnedSheet();
    owned.sheets[name] = nextOwnedSheet(sheetWrites, prior);
    widened.sheets[name] = mergeOwnedSheet(prior, owned.sheets[name]);
  }
  const changedCells = writes.filter((w) => w.kind === "set-text").length;

  // The writes as units, in the order they must reach Excel.
  const units: Unit[] = [];
  for (const [name, sheetWrites] of formatting) {
    units.push({
      bytes:
        JSON.stringify(sheetWrites).length +
        OP_BYTES *
          (4 +
            4 * sheetWrites.dropdowns.length +
            // per highlight: getRanges, then add, formula, fill, font per rule (the clears are a few, by runs)
            sheetWrites.highlights.reduce((n, w) => n + 1 + 4 * w.rules.length, 0) +
            sheetWrites.colours.reduce((n, w) => n + 6 * w.rules.length, 0)),
      queue(context) {
        queueSheetFormatting(
          context.workbook.worksheets.getItem(name),
          sheetWrites,
          state.owned.sheets[name] ?? emptyOwnedSheet(),
        );
      },
    });
  }
  for (const w of writes) {
    if (w.kind !== "set-text") continue;
    units.push({
      bytes: JSON.stringify(w.text).length + w.cell.length + w.sheet.length + OP_BYTES,
      queue(context) {
        // Written as typed: Excel parses it ("3" a number, "TRUE" a boolean), which is what a restore of
        // a cell that held a number needs. The engine's set-text writes are rating words, never "1/2".
        context.workbook.worksheets.getItem(w.sheet).getRange(w.cell).values = [[w.text]];
      },
    });
  }
  for (const w of summaries) {
    const info = state.sheets.find((s) => s.name === w.sheet);
    for (const piece of summaryPieces(w, { exists: !!info, charts: [...(info?.charts ?? [])] }))
      units.push({ bytes: piece.bytes, queue: (context) => piece.queue(context) });
  }
  if (formatting.size > 0)
    for (const piece of storagePieces("owned", owned, limit)) units.push(storageUnit(piece));
  if (options.snapshot !== undefined)
    for (const piece of storagePieces("snapshot", options.snapshot, limit)) units.push(storageUnit(piece));

  let parts = packParts(units, limit);
  if (parts.length > 1 && formatting.size > 0) {
    // Split: record the widened ownership first (see the header).
    const first = storagePieces("owned", widened, limit).map(storageUnit);
    parts = packParts([...first, ...units], limit);
  }

  return run(async (context) => {
    let storageExists = state.storageExists;
    let syncs = 0;
    let sent = 0;
    const queue = [...parts];
    while (queue.length > 0) {
      const part = queue.shift() as Unit[];
      context.workbook.application.suspendApiCalculationUntilNextSync();
      let created = false;
      const data = (): Excel.Worksheet => {
        if (storageExists || created) return context.workbook.worksheets.getItem(STORAGE_SHEET);
        created = true;
        return storageSheet(context, false);
      };
      for (const unit of part) unit.queue(context, data);
      try {
        syncs += 1;
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-bounded part, by design
        await context.sync();
      } catch (error) {
        // A request over the cap is refused whole (nothing of it ran): send it again in two halves. A
        // response over the cap (ResponsePayloadSizeLimitExceeded) comes after the writes ran; the
        // writes are idempotent (clear then add), so sending the halves again is safe too.
        if (isPayloadTooLarge(error) && part.length > 1) {
          const half = Math.ceil(part.length / 2);
          queue.unshift(part.slice(0, half), part.slice(half));
          continue;
        }
        const halves = isPayloadTooLarge(error) && part.length === 1 ? part[0].split?.() : null;
        if (halves) {
          queue.unshift([halves[0]], [halves[1]]);
          continue;
        }
        const doing = command.doing;
        throw readableError(
          error,
          sent > 0
            ? `${doing} (part ${sent + 1} of ${sent + 1 + queue.length}, sent in parts because of its size)`
            : doing,
        );
      }
      sent += 1;
      if (created) storageExists = true;
    }
    return {
      result: { changedCells },
      owned,
      snapshotStored: options.snapshot !== undefined,
      summarySheets: summaries.map((s) => s.sheet),
      syncs,
      parts: sent,
    };
  });
}
