/** Range and RangeAreas of the in-memory Excel. */
import type { CellBox, CellValue } from "../core/grid";
import { boxAddress, intersection, intersects, MAX_COLS, MAX_ROWS, parseBox, qualified } from "../excel/a1";
import { ConditionalFormatCollectionProxy } from "./conditional-formats";
import type { MemoryRequestContext } from "./context";
import { DataValidationProxy } from "./data-validation";
import { MemoryOfficeError } from "./errors";
import { ClientResult, MemoryObject, notFound, unknownProperty } from "./object";
import { RangeFormatProxy } from "./range-format";
import { cellKey, emptyCell, isBlankCell, MERGED_AREAS_LIMIT, type Hyperlink, type MemCell } from "./state";
import type { ShiftDirection } from "./events";
import { shiftCells, shiftSheet } from "./structure";
import { parseTyped } from "./typed-input";
import type { AreasTarget, RangeTarget, Resolver } from "./targets";
import { displayText } from "./text-format";

type ClearWhat = "All" | "Formats" | "Contents" | "Hyperlinks";

/** What a write through `values` stores: the value, and the number format typing it would give ("General" cells only). */
function coerceTyped(
  value: unknown,
  numberFormat: string,
  today: Date | null,
): { value: CellValue; format: string | null } {
  // Learn ("Set and get range values, text, or formulas"; Excel.Range.values): a string written
  // through values is parsed as if typed in the cell: "1/2" and "Apr-24" become dates, "50%",
  // "£5" and "1,000" numbers (with the matching number format). A text ("@") cell keeps text.
  if (typeof value === "string" && numberFormat !== "@" && !value.startsWith("'")) {
    const typed = parseTyped(value, (today ?? new Date()).getUTCFullYear());
    if (typed) return { value: typed.value, format: numberFormat === "General" ? typed.format : null };
  }
  return { value: coerce(value, numberFormat), format: null };
}

function coerce(value: unknown, numberFormat: string): CellValue {
  if (value === "") return null;
  // As when typing: a leading apostrophe keeps the rest as text (Excel hides it); "TRUE"/"false" become booleans.
  if (typeof value === "string" && value.startsWith("'"))
    return value.slice(1) === "" ? null : value.slice(1);
  if (typeof value === "string" && numberFormat !== "@" && /^-?\d+(\.\d+)?$/.test(value.trim()))
    return Number(value);
  if (typeof value === "string" && numberFormat !== "@" && /^(true|false)$/i.test(value.trim()))
    return value.trim().toLowerCase() === "true";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  throw new MemoryOfficeError(
    "InvalidArgument",
    `A cell value must be text, a number or a boolean (got ${typeof value}).`,
  );
}

export class RangeProxy extends MemoryObject {
  readonly format: RangeFormatProxy;
  readonly conditionalFormats: ConditionalFormatCollectionProxy;
  readonly dataValidation: DataValidationProxy;

  constructor(
    context: MemoryRequestContext,
    private readonly resolveTarget: Resolver<RangeTarget>,
    nullable = false,
  ) {
    super(context, "Range", nullable);
    this.format = new RangeFormatProxy(context, () => this.target());
    this.conditionalFormats = new ConditionalFormatCollectionProxy(context, () => {
      const t = this.resolveTarget();
      return t ? { sheet: t.sheet, boxes: [t.box] } : null;
    });
    this.dataValidation = new DataValidationProxy(context, () => this.resolveTarget());
  }

  protected resolvesToNull(): boolean {
    return this.resolveTarget() === null;
  }

  target(): RangeTarget {
    const t = this.resolveTarget();
    if (!t) throw notFound("range of a null object");
    return t;
  }

  /** Null past the workbook's valuesCellLimit, as Excel returns for very large ranges. */
  private grid<T>(box: CellBox, pick: (cell: MemCell | undefined) => T): T[][] {
    const { sheet } = this.target();
    const memory = this.context.memory;
    if ((box.bottom - box.top + 1) * (box.right - box.left + 1) > memory.valuesCellLimit) {
      // Learn ("Excel JavaScript API performance optimization", "Read or write large ranges"): past
      // about 5 million cells a read may fail; Excel on the web returns null, desktop may throw.
      if (memory.hugeRanges === "throw")
        throw new MemoryOfficeError("GeneralException", "The range is too large to read in one go.");
      return null as unknown as T[][];
    }
    const out: T[][] = [];
    for (let r = box.top; r <= box.bottom; r++) {
      const row: T[] = [];
      for (let c = box.left; c <= box.right; c++) row.push(pick(sheet.cells.get(cellKey(r, c))));
      out.push(row);
    }
    return out;
  }

  protected readProperty(name: string): unknown {
    const { sheet, box } = this.target();
    switch (name) {
      case "address":
        return qualified(sheet.name, box);
      case "addressLocal":
        return boxAddress(box);
      case "values":
        return this.grid(box, (c) => c?.value ?? "");
      case "text":
        return this.grid(box, (c) => (c ? displayText(c.value, c.numberFormat) : ""));
      case "numberFormat":
        return this.grid(box, (c) => c?.numberFormat ?? "General");
      case "rowCount":
        return box.bottom - box.top + 1;
      case "columnCount":
        return box.right - box.left + 1;
      case "rowIndex":
        return box.top - 1;
      case "columnIndex":
        return box.left - 1;
      case "cellCount":
        return (box.bottom - box.top + 1) * (box.right - box.left + 1);
      case "hyperlink":
        return sheet.cells.get(cellKey(box.top, box.left))?.hyperlink ?? null;
      default:
        throw unknownProperty("Range", name);
    }
  }

  get address(): string {
    return this.prop("address");
  }
  get values(): CellValue[][] {
    return this.prop("values");
  }
  get text(): string[][] {
    return this.prop("text");
  }
  get numberFormat(): string[][] {
    return this.prop("numberFormat");
  }
  get rowCount(): number {
    return this.prop("rowCount");
  }
  get columnCount(): number {
    return this.prop("columnCount");
  }
  get rowIndex(): number {
    return this.prop("rowIndex");
  }
  get columnIndex(): number {
    return this.prop("columnIndex");
  }
  get hyperlink(): Hyperlink | null {
    return this.prop("hyperlink");
  }

  /** Queues a write that runs at sync on the resolved range, after the protection / read-only check. */
  private write(request: unknown, apply: (t: RangeTarget) => void): void {
    this.context.enqueueRangeWrite(request, () => this.target(), apply);
  }

  /** Visits every cell of the range with its input (a 2-D array of the range's shape, or one value for all). */
  private eachInput(
    t: RangeTarget,
    input: unknown,
    visit: (row: number, col: number, value: unknown) => void,
  ): void {
    const rows = t.box.bottom - t.box.top + 1;
    const cols = t.box.right - t.box.left + 1;
    const matrix = Array.isArray(input) ? (input as unknown[][]) : null;
    if (matrix && (matrix.length !== rows || matrix.some((r) => !Array.isArray(r) || r.length !== cols))) {
      throw new MemoryOfficeError(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      );
    }
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) visit(t.box.top + r, t.box.left + c, matrix ? matrix[r][c] : input);
  }

  set values(input: unknown) {
    this.write(input, (t) => {
      const memory = this.context.memory;
      let before: CellValue = null;
      let after: CellValue = null;
      this.eachInput(t, input, (row, col, value) => {
        if (value === null || value === undefined) return; // Office.js: null leaves the cell as it is
        const cell = memory.cellForWrite(t.sheet, row, col);
        before = cell.value;
        const typed = coerceTyped(value, cell.numberFormat, memory.today);
        cell.value = typed.value;
        if (typed.format) cell.numberFormat = typed.format;
        after = cell.value;
      });
      memory.events.record(t.sheet.id, t.box, "ThisLocalAddin", before, after);
    });
  }

  set numberFormat(input: unknown) {
    this.write(input, (t) => {
      this.eachInput(t, input, (row, col, value) => {
        if (value === null || value === undefined) return;
        if (typeof value !== "string")
          throw new MemoryOfficeError("InvalidArgument", "A number format must be text.");
        this.context.memory.cellForWrite(t.sheet, row, col).numberFormat = value;
      });
    });
  }

  set hyperlink(link: Hyperlink) {
    this.write(link, (t) => {
      if (!link.address && !link.documentReference)
        throw new MemoryOfficeError(
          "InvalidArgument",
          "A hyperlink needs an address or a documentReference.",
        );
      this.eachInput(t, link, (row, col) => {
        const cell = this.context.memory.cellForWrite(t.sheet, row, col);
        cell.hyperlink = { ...link };
        if (link.textToDisplay !== undefined) cell.value = link.textToDisplay;
      });
    });
  }

  clear(applyTo: ClearWhat = "All"): void {
    this.write(applyTo, (t) => {
      const memory = this.context.memory;
      for (const [row, col, cell] of [...memory.cellsIn(t.sheet, t.box)]) {
        if (applyTo === "All" || applyTo === "Contents") cell.value = null;
        if (applyTo === "All" || applyTo === "Formats")
          Object.assign(cell, { ...emptyCell(), value: cell.value, hyperlink: cell.hyperlink });
        if (applyTo === "All" || applyTo === "Hyperlinks") cell.hyperlink = null;
        if (isBlankCell(cell, false)) t.sheet.cells.delete(cellKey(row, col));
      }
      if (applyTo === "All" || applyTo === "Formats") {
        t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter(
          (cf) => !cf.boxes.some((b) => intersects(b, t.box)),
        );
      }
      if (applyTo === "All" || applyTo === "Contents")
        memory.events.record(t.sheet.id, t.box, "ThisLocalAddin");
    });
  }

  /**
   * Inserts cells (Excel.Range.insert, ExcelApi 1.1, shift "Down" or "Right"): whole rows or
   * columns move everything after them; any other range moves the cells of its band (structure.ts).
   */
  insert(shift: string): RangeProxy {
    this.structural(true, shift);
    return this;
  }

  /** Deletes cells (Excel.Range.delete, ExcelApi 1.1, shift "Up" or "Left"), as insert(). */
  delete(shift: string): void {
    this.structural(false, shift);
  }

  private structural(insert: boolean, shift: string): void {
    this.write(shift, (t) => {
      const allowed = insert ? ["Down", "Right"] : ["Up", "Left"];
      if (!allowed.includes(shift))
        throw new MemoryOfficeError("InvalidArgument", `The shift direction '${shift}' is not valid here.`);
      const wholeRows = t.box.left === 1 && t.box.right === MAX_COLS;
      const wholeCols = t.box.top === 1 && t.box.bottom === MAX_ROWS;
      if (!wholeRows && !wholeCols) {
        shiftCells(this.context.memory, t.sheet, t.box, shift as ShiftDirection, "ThisLocalAddin");
        return;
      }
      const axis = wholeRows ? "rows" : "columns";
      const at = axis === "rows" ? t.box.top : t.box.left;
      const count = axis === "rows" ? t.box.bottom - t.box.top + 1 : t.box.right - t.box.left + 1;
      shiftSheet(this.context.memory, t.sheet, axis, at, count, insert, "ThisLocalAddin");
    });
  }

  select(): void {
    this.context.enqueue({
      run: () => {
        const t = this.target();
        if (t.sheet.visibility !== "visible")
          throw new MemoryOfficeError(
            "InvalidOperation",
            `The sheet ${t.sheet.name} is hidden; its cells cannot be selected.`,
          );
        this.context.memory.activeSheetId = t.sheet.id;
        this.context.memory.selection = { sheetId: t.sheet.id, box: { ...t.box } };
      },
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this.target();
      const top = t.box.top + row;
      const left = t.box.left + column;
      return { sheet: t.sheet, box: { top, left, bottom: top, right: left } };
    });
  }

  getCellProperties(options: {
    address?: boolean;
    format?: { fill?: { color?: boolean }; font?: { bold?: boolean; color?: boolean } };
  }): ClientResult<Record<string, unknown>[][]> {
    const result = new ClientResult<Record<string, unknown>[][]>();
    this.context.enqueue({
      request: options,
      run: () => {
        const t = this.resolveTarget();
        if (!t) return null;
        return this.grid(t.box, (cell) => {
          const out: Record<string, unknown> = {};
          const format: Record<string, unknown> = {};
          if (options.format?.fill?.color) format.fill = { color: cell?.fill ?? "#FFFFFF" };
          if (options.format?.font) {
            const font: Record<string, unknown> = {};
            if (options.format.font.bold) font.bold = cell?.bold ?? false;
            if (options.format.font.color) font.color = cell?.fontColor ?? "#000000";
            format.font = font;
          }
          if (options.format) out.format = format;
          return out;
        });
      },
      deliver: (value) => result.set(value as Record<string, unknown>[][]),
    });
    return result;
  }

  /** The cells this range shares with another (a Range or an address on the same sheet); a null object when none (ExcelApi 1.4). */
  getIntersectionOrNullObject(another: RangeProxy | string): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const t = this.resolveTarget();
        if (!t) return null;
        let other: CellBox | null;
        if (typeof another === "string") {
          other = parseBox(another);
          if (!other) throw new MemoryOfficeError("InvalidArgument", `The address ${another} is not valid.`);
        } else {
          const o = another.resolveTarget();
          if (!o) return null;
          if (o.sheet !== t.sheet)
            throw new MemoryOfficeError("InvalidArgument", "The ranges are on different worksheets.");
          other = o.box;
        }
        const box = intersection(t.box, other);
        return box ? { sheet: t.sheet, box } : null;
      },
      true,
    );
  }

  /**
   * Merges the range into one cell (Excel.Range.merge, ExcelApi 1.2); `across` merges each row
   * separately. Only the top-left value is kept, as in Excel.
   */
  merge(across = false): void {
    this.write(across, (t) => {
      const rows = across
        ? Array.from({ length: t.box.bottom - t.box.top + 1 }, (_, i) => ({
            ...t.box,
            top: t.box.top + i,
            bottom: t.box.top + i,
          }))
        : [t.box];
      for (const box of rows) {
        if (box.top === box.bottom && box.left === box.right) continue;
        t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, box));
        for (const [r, c, cell] of [...this.context.memory.cellsIn(t.sheet, box)])
          if (r !== box.top || c !== box.left) cell.value = null;
        t.sheet.merges.push({ ...box });
      }
    });
  }

  /** The used part of this range (Excel.Range.getUsedRangeOrNullObject, ExcelApi 1.4); a null object when empty. */
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const t = this.resolveTarget();
        if (!t) return null;
        const memory = this.context.memory;
        let box: CellBox | null = null;
        for (const [r, c, cell] of memory.cellsIn(t.sheet, t.box)) {
          if (isBlankCell(cell, valuesOnly)) continue;
          box = box
            ? {
                top: Math.min(box.top, r),
                bottom: Math.max(box.bottom, r),
                left: Math.min(box.left, c),
                right: Math.max(box.right, c),
              }
            : { top: r, bottom: r, left: c, right: c };
        }
        return box ? { sheet: t.sheet, box } : null;
      },
      true,
    );
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(
      this.context,
      () => {
        const t = this.resolveTarget();
        if (!t) return null;
        const boxes = t.sheet.merges.filter((m) => intersects(m, t.box));
        // Learn (Excel.Range.getMergedAreasOrNullObject): "If the merged areas count in the range is
        // more than 512, the API will fail to return the result." The error code is not documented.
        if (boxes.length > MERGED_AREAS_LIMIT)
          throw new MemoryOfficeError(
            "GeneralException",
            `The range holds ${boxes.length} merged areas; Excel returns at most ${MERGED_AREAS_LIMIT}.`,
          );
        return boxes.length > 0 ? { sheet: t.sheet, boxes: boxes.map((b) => ({ ...b })) } : null;
      },
      true,
    );
  }
}

export class RangeAreasProxy extends MemoryObject {
  readonly conditionalFormats: ConditionalFormatCollectionProxy;

  constructor(
    context: MemoryRequestContext,
    private readonly resolveTarget: Resolver<AreasTarget>,
    nullable = false,
  ) {
    super(context, "RangeAreas", nullable);
    this.conditionalFormats = new ConditionalFormatCollectionProxy(context, () => this.resolveTarget());
  }

  protected resolvesToNull(): boolean {
    return this.resolveTarget() === null;
  }

  target(): AreasTarget {
    const t = this.resolveTarget();
    if (!t) throw notFound("range areas of a null object");
    return t;
  }

  protected readProperty(name: string): unknown {
    const t = this.target();
    switch (name) {
      case "address":
        return t.boxes.map((b) => qualified(t.sheet.name, b)).join(",");
      case "areaCount":
        return t.boxes.length;
      default:
        throw unknownProperty("RangeAreas", name);
    }
  }

  get address(): string {
    return this.prop("address");
  }
  get areaCount(): number {
    return this.prop("areaCount");
  }
}
