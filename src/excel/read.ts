/**
 * read(): everything the plan needs in as few context.syncs as its size allows (see read-queue.ts
 * for what one sync carries).
 *
 * Where Excel caps a request and a response at 5 MB (Excel on the web; assumed when the platform
 * is unknown), the first sync is in "head" mode: every tab's used-range address, protection,
 * rules and merges, the add-in's data, and the cells of the top-left part of the first tabs,
 * bounded well under the cap. A plan that fits there (a few tabs of up to 100 rows) is read in
 * that ONE sync; the rest of a larger plan is then read in row chunks sized from the addresses
 * and the bytes per cell the head measured: 1 + one sync per chunk, with no failed attempt. Only
 * when even the head does not fit (very long cell texts) is the sync redone as "meta" (one failed
 * attempt), as the old whole-workbook attempt was on every first read of a large workbook.
 *
 * Where there is no cap (Excel desktop) the first sync reads every used range whole ("full"); if
 * Excel returns a huge range's values as null (past about 5 million cells), the read is redone in
 * "meta" mode plus row chunks (read-chunks.ts), and the host starts in that mode next time.
 */
import type { CellBox, SheetGrid, SheetVisibility } from "../core/grid";
import { readStorage, STORAGE_SHEET } from "../core/storage-layout";
import type { ExistingRules, WorkbookRead } from "../host/WorkbookHost";
import { boxesOf, boxOf, toFills, toFormats, toTexts, toValues, toVisibility } from "./convert";
import { intersection } from "./a1";
import { errorCode, readableError } from "./errors";
import { ownedRulesOnColumn, ownsValidationOnColumn, parseOwned, type OwnedRecord } from "./ownership";
import { readInChunks, type ChunkTask } from "./read-chunks";
import {
  HEAD_COLS,
  HEAD_ROWS,
  MIN_CHAIN,
  queueChain,
  queueRead,
  type QueuedRead,
  type QueuedSheet,
  type ReadMode,
} from "./read-queue";
import type { ExcelRun } from "./run";
import type { SheetCells } from "./sheet-cells";

interface SheetInfo {
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
  /** "head" where requests are capped (Excel on the web); "full", or "meta" once a full read proved too large, elsewhere. */
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
    if (userValidation || userConditionalFormats > 0)
      out.push({ sheet, column: col, userValidation, userConditionalFormats });
  });
  return out;
}

/** A visible tab whose used range came back without its cells (too many for one response). */
function lostCells(queued: QueuedSheet): boolean {
  if (queued.sheet.isNullObject || queued.used.isNullObject) return false;
  return (
    !Array.isArray(queued.used.values) ||
    !Array.isArray(queued.used.text) ||
    !Array.isArray(queued.used.numberFormat) ||
    !Array.isArray(queued.fills?.value)
  );
}

/** The head's cells (head mode) and the part of the used range they cover, when Excel returned them. */
function headCells(
  queued: QueuedSheet,
  box: CellBox,
): { cells: SheetCells; box: CellBox; bytes: number } | null {
  const head = queued.head;
  if (!head || head.range.isNullObject) return null;
  const covered = intersection(box, { top: 1, left: 1, bottom: HEAD_ROWS, right: HEAD_COLS });
  const r = head.range;
  if (
    !covered ||
    !Array.isArray(r.values) ||
    !Array.isArray(r.text) ||
    !Array.isArray(r.numberFormat) ||
    !Array.isArray(head.fills.value)
  )
    return null;
  if (r.values.length !== covered.bottom - covered.top + 1) return null;
  const bytes =
    JSON.stringify(r.values).length +
    JSON.stringify(r.text).length +
    JSON.stringify(r.numberFormat).length +
    JSON.stringify(head.fills.value).length;
  return {
    cells: {
      values: toValues(r.values),
      texts: toTexts(r.text),
      numberFormats: toFormats(r.numberFormat),
      fills: toFills(head.fills.value),
    },
    box: covered,
    bytes,
  };
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
      if (mode === "meta" || errorCode(error) !== "RequestPayloadSizeLimitExceeded")
        throw readableError(error, DOING);
      tooLarge = true;
    }
    if (tooLarge) {
      mode = "meta";
      q = queueRead(context, chainLength, mode);
      syncs += 1;
      await syncRead(context);
    }
    while (q.visibleCount.value > q.chain.length) {
      const more = queueChain(
        q.worksheets,
        q.chain[q.chain.length - 1].sheet,
        q.visibleCount.value - q.chain.length,
        mode,
      );
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
      // Head (and meta) mode: each tab's cells are its head where that covers it, the rest in row chunks.
      const tasks: ChunkTask[] = [];
      const heads = new Map<string, SheetCells>();
      let headBytes = 0;
      let headCellCount = 0;
      for (const [name, queued] of visible) {
        const box = queued.used.isNullObject ? null : boxOf(queued.used.address);
        if (!box) continue;
        const head = headCells(queued, box);
        if (head && head.box.top === box.top && head.box.left === box.left && head.box.right === box.right) {
          heads.set(name, head.cells);
          headBytes += head.bytes;
          headCellCount += (head.box.bottom - head.box.top + 1) * (head.box.right - head.box.left + 1);
          if (head.box.bottom < box.bottom)
            tasks.push({ name, sheet: queued.sheet, box: { ...box, top: head.box.bottom + 1 } });
        } else {
          // No head, or one that misses columns (a tab wider than HEAD_COLS): the whole tab in chunks.
          tasks.push({ name, sheet: queued.sheet, box });
        }
      }
      const chunked =
        tasks.length > 0
          ? await readInChunks(context, tasks, headCellCount > 0 ? headBytes / headCellCount : 0)
          : { cells: new Map<string, SheetCells>(), syncs: 0 };
      syncs += chunked.syncs;
      for (const [name] of visible) {
        const head = heads.get(name);
        const rest = chunked.cells.get(name);
        if (head && rest) {
          cells.set(name, {
            values: [...head.values, ...rest.values],
            texts: [...head.texts, ...rest.texts],
            numberFormats: [...head.numberFormats, ...rest.numberFormats],
            fills: [...head.fills, ...rest.fills],
          });
        } else if (head ?? rest) cells.set(name, (head ?? rest) as SheetCells);
      }
      if (chunked.syncs > 0)
        notes.push(
          `The workbook is larger than Excel sends in one go, so it was read in ${chunked.syncs} parts.`,
        );
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
      infos.push({
        name,
        visibility,
        protected: isProtected,
        box,
        charts: queued ? queued.charts.items.map((c) => c.name) : [],
      });
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
