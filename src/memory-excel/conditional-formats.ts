/**
 * Conditional formats of the in-memory Excel: kept on ranges (one or more boxes), in priority
 * order per sheet. Only the custom (formula) type is modelled. clearAll() on a range removes
 * every rule that intersects it.
 */
import { intersects } from "../excel/a1";
import { normaliseColour } from "./colour";
import type { MemoryRequestContext } from "./context";
import { MemoryOfficeError } from "./errors";
import { ClientResult, MemoryObject, unknownProperty } from "./object";
import type { MemConditionalFormat, MemSheet } from "./state";
import type { AreasTarget } from "./targets";

type CfTarget = () => { sheet: MemSheet; cf: MemConditionalFormat };

function writeOp(
  context: MemoryRequestContext,
  target: CfTarget,
  request: unknown,
  apply: (cf: MemConditionalFormat, sheet: MemSheet) => void,
): void {
  context.enqueue({
    request,
    run: () => {
      const t = target();
      context.guardWrite(t.sheet);
      apply(t.cf, t.sheet);
    },
  });
}

class ColourSetter {
  constructor(
    private readonly context: MemoryRequestContext,
    private readonly target: CfTarget,
    private readonly field: "fill" | "fontColor",
  ) {}
  set color(value: string) {
    writeOp(this.context, this.target, value, (cf) => void (cf[this.field] = normaliseColour(value)));
  }
}

export class ConditionalFormatProxy extends MemoryObject {
  readonly custom: {
    rule: { formula: string };
    format: { fill: ColourSetter; font: ColourSetter };
  };

  constructor(
    context: MemoryRequestContext,
    private readonly target: CfTarget,
  ) {
    super(context, "ConditionalFormat");
    const rule = {} as { formula: string };
    Object.defineProperty(rule, "formula", {
      set: (formula: string) =>
        writeOp(context, target, formula, (cf) => {
          if (typeof formula !== "string" || !formula.startsWith("="))
            throw new MemoryOfficeError(
              "InvalidArgument",
              "A custom conditional format needs a formula starting with =.",
            );
          cf.formula = formula;
        }),
      get: () => {
        throw new MemoryOfficeError("PropertyNotLoaded", "Load the rule before reading its formula.");
      },
    });
    this.custom = {
      rule,
      format: {
        fill: new ColourSetter(context, target, "fill"),
        font: new ColourSetter(context, target, "fontColor"),
      },
    };
  }

  protected resolvesToNull(): boolean {
    this.target();
    return false;
  }

  protected readProperty(name: string): unknown {
    const { sheet, cf } = this.target();
    if (name === "priority") return sheet.conditionalFormats.indexOf(cf);
    if (name === "stopIfTrue") return cf.stopIfTrue;
    if (name === "type") return cf.type;
    throw unknownProperty("ConditionalFormat", name);
  }

  get priority(): number {
    return this.prop("priority");
  }
  set priority(value: number) {
    writeOp(this.context, this.target, value, (cf, sheet) => {
      const list = sheet.conditionalFormats.filter((c) => c !== cf);
      list.splice(Math.max(0, Math.min(value, list.length)), 0, cf);
      sheet.conditionalFormats = list;
    });
  }
  get stopIfTrue(): boolean {
    return this.prop("stopIfTrue");
  }
  set stopIfTrue(value: boolean) {
    writeOp(this.context, this.target, value, (cf) => void (cf.stopIfTrue = value));
  }
}

export class ConditionalFormatCollectionProxy extends MemoryObject {
  constructor(
    context: MemoryRequestContext,
    private readonly resolveTarget: () => AreasTarget | null,
  ) {
    super(context, "ConditionalFormatCollection");
  }

  private target(): AreasTarget {
    const t = this.resolveTarget();
    if (!t)
      throw new MemoryOfficeError("ItemNotFound", "The range of these conditional formats is a null object.");
    return t;
  }

  protected resolvesToNull(): boolean {
    return this.resolveTarget() === null;
  }

  private intersecting(t: AreasTarget): MemConditionalFormat[] {
    return t.sheet.conditionalFormats.filter((cf) =>
      cf.boxes.some((b) => t.boxes.some((x) => intersects(b, x))),
    );
  }

  protected readProperty(name: string): unknown {
    if (name === "count") return this.intersecting(this.target()).length;
    throw unknownProperty("ConditionalFormatCollection", name);
  }

  /** Adds a rule at priority 0 (Excel puts a new rule first). */
  add(type: string): ConditionalFormatProxy {
    let created: { sheet: MemSheet; cf: MemConditionalFormat } | null = null;
    this.context.enqueue({
      request: type,
      run: () => {
        const t = this.target();
        this.context.guardWrite(t.sheet);
        if (type !== "Custom")
          throw new MemoryOfficeError(
            "InvalidArgument",
            `Conditional format type ${type} is not modelled by the memory Excel.`,
          );
        const cf: MemConditionalFormat = {
          id: this.context.memory.newId(),
          boxes: t.boxes.map((b) => ({ ...b })),
          type: "Custom",
          formula: "",
          fill: null,
          fontColor: null,
          stopIfTrue: false,
        };
        t.sheet.conditionalFormats.unshift(cf);
        created = { sheet: t.sheet, cf };
      },
    });
    return new ConditionalFormatProxy(this.context, () => {
      if (!created) throw new MemoryOfficeError("ItemNotFound", "The conditional format was not created.");
      return created;
    });
  }

  clearAll(): void {
    this.context.enqueue({
      request: "clearAll",
      run: () => {
        const t = this.target();
        this.context.guardWrite(t.sheet);
        const gone = new Set(this.intersecting(t));
        t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !gone.has(cf));
      },
    });
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.context.enqueue({
      run: () => {
        const t = this.resolveTarget();
        return t ? this.intersecting(t).length : null;
      },
      deliver: (n) => result.set(n as number),
    });
    return result;
  }
}
