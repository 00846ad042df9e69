/**
 * read(): everything the plan needs in ONE context.sync (see read-queue.ts for how). When the
 * response would pass Excel on the web's 5 MB cap, that sync fails with
 * RequestPayloadSizeLimitExceeded; the read is then redone as one "meta" sync (addresses,
 * protection, rules, storage) plus row chunks (read-chunks.ts), and the host remembers to start
 * in that mode next time, so only the first read of a huge workbook pays the failed attempt.
 */
import type { CellBox, SheetGrid, SheetVisibility } from "../core/grid";
import { readStorage, STORAGE_SHEET } from "../core/storage-layout";
import type { ExistingRules, WorkbookRead } from "../host/WorkbookHost";
import { boxesOf, boxOf, toFills, toFormats, toTexts, toValues, toVisibility } from "./convert";
import { errorCode, readableError } from "./errors";
import { ownedRulesOnColumn, ownsValidationOnColumn, parseOwned, type OwnedRecord } from "./ownership";
import { readInChunks, type ChunkTask } from "./read-chunks";
import { MIN_CHAIN, queueChain, queueRead, type QueuedRead, type QueuedSheet, type ReadMode } from "./read-queue";
import type { ExcelRun } from "./run";
import type { SheetCells } from "./sheet-cells";

export interface SheetInfo {
  name: string;
  visibility: SheetVisibility;
  protected: boolean;
  box: CellBox | null;
  charts: string[];
}

export interface ReadState {
  read: WorkbookRead;
  owned: OwnedRecord;
  sheets: SheetInfo[];
  storageExists: boolean;
  visibleCount: number;
  mode: ReadMode;
  syncs: number;
}

export interface ReadHints {
  visibleCount: number;
  mode: ReadMode;
}

const DOING = "Reading the workbook";

async function syncRead(context: Excel.RequestContext): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    throw readableError(error, DOING);
  }
}

function existingRules(sheet: string, queued: QueuedSheet, owned: OwnedRecord): ExistingRules[] {
  const out: ExistingRules[] = [];
  queued.columns.forEach((column, i) => {
    const col = i + 1;
    const total = column.conditionalFormats.value ?? 0;
    const userConditionalFormats = Math.max(0, total - ownedRulesOnColumn(owned, sheet, col));
    const type = column.validation.type as string | null;
    const userValidation = !!type && type !== "None" && !ownsValidationOnColumn(owned, sheet, col);
    if (userValidation || userConditionalFormats > 0) out.push({ sheet, column: col, userValidation, userConditionalFormats });
  });
  return out;
}

/** A visible tab whose used range came back without its cells (too many for one response). */
function lostCells(queued: QueuedSheet): boolean {
  if (queued.sheet.isNullObject || queued.used.isNullObject) return false;
  return !Array.isArray(queued.used.values) || !Array.isArray(queued.used.text) || !Array.isArray(queued.used.numberFormat) || !Array.isArray(queued.fills?.value);
}

function fullCells(queued: QueuedSheet): SheetCells | null {
  if (queued.used.isNullObject || !queued.fills) return null;
  return {
    values: toValues(queued.used.values),
    texts: toTexts(queued.used.text),
    numberFormats: toFormats(queued.used.numberFormat),
    fills: toFills(queued.fills.value),
  };
}

export async function readWorkbook(run: ExcelRun, hints: ReadHints): Promise<ReadState> {
  return run(async (context) => {
    const chainLength = Math.max(MIN_CHAIN, hints.visibleCount + 1);
    let mode = hints.mode;
    let syncs = 1;
    let q: QueuedRead = queueRead(context, chainLength, mode);
    let tooLarge = false;
    try {
      await context.sync();
      // Past about 5 million cells Excel may return values (or text, formats, fills) as null instead of failing.
      tooLarge = mode === "full" && q.chain.some(lostCells);
    } catch (error) {
      if (mode !== "full" || errorCode(error) !== "RequestPayloadSizeLimitExceeded") throw readableError(error, DOING);
      tooLarge = true;
    }
    if (tooLarge) {
      mode = "meta";
      q = queueRead(context, chainLength, mode);
      syncs += 1;
      await syncRead(context);
    }
    while (q.visibleCount.value > q.chain.length) {
      const more = queueChain(q.worksheets, q.chain[q.chain.length - 1].sheet, q.visibleCount.value - q.chain.length, mode);
      syncs += 1;
      await syncRead(context);
      q.chain.push(...more);
    }
    if (mode === "full" && q.chain.some(lostCells)) {
      // A tab reached by the longer chain came back without its cells: read everything in parts.
      mode = "meta";
      q = queueRead(context, q.chain.length + 1, mode);
      syncs += 1;
      await syncRead(context);
    }

    const storageExists = !q.storage.isNullObject;
    const stored = readStorage({
      name: STORAGE_SHEET,
      visibility: "veryHidden",
      origin: { row: 1, col: 1 },
      values: storageExists && !q.storageUsed.isNullObject ? toValues(q.storageUsed.values) : [],
    });
    const owned = parseOwned(stored.owned);

    const visible = new Map<string, QueuedSheet>();
    for (const queued of q.chain) if (!queued.sheet.isNullObject) visible.set(queued.sheet.name, queued);

    const cells = new Map<string, SheetCells>();
    const notes: string[] = [];
    if (mode === "full") {
      for (const [name, queued] of visible) {
        const c = fullCells(queued);
        if (c) cells.set(name, c);
      }
    } else {
      const tasks: ChunkTask[] = [];
      for (const [name, queued] of visible) {
        const box = queued.used.isNullObject ? null : boxOf(queued.used.address);
        if (box) tasks.push({ name, sheet: queued.sheet, box });
      }
      const chunked = await readInChunks(context, tasks);
      syncs += chunked.syncs;
      for (const [name, c] of chunked.cells) cells.set(name, c);
      notes.push(`The workbook is larger than Excel sends in one go, so it was read in ${chunked.syncs} parts.`);
    }

    const grids: SheetGrid[] = [];
    const infos: SheetInfo[] = [];
    const protectedSheets: string[] = [];
    const rules: ExistingRules[] = [];
    for (const item of q.worksheets.items) {
      const name = item.name;
      if (name === STORAGE_SHEET) continue;
      const visibility = toVisibility(item.visibility);
      const queued = visibility === "visible" ? visible.get(name) : undefined;
      const box = queued && !queued.used.isNullObject ? boxOf(queued.used.address) : null;
      const isProtected = queued ? queued.sheet.protection.protected : false;
      if (isProtected) protectedSheets.push(name);
      infos.push({ name, visibility, protected: isProtected, box, charts: queued ? queued.charts.items.map((c) => c.name) : [] });
      if (queued) rules.push(...existingRules(name, queued, owned));
      const c = cells.get(name);
      grids.push({
        name,
        visibility,
        origin: { row: box?.top ?? 1, col: box?.left ?? 1 },
        values: c?.values ?? [],
        ...(c ? { texts: c.texts, numberFormats: c.numberFormats, fills: c.fills } : {}),
        merges: queued && !queued.merges.isNullObject ? boxesOf(queued.merges.address) : [],
      });
    }
    const storageProtected = storageExists && q.storage.protection.protected;
    if (storageProtected) protectedSheets.push(STORAGE_SHEET);

    const read: WorkbookRead = {
      grid: { sheets: grids },
      settings: stored.settings,
      snapshot: stored.snapshot,
      protectedSheets,
      readOnly: q.workbook.readOnly,
      existingRules: rules,
      notes,
    };
    return { read, owned, sheets: infos, storageExists, visibleCount: visible.size, mode, syncs };
  });
}
