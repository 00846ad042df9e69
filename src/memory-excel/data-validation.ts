/**
 * Data validation of the in-memory Excel: rules kept on non-overlapping boxes. clear() cuts the
 * range out of every rule; setting a rule where another rule covers part of the range throws
 * InvalidArgument (clear first, as Office.js requires). Only list rules are modelled.
 */
import { area, intersection, intersects, sameBox, subtract } from "../excel/a1";
import type { MemoryRequestContext } from "./context";
import { MemoryOfficeError } from "./errors";
import { MemoryObject, unknownProperty } from "./object";
import type { ListRule, MemValidation } from "./state";
import type { RangeTarget } from "./targets";

export class DataValidationProxy extends MemoryObject {
  constructor(
    context: MemoryRequestContext,
    private readonly resolveTarget: () => RangeTarget | null,
  ) {
    super(context, "DataValidation");
  }

  private target(): RangeTarget {
    const t = this.resolveTarget();
    if (!t)
      throw new MemoryOfficeError("ItemNotFound", "The range of this data validation is a null object.");
    return t;
  }

  protected resolvesToNull(): boolean {
    return this.resolveTarget() === null;
  }

  private intersecting(t: RangeTarget): MemValidation[] {
    return t.sheet.validations.filter((v) => intersects(v.box, t.box));
  }

  /** None, List, MixedCriteria (some cells validated) or Inconsistent (different rules), as Excel reports. */
  private typeOf(t: RangeTarget): string {
    const found = this.intersecting(t);
    if (found.length === 0) return "None";
    const covered = found.reduce((sum, v) => sum + area(intersection(v.box, t.box) ?? v.box), 0);
    if (covered < area(t.box)) return "MixedCriteria";
    const rules = new Set(found.map((v) => JSON.stringify(v.rule)));
    return rules.size === 1 ? "List" : "Inconsistent";
  }

  protected readProperty(name: string): unknown {
    const t = this.target();
    const found = this.intersecting(t);
    const only = found.length === 1 && sameBox(found[0].box, t.box) ? found[0] : null;
    switch (name) {
      case "type":
        return this.typeOf(t);
      case "rule":
        return only ? structuredClone(only.rule) : {};
      case "errorAlert":
        return only ? { ...only.errorAlert } : null;
      case "prompt":
        return only ? { ...only.prompt } : null;
      case "ignoreBlanks":
        return only ? only.ignoreBlanks : true;
      default:
        throw unknownProperty("DataValidation", name);
    }
  }

  get type(): string {
    return this.prop("type");
  }

  private write(request: unknown, apply: (t: RangeTarget) => void): void {
    this.context.enqueueRangeWrite(request, () => this.target(), apply);
  }

  set rule(rule: { list?: { inCellDropDown: boolean; source: string } }) {
    this.write(rule, (t) => {
      const list = rule.list;
      if (!list || typeof list.source !== "string")
        throw new MemoryOfficeError(
          "InvalidArgument",
          "Only list rules with a text source are modelled by the memory Excel.",
        );
      if (list.source.length > 255)
        throw new MemoryOfficeError("InvalidArgument", "A list source is limited to 255 characters.");
      const found = this.intersecting(t);
      if (found.some((v) => !sameBox(v.box, t.box))) {
        throw new MemoryOfficeError(
          "InvalidArgument",
          "The range already has data validation on some of its cells: clear it first.",
        );
      }
      const next: ListRule = { list: { inCellDropDown: list.inCellDropDown, source: list.source } };
      if (found[0]) found[0].rule = next;
      else
        t.sheet.validations.push({
          box: { ...t.box },
          rule: next,
          errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
          prompt: { showPrompt: false, title: "", message: "" },
          ignoreBlanks: true,
        });
    });
  }

  set errorAlert(alert: Partial<MemValidation["errorAlert"]>) {
    this.write(alert, (t) => {
      const found = this.intersecting(t);
      if (found.length === 0)
        throw new MemoryOfficeError("InvalidArgument", "There is no data validation rule on this range.");
      for (const v of found) v.errorAlert = { ...v.errorAlert, ...alert };
    });
  }

  set prompt(prompt: Partial<MemValidation["prompt"]>) {
    this.write(prompt, (t) => {
      const found = this.intersecting(t);
      if (found.length === 0)
        throw new MemoryOfficeError("InvalidArgument", "There is no data validation rule on this range.");
      for (const v of found) v.prompt = { ...v.prompt, ...prompt };
    });
  }

  clear(): void {
    this.write("clear", (t) => {
      t.sheet.validations = t.sheet.validations.flatMap((v) =>
        intersects(v.box, t.box)
          ? subtract(v.box, t.box).map((box) => ({ ...structuredClone(v), box }))
          : [v],
      );
    });
  }
}
