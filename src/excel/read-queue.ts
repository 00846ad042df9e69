/**
 * Queues the loads read() needs. Nothing here calls a method on an object that may be a null
 * object: Microsoft documents what an *OrNullObject returns (isNullObject, null properties), not
 * what further calls on it do (issue #9, item 13), so tabs are reached by NAME with getItem, from
 * the worksheet collection's items loaded in an earlier sync (or the names the last read found:
 * a tab renamed or deleted since makes that sync fail with ItemNotFound, documented, and read.ts
 * lists the tabs again).
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
 * Merged areas are loaded with the tab unless a first attempt failed (Excel refuses more than 512
 * merged areas in one range: Excel.Range.getMergedAreasOrNullObject); then read.ts reads them in
 * row bands.
 *
 * The user's own rules are found without knowing the plan columns: for each of the first
 * RULE_COLUMNS columns of each visible tab, the whole column's conditionalFormats.getCount()
 * and dataValidation.type (a few bytes each). The add-in's own share is subtracted afterwards
 * with the ownership record read in the same sync.
 */
import { STORAGE_ROWS, STORAGE_SHEET } from "../core/storage-layout";
import { colLetters } from "./a1";

const RULE_COLUMNS = 30;
/** The head read with the addresses on the web: at most HEAD_TABS x HEAD_ROWS x HEAD_COLS cells (about 3 MB at 150 bytes a cell). */
const HEAD_TABS = 8;
export const HEAD_ROWS = 100;
export const HEAD_COLS = 24;
/**
 * Snapshot cells read with the head: a chunk holds at most 30,000 characters (storage-layout.ts),
 * so at most about 360 kB beside the head's 3 MB even at 3 bytes a character, and 120,000 characters
 * of snapshot, about 1,500 actions: more than a plan whose cells all come with the head has.
 */
const SNAPSHOT_HEAD_CELLS = 4;

export type ReadMode = "full" | "head" | "meta";

export interface QueuedSheet {
  name: string;
  sheet: Excel.Worksheet;
  used: Excel.Range;
  fills: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null;
  /** Head mode: the cells of the top-left HEAD_ROWS x HEAD_COLS box. */
  head: { range: Excel.Range; fills: OfficeExtension.ClientResult<Excel.CellProperties[][]> } | null;
  /** Null when merges are read separately, in bands (read.ts). */
  merges: Excel.RangeAreas | null;
  charts: Excel.ChartCollection;
  columns: { conditionalFormats: OfficeExtension.ClientResult<number>; validation: Excel.DataValidation }[];
}

/**
 * The add-in's data tab: settings and ownership rows whole; the snapshot row whole (full), or its
 * address and its first SNAPSHOT_HEAD_CELLS cells (head), or its address alone (meta), or nothing
 * of it at all when the read skips the snapshot (null).
 */
export interface QueuedStorage {
  sheet: Excel.Worksheet;
  settings: Excel.Range;
  owned: Excel.Range;
  snapshot: Excel.Range | null;
  snapshotLoaded: boolean;
  /** Head mode: the snapshot row's cells A..(1 + SNAPSHOT_HEAD_CELLS), its label and first chunks. */
  snapshotHead: Excel.Range | null;
}

export interface QueuedWorkbook {
  workbook: Excel.Workbook;
  worksheets: Excel.WorksheetCollection;
}

/** What one attempt of a read sync asks for. */
export interface Attempt {
  mode: ReadMode;
  merges: boolean;
}

function queueSheet(
  worksheets: Excel.WorksheetCollection,
  name: string,
  mode: ReadMode,
  merges: boolean,
): QueuedSheet {
  const sheet = worksheets.getItem(name);
  sheet.load("name,id");
  sheet.protection.load("protected");
  const charts = sheet.charts.load("items/name");
  // getUsedRange (not ...OrNullObject): a blank tab gives A1 (Learn: Worksheet.getUsedRange), so
  // getCellProperties below is never called on a null object.
  const used = sheet.getUsedRange(false);
  // eslint-disable-next-line office-addins/no-empty-load -- both branches name their properties; the rule cannot read a conditional
  used.load(mode === "full" ? "address,values,text,numberFormat" : "address");
  const fills = mode === "full" ? used.getCellProperties({ format: { fill: { color: true } } }) : null;
  let head: QueuedSheet["head"] = null;
  if (mode === "head") {
    // The fixed top-left box (bounded cost); read.ts keeps the part inside the used range.
    const range = sheet.getRangeByIndexes(0, 0, HEAD_ROWS, HEAD_COLS);
    range.load("values,text,numberFormat");
    head = { range, fills: range.getCellProperties({ format: { fill: { color: true } } }) };
  }
  let mergeAreas: Excel.RangeAreas | null = null;
  if (merges) {
    mergeAreas = sheet.getRange().getMergedAreasOrNullObject();
    mergeAreas.load("address");
  }
  const columns: QueuedSheet["columns"] = [];
  for (let c = 1; c <= RULE_COLUMNS; c++) {
    const column = sheet.getRange(`${colLetters(c)}:${colLetters(c)}`);
    // A navigation property (a proxy object), not a loaded value: nothing is read before the sync.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- see above
    const validation = column.dataValidation;
    validation.load("type");
    columns.push({ conditionalFormats: column.conditionalFormats.getCount(), validation });
  }
  return { name, sheet, used, fills, head, merges: mergeAreas, charts, columns };
}

/** The visible tabs by name; only the first HEAD_TABS (counting from `index`) carry a head. */
export function queueSheets(
  worksheets: Excel.WorksheetCollection,
  names: readonly string[],
  attempt: Attempt,
  index = 0,
): QueuedSheet[] {
  return names.map((name, i) =>
    queueSheet(
      worksheets,
      name,
      attempt.mode === "head" && index + i >= HEAD_TABS ? "meta" : attempt.mode,
      attempt.merges,
    ),
  );
}

export function queueWorkbook(context: Excel.RequestContext): QueuedWorkbook {
  const workbook = context.workbook;
  workbook.load("readOnly");
  // Structure protection (ExcelApi 1.7) forbids adding or hiding the data tab: known before any write.
  workbook.protection.load("protected");
  const worksheets = workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  return { workbook, worksheets };
}

function storageRow(sheet: Excel.Worksheet, row: number): Excel.Range {
  return sheet.getRange(`${row}:${row}`).getUsedRangeOrNullObject(true);
}

export function queueStorage(
  worksheets: Excel.WorksheetCollection,
  mode: ReadMode,
  snapshotWanted: "load" | "skip",
): QueuedStorage {
  const sheet = worksheets.getItem(STORAGE_SHEET);
  sheet.protection.load("protected");
  const settings = storageRow(sheet, STORAGE_ROWS.settings);
  settings.load("values");
  const owned = storageRow(sheet, STORAGE_ROWS.owned);
  owned.load("values");
  if (snapshotWanted === "skip")
    return { sheet, settings, owned, snapshot: null, snapshotLoaded: false, snapshotHead: null };
  const snapshot = storageRow(sheet, STORAGE_ROWS.snapshot);
  // Uncapped (full): the snapshot comes with the rest. Capped: its address, and in head mode its
  // first cells (a fixed box: it costs what those cells hold, bounded); read.ts reads the rest of
  // a longer one with the row chunks, in the same payload-bounded syncs.
  const snapshotLoaded = mode === "full";
  snapshot.load(snapshotLoaded ? "address,values" : "address");
  let snapshotHead: Excel.Range | null = null;
  if (mode === "head") {
    snapshotHead = sheet.getRangeByIndexes(STORAGE_ROWS.snapshot - 1, 0, 1, 1 + SNAPSHOT_HEAD_CELLS);
    snapshotHead.load("values");
  }
  return { sheet, settings, owned, snapshot, snapshotLoaded, snapshotHead };
}
