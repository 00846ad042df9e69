/**
 * What recheckRows needs to know about a previous result that the result itself does not
 * carry (each tab's layout: headings, header rows, used range). Held beside the result, never
 * inside it, so results stay plain JSON. A result without it (e.g. one read back from JSON)
 * is simply checked again in full.
 */
import type { EvaluateContext } from "./evaluate";
import type { CheckOptions, PlanResult } from "./model";
import type { PlanSheet } from "./plan";
import type { SheetLayout } from "./plan/layout";

interface SheetState {
  layout: SheetLayout;
  /** The used range and merges the layout was read from. */
  extent: string;
}

export interface ResultState {
  ctx: EvaluateContext;
  /** The options that shape the layout and ratings (legend, column overrides, own tabs). */
  optionsKey: string;
  sheets: Map<string, SheetState>;
}

const states = new WeakMap<PlanResult, ResultState>();

export function extentOf(sheet: PlanSheet["cells"]): string {
  const merges = (sheet.sheet.merges ?? []).map((m) => `${m.top},${m.left},${m.bottom},${m.right}`).join(";");
  return `${sheet.firstRow}:${sheet.lastRow}:${sheet.firstCol}:${sheet.lastCol}|${merges}`;
}

export function optionsKeyOf(options: CheckOptions): string {
  return JSON.stringify([options.legend ?? null, options.columnOverrides ?? [], options.ownSheets ?? []]);
}

export function rememberLayouts(
  result: PlanResult,
  sheets: PlanSheet[],
  ctx: EvaluateContext,
  options: CheckOptions,
): void {
  states.set(result, {
    ctx,
    optionsKey: optionsKeyOf(options),
    sheets: new Map(sheets.map((s) => [s.layout.name, { layout: s.layout, extent: extentOf(s.cells) }])),
  });
}

export function remember(result: PlanResult, state: ResultState): void {
  states.set(result, state);
}

export function recall(result: PlanResult): ResultState | undefined {
  return states.get(result);
}
