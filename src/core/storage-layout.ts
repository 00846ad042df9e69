/**
 * Where the add-in keeps its own data inside a workbook, so every adapter (Office.js, the
 * .xlsx reader behind sdp-check, the preview host) reads and writes the same layout.
 *
 * A very hidden tab named STORAGE_SHEET holds one row per item: column A is the item's label,
 * columns B, C, D … hold its JSON text split into chunks (a cell holds at most 32,767
 * characters). Pure: no Office, no DOM, no Node.
 */
import type { CellValue, SheetGrid } from "./grid";

export const STORAGE_SHEET = "SDP Assistant Data";

export const STORAGE_LABELS = {
  settings: "sdp-assistant-settings",
  snapshot: "sdp-assistant-snapshot",
  owned: "sdp-assistant-owned",
} as const;

export type StorageItem = keyof typeof STORAGE_LABELS;

/** Row (1-based) of each item on the storage tab. */
export const STORAGE_ROWS: Record<StorageItem, number> = { settings: 1, snapshot: 2, owned: 3 };

/** Longest text written to one cell (Excel's limit is 32,767). */
const STORAGE_CHUNK = 30_000;

export interface StoredData {
  settings: unknown;
  snapshot: unknown;
  owned: unknown;
}

/** Splits JSON text into cell-sized chunks, never between the two halves of a surrogate pair. */
export function splitJson(text: string, chunk: number = STORAGE_CHUNK): string[] {
  if (chunk < 2) throw new RangeError("chunk must be at least 2");
  const parts: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(at + chunk, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    parts.push(text.slice(at, end));
    at = end;
  }
  return parts.length > 0 ? parts : [""];
}

/** Joins chunks back (up to the first cell that is not text) and parses them; null when absent or not JSON. */
export function joinJson(cells: readonly unknown[]): unknown {
  let text = "";
  for (const cell of cells) {
    if (typeof cell !== "string" || cell === "") break;
    text += cell;
  }
  if (text.trim() === "") return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // only JSON.parse is inside: its SyntaxError is the input (a stored cell), not a bug
    return null;
  }
}

/** The cells of the storage tab (A1 down), ready for an adapter to write. Items left undefined are not written. */
export function storageRows(data: Partial<StoredData>): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const item of Object.keys(STORAGE_LABELS) as StorageItem[]) {
    const value = data[item];
    const cells: CellValue[] = [STORAGE_LABELS[item]];
    if (value !== undefined) cells.push(...splitJson(JSON.stringify(value)));
    rows[STORAGE_ROWS[item] - 1] = cells;
  }
  return rows;
}

/** Reads the stored items from the storage tab as read by any adapter (origin anywhere). */
export function readStorage(sheet: SheetGrid): StoredData {
  const found: StoredData = { settings: null, snapshot: null, owned: null };
  const byLabel = new Map<string, StorageItem>(
    (Object.keys(STORAGE_LABELS) as StorageItem[]).map((item) => [STORAGE_LABELS[item], item]),
  );
  for (const row of sheet.values) {
    const at = row.findIndex((cell) => typeof cell === "string" && byLabel.has(cell.trim()));
    if (at < 0) continue;
    const item = byLabel.get(String(row[at]).trim());
    if (item && found[item] === null) found[item] = joinJson(row.slice(at + 1));
  }
  return found;
}

/** True for the add-in's storage tab. */
export function isStorageSheet(name: string): boolean {
  return name === STORAGE_SHEET;
}
