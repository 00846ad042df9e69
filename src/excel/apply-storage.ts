/** Writes items of the add-in's data tab (settings, snapshot, ownership), creating the very hidden tab when needed. */
import { splitJson, STORAGE_LABELS, STORAGE_ROWS, STORAGE_SHEET, type StorageItem } from "../core/storage-layout";
import { colLetters } from "./a1";

export function storageSheet(context: Excel.RequestContext, exists: boolean): Excel.Worksheet {
  if (exists) return context.workbook.worksheets.getItem(STORAGE_SHEET);
  const sheet = context.workbook.worksheets.add(STORAGE_SHEET);
  sheet.visibility = "VeryHidden";
  return sheet;
}

/** The cells of one item's row: its label, then its JSON in chunks. */
export function storageCells(item: StorageItem, value: unknown): string[] {
  return [STORAGE_LABELS[item], ...splitJson(JSON.stringify(value ?? null))];
}

/** Clears the item's row, then writes it as text (number format "@", so no chunk is read as a number). */
export function queueStorageItem(sheet: Excel.Worksheet, item: StorageItem, value: unknown): number {
  const row = STORAGE_ROWS[item];
  const cells = storageCells(item, value);
  sheet.getRange(`${row}:${row}`).clear("Contents");
  const range = sheet.getRange(`A${row}:${colLetters(cells.length)}${row}`);
  range.numberFormat = [cells.map(() => "@")];
  range.values = [cells];
  return cells.length;
}
