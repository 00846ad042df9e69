/** Builds WorkbookGrids in code for engine tests: rows of cells, fills, merges, number formats. */
import type { CellBox, CellValue, SheetGrid, SheetVisibility, WorkbookGrid } from "../../src/core/grid";

export interface SheetSpec {
  visibility?: SheetVisibility;
  origin?: { row: number; col: number };
  /** Fill colours by absolute A1 address: { G8: "#00B050" }. */
  fills?: Record<string, string>;
  /** Number formats by absolute A1 address. */
  numberFormats?: Record<string, string>;
  /** Displayed texts by absolute A1 address (for numbers, dates). */
  texts?: Record<string, string>;
  /** Merged areas as A1 ranges: ["A4:H4", "A5:A7"]. */
  merges?: string[];
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function parseA1(ref: string): { row: number; col: number } {
  const m = /^([A-Za-z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`bad A1 ${ref}`);
  return { row: Number(m[2]), col: colNumber(m[1]) };
}

function box(range: string): CellBox {
  const [a, b] = range.split(":");
  const p = parseA1(a);
  const q = parseA1(b ?? a);
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

/** A tab whose values[0][0] is at `origin` (default A1). Rows may be ragged. */
export function sheet(name: string, rows: CellValue[][], spec: SheetSpec = {}): SheetGrid {
  const origin = spec.origin ?? { row: 1, col: 1 };
  const grid: SheetGrid = {
    name,
    visibility: spec.visibility ?? "visible",
    origin,
    values: rows.map((r) => r.slice()),
  };
  const layer = (by: Record<string, string> | undefined): (string | null)[][] | undefined => {
    if (!by) return undefined;
    const out: (string | null)[][] = rows.map((r) => r.map(() => null));
    for (const [ref, v] of Object.entries(by)) {
      const { row, col } = parseA1(ref);
      const r = row - origin.row;
      const c = col - origin.col;
      while (out.length <= r) out.push([]);
      const line = out[r];
      while (line.length <= c) line.push(null);
      line[c] = v;
    }
    return out;
  };
  const fills = layer(spec.fills);
  const numberFormats = layer(spec.numberFormats);
  const texts = layer(spec.texts);
  if (fills) grid.fills = fills;
  if (numberFormats) grid.numberFormats = numberFormats;
  if (texts) grid.texts = texts;
  if (spec.merges) grid.merges = spec.merges.map(box);
  return grid;
}

export function workbook(...sheets: SheetGrid[]): WorkbookGrid {
  return { sheets };
}

/** The standard eight-column header of the plans. */
export const STANDARD_HEADER = [
  "Why?",
  "Who?",
  "Does what?",
  "By when?",
  "How will we know it has been done?",
  "What will be the experience of children?",
  "RAG rated",
  "Comments on progress",
];

/** One action row of the standard layout. */
export function actionRow(
  p: Partial<Record<"why" | "who" | "does" | "by" | "how" | "exp" | "rag" | "comments", CellValue>>,
): CellValue[] {
  return [
    p.why ?? "",
    p.who ?? "",
    p.does ?? "",
    p.by ?? "",
    p.how ?? "",
    p.exp ?? "",
    p.rag ?? "",
    p.comments ?? "",
  ];
}

/** A full, valid open action (owner, deadline, evidence, rating, comment) for tests to vary. */
export function goodAction(
  does: string,
  over: Partial<Record<"why" | "who" | "by" | "how" | "exp" | "rag" | "comments", CellValue>> = {},
): CellValue[] {
  return actionRow({
    why: "A reason",
    who: "EH Lead",
    does,
    by: "31/03/2023",
    how: "Evidence",
    exp: "Better",
    rag: "Green",
    comments: "Going well",
    ...over,
  });
}
