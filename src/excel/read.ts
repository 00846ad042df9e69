/**
 * read(): everything the plan needs, in small named steps (each below), in as few syncs as
 * Excel's documented limits allow.
 *
 *   1. listAndQueue: the workbook's flags (read-only, structure protection), its tabs, and, when
 *      the last read named them, every visible tab's cells and rules and the data tab, by name, in
 *      ONE sync. On the first read (or when a tab was renamed since) the tabs are listed first and
 *      read in a second sync (read-queue.ts: no call on a possible null object, item 13).
 *   2. syncWithFallback: a sync that fails is redone as Excel's limits say: a payload over the 5 MB
 *      cap (request OR response code) as "meta" (addresses only, cells in chunks); a tab with more
 *      than 512 merged areas without merges (read in bands afterwards); a desktop read that threw on a
 *      huge used range as "meta" too. Each fallback costs one failed sync, only when it happens.
 *   3. snapshotRest: settings and ownership rows come whole; the snapshot row whole (uncapped), or
 *      its first cells with the head (a small snapshot needs no sync of its own), the rest of a
 *      long one (a 100,000-action snapshot is tens of MB) read in step 4 with the row chunks.
 *   4. readCells: full mode has them; head/meta mode adds row chunks and the snapshot's rest, in
 *      syncs each sized under the cap (read-chunks.ts).
 *   5. readMergesInBands, when merges could not come with the tab.
 *   6. assemble: the engine's grid and what the adapter keeps (ReadState), new objects every time.
 */
import type { CellBox, SheetGrid, SheetVisibility } from "../core/grid";
import { readStorage, STORAGE_ROWS, STORAGE_SHEET, type StoredData } from "../core/storage-layout";
import type { ExistingRules, WorkbookRead } from "../host/WorkbookHost";
import { boxesOf, boxOf, toFills, toFormats, toTexts, toValues, toVisibility } from "./convert";
import { intersection } from "./a1";
import { errorCode, isPayloadTooLarge, readableError } from "./errors";
import { ownedRulesOnColumn, ownsValidationOnColumn, parseOwned, type OwnedRecord } from "./ownership";
import { readInChunks, type ChunkTask, type RowTask } from "./read-chunks";
import {
  HEAD_COLS,
  HEAD_ROWS,
  queueSheets,
  queueStorage,
  queueWorkbook,
  type Attempt,
  type QueuedSheet,
  type QueuedStorage,
  type QueuedWorkbook,
  type ReadMode,
} from "./read-queue";
import type { ExcelRun } from "./run";
import type { SheetCells } from "./sheet-cells";

interface SheetInfo {
  readonly name: string;
  readonly visibility: SheetVisibility;
  readonly protected: boolean;
  readonly box: CellBox | null;
  readonly charts: readonly string[];
}

/** What read() found. Never changed after it is made: apply() and saveSettings() make new ones. */
export interface ReadState {
  readonly read: WorkbookRead;
  readonly owned: OwnedRecord;
  readonly sheets: readonly SheetInfo[];
  readonly storageExists: boolean;
  /** Workbook structure protection (ExcelApi 1.7): no tab can be added, hidden, deleted or renamed. */
  readonly structureProtected: boolean;
  /** The visible plan tabs in order (the next read's hint). */
  readonly visibleNames: readonly string[];
  readonly mode: ReadMode;
  readonly syncs: number;
}

export interface ReadHints {
  /** The visible tabs the last read found (null: none yet, list them first). */
  names: readonly string[] | null;
  /** Whether the data tab was there at the last read (null: not known). */
  storageExists: boolean | null;
  /** "head" where requests are capped (Excel on the web); "full", or "meta" once a full read proved too large, elsewhere. */
  mode: ReadMode;
  /** Load the stored snapshot ("load") or not a cell of it ("skip"): only Summarise needs it. */
  snapshot: "load" | "skip";
}

const DOING = "Reading the workbook";
/** Rows per band when merged areas must be read in parts (halved again while a band still fails). */
const MERGE_BAND_ROWS = 2_000;

interface Counter {
  syncs: number;
}

/** The next attempt after a failed one, or null when there is nothing left to try. */
function nextAttempt(attempt: Attempt, error: unknown): Attempt | null {
  if (isPayloadTooLarge(error) && attempt.mode !== "meta") return { ...attempt, mode: "meta" };
  // More than 512 merged areas: the error code is not documented, so any other failure retries without them.
  if (attempt.merges) return { ...attempt, merges: false };
  // Past about 5 million cells a desktop read may throw instead of returning null.
  if (attempt.mode === "full") return { ...attempt, mode: "meta" };
  return null;
}

/** Queues with `queue`, syncs; on failure queues again with the next attempt (step 2). */
async function syncWithFallback<T>(
  context: Excel.RequestContext,
  counter: Counter,
  first: Attempt,
  queue: (attempt: Attempt) => T,
): Promise<{ queued: T; attempt: Attempt }> {
  let attempt: Attempt = first;
  for (;;) {
    const queued = queue(attempt);
    counter.syncs += 1;
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- a retry: each attempt depends on how the last one failed
      await context.sync();
      return { queued, attempt };
    } catch (error) {
      const next = nextAttempt(attempt, error);
      if (!next) throw readableError(error, DOING);
      attempt = next;
    }
  }
}

/** A visible tab whose used range came back without its cells (too many for one response). */
function lostCells(queued: QueuedSheet): boolean {
  return (
    !Array.isArray(queued.used.values) ||
    !Array.isArray(queued.used.text) ||
    !Array.isArray(queued.used.numberFormat) ||
    !Array.isArray(queued.fills?.value)
  );
}

interface Listed {
  wb: QueuedWorkbook;
  sheets: QueuedSheet[];
  storage: QueuedStorage | null;
  attempt: Attempt;
}

function visibleNamesOf(wb: QueuedWorkbook): string[] {
  return wb.worksheets.items
    .filter((s) => s.name !== STORAGE_SHEET && toVisibility(s.visibility) === "visible")
    .map((s) => s.name);
}

/** Step 1: the workbook, its tabs and the data tab, in one sync when the hints hold, else two. */
async function listAndQueue(
  context: Excel.RequestContext,
  hints: ReadHints,
  counter: Counter,
): Promise<Listed> {
  let names = hints.names;
  let storageHint = hints.storageExists === true;
  let first: { queued: Omit<Listed, "attempt">; attempt: Attempt };
  for (;;) {
    try {
      first = await syncWithFallback(context, counter, { mode: hints.mode, merges: true }, (attempt) => ({
        wb: queueWorkbook(context),
        sheets: names ? queueSheets(context.workbook.worksheets, names, attempt) : [],
        storage: storageHint ? queueStorage(context.workbook.worksheets, attempt.mode, hints.snapshot) : null,
      }));
      break;
    } catch (error) {
      // A tab (or the data tab) named by the last read is gone or renamed: list the tabs again.
      const code = errorCode((error as { cause?: unknown }).cause);
      if (code !== "ItemNotFound" || (names === null && !storageHint)) throw error;
      names = null;
      storageHint = false;
    }
  }
  const { wb } = first.queued;
  let { sheets, storage } = first.queued;
  let attempt = first.attempt;
  const visible = visibleNamesOf(wb);
  if (visible.length === 0)
    // Excel keeps at least one visible sheet; a list without one is a host in a bad state.
    throw readableError({ code: "InvalidOperation", message: "Excel listed no visible worksheet." }, DOING);
  const storageThere = wb.worksheets.items.some((s) => s.name === STORAGE_SHEET);
  const missing = visible.filter((n) => !sheets.some((q) => q.name === n));
  sheets = sheets.filter((q) => visible.includes(q.name));
  if (missing.length > 0 || (storageThere && !storage)) {
    const second = await syncWithFallback(context, counter, attempt, (a) => ({
      sheets: queueSheets(context.workbook.worksheets, missing, a, sheets.length),
      storage:
        storageThere && !storage
          ? queueStorage(context.workbook.worksheets, a.mode, hints.snapshot)
          : storage,
    }));
    sheets = [...sheets, ...second.queued.sheets];
    storage = second.queued.storage;
    attempt = { mode: second.attempt.mode === "meta" ? "meta" : attempt.mode, merges: second.attempt.merges };
  }
  if (!storageThere) storage = null;
  sheets.sort((a, b) => visible.indexOf(a.name) - visible.indexOf(b.name));
  // A full read that came back without a tab's cells (values null past ~5 million cells): read again as meta.
  if (attempt.mode === "full" && sheets.some(lostCells)) {
    attempt = { ...attempt, mode: "meta" };
    const again = await syncWithFallback(context, counter, attempt, (a) =>
      queueSheets(context.workbook.worksheets, visible, a),
    );
    sheets = again.queued;
    attempt = again.attempt;
  }
  return { wb, sheets, storage, attempt };
}

/**
 * What of the snapshot row is still to read after the first sync (capped reads): its head's
 * cells, and the columns past them as a RowTask for the chunk reader, priced from the head's own
 * chunks (they are full ones when the row goes on) or, with no head (meta), at 3 bytes a character.
 */
interface SnapshotRest {
  head: SheetGrid["values"][number];
  rest: RowTask | null;
}

/** A cell's worst cost in a response: a full chunk of 3-byte characters (storage-layout.ts writes at most 30,000). */
const SNAPSHOT_WORST_CELL_BYTES = 30_000 * 3;

function snapshotRest(storage: QueuedStorage | null): SnapshotRest | null {
  if (!storage?.snapshot || storage.snapshotLoaded || storage.snapshot.isNullObject) return null;
  const box = boxOf(storage.snapshot.address);
  if (!box) return null;
  const headValues = storage.snapshotHead ? (toValues(storage.snapshotHead.values)[0] ?? []) : [];
  // Column A on: the head holds columns 1..headValues.length; the row's used range ends at box.right.
  const head = headValues.slice(0, box.right);
  const from = Math.max(box.left, head.length + 1);
  if (from > box.right) return { head, rest: null };
  const chunks = head.slice(1).filter((v) => typeof v === "string" && v !== "");
  const measured = chunks.length > 0 ? JSON.stringify(chunks).length / chunks.length : 0;
  return {
    head,
    rest: {
      sheet: storage.sheet,
      row: STORAGE_ROWS.snapshot,
      left: from,
      right: box.right,
      bytesPerCell: measured > 0 ? measured : SNAPSHOT_WORST_CELL_BYTES,
    },
  };
}

/** Step 3: the data tab's items (the snapshot row as loaded, or its head and the rest read with the cells). */
function storedData(
  storage: QueuedStorage | null,
  pending: SnapshotRest | null,
  rest: SheetGrid["values"][number] | null,
): StoredData {
  if (!storage) return { settings: null, snapshot: null, owned: null };
  const rowValues = (r: Excel.Range) => (r.isNullObject ? [] : toValues(r.values));
  let snapshotRow: SheetGrid["values"] = [];
  if (!storage.snapshot) {
    // Skipped: not queued at all, so not a cell of it crosses (readWorkbook marks the read).
  } else if (storage.snapshotLoaded) snapshotRow = rowValues(storage.snapshot);
  else if (pending) snapshotRow = [[...pending.head, ...(rest ?? [])]];
  return readStorage({
    name: STORAGE_SHEET,
    visibility: "veryHidden",
    origin: { row: 1, col: 1 },
    values: [...rowValues(storage.settings), ...snapshotRow, ...rowValues(storage.owned)],
  });
}

/** The used range's box, or null for a blank tab (getUsedRange gives A1 holding nothing). */
function usedBox(queued: QueuedSheet): CellBox | null {
  const box = boxOf(queued.used.address);
  if (!box) return null;
  if (box.top !== 1 || box.bottom !== 1 || box.left !== 1 || box.right !== 1) return box;
  // Full mode loaded the used range's values; head mode has A1 in its head; meta mode cannot tell.
  const a1 = queued.fills
    ? (queued.used.values as unknown[][] | null)?.[0]?.[0]
    : queued.head
      ? (queued.head.range.values as unknown[][] | null)?.[0]?.[0]
      : undefined;
  return a1 === "" || a1 === null ? null : box;
}

/** The head's cells inside the used range (head mode), when Excel returned them. */
function headCells(
  queued: QueuedSheet,
  box: CellBox,
): { cells: SheetCells; box: CellBox; bytes: number } | null {
  const head = queued.head;
  const covered = intersection(box, { top: 1, left: 1, bottom: HEAD_ROWS, right: HEAD_COLS });
  if (!head || !covered) return null;
  const r = head.range;
  if (!Array.isArray(r.values) || !Array.isArray(r.text) || !Array.isArray(r.numberFormat)) return null;
  if (!Array.isArray(head.fills.value)) return null;
  const crop = <T>(grid: T[][]): T[][] =>
    grid.slice(covered.top - 1, covered.bottom).map((row) => row.slice(covered.left - 1, covered.right));
  const values = crop(r.values);
  const text = crop(r.text);
  const formats = crop(r.numberFormat);
  const fills = crop(head.fills.value);
  const bytes =
    JSON.stringify(values).length +
    JSON.stringify(text).length +
    JSON.stringify(formats).length +
    JSON.stringify(fills).length;
  return {
    cells: {
      values: toValues(values),
      texts: toTexts(text),
      numberFormats: toFormats(formats),
      fills: toFills(fills),
    },
    box: covered,
    bytes,
  };
}

/** Step 4: each visible tab's cells, and the rest of the snapshot row (`row`) in the same syncs. */
async function readCells(
  context: Excel.RequestContext,
  sheets: QueuedSheet[],
  mode: ReadMode,
  counter: Counter,
  row: RowTask | null,
): Promise<{ cells: Map<string, SheetCells>; row: SheetGrid["values"][number] | null; parts: number }> {
  const cells = new Map<string, SheetCells>();
  const tasks: ChunkTask[] = [];
  const heads = new Map<string, SheetCells>();
  let headBytes = 0;
  let headCellCount = 0;
  for (const q of sheets) {
    const box = usedBox(q);
    if (!box) continue;
    if (mode === "full") {
      if (!q.fills) continue;
      cells.set(q.name, {
        values: toValues(q.used.values),
        texts: toTexts(q.used.text),
        numberFormats: toFormats(q.used.numberFormat),
        fills: toFills(q.fills.value),
      });
      continue;
    }
    const head = headCells(q, box);
    if (head && head.box.top === box.top && head.box.left === box.left && head.box.right === box.right) {
      heads.set(q.name, head.cells);
      headBytes += head.bytes;
      headCellCount += (head.box.bottom - head.box.top + 1) * (head.box.right - head.box.left + 1);
      if (head.box.bottom < box.bottom)
        tasks.push({ name: q.name, sheet: q.sheet, box: { ...box, top: head.box.bottom + 1 } });
    } else {
      // No head, or one that misses columns (a tab wider than HEAD_COLS): the whole tab in chunks.
      tasks.push({ name: q.name, sheet: q.sheet, box });
    }
  }
  const chunked =
    tasks.length > 0 || row
      ? await readInChunks(context, tasks, headCellCount > 0 ? headBytes / headCellCount : 0, row)
      : { cells: new Map<string, SheetCells>(), row: null, syncs: 0 };
  counter.syncs += chunked.syncs;
  for (const q of sheets) {
    const head = heads.get(q.name);
    const rest = chunked.cells.get(q.name);
    if (head && rest) {
      cells.set(q.name, {
        values: [...head.values, ...rest.values],
        texts: [...head.texts, ...rest.texts],
        numberFormats: [...head.numberFormats, ...rest.numberFormats],
        fills: [...head.fills, ...rest.fills],
      });
    } else if (head ?? rest) cells.set(q.name, (head ?? rest) as SheetCells);
  }
  return { cells, row: chunked.row, parts: chunked.syncs };
}

/**
 * Step 5: merged areas in row bands. Excel refuses more than 512 merged areas in one range
 * (Excel.Range.getMergedAreasOrNullObject); a band that fails is halved. A merge crossing a band
 * edge comes back from both bands: kept once.
 */
async function readMergesInBands(
  context: Excel.RequestContext,
  sheets: QueuedSheet[],
  counter: Counter,
): Promise<Map<string, CellBox[]>> {
  const out = new Map<string, CellBox[]>();
  for (const q of sheets) {
    const box = usedBox(q);
    if (!box) continue;
    const bands: { top: number; bottom: number }[] = [];
    for (let top = box.top; top <= box.bottom; top += MERGE_BAND_ROWS)
      bands.push({ top, bottom: Math.min(box.bottom, top + MERGE_BAND_ROWS - 1) });
    const found = new Map<string, CellBox>();
    while (bands.length > 0) {
      const band = bands.shift() as { top: number; bottom: number };
      const areas = q.sheet
        .getRangeByIndexes(band.top - 1, box.left - 1, band.bottom - band.top + 1, box.right - box.left + 1)
        .getMergedAreasOrNullObject();
      areas.load("address");
      counter.syncs += 1;
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one band per sync: a band that fails is halved, which needs its failure
        await context.sync();
      } catch (error) {
        if (band.top === band.bottom) throw readableError(error, `Reading the merged cells of '${q.name}'`);
        const mid = Math.floor((band.top + band.bottom) / 2);
        bands.unshift({ top: band.top, bottom: mid }, { top: mid + 1, bottom: band.bottom });
        continue;
      }
      if (!areas.isNullObject) for (const b of boxesOf(areas.address)) found.set(JSON.stringify(b), b);
    }
    out.set(q.name, [...found.values()]);
  }
  return out;
}

function existingRules(sheet: string, queued: QueuedSheet, owned: OwnedRecord): ExistingRules[] {
  const out: ExistingRules[] = [];
  queued.columns.forEach((column, i) => {
    const col = i + 1;
    const total = column.conditionalFormats.value ?? 0;
    const userConditionalFormats = Math.max(0, total - ownedRulesOnColumn(owned, sheet, col));
    const type = column.validation.type as string | null;
    const userValidation = !!type && type !== "None" && !ownsValidationOnColumn(owned, sheet, col);
    if (userValidation || userConditionalFormats > 0)
      out.push({ sheet, column: col, userValidation, userConditionalFormats });
  });
  return out;
}

/** Step 6: the engine's grid and the adapter's ReadState. */
function assemble(
  listed: Listed,
  stored: StoredData,
  cells: Map<string, SheetCells>,
  merges: Map<string, CellBox[]> | null,
  notes: string[],
  syncs: number,
): ReadState {
  const owned = parseOwned(stored.owned);
  const byName = new Map(listed.sheets.map((q) => [q.name, q]));
  const grids: SheetGrid[] = [];
  const infos: SheetInfo[] = [];
  const protectedSheets: string[] = [];
  const rules: ExistingRules[] = [];
  for (const item of listed.wb.worksheets.items) {
    const name = item.name;
    if (name === STORAGE_SHEET) continue;
    const visibility = toVisibility(item.visibility);
    const queued = visibility === "visible" ? byName.get(name) : undefined;
    const box = queued ? usedBox(queued) : null;
    const isProtected = queued ? queued.sheet.protection.protected : false;
    if (isProtected) protectedSheets.push(name);
    infos.push({
      name,
      visibility,
      protected: isProtected,
      box,
      charts: queued ? queued.charts.items.map((c) => c.name) : [],
    });
    if (queued) rules.push(...existingRules(name, queued, owned));
    const c = cells.get(name);
    const sheetMerges = merges
      ? (merges.get(name) ?? [])
      : queued?.merges && !queued.merges.isNullObject
        ? boxesOf(queued.merges.address)
        : [];
    grids.push({
      name,
      visibility,
      origin: { row: box?.top ?? 1, col: box?.left ?? 1 },
      values: c?.values ?? [],
      ...(c ? { texts: c.texts, numberFormats: c.numberFormats, fills: c.fills } : {}),
      merges: sheetMerges,
    });
  }
  if (listed.storage?.sheet.protection.protected) protectedSheets.push(STORAGE_SHEET);
  const read: WorkbookRead = {
    grid: { sheets: grids },
    settings: stored.settings,
    snapshot: stored.snapshot,
    ...(listed.storage && !listed.storage.snapshot ? { snapshotSkipped: true } : {}),
    protectedSheets,
    readOnly: listed.wb.workbook.readOnly,
    existingRules: rules,
    notes,
  };
  return {
    read,
    owned,
    sheets: infos,
    storageExists: listed.storage !== null,
    structureProtected: listed.wb.workbook.protection.protected,
    visibleNames: listed.sheets.map((q) => q.name),
    mode: listed.attempt.mode,
    syncs,
  };
}

export async function readWorkbook(run: ExcelRun, hints: ReadHints): Promise<ReadState> {
  return run(async (context) => {
    const counter: Counter = { syncs: 0 };
    const listed = await listAndQueue(context, hints, counter);
    const pending = snapshotRest(listed.storage);
    const { cells, row, parts } = await readCells(
      context,
      listed.sheets,
      listed.attempt.mode,
      counter,
      pending?.rest ?? null,
    );
    const stored = storedData(listed.storage, pending, row);
    // Parts: the syncs past the first that the 5 MB cap made necessary (cells, and a long snapshot with them).
    const notes =
      parts > 0
        ? [`The workbook is larger than Excel sends in one go, so it was read in ${parts} parts.`]
        : [];
    const merges = listed.attempt.merges ? null : await readMergesInBands(context, listed.sheets, counter);
    return assemble(listed, stored, cells, merges, notes, counter.syncs);
  });
}
