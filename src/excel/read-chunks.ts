/**
 * Reading used ranges too large for one response (Excel on the web: 5 MB) in row chunks:
 * one sync per group of chunks, each group sized to an estimated CHUNK_BYTES; a group that
 * still fails with Request- or ResponsePayloadSizeLimitExceeded is split in half and read again.
 */
import type { CellBox } from "../core/grid";
import { isPayloadTooLarge, readableError } from "./errors";
import { toFills, toFormats, toTexts, toValues } from "./convert";
import type { SheetCells } from "./sheet-cells";

const CHUNK_BYTES = 3_000_000;
/** First guess of the JSON bytes a cell costs (value + text + number format + fill), unless the caller measured it; refined as chunks arrive. */
const FIRST_BYTES_PER_CELL = 120;

export interface ChunkTask {
  name: string;
  sheet: Excel.Worksheet;
  box: CellBox;
}

interface Piece {
  task: ChunkTask;
  top: number;
  bottom: number;
}

function cellsOf(piece: Piece): number {
  return (piece.bottom - piece.top + 1) * (piece.task.box.right - piece.task.box.left + 1);
}

function split(pieces: Piece[]): Piece[][] {
  if (pieces.length > 1) {
    const half = Math.ceil(pieces.length / 2);
    return [pieces.slice(0, half), pieces.slice(half)];
  }
  const [p] = pieces;
  if (p.bottom === p.top) return [];
  const mid = Math.floor((p.top + p.bottom) / 2);
  return [[{ ...p, bottom: mid }], [{ ...p, top: mid + 1 }]];
}

/** Reads every task's cells; returns them per sheet name, rows in order. Counts the syncs it made. */
export async function readInChunks(
  context: Excel.RequestContext,
  tasks: ChunkTask[],
  knownBytesPerCell = 0,
): Promise<{ cells: Map<string, SheetCells>; syncs: number }> {
  let bytesPerCell = Math.max(FIRST_BYTES_PER_CELL, Math.ceil(knownBytesPerCell));
  const pieces: Piece[] = [];
  for (const task of tasks) {
    const cols = task.box.right - task.box.left + 1;
    const rowsPerPiece = Math.max(1, Math.floor(CHUNK_BYTES / bytesPerCell / cols));
    for (let top = task.box.top; top <= task.box.bottom; top += rowsPerPiece)
      pieces.push({ task, top, bottom: Math.min(task.box.bottom, top + rowsPerPiece - 1) });
  }
  const groups: Piece[][] = [];
  let current: Piece[] = [];
  let size = 0;
  for (const piece of pieces) {
    if (current.length > 0 && (size + cellsOf(piece)) * bytesPerCell > CHUNK_BYTES) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(piece);
    size += cellsOf(piece);
  }
  if (current.length > 0) groups.push(current);

  const read = new Map<string, { top: number; cells: SheetCells }[]>();
  let syncs = 0;
  while (groups.length > 0) {
    const group = groups.shift() as Piece[];
    const queued = group.map((piece) => {
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
    let bytes = 0;
    let cells = 0;
    for (const { piece, range, fills } of queued) {
      const chunk: SheetCells = {
        values: toValues(range.values),
        texts: toTexts(range.text),
        numberFormats: toFormats(range.numberFormat),
        fills: toFills(fills.value),
      };
      bytes +=
        JSON.stringify(range.values).length +
        JSON.stringify(range.text).length +
        JSON.stringify(range.numberFormat).length +
        JSON.stringify(fills.value).length;
      cells += cellsOf(piece);
      const list = read.get(piece.task.name) ?? [];
      list.push({ top: piece.top, cells: chunk });
      read.set(piece.task.name, list);
    }
    if (cells > 0) bytesPerCell = Math.max(bytesPerCell, Math.ceil(bytes / cells));
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
  return { cells: out, syncs };
}
