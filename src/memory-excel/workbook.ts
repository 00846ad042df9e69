/** Workbook, its worksheet collection and application, of the in-memory Excel. */
import type { MemoryRequestContext } from "./context";
import { MemoryOfficeError } from "./errors";
import { ClientResult, loadNames, MemoryObject, notFound, unknownProperty, type LoadOption } from "./object";
import type { MemSheet } from "./state";
import { guardStructure } from "./structure-guard";
import { readSheetProperty, WorksheetProxy } from "./worksheet";

export class WorkbookProtectionProxy extends MemoryObject {
  constructor(context: MemoryRequestContext) {
    super(context, "WorkbookProtection");
  }
  protected resolvesToNull(): boolean {
    return false;
  }
  protected readProperty(name: string): unknown {
    if (name === "protected") return this.context.memory.structureProtected;
    throw unknownProperty("WorkbookProtection", name);
  }
  get protected(): boolean {
    return this.prop("protected");
  }
}

export class WorksheetCollectionProxy extends MemoryObject {
  private loadedItems: WorksheetProxy[] | null = null;

  constructor(context: MemoryRequestContext) {
    super(context, "WorksheetCollection");
  }

  protected resolvesToNull(): boolean {
    return false;
  }

  protected readProperty(name: string): unknown {
    if (name === "count") return this.context.memory.sheets.length;
    throw unknownProperty("WorksheetCollection", name);
  }

  override load(option?: LoadOption): this {
    const names = loadNames(option, "WorksheetCollection");
    const itemProps = names.filter((n) => n.startsWith("items/")).map((n) => n.slice(6));
    if (itemProps.length !== names.length) super.load(names.filter((n) => !n.startsWith("items/")));
    if (itemProps.length === 0) return this;
    this.context.enqueue({
      run: () =>
        this.context.memory.sheets.map((sheet) =>
          Object.fromEntries(itemProps.map((p) => [p, readSheetProperty(this.context, sheet, p)])),
        ),
      deliver: (rows) => {
        const sheets = [...this.context.memory.sheets];
        this.loadedItems = (rows as Record<string, unknown>[]).map((values, i) => {
          const sheet = sheets[i];
          const proxy = new WorksheetProxy(this.context, () =>
            this.context.memory.sheets.includes(sheet) ? sheet : null,
          );
          proxy.preload(values);
          return proxy;
        });
      },
    });
    return this;
  }

  get items(): WorksheetProxy[] {
    if (!this.loadedItems)
      throw new MemoryOfficeError(
        "PropertyNotLoaded",
        "The property 'items' is not available. Load it first.",
      );
    return this.loadedItems;
  }

  add(name: string): WorksheetProxy {
    let created: MemSheet | null = null;
    this.context.enqueue({
      request: name,
      run: () => {
        this.context.guardWrite(null);
        guardStructure(this.context, "add a sheet");
        if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name))
          throw new MemoryOfficeError("InvalidArgument", `${name} is not a valid sheet name.`);
        if (this.context.memory.findSheet(name))
          throw new MemoryOfficeError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
        created = this.context.memory.addSheet(name);
      },
    });
    return new WorksheetProxy(this.context, () => {
      if (!created) throw notFound(`new sheet ${name}`);
      return created;
    });
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const sheet = this.context.memory.findSheet(name);
      if (!sheet) throw notFound(`worksheet ${name}`);
      return sheet;
    });
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.memory.findSheet(name), true);
  }

  getFirst(visibleOnly = false): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const sheet = this.context.memory.sheets.find((s) => !visibleOnly || s.visibility === "visible");
      if (!sheet) throw notFound("first worksheet");
      return sheet;
    });
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const memory = this.context.memory;
      const sheet = memory.sheets.find((s) => s.id === memory.activeSheetId);
      if (!sheet) throw notFound("active worksheet");
      return sheet;
    });
  }

  getCount(visibleOnly = false): ClientResult<number> {
    const result = new ClientResult<number>();
    this.context.enqueue({
      run: () => this.context.memory.sheets.filter((s) => !visibleOnly || s.visibility === "visible").length,
      deliver: (n) => result.set(n as number),
    });
    return result;
  }
}

export class ApplicationProxy {
  constructor(private readonly context: MemoryRequestContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue({ run: () => void (this.context.memory.calculationSuspended = true) });
  }
}

export class WorkbookProxy extends MemoryObject {
  readonly worksheets: WorksheetCollectionProxy;
  readonly application: ApplicationProxy;
  readonly protection: WorkbookProtectionProxy;

  constructor(context: MemoryRequestContext) {
    super(context, "Workbook");
    this.worksheets = new WorksheetCollectionProxy(context);
    this.application = new ApplicationProxy(context);
    this.protection = new WorkbookProtectionProxy(context);
  }

  protected override child(name: string): MemoryObject | null {
    return name === "protection" ? this.protection : null;
  }

  protected resolvesToNull(): boolean {
    return false;
  }

  protected readProperty(name: string): unknown {
    if (name === "readOnly") return this.context.memory.readOnly;
    throw unknownProperty("Workbook", name);
  }

  get readOnly(): boolean {
    return this.prop("readOnly");
  }
}
