/** Writes items of the add-in's data tab (settings, snapshot, ownership), creating the very hidden tab when needed. */
import {
  splitJson,
  STORAGE_LABELS,
  STORAGE_ROWS,
  STORAGE_SHEET,
  type StorageItem,
} from "../core/storage-layout";
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

/** One piece of an item's row: the first clears the row; each writes its cells as text from its column on. */
export interface StoragePiece {
  bytes: number;
  queue(sheet: Excel.Worksheet): void;
  /**
   * The piece as two (the first keeps the row's clear), or null for a single cell: for a request
   * Excel refused as too large although its estimate fitted (the estimate counts characters, the
   * cap counts UTF-8 bytes: "é" is 2, "’" and "行" are 3).
   */
  split(): [StoragePiece, StoragePiece] | null;
}

function piece(row: number, from: number, cells: string[], clears: boolean): StoragePiece {
  return {
    bytes: cells.reduce((n, cell) => n + JSON.stringify(cell).length + 8, 0) + 600,
    queue(sheet) {
      if (clears) sheet.getRange(`${row}:${row}`).clear("Contents");
      const range = sheet.getRange(`${colLetters(from + 1)}${row}:${colLetters(from + cells.length)}${row}`);
      range.numberFormat = [cells.map(() => "@")];
      range.values = [cells];
    },
    split() {
      if (cells.length < 2) return null;
      const half = Math.ceil(cells.length / 2);
      return [
        piece(row, from, cells.slice(0, half), clears),
        piece(row, from + half, cells.slice(half), false),
      ];
    },
  };
}

/**
 * An item's row as pieces of at most about `maxBytes` each (a snapshot of a very large plan is
 * more than one request can carry). One piece is exactly queueStorageItem.
 */
export function storagePieces(item: StorageItem, value: unknown, maxBytes: number): StoragePiece[] {
  const cells = storageCells(item, value);
  const row = STORAGE_ROWS[item];
  const groups: { from: number; cells: string[]; bytes: number }[] = [];
  let current: { from: number; cells: string[]; bytes: number } = { from: 0, cells: [], bytes: 0 };
  cells.forEach((cell, i) => {
    const bytes = JSON.stringify(cell).length + 8;
    if (current.cells.length > 0 && current.bytes + bytes > maxBytes) {
      groups.push(current);
      current = { from: i, cells: [], bytes: 0 };
    }
    current.cells.push(cell);
    current.bytes += bytes;
  });
  groups.push(current);
  return groups.map((group, i) => piece(row, group.from, group.cells, i === 0));
}
