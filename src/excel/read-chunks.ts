/**
 * Reading what is too large for one response (Excel on the web: 5 MB) in parts: used ranges in
 * row chunks, and the rest of the add-in's stored snapshot (one row of long text cells) in column
 * pieces packed into the same syncs. One sync per group of parts, each group sized to an
 * estimated CHUNK_BYTES; a group that still fails with Request- or ResponsePayloadSizeLimitExceeded
 * is split in half and read again.
 */
import type { CellBox, CellValue } from "../core/grid";
import { isPayloadTooLarge, readableError } from "./errors";
import { toFills, toFormats, toTexts, toValues } from "./convert";
import type { SheetCells } from "./sheet-cells";

const CHUNK_BYTES = 3_000_000;
/** First guess of the JSON bytes a cell costs (value + text + number format + fill), unless the caller measured it. */
const FIRST_BYTES_PER_CELL = 120;

export interface ChunkTask {
  name: string;
  sheet: Excel.Worksheet;
  box: CellBox;
}

/** Cells of one row wanted as values only (columns left..right, 1-based), each costing about bytesPerCell. */
export interface RowTask {
  sheet: Excel.Worksheet;
  row: number;
  left: number;
  right: number;
  bytesPerCell: number;
}

type Piece =
  | { kind: "cells"; task: ChunkTask; top: number; bottom: number }
  | { kind: "row"; task: RowTask; left: number; right: number };

function cellsOf(piece: Piece): number {
  return piece.kind === "cells"
    ? (piece.bottom - piece.top + 1) * (piece.task.box.right - piece.task.box.left + 1)
    : piece.right - piece.left + 1;
}

function split(pieces: Piece[]): Piece[][] {
  if (pieces.length > 1) {
    const half = Math.ceil(pieces.length / 2);
    return [pieces.slice(0, half), pieces.slice(half)];
  }
  const [p] = pieces;
  if (p.kind === "cells") {
    if (p.bottom === p.top) return [];
    const mid = Math.floor((p.top + p.bottom) / 2);
    return [[{ ...p, bottom: mid }], [{ ...p, top: mid + 1 }]];
  }
  if (p.right === p.left) return [];
  const mid = Math.floor((p.left + p.right) / 2);
  return [[{ ...p, right: mid }], [{ ...p, left: mid + 1 }]];
}

/**
 * The groups, one sync each: row chunks packed in order; then the row's cells fill what each
 * group has left below CHUNK_BYTES, and only what is left over makes groups of its own.
 */
function groupsOf(tasks: ChunkTask[], bytesPerCell: number, row: RowTask | null): Piece[][] {
  const groups: { pieces: Piece[]; bytes: number }[] = [];
  let current: { pieces: Piece[]; bytes: number } = { pieces: [], bytes: 0 };
  for (const task of tasks) {
    const cols = task.box.right - task.box.left + 1;
    const rowsPerPiece = Math.max(1, Math.floor(CHUNK_BYTES / bytesPerCell / cols));
    for (let top = task.box.top; top <= task.box.bottom; top += rowsPerPiece) {
      const piece: Piece = {
        kind: "cells",
        task,
        top,
        bottom: Math.min(task.box.bottom, top + rowsPerPiece - 1),
      };
      const bytes = cellsOf(piece) * bytesPerCell;
      if (current.pieces.length > 0 && current.bytes + bytes > CHUNK_BYTES) {
        groups.push(current);
        current = { pieces: [], bytes: 0 };
      }
      current.pieces.push(piece);
      current.bytes += bytes;
    }
  }
  if (current.pieces.length > 0) groups.push(current);
  if (row && row.right >= row.left) {
    const per = Math.max(1, row.bytesPerCell);
    let left = row.left;
    for (const group of groups) {
      const fits = Math.min(row.right - left + 1, Math.floor((CHUNK_BYTES - group.bytes) / per));
      if (fits <= 0) continue;
      group.pieces.push({ kind: "row", task: row, left, right: left + fits - 1 });
      left += fits;
      if (left > row.right) break;
    }
    const perGroup = Math.max(1, Math.floor(CHUNK_BYTES / per));
    for (; left <= row.right; left += perGroup) {
      const right = Math.min(row.right, left + perGroup - 1);
      groups.push({ pieces: [{ kind: "row", task: row, left, right }], bytes: (right - left + 1) * per });
    }
  }
  return groups.map((g) => g.pieces);
}

/**
 * Reads every task's cells (per sheet name, rows in order) and the row's values (columns
 * row.left..row.right in order, or null without a row task). Counts the syncs it made.
 */
export async function readInChunks(
  context: Excel.RequestContext,
  tasks: ChunkTask[],
  knownBytesPerCell = 0,
  row: RowTask | null = null,
): Promise<{ cells: Map<string, SheetCells>; row: CellValue[] | null; syncs: number }> {
  const groups = groupsOf(tasks, Math.max(FIRST_BYTES_PER_CELL, Math.ceil(knownBytesPerCell)), row);
  const read = new Map<string, { top: number; cells: SheetCells }[]>();
  const rowPieces: { left: number; values: CellValue[] }[] = [];
  let syncs = 0;
  while (groups.length > 0) {
    const group = groups.shift() as Piece[];
    const queued = group.map((piece) => {
      if (piece.kind === "row") {
        const range = piece.task.sheet.getRangeByIndexes(
          piece.task.row - 1,
          piece.left - 1,
          1,
          piece.right - piece.left + 1,
        );
        range.load("values");
        return { piece, range, fills: null };
      }
      const { box } = piece.task;
      const range = piece.task.sheet.getRangeByIndexes(
        piece.top - 1,
        box.left - 1,
        piece.bottom - piece.top + 1,
        box.right - box.left + 1,
      );
      range.load("values,text,numberFormat");
      return { piece, range, fills: range.getCellProperties({ format: { fill: { color: true } } }) };
    });
    try {
      syncs += 1;
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-bounded group, by design
      await context.sync();
    } catch (error) {
      const halves = isPayloadTooLarge(error) ? split(group) : [];
      if (halves.length === 0) throw readableError(error, "Reading the workbook");
      groups.unshift(...halves);
      continue;
    }
    for (const { piece, range, fills } of queued) {
      if (piece.kind === "row") {
        rowPieces.push({ left: piece.left, values: toValues(range.values)[0] ?? [] });
        continue;
      }
      const chunk: SheetCells = {
        values: toValues(range.values),
        texts: toTexts(range.text),
        numberFormats: toFormats(range.numberFormat),
        fills: toFills((fills as OfficeExtension.ClientResult<Excel.CellProperties[][]>).value),
      };
      const list = read.get(piece.task.name) ?? [];
      list.push({ top: piece.top, cells: chunk });
      read.set(piece.task.name, list);
    }
  }

  const out = new Map<string, SheetCells>();
  for (const [name, list] of read) {
    list.sort((a, b) => a.top - b.top);
    out.set(name, {
      values: list.flatMap((p) => p.cells.values),
      texts: list.flatMap((p) => p.cells.texts),
      numberFormats: list.flatMap((p) => p.cells.numberFormats),
      fills: list.flatMap((p) => p.cells.fills),
    });
  }
  rowPieces.sort((a, b) => a.left - b.left);
  return { cells: out, row: row ? rowPieces.flatMap((p) => p.values) : null, syncs };
}
