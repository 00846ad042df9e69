/**
 * Queues every load read() needs so that ONE context.sync() brings it all back.
 *
 * The tabs are not known before the sync, so the visible tabs are reached by chaining
 * worksheets.getFirst(true).getNextOrNullObject(true)… a fixed number of times (at least
 * MIN_CHAIN, or one more than the visible tabs last seen); links past the last tab are null
 * objects and cost nothing. The hidden tabs are listed from worksheets.items (names only).
 *
 * The user's own rules are found without knowing the plan columns: for each of the first
 * RULE_COLUMNS columns of each visible tab, the whole column's conditionalFormats.getCount()
 * and dataValidation.type (a few bytes each). The add-in's own share is subtracted afterwards
 * with the ownership record read in the same sync.
 */
import { STORAGE_SHEET } from "../core/storage-layout";
import { colLetters } from "./a1";

export const RULE_COLUMNS = 30;
export const MIN_CHAIN = 8;

export type ReadMode = "full" | "meta";

export interface QueuedSheet {
  sheet: Excel.Worksheet;
  used: Excel.Range;
  fills: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null;
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

/** Full: values, text, number formats and fills of each used range. Meta: only the used range's address (for chunked reading). */
export function queueSheet(sheet: Excel.Worksheet, mode: ReadMode): QueuedSheet {
  sheet.load("name,id");
  sheet.protection.load("protected");
  const charts = sheet.charts.load("items/name");
  const used = sheet.getUsedRangeOrNullObject(false);
  used.load(mode === "full" ? "address,values,text,numberFormat" : "address");
  const fills = mode === "full" ? used.getCellProperties({ format: { fill: { color: true } } }) : null;
  const merges = used.getMergedAreasOrNullObject();
  merges.load("address");
  const columns: QueuedSheet["columns"] = [];
  for (let c = 1; c <= RULE_COLUMNS; c++) {
    const column = sheet.getRange(`${colLetters(c)}:${colLetters(c)}`);
    column.dataValidation.load("type");
    columns.push({ conditionalFormats: column.conditionalFormats.getCount(), validation: column.dataValidation });
  }
  return { sheet, used, fills, merges, charts, columns };
}

/** Continues the chain of visible tabs after `after` (or from the first visible tab). */
export function queueChain(worksheets: Excel.WorksheetCollection, after: Excel.Worksheet | null, length: number, mode: ReadMode): QueuedSheet[] {
  const chain: QueuedSheet[] = [];
  let previous = after;
  for (let i = 0; i < length; i++) {
    const sheet = previous ? previous.getNextOrNullObject(true) : worksheets.getFirst(true);
    chain.push(queueSheet(sheet, mode));
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
  return { workbook, worksheets, visibleCount, storage, storageUsed, chain: queueChain(worksheets, null, chainLength, mode) };
}
