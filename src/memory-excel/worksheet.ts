/** Worksheet, its protection and its onChanged event, of the in-memory Excel. */
import type { SheetVisibility } from "../core/grid";
import { MAX_COLS, MAX_ROWS, parseAddress, parseBox } from "../excel/a1";
import { ChartCollectionProxy } from "./charts";
import type { MemoryRequestContext } from "./context";
import { MemoryOfficeError } from "./errors";
import type { ChangedHandler } from "./events";
import { MemoryObject, notFound, unknownProperty } from "./object";
import { RANGES_ADDRESS_LIMIT } from "./state";
import { guardStructure } from "./structure-guard";
import { RangeAreasProxy, RangeProxy } from "./range";
import type { MemSheet } from "./state";
import type { Resolver } from "./targets";

const VISIBILITY: Record<SheetVisibility, string> = {
  visible: "Visible",
  hidden: "Hidden",
  veryHidden: "VeryHidden",
};
const FROM_VISIBILITY: Record<string, SheetVisibility> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

export class WorksheetProtectionProxy extends MemoryObject {
  constructor(
    context: MemoryRequestContext,
    private readonly sheet: () => MemSheet | null,
  ) {
    super(context, "WorksheetProtection");
  }
  protected resolvesToNull(): boolean {
    return this.sheet() === null;
  }
  protected readProperty(name: string): unknown {
    if (name === "protected") return this.sheet()?.protected ?? false;
    throw unknownProperty("WorksheetProtection", name);
  }
  get protected(): boolean {
    return this.prop("protected");
  }
}

export class EventHandlerResultProxy {
  constructor(
    readonly context: MemoryRequestContext,
    private readonly sheetId: () => string | null,
    private readonly handler: ChangedHandler,
  ) {}
  remove(): void {
    this.context.enqueue({
      run: () => {
        const id = this.sheetId();
        if (id) this.context.memory.events.remove(id, this.handler);
      },
    });
  }
}

export class WorksheetEventProxy {
  constructor(
    private readonly context: MemoryRequestContext,
    private readonly sheet: () => MemSheet,
  ) {}
  /** Registers the handler at the next sync (handlers are not persisted with the workbook). */
  add(handler: ChangedHandler): EventHandlerResultProxy {
    let id: string | null = null;
    this.context.enqueue({
      run: () => {
        id = this.sheet().id;
        this.context.memory.events.add(id, handler);
      },
    });
    return new EventHandlerResultProxy(this.context, () => id, handler);
  }
}

export class WorksheetProxy extends MemoryObject {
  readonly protection: WorksheetProtectionProxy;
  readonly charts: ChartCollectionProxy;
  readonly onChanged: WorksheetEventProxy;

  constructor(
    context: MemoryRequestContext,
    private readonly resolveSheet: Resolver<MemSheet>,
    nullable = false,
  ) {
    super(context, "Worksheet", nullable);
    this.protection = new WorksheetProtectionProxy(context, resolveSheet);
    this.charts = new ChartCollectionProxy(context, () => this.resolveSheet());
    this.onChanged = new WorksheetEventProxy(context, () => this.sheet());
  }

  /** Preloads values (from a collection's items load). */
  preload(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.loadedProps.set(k, v);
  }

  sheet(): MemSheet {
    const s = this.resolveSheet();
    if (!s) throw notFound("worksheet");
    return s;
  }

  protected resolvesToNull(): boolean {
    return this.resolveSheet() === null;
  }

  protected override child(name: string): MemoryObject | null {
    return name === "protection" ? this.protection : null;
  }

  protected readProperty(name: string): unknown {
    return readSheetProperty(this.context, this.sheet(), name);
  }

  get name(): string {
    return this.prop("name");
  }
  get id(): string {
    return this.prop("id");
  }
  get visibility(): string {
    return this.prop("visibility");
  }
  get position(): number {
    return this.prop("position");
  }

  private write(request: unknown, apply: (sheet: MemSheet) => void, guardProtection = true): void {
    this.context.enqueue({
      request,
      run: () => {
        const sheet = this.sheet();
        this.context.guardWrite(guardProtection ? sheet : null);
        apply(sheet);
      },
    });
  }

  set visibility(value: string) {
    this.write(
      value,
      (sheet) => {
        const next = FROM_VISIBILITY[value];
        if (!next) throw new MemoryOfficeError("InvalidArgument", `${value} is not a sheet visibility.`);
        if (next !== sheet.visibility) guardStructure(this.context, "hide or unhide a sheet");
        const others = this.context.memory.sheets.filter((s) => s !== sheet && s.visibility === "visible");
        if (next !== "visible" && others.length === 0)
          throw new MemoryOfficeError(
            "InvalidOperation",
            "A workbook must contain at least one visible worksheet.",
          );
        // Changing a sheet's visibility has no undo on Windows and Mac: it clears the undo list
        // (Learn: "Undo capabilities in Excel add-ins", unsupported APIs).
        if (next !== sheet.visibility && this.context.memory.platform === "desktop")
          this.context.memory.undo.clear();
        sheet.visibility = next;
        if (next !== "visible" && this.context.memory.activeSheetId === sheet.id)
          this.context.memory.activeSheetId = others[0].id;
      },
      false,
    );
  }

  set name(value: string) {
    this.write(
      value,
      (sheet) => {
        guardStructure(this.context, "rename a sheet");
        if (!value || value.length > 31 || /[[\]:*?/\\]/.test(value))
          throw new MemoryOfficeError("InvalidArgument", `${value} is not a valid sheet name.`);
        const other = this.context.memory.findSheet(value);
        if (other && other !== sheet)
          throw new MemoryOfficeError("ItemAlreadyExists", `A sheet named ${value} already exists.`);
        sheet.name = value;
      },
      false,
    );
  }

  activate(): void {
    this.context.enqueue({
      run: () => {
        const sheet = this.sheet();
        if (sheet.visibility !== "visible")
          throw new MemoryOfficeError(
            "InvalidOperation",
            `The sheet ${sheet.name} is hidden and cannot be activated.`,
          );
        this.context.memory.activeSheetId = sheet.id;
      },
    });
  }

  delete(): void {
    this.write(
      "delete",
      (sheet) => {
        const memory = this.context.memory;
        guardStructure(this.context, "delete a sheet");
        if (
          sheet.visibility === "visible" &&
          memory.sheets.filter((s) => s.visibility === "visible").length === 1
        ) {
          throw new MemoryOfficeError(
            "InvalidOperation",
            "A workbook must contain at least one visible worksheet.",
          );
        }
        memory.sheets.splice(memory.sheets.indexOf(sheet), 1);
        if (memory.activeSheetId === sheet.id)
          memory.activeSheetId = memory.sheets.find((s) => s.visibility === "visible")?.id ?? null;
      },
      false,
    );
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.resolveSheet();
      if (!sheet) return null;
      if (address === undefined || address === "")
        return { sheet, box: { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS } };
      const box = parseBox(address);
      if (!box) throw new MemoryOfficeError("InvalidArgument", `The address ${address} is not valid.`);
      return { sheet, box };
    });
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number,
  ): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.resolveSheet();
      if (!sheet) return null;
      if (
        startRow < 0 ||
        startColumn < 0 ||
        rowCount < 1 ||
        columnCount < 1 ||
        startRow + rowCount > MAX_ROWS ||
        startColumn + columnCount > MAX_COLS
      ) {
        throw new MemoryOfficeError("InvalidArgument", "The range indexes are outside the sheet.");
      }
      return {
        sheet,
        box: {
          top: startRow + 1,
          left: startColumn + 1,
          bottom: startRow + rowCount,
          right: startColumn + columnCount,
        },
      };
    });
  }

  getRanges(address: string): RangeAreasProxy {
    return new RangeAreasProxy(this.context, () => {
      const sheet = this.resolveSheet();
      if (!sheet) return null;
      // Past about 8,192 characters Excel refuses the address (OfficeDev/office-js#5198).
      if (address.length > RANGES_ADDRESS_LIMIT)
        throw new MemoryOfficeError(
          "InvalidArgument",
          "The argument is invalid or missing or has an incorrect format.",
        );
      const parsed = parseAddress(address);
      if (!parsed) throw new MemoryOfficeError("InvalidArgument", `The address ${address} is not valid.`);
      return { sheet, boxes: parsed.boxes };
    });
  }

  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.sheet();
      return {
        sheet,
        box: this.context.memory.usedBox(sheet, valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 },
      };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const sheet = this.resolveSheet();
        if (!sheet) return null;
        const box = this.context.memory.usedBox(sheet, valuesOnly);
        return box ? { sheet, box } : null;
      },
      true,
    );
  }

  getNextOrNullObject(visibleOnly = false): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      () => {
        const sheet = this.resolveSheet();
        if (!sheet) return null;
        const sheets = this.context.memory.sheets;
        return (
          sheets.slice(sheets.indexOf(sheet) + 1).find((s) => !visibleOnly || s.visibility === "visible") ??
          null
        );
      },
      true,
    );
  }
}

export function readSheetProperty(context: MemoryRequestContext, sheet: MemSheet, name: string): unknown {
  switch (name) {
    case "name":
      return sheet.name;
    case "id":
      return sheet.id;
    case "visibility":
      return VISIBILITY[sheet.visibility];
    case "position":
      return context.memory.sheets.indexOf(sheet);
    default:
      throw unknownProperty("Worksheet", name);
  }
}
