/**
 * Queues every load read() needs so that ONE context.sync() brings it all back.
 *
 * The tabs are not known before the sync, so the visible tabs are reached by chaining
 * worksheets.getFirst(true).getNextOrNullObject(true)… a fixed number of times (MIN_CHAIN = 64,
 * or one more than the visible tabs last seen, whichever is larger); links past the last tab are
 * null objects and cost next to nothing (a few bytes of response each), so a workbook of up to 64
 * visible tabs never needs a second sync to reach them all. The hidden tabs are listed from
 * worksheets.items (names only).
 *
 * What each tab's cells cost is not known before the sync either. Three modes:
 *   - full: the whole used range of every visible tab (Excel desktop, which has no request cap);
 *   - head: (Excel on the web, 5 MB cap) the used range's address of every tab, plus its cells
 *     only where they fall in the top-left HEAD_ROWS x HEAD_COLS of the first HEAD_TABS tabs
 *     (used range ∩ that box, so small tabs cost what they hold and large ones a bounded part):
 *     a plan of a few small tabs is read whole in this one sync; the rest of a large one is
 *     read afterwards in row chunks of a known size (read-chunks.ts), never in a failed attempt;
 *   - meta: addresses only (the fall-back when even the head did not fit).
 *
 * The user's own rules are found without knowing the plan columns: for each of the first
 * RULE_COLUMNS columns of each visible tab, the whole column's conditionalFormats.getCount()
 * and dataValidation.type (a few bytes each). The add-in's own share is subtracted afterwards
 * with the ownership record read in the same sync.
 */
import { STORAGE_SHEET } from "../core/storage-layout";
import { colLetters } from "./a1";

const RULE_COLUMNS = 30;
export const MIN_CHAIN = 64;
/** The head read with the addresses on the web: at most HEAD_TABS x HEAD_ROWS x HEAD_COLS cells (about 3 MB at 150 bytes a cell). */
const HEAD_TABS = 8;
export const HEAD_ROWS = 100;
export const HEAD_COLS = 24;

export type ReadMode = "full" | "head" | "meta";

export interface QueuedSheet {
  sheet: Excel.Worksheet;
  used: Excel.Range;
  fills: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null;
  /** Head mode: the used range's cells inside the top-left HEAD_ROWS x HEAD_COLS (null object when none). */
  head: { range: Excel.Range; fills: OfficeExtension.ClientResult<Excel.CellProperties[][]> } | null;
  merges: Excel.RangeAreas;
  charts: Excel.ChartCollection;
  columns: { conditionalFormats: OfficeExtension.ClientResult<number>; validation: Excel.DataValidation }[];
}

export interface QueuedRead {
  workbook: Excel.Workbook;
  worksheets: Excel.WorksheetCollection;
  visibleCount: OfficeExtension.ClientResult<number>;
  storage: Excel.Worksheet;
  storageUsed: Excel.Range;
  chain: QueuedSheet[];
}

/**
 * Full: values, text, number formats and fills of each used range. Meta: only the used range's
 * address (for chunked reading). Head: meta plus the cells of the used range's top-left part.
 */
function queueSheet(sheet: Excel.Worksheet, mode: ReadMode): QueuedSheet {
  sheet.load("name,id");
  sheet.protection.load("protected");
  const charts = sheet.charts.load("items/name");
  const used = sheet.getUsedRangeOrNullObject(false);
  if (mode === "full") used.load("address,values,text,numberFormat");
  else used.load("address");
  const fills = mode === "full" ? used.getCellProperties({ format: { fill: { color: true } } }) : null;
  let head: QueuedSheet["head"] = null;
  if (mode === "head") {
    const range = used.getIntersectionOrNullObject(sheet.getRangeByIndexes(0, 0, HEAD_ROWS, HEAD_COLS));
    range.load("values,text,numberFormat");
    head = { range, fills: range.getCellProperties({ format: { fill: { color: true } } }) };
  }
  const merges = used.getMergedAreasOrNullObject();
  merges.load("address");
  const columns: QueuedSheet["columns"] = [];
  for (let c = 1; c <= RULE_COLUMNS; c++) {
    const column = sheet.getRange(`${colLetters(c)}:${colLetters(c)}`);
    // A navigation property (a proxy object), not a loaded value: nothing is read before the sync.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- see above
    const validation = column.dataValidation;
    validation.load("type");
    columns.push({ conditionalFormats: column.conditionalFormats.getCount(), validation });
  }
  return { sheet, used, fills, head, merges, charts, columns };
}

/** Continues the chain of visible tabs after `after` (or from the first visible tab). */
export function queueChain(
  worksheets: Excel.WorksheetCollection,
  after: Excel.Worksheet | null,
  length: number,
  mode: ReadMode,
): QueuedSheet[] {
  const chain: QueuedSheet[] = [];
  let previous = after;
  for (let i = 0; i < length; i++) {
    const sheet = previous ? previous.getNextOrNullObject(true) : worksheets.getFirst(true);
    // Only the first HEAD_TABS links of a first chain carry a head; later links (and extensions) are read in chunks.
    chain.push(queueSheet(sheet, mode === "head" && (after !== null || i >= HEAD_TABS) ? "meta" : mode));
    previous = sheet;
  }
  return chain;
}

export function queueRead(context: Excel.RequestContext, chainLength: number, mode: ReadMode): QueuedRead {
  const workbook = context.workbook;
  workbook.load("readOnly");
  const worksheets = workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  const visibleCount = worksheets.getCount(true);
  const storage = worksheets.getItemOrNullObject(STORAGE_SHEET);
  storage.protection.load("protected");
  const storageUsed = storage.getUsedRangeOrNullObject(true);
  storageUsed.load("values");
  return {
    workbook,
    worksheets,
    visibleCount,
    storage,
    storageUsed,
    chain: queueChain(worksheets, null, chainLength, mode),
  };
}
