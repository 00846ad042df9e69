/** Range.format (fill, font, column width) of the in-memory Excel. */
import type { MemoryRequestContext } from "./context";
import { normaliseColour } from "./colour";
import { MemoryObject, unknownProperty } from "./object";
import type { MemCell } from "./state";
import type { RangeTarget } from "./targets";

abstract class FormatPart extends MemoryObject {
  constructor(
    context: MemoryRequestContext,
    typeName: string,
    protected readonly target: () => RangeTarget,
  ) {
    super(context, typeName);
  }

  protected resolvesToNull(): boolean {
    this.target();
    return false;
  }

  protected topLeft(): MemCell | undefined {
    const t = this.target();
    return this.context.memory.cell(t.sheet, t.box.top, t.box.left);
  }

  protected writeCells(request: unknown, apply: (cell: MemCell) => void): void {
    this.context.enqueueRangeWrite(
      request,
      () => this.target(),
      (t) => {
        for (let r = t.box.top; r <= t.box.bottom; r++)
          for (let c = t.box.left; c <= t.box.right; c++)
            apply(this.context.memory.cellForWrite(t.sheet, r, c));
      },
    );
  }
}

export class RangeFillProxy extends FormatPart {
  constructor(context: MemoryRequestContext, target: () => RangeTarget) {
    super(context, "RangeFill", target);
  }
  protected readProperty(name: string): unknown {
    if (name === "color") return this.topLeft()?.fill ?? null;
    throw unknownProperty("RangeFill", name);
  }
  get color(): string | null {
    return this.prop("color");
  }
  set color(value: string | null) {
    this.writeCells(value, (cell) => void (cell.fill = value === null ? null : normaliseColour(value)));
  }
  clear(): void {
    this.writeCells("clear", (cell) => void (cell.fill = null));
  }
}

export class RangeFontProxy extends FormatPart {
  constructor(context: MemoryRequestContext, target: () => RangeTarget) {
    super(context, "RangeFont", target);
  }
  protected readProperty(name: string): unknown {
    if (name === "bold") return this.topLeft()?.bold ?? false;
    if (name === "color") return this.topLeft()?.fontColor ?? "#000000";
    throw unknownProperty("RangeFont", name);
  }
  get bold(): boolean {
    return this.prop("bold");
  }
  set bold(value: boolean) {
    this.writeCells(value, (cell) => void (cell.bold = value));
  }
  get color(): string {
    return this.prop("color");
  }
  set color(value: string) {
    this.writeCells(value, (cell) => void (cell.fontColor = normaliseColour(value)));
  }
}

export class RangeFormatProxy extends FormatPart {
  readonly fill: RangeFillProxy;
  readonly font: RangeFontProxy;
  constructor(context: MemoryRequestContext, target: () => RangeTarget) {
    super(context, "RangeFormat", target);
    this.fill = new RangeFillProxy(context, target);
    this.font = new RangeFontProxy(context, target);
  }
  protected override child(name: string): MemoryObject | null {
    return name === "fill" ? this.fill : name === "font" ? this.font : null;
  }
  protected readProperty(name: string): unknown {
    if (name === "columnWidth") {
      const t = this.target();
      return t.sheet.columnWidths.get(t.box.left) ?? 48;
    }
    throw unknownProperty("RangeFormat", name);
  }
  get columnWidth(): number {
    return this.prop("columnWidth");
  }
  set columnWidth(points: number) {
    this.context.enqueue({
      request: points,
      run: () => {
        const t = this.target();
        this.context.guardWrite(t.sheet);
        for (let c = t.box.left; c <= t.box.right; c++) t.sheet.columnWidths.set(c, points);
      },
    });
  }
}
