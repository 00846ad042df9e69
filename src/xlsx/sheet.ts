/**
 * One worksheet part -> a SheetGrid, streamed: cells are kept per row as they are parsed (only
 * the cells the file stores), then laid out once the merges (written after the cells) are known.
 *
 * The grid is what the engine has always been given (the exceljs reader before this one):
 * - it spans the cells that hold a value (formatting alone never widens it), so a sheet formatted
 *   down to row 1,048,576 stays small; rows without a value inside it share one empty row;
 * - each row stops at its last cell with a value or a fill (rows are ragged: a stray value at
 *   XFD1048576 makes one long row, not a million padded ones);
 * - a cell the file stores has its own style's fill; a cell it does not store, up to the row's
 *   last stored cell or inside a merged area, has the row's style fill, else its column's;
 * - a cell covered by a merged area (not its top-left) has no value; it keeps its fill;
 * - a value's number format is its style's code, "General" when the style names none.
 */
import type { CellBox, CellValue, SheetGrid, SheetVisibility } from "../core/grid";
import { XlsxReadError } from "./errors";
import { decodeEscapes, type CellStyle } from "./parts";
import type { XmlHandler } from "./xml";
import type { ZipArchive } from "./zip";

const DAY_MS = 86_400_000;
/** Excel's day 0 in the 1900 date system (1899-12-30, the leap-year bug folded in). */
const EPOCH_1900_MS = Date.UTC(1899, 11, 30);
/** Days from the 1900 system's day 0 to the 1904 system's (1 January 1904). */
const DAYS_1904 = 1462;

/** Counts cells against the workbook's bound, across sheets. */
export class CellBudget {
  private count = 0;

  constructor(private readonly max: number) {}

  add(n: number, what: string): void {
    this.count += n;
    if (this.count > this.max) throw this.refusal(what);
  }

  /** Whether `n` more cells would pass the bound (nothing is counted). */
  wouldPass(n: number): boolean {
    return this.count + n > this.max;
  }

  refusal(what: string): XlsxReadError {
    return new XlsxReadError(
      "too-large",
      `${what} more than ${this.max.toLocaleString("en-GB")} cells (the limit)`,
    );
  }
}

/** The fewest bytes a stored cell takes in a sheet part ("<c/>"). */
export const MIN_CELL_BYTES = 4;

const LT = 0x3c,
  SLASH = 0x2f,
  GT = 0x3e,
  COLON = 0x3a,
  LOWER_C = 0x63;

/** A byte that may follow an element's name: white space, "/" or ">". */
function endsName(b: number): boolean {
  return b === 0x20 || b === GT || b === SLASH || b === 0x0a || b === 0x0d || b === 0x09;
}

/**
 * Counts a sheet part's cell openings ("<c " "<c>" "<c/>", or with a prefix, "<x:c ") in its
 * bytes as they inflate, without parsing, and refuses the workbook once they pass the cells left
 * in the budget: a sheet of millions of cells costs an inflate and a byte scan, not a parse. Used
 * only for a part large enough to pass the bound (its declared size, which the unzip enforces, over
 * MIN_CELL_BYTES); the parse counts again exactly (SheetReader). Only "<c" written inside a comment
 * or CDATA (never by a spreadsheet program, and needed millions of times) would be over-counted.
 */
export async function refuseTooManyCells(
  archive: ZipArchive,
  part: string,
  sheetName: string,
  cells: CellBudget,
): Promise<void> {
  let count = 0;
  // The bytes after the last "<" of a chunk, when its name may run on into the next chunk.
  let carry: number[] = [];
  const scan = (bytes: Uint8Array): void => {
    const n = bytes.length;
    for (let i = 0; i < n; i++) {
      if (bytes[i] !== LT) continue;
      // Skip a prefix ("x:"), then the local name must be "c" and end there.
      let j = i + 1;
      let k = j;
      while (k < n && k - j < 32 && bytes[k] !== COLON && !endsName(bytes[k]) && bytes[k] !== LT) k++;
      if (k >= n) {
        carry = Array.from(bytes.subarray(i));
        return;
      }
      if (bytes[k] === COLON) j = k + 1;
      if (j + 1 >= n) {
        carry = Array.from(bytes.subarray(i));
        return;
      }
      if (bytes[j] === LOWER_C && endsName(bytes[j + 1])) count++;
    }
    carry = [];
  };
  try {
    await archive.read(part, (chunk) => {
      if (carry.length > 0) {
        const joined = new Uint8Array(carry.length + chunk.length);
        joined.set(carry);
        joined.set(chunk, carry.length);
        scan(joined);
      } else scan(chunk);
      if (cells.wouldPass(count)) throw cells.refusal(`${sheetName} stores`);
    });
  } catch (error) {
    if (error instanceof XlsxReadError) throw error;
    throw Object.assign(new XlsxReadError("damaged"), { cause: error });
  }
}

export interface SheetContext {
  strings: readonly string[];
  styles: readonly CellStyle[];
  date1904: boolean;
  cells: CellBudget;
}

interface StoredRow {
  row: number;
  style: CellStyle | null;
  cols: number[];
  values: CellValue[];
  /** Each cell's style (an index into the cellXfs; 0 for none): its fill and number format. */
  styles: number[];
}

interface ColumnStyle {
  min: number;
  max: number;
  style: CellStyle;
}

/** "2024-01-05", "2024-01-05T10:30:00Z" (a t="d" cell) -> its serial in the workbook's date system. */
function isoToSerial(text: string, date1904: boolean): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text.trim());
  if (!m) return null;
  const ms =
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)) +
    Number(m[6] ?? 0) * 1000;
  if (!Number.isFinite(ms)) return null;
  return (ms - EPOCH_1900_MS) / DAY_MS - (date1904 ? DAYS_1904 : 0);
}

/** The column of an A1 reference ("AB12" -> 28), or 0 when it has none. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) col = col * 26 + code - 64;
    else if (code >= 97 && code <= 122) col = col * 26 + code - 96;
    else if (code !== 36) break; // "$"
  }
  return col;
}

function rowOf(ref: string): number {
  const m = /(\d+)$/.exec(ref);
  return m ? Number(m[1]) : 0;
}

function boxOf(ref: string): CellBox | null {
  const [from, to = from] = ref.split(":");
  const top = rowOf(from),
    left = columnOf(from),
    bottom = rowOf(to),
    right = columnOf(to);
  if (!top || !left || !bottom || !right) return null;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

const EMPTY_ROW: never[] = Object.freeze([]) as unknown as never[];

type CellKind = "s" | "str" | "inlineStr" | "b" | "e" | "d" | "n";

export class SheetReader implements XmlHandler {
  private readonly rows: StoredRow[] = [];
  private readonly columns: ColumnStyle[] = [];
  private readonly merges: CellBox[] = [];
  private readonly uncalculated: { row: number; col: number }[] = [];
  private row: StoredRow | null = null;
  private rowNumber = 0;
  private inSheetData = false;
  // The cell being read.
  private col = 0;
  private kind: CellKind = "n";
  private styleId = 0;
  private hasFormula = false;
  private hasV = false;
  private chars: string | null = null;
  private inValue = false;
  private inInline = false;
  private phonetic = 0;
  private stored = 0;

  constructor(
    private readonly name: string,
    private readonly visibility: SheetVisibility,
    private readonly context: SheetContext,
  ) {}

  open(name: string, a: Record<string, string>): void {
    if (this.inSheetData) {
      switch (name) {
        case "c": {
          const ref = a.r;
          this.col = ref ? columnOf(ref) || this.col + 1 : this.col + 1;
          this.kind = (a.t as CellKind | undefined) ?? "n";
          this.styleId = a.s ? parseInt(a.s, 10) || 0 : 0;
          this.hasFormula = false;
          this.hasV = false;
          this.chars = null;
          this.inInline = false;
          this.phonetic = 0;
          if (++this.stored % 4096 === 0) this.context.cells.add(4096, `${this.name} stores`);
          return;
        }
        case "v":
          this.hasV = true;
          this.inValue = true;
          this.chars ??= "";
          return;
        case "f":
          this.hasFormula = true;
          return;
        case "is":
          this.inInline = true;
          this.chars ??= "";
          return;
        case "t":
          if (this.inInline && this.phonetic === 0) this.inValue = true;
          return;
        case "rPh":
          this.phonetic++;
          return;
        case "row": {
          const r = a.r ? parseInt(a.r, 10) : NaN;
          this.rowNumber = Number.isInteger(r) && r > 0 ? r : this.rowNumber + 1;
          this.row = null;
          this.col = 0;
          const s = a.s ? parseInt(a.s, 10) || 0 : 0;
          this.rowStyle = s > 0 ? (this.context.styles[s] ?? null) : null;
          return;
        }
        default:
          return;
      }
    }
    if (name === "sheetData") this.inSheetData = true;
    else if (name === "mergeCell" && a.ref) {
      const box = boxOf(a.ref);
      if (box) this.merges.push(box);
    } else if (name === "col") {
      const min = parseInt(a.min ?? "", 10),
        max = parseInt(a.max ?? "", 10);
      const s = a.style ? parseInt(a.style, 10) || 0 : 0;
      const style = s > 0 ? this.context.styles[s] : undefined;
      if (style && min > 0 && max >= min) this.columns.push({ min, max: Math.min(max, 16384), style });
    }
  }

  private rowStyle: CellStyle | null = null;

  text(text: string): void {
    if (this.inValue && this.chars !== null) this.chars += text;
  }

  close(name: string): void {
    if (!this.inSheetData) return;
    switch (name) {
      case "v":
        this.inValue = false;
        return;
      case "t":
        if (this.inInline) this.inValue = false;
        return;
      case "rPh":
        this.phonetic--;
        return;
      case "is":
        this.inInline = false;
        return;
      case "c":
        this.endCell();
        return;
      case "sheetData":
        this.inSheetData = false;
        return;
      default:
        return;
    }
  }

  private endCell(): void {
    const raw = this.chars ?? undefined;
    const hasText = raw !== undefined && raw !== "";
    if (!hasText && !this.hasFormula && this.styleId <= 0) return; // not a cell (as Excel's own empty <c/>)
    let value: CellValue = null;
    if (hasText) {
      switch (this.kind) {
        case "s": {
          const index = Number(raw);
          const shared = this.context.strings[index];
          if (!Number.isInteger(index) || shared === undefined) throw new XlsxReadError("damaged");
          value = shared;
          break;
        }
        case "str":
        case "inlineStr":
          value = decodeEscapes(raw);
          break;
        case "b":
          value = parseInt(raw, 10) !== 0;
          break;
        case "e":
          value = raw;
          break;
        case "d":
          value = isoToSerial(raw, this.context.date1904);
          break;
        default: {
          const n = parseFloat(raw);
          value = Number.isFinite(n) ? n : null;
        }
      }
      if (value === "") value = null;
    } else if (this.hasFormula && !(this.hasV && this.kind === "str")) {
      this.uncalculated.push({ row: this.rowNumber, col: this.col });
    }
    let row = this.row;
    if (row === null) {
      row = this.row = {
        row: this.rowNumber,
        style: this.rowStyle,
        cols: [],
        values: [],
        styles: [],
      };
      this.rows.push(row);
    }
    row.cols.push(this.col);
    row.values.push(value);
    row.styles.push(this.styleId > 0 && this.styleId < this.context.styles.length ? this.styleId : 0);
  }

  /** The grid, once the whole part is parsed. */
  finish(): SheetGrid {
    this.context.cells.add(this.stored % 4096, `${this.name} stores`);
    const rows = this.orderedRows();
    const byNumber = new Map(rows.map((r) => [r.row, r]));
    // Cells covered by a merged area lose their value (it belongs to the area's top-left cell).
    const merges = this.mergeIndex();
    for (const m of merges) {
      for (let at = firstRowAtOrAfter(rows, m.top); at < rows.length && rows[at].row <= m.bottom; at++) {
        const row = rows[at];
        const r = row.row;
        for (let i = 0; i < row.cols.length; i++) {
          const c = row.cols[i];
          if (c >= m.left && c <= m.right && (r !== m.top || c !== m.left)) {
            row.values[i] = null;
          }
        }
      }
    }
    let top = Infinity,
      left = Infinity,
      bottom = 0,
      right = 0;
    for (const row of rows) {
      for (let i = 0; i < row.cols.length; i++) {
        if (row.values[i] === null) continue;
        const c = row.cols[i];
        if (c < left) left = c;
        if (c > right) right = c;
        if (row.row < top) top = row.row;
        if (row.row > bottom) bottom = row.row;
      }
    }
    const name = this.name;
    const visibility = this.visibility;
    const uncalculated = this.uncalculated.filter(
      ({ row, col }) => !merges.some((m) => covers(m, row, col) && (row !== m.top || col !== m.left)),
    );
    const extra = uncalculated.length > 0 ? { uncalculated } : {};
    if (bottom === 0) {
      return {
        name,
        visibility,
        origin: { row: 1, col: 1 },
        values: [],
        texts: [],
        numberFormats: [],
        fills: [],
        merges: [],
        ...extra,
      };
    }
    const holeFills = this.columns.some((c) => c.style.hasFill) || rows.some((r) => r.style?.hasFill);
    const values: CellValue[][] = [];
    const texts: (string | null)[][] = [];
    const numberFormats: (string | null)[][] = [];
    const fills: (string | null)[][] = [];
    for (let r = top; r <= bottom; r++) {
      const row = byNumber.get(r);
      if (!row || !row.values.some((v) => v !== null)) {
        values.push(EMPTY_ROW);
        texts.push(EMPTY_ROW);
        numberFormats.push(EMPTY_ROW);
        fills.push(EMPTY_ROW);
        continue;
      }
      const laid = holeFills
        ? this.layRowWithHoles(row, left, right, merges)
        : layRow(row, left, right, this.context);
      values.push(laid.values);
      texts.push(laid.texts);
      numberFormats.push(laid.formats);
      fills.push(laid.fills);
    }
    const overlapping = merges
      .filter((m) => m.top <= bottom && m.bottom >= top && m.left <= right && m.right >= left)
      .map(({ top: t, left: l, bottom: b, right: rr }) => ({ top: t, left: l, bottom: b, right: rr }));
    return {
      name,
      visibility,
      origin: { row: top, col: left },
      values,
      texts,
      numberFormats,
      fills,
      merges: overlapping,
      ...extra,
    };
  }

  /** Rows by number, each row's cells by column (a repeated cell: the last one stands). */
  private orderedRows(): StoredRow[] {
    const rows = this.rows;
    let sorted = true;
    for (let i = 1; i < rows.length; i++) if (rows[i].row <= rows[i - 1].row) sorted = false;
    const merged = sorted ? rows : mergeRepeatedRows(rows);
    for (const row of merged) {
      let inOrder = true;
      for (let i = 1; i < row.cols.length; i++) if (row.cols[i] <= row.cols[i - 1]) inOrder = false;
      if (!inOrder) sortCells(row);
    }
    return merged;
  }

  /** The merged areas, sorted, one per top-left cell (the last one written stands). */
  private mergeIndex(): CellBox[] {
    const byMaster = new Map<string, CellBox>();
    for (const m of this.merges) byMaster.set(`${m.top}:${m.left}`, m);
    return [...byMaster.values()].sort((a, b) => a.top - b.top || a.left - b.left);
  }

  private columnFill(col: number): { has: boolean; fill: string | null } {
    for (let i = this.columns.length - 1; i >= 0; i--) {
      const c = this.columns[i];
      if (col >= c.min && col <= c.max) return { has: c.style.hasFill, fill: c.style.fill };
    }
    return { has: false, fill: null };
  }

  /** A row where cells the file does not store may still show a row or column fill. */
  private layRowWithHoles(row: StoredRow, left: number, right: number, merges: CellBox[]): Laid {
    const spanning = merges.filter((m) => m.top <= row.row && m.bottom >= row.row);
    let length = row.cols[row.cols.length - 1];
    for (const m of spanning) if (m.right > length) length = m.right;
    const end = Math.min(right, length);
    const width = Math.max(0, end - left + 1);
    this.context.cells.add(width, `${this.name}'s grid has`);
    const values = new Array<CellValue>(width).fill(null);
    const texts = new Array<string | null>(width).fill(null);
    const formats = new Array<string | null>(width).fill(null);
    const fills = new Array<string | null>(width).fill(null);
    const stored = new Uint8Array(width);
    for (let i = 0; i < row.cols.length; i++) {
      const at = row.cols[i] - left;
      if (at < 0 || at >= width) continue;
      stored[at] = 1;
      placeCell(row, i, at, this.context.styles, values, texts, formats, fills);
    }
    const lastStored = row.cols[row.cols.length - 1];
    const rowFill = row.style?.hasFill ? row.style.fill : undefined;
    for (let at = 0; at < width; at++) {
      if (stored[at]) continue;
      const col = left + at;
      if (col > lastStored && !spanning.some((m) => col >= m.left && col <= m.right)) continue;
      fills[at] = rowFill !== undefined ? rowFill : this.columnFill(col).fill;
    }
    let last = width - 1;
    while (last >= 0 && values[last] === null && fills[last] === null) last--;
    const keep = last + 1;
    return {
      values: values.slice(0, keep),
      texts: texts.slice(0, keep),
      formats: formats.slice(0, keep),
      fills: fills.slice(0, keep),
    };
  }
}

interface Laid {
  values: CellValue[];
  texts: (string | null)[];
  formats: (string | null)[];
  fills: (string | null)[];
}

/** The index of the first row numbered `row` or more (rows sorted by number). */
function firstRowAtOrAfter(rows: StoredRow[], row: number): number {
  let lo = 0,
    hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid].row < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function covers(m: CellBox, row: number, col: number): boolean {
  return row >= m.top && row <= m.bottom && col >= m.left && col <= m.right;
}

/** A row of stored cells only: it ends at its last cell (inside the grid) with a value or a fill. */
function layRow(row: StoredRow, left: number, right: number, context: SheetContext): Laid {
  const { styles, cells } = context;
  let last = -1;
  for (let i = row.cols.length - 1; i >= 0; i--) {
    const c = row.cols[i];
    if (
      c >= left &&
      c <= right &&
      (row.values[i] !== null || (styles[row.styles[i]]?.fill ?? null) !== null)
    ) {
      last = c;
      break;
    }
  }
  const width = last < 0 ? 0 : last - left + 1;
  cells.add(width, "the grid has");
  const values = new Array<CellValue>(width).fill(null);
  const texts = new Array<string | null>(width).fill(null);
  const formats = new Array<string | null>(width).fill(null);
  const fills = new Array<string | null>(width).fill(null);
  for (let i = 0; i < row.cols.length; i++) {
    const at = row.cols[i] - left;
    if (at < 0 || at >= width) continue;
    placeCell(row, i, at, styles, values, texts, formats, fills);
  }
  return { values, texts, formats, fills };
}

/** Puts stored cell i of the row at `at`: its value, the text Excel shows for text and booleans, its style's format and fill. */
function placeCell(
  row: StoredRow,
  i: number,
  at: number,
  styles: readonly CellStyle[],
  values: CellValue[],
  texts: (string | null)[],
  formats: (string | null)[],
  fills: (string | null)[],
): void {
  const value = row.values[i];
  const style = row.styles[i] > 0 ? styles[row.styles[i]] : undefined;
  values[at] = value;
  texts[at] =
    typeof value === "string" ? value : typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : null;
  formats[at] = value === null ? null : (style?.numberFormat ?? "General");
  fills[at] = style?.fill ?? null;
}

function mergeRepeatedRows(rows: StoredRow[]): StoredRow[] {
  const byNumber = new Map<number, StoredRow>();
  for (const row of rows) {
    const seen = byNumber.get(row.row);
    if (!seen) {
      byNumber.set(row.row, row);
      continue;
    }
    seen.cols.push(...row.cols);
    seen.values.push(...row.values);
    seen.styles.push(...row.styles);
    seen.style = row.style;
  }
  return [...byNumber.values()].sort((a, b) => a.row - b.row);
}

function sortCells(row: StoredRow): void {
  const last = new Map<number, number>();
  row.cols.forEach((c, i) => last.set(c, i));
  const order = [...last.entries()].sort((a, b) => a[0] - b[0]).map(([, i]) => i);
  row.cols = order.map((i) => row.cols[i]);
  row.values = order.map((i) => row.values[i]);
  row.styles = order.map((i) => row.styles[i]);
}
